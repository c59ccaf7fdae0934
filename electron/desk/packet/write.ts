// Puts a built packet on disk: everything is written into a hidden temp folder inside the output
// folder first, then renamed into place (same file system, so each rename is atomic). A previous
// export of the same case is replaced only once the new one is complete.
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { DeskError } from '../../../shared/errors';
import type { BuiltPacket } from './build';

export interface WrittenPacket {
  dir: string;
  zip: string;
  eml: string;
  pdf: string;
  files: string[];
}

function unwritable(outDir: string, err: unknown): DeskError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const why =
    code === 'ENOTDIR' || code === 'EEXIST'
      ? 'a file is in the way (part of the path is not a folder)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : err instanceof Error
              ? err.message
              : String(err);
  return new DeskError(
    'BAD_ARGUMENT',
    `Cannot write the packet to the output folder ${outDir}: ${why}. Nothing was written.`,
  );
}

export async function writePacket(outDir: string, built: BuiltPacket): Promise<WrittenPacket> {
  const out = path.resolve(outDir);
  try {
    await fs.mkdir(out, { recursive: true });
  } catch (err) {
    throw unwritable(out, err);
  }
  const tmp = path.join(out, `.packet-${crypto.randomBytes(6).toString('hex')}.tmp`);
  const final = {
    dir: path.join(out, built.folder),
    zip: path.join(out, `${built.folder}.zip`),
    eml: path.join(out, `${built.folder}.eml`),
  };
  const staged = {
    dir: path.join(tmp, built.folder),
    zip: path.join(tmp, 'packet.zip'),
    eml: path.join(tmp, 'packet.eml'),
  };
  const old = path.join(tmp, 'previous');
  const moved: (keyof typeof final)[] = [];
  const displaced: (keyof typeof final)[] = [];
  try {
    await fs.mkdir(staged.dir, { recursive: true });
    for (const f of built.files) await fs.writeFile(path.join(staged.dir, f.name), f.content);
    await fs.writeFile(staged.zip, built.zip);
    await fs.writeFile(staged.eml, built.eml);
    await fs.mkdir(old);
    for (const key of ['dir', 'zip', 'eml'] as const) {
      try {
        await fs.rename(final[key], path.join(old, key));
        displaced.push(key);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      await fs.rename(staged[key], final[key]);
      moved.push(key);
    }
  } catch (err) {
    // Roll back: take out what was moved in, put back what it replaced, drop the temp folder.
    for (const key of moved) await fs.rm(final[key], { recursive: true, force: true }).catch(() => {});
    for (const key of displaced) await fs.rename(path.join(old, key), final[key]).catch(() => {});
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
    throw unwritable(out, err);
  }
  await fs.rm(tmp, { recursive: true, force: true });
  return {
    ...final,
    pdf: path.join(final.dir, 'packet.pdf'),
    files: built.files.map((f) => path.join(final.dir, f.name)),
  };
}
