// The desk service: implements every contract channel over the store, intake, checks and
// packet modules. Electron's ipc.ts, the browser host and the CLI are thin doors into this.
// Must not import 'electron' (it runs under plain Node).
import type { DeskEvent, DeskHandlers } from '../../shared/contract';
import { openDeskStore, type Store } from './store';
import { casesHandlers } from './handlers/cases';
import { intakeHandlers } from './handlers/intake';
import { emailHandlers } from './handlers/email';
import { importHandlers } from './handlers/import';
import { inboxHandlers } from './handlers/inbox';
import { Inbox } from './inbox/inbox';
import { checksHandlers } from './handlers/checks';
import { packetHandlers } from './handlers/packet';
import { settingsHandlers } from './handlers/settings';
import { personalTeamHandlers } from './handlers/team';
import { desktopHandlers } from './handlers/desktop';
import { learnHandlers } from './handlers/learn';
import { profilesOrNone } from './learned';
import { dbPath } from './paths';
import { fileKeySecretBox, type SecretBox } from './secrets';
import fs from 'node:fs';
import { dailyBackup } from './backups';
import { instrumentHandlers } from './instrument';
import { fileLogger, type Logger } from './log';
import { referencedShas, sweepDataDir } from './sweep';

export interface DeskOptions {
  dataDir: string;
  /**
   * postgres://… opens the desk's shared PostgreSQL store; absent or null, the personal SQLite
   * file in dataDir. The doors pass PORTING_DESK_DATABASE_URL (or --database-url) here.
   */
  databaseUrl?: string | null;
  /** Encrypts PINs and other secrets at rest; Electron injects a safeStorage box, others get the key file. */
  secrets?: SecretBox;
  /** Where structured logs go; default <dataDir>/logs/desk.log. */
  log?: Logger;
  /** Which door opened the desk, for the log (electron, host, cli). */
  door?: string;
  /** See ServiceDeps.desktop. */
  desktop?: DesktopShell;
  /**
   * Daily backup into <dataDir>/backups/, taken `delayMs` after opening (default 5 s, so it
   * never delays the first screen; a short CLI command exits before it). false turns it off.
   * A PostgreSQL desk is backed up with pg_dump instead, so it never takes one.
   */
  autoBackup?: { delayMs?: number; keep?: number } | false;
  /**
   * Opens a file with the OS default application (Electron's shell.openPath). Only the desktop
   * door has one; desk/ must not import electron, so main injects it.
   */
  openPath?: (file: string) => Promise<void>;
  /**
   * Pass on case changes other processes commit to the same store (a team desk's other hosts,
   * the CLI), as case-changed events. For long-running doors; a one-shot CLI command needs none.
   */
  live?: boolean;
  /**
   * Watch the folder set in Settings for bills and emails (default: the desktop app and the
   * host; a one-shot CLI command never does).
   */
  watchInbox?: boolean;
  /** How long a watched file must stop growing before it is read (ms; tests shorten it). */
  inboxSettleMs?: number;
  /**
   * The desk's clock (ms since the epoch), which sets "today" for the checks, the FOC calendar
   * and stale bills. Default Date.now; the host pins it for e2e runs (PORTING_DESK_TEST_NOW).
   */
  clock?: () => number;
}

/** What each domain's handler factory receives. */
export interface ServiceDeps {
  dataDir: string;
  store: Store;
  /** For other secrets at rest (e.g. the SMTP password): the same box the store uses for PINs. */
  secrets: SecretBox;
  /** Broadcast an event to every connected renderer (progress, case-changed). */
  broadcast: (event: DeskEvent) => void;
  /** Structured, PII-free log (see log.ts): codes, ids and durations only. */
  log: Logger;
  /** See DeskOptions.clock. */
  clock: () => number;
  /** See DeskOptions.openPath; absent in the browser host and the CLI. */
  openPath?: (file: string) => Promise<void>;
  /** The watched folder's inbox; absent where the desk does not watch one (the CLI). */
  inbox?: Inbox;
  /** A team desk's accounts (the team host sets it); absent on a personal desk. */
  team?: TeamDirectory;
  /** The desktop shell's team-desk switch (main injects it); absent in the host and the CLI. */
  desktop?: DesktopShell;
}

export interface DesktopShell {
  joined(): { origin: string; fingerprint: string | null } | null;
  /** Remembers the desk and its certificate, and opens it in the window. */
  join(origin: string, fingerprint: string | null): Promise<void>;
}

/** What the desk's handlers need to know of a team's accounts. */
export interface TeamDirectory {
  isActiveAgent(email: string): Promise<boolean>;
}

