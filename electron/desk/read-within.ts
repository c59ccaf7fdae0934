// One way to read an agent's file with a size limit: the size is checked before a byte is read,
// so a 2 GB file dropped by mistake costs a stat, not the desk's memory.
import fs from 'node:fs/promises';
import { DeskError } from '../../shared/errors';
import { mb } from './intake/sniff';

/** The file's bytes; `what` names the kind in the refusal ("bills", "emails"). */
export async function readWithin(file: string, name: string, max: number, what: string): Promise<Buffer> {
  let size: number;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw new DeskError('BAD_INPUT_FILE', `${name} is not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof DeskError) throw err;
    throw new DeskError('BAD_INPUT_FILE', `${name} was not found`);
  }
  if (size > max)
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `${name} is ${mb(size)}; the desk accepts ${what} of at most ${mb(max)}`,
    );
  return fs.readFile(file);
}
