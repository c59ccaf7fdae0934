// The watched folder: where the office scanner or an Outlook rule saves bills and emails. New
// files are read in the background, one at a time, and wait in the Inbox on the desk home for an
// agent to turn into a case or add to one. Files are never moved or deleted; each is read once,
// by content hash; a file still being written is read only once its size has stopped changing.
// The folder and the inbox belong to this machine, so they live in the data folder, not the store.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { DeskError } from '../../../shared/errors';
import type { CarrierProfile } from '../../../shared/extract/learn';
import { formatPhone } from '../../../shared/normalize/phone';
import type { Logger } from '../log';
import { LIMITS } from '../intake/sniff';
import { EMAIL_LIMITS } from '../email/limits';

export interface InboxItem {
  /** The file's sha256: the same bytes under another name are the same item. */
  id: string;
  path: string;
  name: string;
  size: number;
  kind: 'bill' | 'email';
  seenAt: string;
  status: 'waiting' | 'reading' | 'ready' | 'failed';
  /** One line for the agent: account, BTN, numbers; or the email's sender and subject. */
  summary: string | null;
  error: string | null;
  /** Set when an agent turned it into a case or added it to one. */
  caseId: number | null;
  dismissed: boolean;
}

export interface InboxState {
  folder: string | null;
  watching: boolean;
  /** Why the folder is not being watched, when it is set but cannot be. */
  problem: string | null;
  items: InboxItem[];
}

const FILE = 'inbox.json';
const MAX_ITEMS = 2000;
/** Names office software gives a file while it is still writing it, and hidden files. */
const IGNORED = /(^|[\\/])(\.|~\$)|\.(tmp|part|crdownload|download|partial)$/i;
const READABLE = /\.(pdf|png|jpe?g|tiff?|heic|heif|eml|msg)$/i;

export interface InboxOptions {
  dataDir: string;
  log: Logger;
  /** How long a file's size must stay still before it is read (ms); chokidar's awaitWriteFinish. */
  settleMs?: number;
  onChange?: () => void;
  /** The desk's learned carriers, so an Inbox summary reads a taught carrier as a drop would. */
  profiles?: () => Promise<readonly CarrierProfile[]>;
}

