// Channels of learned carriers: what the desk learned from agents' corrections, and forgetting it.
// Merged into shared/contract.ts.
import { z } from 'zod';
import { channel } from './define';
import { LEARNABLE } from '../extract/learn/profile';

export const LearnedCarrierSchema = z.object({
  id: z.string(),
  carrier: z.string(),
  /** fields a bill of this carrier is read with, from what was learned */
  fields: z.array(z.enum(LEARNABLE)),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** each bill that taught it, newest first */
  taught: z.array(
    z.object({
      at: z.string(),
      by: z.string(),
      bill: z.string(),
      documentId: z.number().int().nullable(),
      caseId: z.number().int().nullable(),
      fields: z.array(z.enum(LEARNABLE)),
    }),
  ),
});
export type LearnedCarrier = z.infer<typeof LearnedCarrierSchema>;

export const learnChannels = {
  'learn:list': channel(
    z.object({}).default({}),
    z.array(LearnedCarrierSchema),
    'The carriers this desk learned from corrections: what, from which bill, when.',
  ),
  'learn:forget': channel(
    z.object({ id: z.string().min(1).max(80).nullable() }),
    z.object({ forgotten: z.number().int() }),
    'Forget one learned carrier (by id), or all of them (id null): their bills read as before.',
  ),
} as const;
