// Learning a carrier from an agent's correction (see README.md in this folder).
export { applyLearned, recognise, allRead, type Applied } from './apply';
export { learnCarrier, type LearnResult, type TeachInfo, type Taught } from './learn';
export {
  LEARNABLE,
  LEARNED_KEY,
  CarrierProfileSchema,
  LearnedCarriersSchema,
  parseLearned,
  type CarrierProfile,
  type FieldSource,
  type FieldSources,
  type LearnableField,
  type LearnedCarriers,
} from './profile';
export {
  LOOKED,
  LOOKS,
  lookRegions,
  settleLooks,
  withLooks,
  type LookHow,
  type LookRegion,
  type PageBox,
} from './second-look';
export { LETTER_LOOKS, letterRepair, settleLetters, type LetterRepair } from './letters';
export { oddNumbers, settleOddNumbers, type OddNumber } from './odd-exchange';
export { packWords, unpackWords, type PackedWords } from './words';
export { CUT_NAME_LOOK, carriesOn, cutNameRegion, nameLines, settleCutName, type NameLine } from './cut-name';
