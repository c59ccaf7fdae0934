import { alderbrook } from './alderbrook';
import { avocet } from './avocet';
import { bayfront } from './bayfront';
import { bellwether } from './bellwether';
import { beacon } from './beacon';
import { bluebird } from './bluebird';
import { borealis } from './borealis';
import { cascade } from './cascade';
import { cobalt } from './cobalt';
import { copperline } from './copperline';
import { crestline } from './crestline';
import { driftwood } from './driftwood';
import { fieldstone } from './fieldstone';
import { fleuve } from './fleuve';
import { gannet } from './gannet';
import { granite } from './granite';
import { halyard } from './halyard';
import { harbor } from './harbor';
import { harrow } from './harrow';
import { heron } from './heron';
import { ironwood } from './ironwood';
import { sorrel } from './sorrel';
import { tallgrass } from './tallgrass';
import { tanager } from './tanager';
import { kestrel } from './kestrel';
import { kittiwake } from './kittiwake';
import { lakeshore } from './lakeshore';
import { larkspur } from './larkspur';
import { meridian } from './meridian';
import { municipal } from './municipal';
import { northwind } from './northwind';
import { osprey } from './osprey';
import { petrel } from './petrel';
import { pinecrest } from './pinecrest';
import { plover } from './plover';
import { quarry } from './quarry';
import { tamarack } from './tamarack';
import { redwood } from './redwood';
import { ridgeway } from './ridgeway';
import { sandpiper } from './sandpiper';
import { skylark } from './skylark';
import { summit } from './summit';
import { tidewater } from './tidewater';
import { trellis } from './trellis';
import type { Template } from './types';
import { wren } from './wren';
import { yunque } from './yunque';

export const TEMPLATES: Template[] = [
  northwind,
  bluebird,
  cascade,
  summit,
  harbor,
  pinecrest,
  redwood,
  lakeshore,
  meridian,
  granite,
  copperline,
  tidewater,
  beacon,
  ironwood,
  fieldstone,
  bayfront,
  crestline,
  quarry,
  tamarack,
  driftwood,
  fleuve,
  harrow,
  kestrel,
  osprey,
  ridgeway,
  trellis,
  borealis,
  cobalt,
  yunque,
  halyard,
  sandpiper,
  alderbrook,
  skylark,
  petrel,
  gannet,
  wren,
  heron,
  sorrel,
  // appended: a new template takes the next position, so every earlier bill of a run keeps its own
  bellwether,
  larkspur,
  tallgrass,
  tanager,
  plover,
  municipal,
  avocet,
  kittiwake,
];
