// The desk service: implements every contract channel over the store, intake, checks and
// packet modules. Electron's ipc.ts, the browser host and the CLI are thin doors into this.
// Must not import 'electron' (it runs under plain Node).
import type { DeskEvent, DeskHandlers } from '../../shared/contract';
import { openStore, type Store } from './store';
import { casesHandlers } from './handlers/cases';
import { intakeHandlers } from './handlers/intake';
import { checksHandlers } from './handlers/checks';
import { packetHandlers } from './handlers/packet';
import { settingsHandlers } from './handlers/settings';
import { dbPath } from './paths';
import { fileKeySecretBox, type SecretBox } from './secrets';
import fs from 'node:fs';

export interface DeskOptions {
  dataDir: string;
  /** Encrypts PINs and other secrets at rest; Electron injects a safeStorage box, others get the key file. */
  secrets?: SecretBox;
}

/** What each domain's handler factory receives. */
export interface ServiceDeps {
  dataDir: string;
  store: Store;
  /** For other secrets at rest (e.g. the SMTP password): the same box the store uses for PINs. */
  secrets: SecretBox;
  /** Broadcast an event to every connected renderer (progress, case-changed). */
  broadcast: (event: DeskEvent) => void;
}

export interface Desk {
  handlers: DeskHandlers;
  deps: ServiceDeps;
  onEvent(listener: (event: DeskEvent) => void): () => void;
  close(): Promise<void>;
}

export function openDesk(opts: DeskOptions): Desk {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const secrets = opts.secrets ?? fileKeySecretBox(opts.dataDir);
  const store = openStore(dbPath(opts.dataDir), { secrets });
  const listeners = new Set<(e: DeskEvent) => void>();
  const deps: ServiceDeps = {
    dataDir: opts.dataDir,
    store,
    secrets,
    broadcast: (e) => {
      for (const l of listeners) l(e);
    },
  };
  const handlers: DeskHandlers = {
    ...casesHandlers(deps),
    ...intakeHandlers(deps),
    ...checksHandlers(deps),
    ...packetHandlers(deps),
    ...settingsHandlers(deps),
  };
  return {
    handlers,
    deps,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      store.close();
    },
  };
}
