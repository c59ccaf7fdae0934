// The .zip of the case folder, built in memory (packets are a few MB at most) with yazl.
import yazl from 'yazl';

export function zipFiles(
  folder: string,
  files: { name: string; content: Uint8Array }[],
  mtime: Date,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const f of files) {
      // PDFs are already compressed; deflating them again costs time for nothing.
      zip.addBuffer(Buffer.from(f.content), `${folder}/${f.name}`, {
        mtime,
        compress: !f.name.endsWith('.pdf'),
      });
    }
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}
