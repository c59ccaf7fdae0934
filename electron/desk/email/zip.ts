// The files inside a .zip attachment, read with every bound checked from the central directory
// before a byte is inflated (entry count, sizes, compression ratio, encryption), and again while
// inflating (yauzl checks each entry's real size against its declared one).
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { DeskError } from '../../../shared/errors';
import { mb } from '../intake/sniff';
import { EMAIL_LIMITS } from './limits';

export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

/**
 * Reads every file of the zip. `budget` is how many bytes may still be unpacked (shared with
 * the rest of the email); throws DeskError BAD_INPUT_FILE / LIMIT_EXCEEDED naming the zip.
 */
export async function readZip(bytes: Buffer, name: string, budget: number): Promise<ZipEntry[]> {
  const L = EMAIL_LIMITS.zip;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (err) {
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is not a readable zip archive (${(err as Error).message})`,
    );
  }
  try {
    if (zip.entryCount > L.maxEntries)
      throw new DeskError(
        'LIMIT_EXCEEDED',
        `${name} holds ${zip.entryCount} files; the desk opens zips of at most ${L.maxEntries}`,
      );
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push(e);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) =>
        reject(new DeskError('BAD_INPUT_FILE', `${name} is a damaged zip archive (${e.message})`)),
      );
      zip.readEntry();
    });
    const files = entries.filter((e) => !e.fileName.endsWith('/'));
    let total = 0;
    for (const e of files) {
      if (e.isEncrypted())
        throw new DeskError(
          'BAD_INPUT_FILE',
          `${name} is password-protected; ask the customer for the bill without a password, or unzip it and add the bill itself`,
        );
      if (e.uncompressedSize > L.maxEntryBytes)
        throw new DeskError(
          'LIMIT_EXCEEDED',
          `${e.fileName} in ${name} unpacks to ${mb(e.uncompressedSize)}; the desk accepts bills of at most ${mb(L.maxEntryBytes)}`,
        );
      if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > Math.max(1, e.compressedSize) * L.maxRatio)
        throw new DeskError(
          'LIMIT_EXCEEDED',
          `${name} looks like a zip bomb: ${e.fileName} unpacks ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times larger than it is packed`,
        );
      total += e.uncompressedSize;
    }
    if (total > budget)
      throw new DeskError(
        'LIMIT_EXCEEDED',
        `${name} unpacks to ${mb(total)}; the desk unpacks at most ${mb(budget)} from one email`,
      );
    const out: ZipEntry[] = [];
    for (const e of files) {
      const stream: Readable = await zip.openReadStreamPromise(e);
      out.push({
        name: e.fileName.split('/').pop() || e.fileName,
        bytes: await collect(stream, e.uncompressedSize, name),
      });
    }
    return out;
  } finally {
    zip.close();
  }
}

async function collect(stream: Readable, limit: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    for await (const c of stream) {
      n += (c as Buffer).length;
      // yauzl also stops at the declared size; this is the same bound, checked here too.
      if (n > limit) throw new DeskError('LIMIT_EXCEEDED', `${name} holds a file larger than it declares`);
      chunks.push(c as Buffer);
    }
  } catch (err) {
    if (err instanceof DeskError) throw err;
    throw new DeskError('BAD_INPUT_FILE', `${name} is a damaged zip archive (${(err as Error).message})`);
  }
  return Buffer.concat(chunks);
}

/**
 * Checks a zip's directory without inflating anything: entry count, total unpacked size, and no
 * entry compressed more than a bomb would be. For XLSX workbooks before a reader opens them.
 */
export async function inspectZip(
  bytes: Buffer,
  name: string,
  limits: { maxEntries: number; maxUnzipped: number },
): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, strictFileNames: false });
  } catch (err) {
    throw new DeskError('BAD_INPUT_FILE', `${name} is not a readable workbook (${(err as Error).message})`);
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new DeskError(
        'LIMIT_EXCEEDED',
        `${name} holds ${zip.entryCount} parts; a workbook has far fewer`,
      );
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.isEncrypted())
          return reject(
            new DeskError('BAD_INPUT_FILE', `${name} is password-protected; save it without a password`),
          );
        total += e.uncompressedSize;
        if (total > limits.maxUnzipped)
          return reject(
            new DeskError(
              'LIMIT_EXCEEDED',
              `${name} unpacks to more than ${mb(limits.maxUnzipped)}; the desk will not open it`,
            ),
          );
        if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > Math.max(1, e.compressedSize) * 200)
          return reject(
            new DeskError(
              'LIMIT_EXCEEDED',
              `${name} looks like a zip bomb: ${e.fileName} unpacks ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times larger than it is packed`,
            ),
          );
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) =>
        reject(new DeskError('BAD_INPUT_FILE', `${name} is a damaged workbook (${e.message})`)),
      );
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
