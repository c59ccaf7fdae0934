// Structured JSON-lines log in <dataDir>/logs/desk.log, rotated by size (desk.log.1 … .N).
// It exists to answer "what failed, where, how long did it take" without ever holding customer
// data: agents paste these files into support tickets. So the logger takes only a fixed
// vocabulary of fields; any other field's text is dropped, and the free text it does keep has
// every digit run and e-mail address scrubbed (PINs, account numbers, phone numbers). Error
// messages are never logged, only their codes, because DeskError messages quote names and files.
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface FileLoggerOptions {
  /** Rotate when the current file would pass this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  /** Which door writes (electron, host, cli): several doors may share one data folder. */
  door?: string;
}

export const LOG_FILE = 'desk.log';
export const logsDir = (dataDir: string): string => path.join(dataDir, 'logs');

/**
 * Fields whose text is kept (after scrubbing). Everything else that is a string is replaced,
 * so a careless `log.info('x', { name })` cannot leak a customer name.
 */
const TEXT_FIELDS = new Set([
  'channel',
  'code',
  'door',
  'stage',
  'kind',
  'status',
  'from',
  'to',
  'reason',
  'method',
  'route',
  'mime',
  'rendition',
  'version',
  'backend',
]);

/** Digit runs of 3+ (with the separators people type inside numbers) and e-mail addresses. */
const DIGITS = /\+?\(?\d[\d\s().-]{1,}\d/g;
const EMAIL = /[^\s@"']+@[^\s@"']+/g;

export function scrubText(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(DIGITS, (m) => (/\d{3}/.test(m.replace(/\D/g, '')) ? '#' : m))
    .slice(0, 120);
}

/** The redaction layer: numbers and booleans pass, allowed text is scrubbed, other text is dropped. */
export function redactFields(fields: LogFields = {}): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/.test(key) || value === undefined) continue;
    if (typeof value === 'number') out[key] = Number.isFinite(value) ? value : null;
    else if (typeof value === 'boolean' || value === null) out[key] = value;
    else out[key] = TEXT_FIELDS.has(key) ? scrubText(value) : '[redacted]';
  }
  return out;
}

export function formatLine(level: LogLevel, event: string, fields?: LogFields, at = new Date()): string {
  return (
    JSON.stringify({ t: at.toISOString(), level, event: scrubText(event), ...redactFields(fields) }) + '\n'
  );
}

/**
 * A logger appending to <dataDir>/logs/desk.log. Writes are synchronous appends (one short line
 * per call, and O_APPEND keeps lines from two processes whole); logging never throws into the
 * caller, because a full disk must not turn a saved case into a failed request.
 */
export function fileLogger(dataDir: string, opts: FileLoggerOptions = {}): Logger {
  const maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
  const keep = Math.max(1, opts.keep ?? 5);
  const dir = logsDir(dataDir);
  const file = path.join(dir, LOG_FILE);
  let size = -1;
  let broken = false;

  const rotate = (): void => {
    for (let i = keep; i >= 1; i--) {
      const from = i === 1 ? file : `${file}.${i - 1}`;
      try {
        fs.renameSync(from, `${file}.${i}`);
      } catch {
        /* not there yet */
      }
    }
    size = 0;
  };

  const write = (level: LogLevel, event: string, fields?: LogFields): void => {
    if (broken) return;
    try {
      const line = formatLine(level, event, opts.door ? { door: opts.door, ...fields } : fields);
      if (size < 0) {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      }
      if (size > 0 && size + line.length > maxBytes) {
        // Another door may have rotated already: re-read the real size before rotating again.
        size = fs.existsSync(file) ? fs.statSync(file).size : 0;
        if (size > 0 && size + line.length > maxBytes) rotate();
      }
      fs.appendFileSync(file, line, { mode: 0o600 });
      size += Buffer.byteLength(line);
    } catch {
      broken = true; // read-only or full disk: stop trying rather than slow every call
    }
  };
  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}

export const nullLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
