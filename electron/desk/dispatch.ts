// The single entry every door uses: unknown channel names and bad arguments are refused here,
// before any handler runs, and every failure becomes a DeskErrorShape (never a stack trace).
import { ZodError } from 'zod';
import {
  contract,
  type CallContext,
  type Channel,
  type DeskHandlers,
  type Envelope,
} from '../../shared/contract';
import { DeskError, fromZodError } from '../../shared/errors';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function toDeskError(err: unknown): DeskError {
  if (err instanceof DeskError) return err;
  if (err instanceof ZodError) return fromZodError(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ILLEGAL_TRANSITION') return new DeskError('ILLEGAL_TRANSITION', (err as Error).message);
  if (code === 'SQLITE_BUSY') return new DeskError('INTERNAL', 'The case store is busy; please try again.');
  return new DeskError(
    'INTERNAL',
    err instanceof Error ? `Unexpected error: ${err.message}` : 'Unexpected error.',
  );
}

export async function dispatch(
  handlers: DeskHandlers,
  channel: unknown,
  rawArgs: unknown,
  ctx: CallContext,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel).slice(0, 80)}` },
    };
  }
  const def = contract[channel];
  const parsed = def.args.safeParse(rawArgs ?? {});
  if (!parsed.success)
    return { ok: false, error: fromZodError(parsed.error, `arguments for ${channel}`).toShape() };
  try {
    const handler = handlers[channel] as (a: unknown, c: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toDeskError(err).toShape() };
  }
}
