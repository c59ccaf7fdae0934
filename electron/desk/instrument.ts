// One log line per desk call, whichever door it came through: channel, duration, ok or the
// error code. Wrapping the handlers (rather than each door) means Electron IPC, the browser host
// and the CLI all log the same way without knowing about it. Arguments and results are never
// logged: they are customer data.
import type { CallContext, DeskHandlers } from '../../shared/contract';
import type { Logger } from './log';

const errorCode = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'INTERNAL';
};

/** Ids worth a line (which case, which document): numbers only, so nothing else can slip in. */
function ids(args: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!args || typeof args !== 'object') return out;
  for (const key of ['id', 'caseId', 'documentId'] as const) {
    const v = (args as Record<string, unknown>)[key];
    if (typeof v === 'number' && Number.isInteger(v)) out[key] = v;
  }
  return out;
}

export function instrumentHandlers(handlers: DeskHandlers, log: Logger): DeskHandlers {
  const out: Record<string, unknown> = {};
  for (const [channel, fn] of Object.entries(handlers) as [
    string,
    (a: unknown, c: CallContext) => unknown,
  ][]) {
    out[channel] = async (args: unknown, ctx: CallContext) => {
      const started = performance.now();
      try {
        const value = await fn(args, ctx);
        log.info('call', { channel, ms: Math.round(performance.now() - started), ok: true, ...ids(args) });
        return value;
      } catch (err) {
        const code = errorCode(err);
        const level = code === 'INTERNAL' ? 'error' : 'warn';
        log[level]('call', {
          channel,
          ms: Math.round(performance.now() - started),
          ok: false,
          code,
          ...ids(args),
        });
        throw err;
      }
    };
  }
  return out as unknown as DeskHandlers;
}
