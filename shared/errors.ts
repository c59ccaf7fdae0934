import type { z } from 'zod';
import type { DeskErrorShape, ErrorCode } from './contract';

/** An error meant for the agent: a code and a sentence, never a stack trace. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'DeskError';
  }
  toShape(): DeskErrorShape {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

/** Turns a zod error into one message naming every field at once. */
export function fromZodError(err: z.ZodError, what = 'argument'): DeskError {
  const issues = err.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join('.') : what,
    message: i.message,
  }));
  const text = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new DeskError('BAD_ARGUMENT', `Invalid ${what}: ${text}`, issues);
}
