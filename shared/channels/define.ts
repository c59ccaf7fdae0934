import type { z } from 'zod';

/** One contract entry: the zod schema of the single argument object and of the result. */
export interface ChannelDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
  /** One line for docs and the CLI help. */
  doc: string;
}

export const channel = <A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
  doc: string,
): ChannelDef<A, R> => ({
  args,
  result,
  doc,
});