export interface Desk {
  handlers: DeskHandlers;
  deps: ServiceDeps;
  onEvent(listener: (event: DeskEvent) => void): () => void;
  close(): Promise<void>;
}

export async function openDesk(opts: DeskOptions): Promise<Desk> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const secrets = opts.secrets ?? fileKeySecretBox(opts.dataDir);
  const store = await openDeskStore({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl, secrets });
  const log = opts.log ?? fileLogger(opts.dataDir, { door: opts.door });
  startupSweep(opts.dataDir, log, store.backend === 'sqlite');
  const listeners = new Set<(e: DeskEvent) => void>();
  // A change this process made is announced at once by its handler, then again by the store's
  // NOTIFY a few milliseconds later: that echo is dropped, so screens refresh once. Only our own
  // announcements are remembered: two comments from another host (same version) both get through.
  const announced = new Map<string, number>();
  const emit = (e: DeskEvent) => {
    for (const l of listeners) l(e);
  };
  const deps: ServiceDeps = {
    dataDir: opts.dataDir,
    store,
    secrets,
    log,
    clock: opts.clock ?? Date.now,
    ...(opts.openPath ? { openPath: opts.openPath } : {}),
    ...(opts.desktop ? { desktop: opts.desktop } : {}),
    broadcast: (e) => {
      if (e.type === 'case-changed') {
        const now = Date.now();
        for (const [k, at] of announced) if (now - at > 2000) announced.delete(k);
        announced.set(`${e.caseId}:${e.version}`, now);
      }
      emit(e);
    },
  };
  const watch = opts.watchInbox ?? (opts.door === 'host' || opts.door === 'electron');
  if (watch) {
    deps.inbox = new Inbox({
      dataDir: opts.dataDir,
      log,
      ...(opts.inboxSettleMs !== undefined ? { settleMs: opts.inboxSettleMs } : {}),
      onChange: () => deps.broadcast({ type: 'inbox-changed' }),
      profiles: () => profilesOrNone(store, log),
    });
    await deps.inbox
      .start()
      .catch((err: unknown) =>
        log.warn('inbox.start_failed', { code: (err as { code?: string }).code ?? 'INTERNAL' }),
      );
  }
  const stopLive =
    opts.live && store.onChange
      ? store.onChange((c) => {
          const at = announced.get(`${c.caseId}:${c.version}`);
          if (at === undefined || Date.now() - at > 2000) emit({ type: 'case-changed', ...c });
        })
      : () => {};
  const handlers: DeskHandlers = instrumentHandlers(
    {
      ...casesHandlers(deps),
      ...intakeHandlers(deps),
      ...emailHandlers(deps),
      ...importHandlers(deps),
      ...inboxHandlers(deps),
      ...checksHandlers(deps),
      ...packetHandlers(deps),
      ...settingsHandlers(deps),
      ...personalTeamHandlers(),
      ...desktopHandlers(deps),
      ...learnHandlers(deps),
    },
    log,
  );
  let backupRun: Promise<unknown> | null = null;
  const auto = opts.autoBackup === false || store.backend !== 'sqlite' ? null : (opts.autoBackup ?? {});
  const backupTimer = !auto
    ? null
    : setTimeout(() => {
        const started = Date.now();
        backupRun = dailyBackup(store, opts.dataDir, { keep: auto.keep }).then(
          (file) => file && log.info('backup.daily', { ms: Date.now() - started }),
          (err: unknown) =>
            log.error('backup.failed', { code: (err as { code?: string }).code ?? 'INTERNAL' }),
        );
      }, auto.delayMs ?? 5000);
  backupTimer?.unref();
  log.info('desk.open', { backend: store.backend });
  return {
    handlers,
    deps,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      stopLive();
      if (backupTimer) clearTimeout(backupTimer);
      await deps.inbox?.close();
      await backupRun; // never close the database under a backup in progress
      log.info('desk.close', {});
      await store.close();
    },
  };
}

/**
 * Removes what a crash left in the data folder (see sweep.ts); never fails the open. Bills are
 * files here only on the SQLite desk; a PostgreSQL desk keeps them in the database.
 */
function startupSweep(dataDir: string, log: Logger, blobFiles: boolean): void {
  try {
    const refs = blobFiles ? referencedShas(dbPath(dataDir)) : null;
    const r = sweepDataDir(dataDir, refs ? { referenced: (sha) => refs.has(sha) } : {});
    if (r.blobTemps || r.orphanBlobs || r.uploads) log.info('sweep', { ...r });
  } catch (err) {
    log.warn('sweep.failed', { code: (err as { code?: string }).code ?? 'INTERNAL' });
  }
}
