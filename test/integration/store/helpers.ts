// Temp data dirs with real SQLite files for the store's integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileKeySecretBox } from '../../../electron/desk/secrets';
import { openStore, type Store } from '../../../electron/desk/store';

export function tempDir(prefix = 'desk-store-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTempStore(dir = tempDir()): { dir: string; file: string; store: Store } {
  const file = path.join(dir, 'desk.sqlite');
  return { dir, file, store: openStore(file, { secrets: fileKeySecretBox(dir) }) };
}

/** The main file plus its WAL: where a plaintext secret would leak to if it leaked at all. */
export function rawBytes(file: string): Buffer {
  const parts = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
  return Buffer.concat(parts);
}