export class Inbox {
  private state: { folder: string | null; items: InboxItem[] };
  private watcher: FSWatcher | null = null;
  private problem: string | null = null;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: InboxOptions) {
    this.state = load(path.join(opts.dataDir, FILE));
    // Items a crash left half-read are read again.
    for (const it of this.state.items) if (it.status === 'reading') it.status = 'waiting';
  }

  view(): InboxState {
    return {
      folder: this.state.folder,
      watching: !!this.watcher && !this.problem,
      problem: this.problem,
      items: this.state.items.filter((i) => !i.dismissed && i.caseId === null),
    };
  }

  async start(): Promise<void> {
    if (this.state.folder) await this.watch(this.state.folder);
  }

  async setFolder(folder: string | null): Promise<InboxState> {
    const next = folder?.trim() ? path.resolve(folder.trim()) : null;
    if (next) {
      let st: fs.Stats;
      try {
        st = fs.statSync(next);
      } catch {
        throw new DeskError('BAD_ARGUMENT', `The folder ${next} does not exist (or the desk cannot see it)`);
      }
      if (!st.isDirectory()) throw new DeskError('BAD_ARGUMENT', `${next} is a file, not a folder`);
    }
    await this.unwatch();
    this.state.folder = next;
    this.save();
    if (next) await this.watch(next);
    return this.view();
  }

  mark(id: string, change: { caseId?: number; dismissed?: boolean }): InboxState {
    const it = this.state.items.find((i) => i.id === id);
    if (!it) throw new DeskError('NOT_FOUND', 'That inbox item is gone; the list may be out of date');
    if (change.caseId !== undefined) it.caseId = change.caseId;
    if (change.dismissed !== undefined) it.dismissed = change.dismissed;
    this.save();
    this.opts.onChange?.();
    return this.view();
  }

  item(id: string): InboxItem {
    const it = this.state.items.find((i) => i.id === id);
    if (!it) throw new DeskError('NOT_FOUND', 'That inbox item is gone; the list may be out of date');
    return it;
  }

  /** True when `file` is a file of the watched folder waiting in the Inbox (a team desk opens only these by path). */
  holds(file: string): boolean {
    return this.state.items.some((i) => i.path === file && !i.dismissed && i.caseId === null);
  }

  /** Resolves when every file seen so far has been read (for tests and a clean close). */
  idle(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.unwatch();
    await this.queue;
  }

  private async watch(folder: string): Promise<void> {
    this.problem = null;
    const { watch } = await import('chokidar');
    const w = watch(folder, {
      depth: 0,
      ignoreInitial: false,
      ignored: (p: string) => IGNORED.test(path.basename(p)),
      awaitWriteFinish: { stabilityThreshold: this.opts.settleMs ?? 2000, pollInterval: 100 },
    });
    w.on('add', (p: string) => this.seen(p));
    w.on('change', (p: string) => this.seen(p));
    w.on('error', (err: unknown) => {
      this.problem = `The folder cannot be watched: ${(err as Error).message}`;
      this.opts.log.warn('inbox.watch_failed', { code: (err as { code?: string }).code ?? 'INTERNAL' });
      this.opts.onChange?.();
    });
    await new Promise<void>((resolve) => w.once('ready', () => resolve()));
    this.watcher = w;
    // Items left waiting by an earlier run are read now.
    for (const it of this.state.items.filter((i) => i.status === 'waiting')) this.enqueue(it);
  }

  private async unwatch(): Promise<void> {
    const w = this.watcher;
    this.watcher = null;
    if (w) await w.close();
  }

  private seen(file: string): void {
    if (this.closed || !READABLE.test(file)) return;
    this.queue = this.queue.then(() => this.register(file)).catch(() => undefined);
  }

  private async register(file: string): Promise<void> {
    let bytes: Buffer;
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size === 0 || st.size > EMAIL_LIMITS.maxBytes) return;
      bytes = fs.readFileSync(file);
    } catch {
      return; // gone again before it could be read
    }
    const id = crypto.createHash('sha256').update(bytes).digest('hex');
    if (this.state.items.some((i) => i.id === id)) return; // read once, by content
    const email = /\.(eml|msg)$/i.test(file);
    const it: InboxItem = {
      id,
      path: file,
      name: path.basename(file),
      size: bytes.length,
      kind: email ? 'email' : 'bill',
      seenAt: new Date().toISOString(),
      status: 'waiting',
      summary: null,
      error: null,
      caseId: null,
      dismissed: false,
    };
    this.state.items.unshift(it);
    this.state.items = this.state.items.slice(0, MAX_ITEMS);
    this.save();
    this.opts.onChange?.();
    await this.read(it, bytes);
  }

  private enqueue(it: InboxItem): void {
    this.queue = this.queue
      .then(async () => {
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(it.path);
        } catch {
          it.status = 'failed';
          it.error = 'The file is no longer in the folder';
          this.save();
          return;
        }
        await this.read(it, bytes);
      })
      .catch(() => undefined);
  }

  private async read(it: InboxItem, bytes: Buffer): Promise<void> {
    if (this.closed) return;
    it.status = 'reading';
    this.opts.onChange?.();
    try {
      if (it.kind === 'email') {
        const { intakeEmail } = await import('../email/intake');
        const r = await intakeEmail(bytes, { name: it.name, profiles: (await this.opts.profiles?.()) ?? [] });
        const f = r.bill?.extraction.fields;
        const who = r.mail.from?.name || r.mail.from?.address || 'unknown sender';
        it.summary = [
          `From ${who}`,
          r.mail.subject && `“${r.mail.subject}”`,
          f?.accountName,
          f?.btn && `BTN ${formatPhone(f.btn)}`,
        ]
          .filter(Boolean)
          .join(' · ');
      } else {
        if (bytes.length > LIMITS.maxBytes)
          throw new DeskError('LIMIT_EXCEEDED', `${it.name} is over the bill limit`);
        const { intakeBill } = await import('../intake/bill');
        const r = await intakeBill(bytes, { name: it.name, profiles: (await this.opts.profiles?.()) ?? [] });
        const f = r.extraction.fields;
        it.summary = [
          f.accountName,
          f.btn && `BTN ${formatPhone(f.btn)}`,
          `${f.numbers.length} number${f.numbers.length === 1 ? '' : 's'}`,
          f.carrier,
        ]
          .filter(Boolean)
          .join(' · ');
      }
      it.status = 'ready';
      it.error = null;
    } catch (err) {
      it.status = 'failed';
      it.error = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    }
    this.save();
    this.opts.onChange?.();
  }

  private save(): void {
    const file = path.join(this.opts.dataDir, FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.state), { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
}

function load(file: string): { folder: string | null; items: InboxItem[] } {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as { folder?: unknown; items?: unknown };
    return {
      folder: typeof v.folder === 'string' ? v.folder : null,
      items: Array.isArray(v.items) ? (v.items as InboxItem[]) : [],
    };
  } catch {
    return { folder: null, items: [] };
  }
}
