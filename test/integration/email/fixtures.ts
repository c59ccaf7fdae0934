// Zips for email tests, written with yazl (the desk's own zip writer): plain, password-flagged
// (the encryption bit set as a locked archive has it) and a zip bomb (a huge run of zeros).
import yazl from 'yazl';

export function zipOf(files: { name: string; bytes: Buffer }[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const f of files) z.addBuffer(f.bytes, f.name);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

/** Sets the "encrypted" flag on every entry, in the local headers and the central directory. */
export function lockZip(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt16LE(out.readUInt16LE(i + 6) | 1, i + 6);
    else if (sig === 0x02014b50) out.writeUInt16LE(out.readUInt16LE(i + 8) | 1, i + 8);
  }
  return out;
}

export function bombZip(): Promise<Buffer> {
  return zipOf([{ name: 'bill.pdf', bytes: Buffer.alloc(40 * 1024 * 1024) }]);
}
