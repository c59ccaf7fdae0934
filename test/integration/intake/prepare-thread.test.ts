// Page preparation runs on its own thread (prepare-thread.ts) so that the app's main process
// keeps answering while a photo or a scanned page is flattened and cleaned. What comes back must
// be what preparing on the calling thread gives, to the byte: the readings depend on it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareForOcr, type PreparedImage, type PrepareOptions } from '../../../electron/desk/intake/images';
import { closePrepareThread, prepareOffThread } from '../../../electron/desk/intake/prepare-thread';
import { readBillWords } from '../../../electron/desk/intake/pipeline';
import { DeskError } from '../../../shared/errors';

const FIXTURES = path.join(__dirname, '../../fixtures');
const PHOTO = path.join(FIXTURES, 'bills/fx-004.jpg');
const SCAN = path.join(FIXTURES, 'regressions/sidebar-crossbars-scan.jpg');

afterAll(() => closePrepareThread());

const sha = (b: Uint8Array) => crypto.createHash('sha1').update(b).digest('hex');

/** Everything a prepared image holds, with its pixels as digests and its sheet's map sampled. */
function summary(img: PreparedImage) {
  const { data, bands, letterRows, sheet, ...rest } = img;
  return {
    ...rest,
    data: sha(data),
    bands: bands && {
      cells: bands.cells,
      crops: bands.crops.map((c) => ({ rect: c.rect, data: sha(c.data) })),
    },
    letterRows:
      letterRows && sha(new Uint8Array(letterRows.buffer, letterRows.byteOffset, letterRows.byteLength)),
    sheet: sheet && {
      map: sheet.map,
      photoWidthPt: sheet.photoWidthPt,
      photoHeightPt: sheet.photoHeightPt,
      // the function rebuilt on this side of the thread takes points where the original does
      points: [
        [0, 0],
        [300, 400],
        [612, 792],
      ].map(([x, y]) => sheet.toPhoto(x!, y!)),
    },
  };
}

async function photoOptions(bytes: Buffer): Promise<PrepareOptions> {
  const { width = 0 } = await sharp(bytes).metadata();
  return {
    scale: 1.2,
    pointsPerSourcePixel: (72 * 8.5) / width,
    autoOrient: true,
    findPaper: true,
    detectSideways: true,
  };
}

describe('page preparation on its own thread', () => {
  it('flattens a phone photo exactly as the calling thread does, sheet map included', async () => {
    const bytes = fs.readFileSync(PHOTO);
    const opts = await photoOptions(bytes);
    const here = await prepareForOcr(bytes, opts);
    const there = await prepareOffThread(bytes, opts);
    expect(here.sheet).toBeDefined();
    expect(Buffer.isBuffer(there.data)).toBe(true);
    expect(summary(there)).toEqual(summary(here));
  });

  it('prepares a scan handed over as pixels (a rendered PDF page) to the same bytes', async () => {
    const { data, info } = await sharp(fs.readFileSync(SCAN))
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // A view into a larger buffer, as a page's pixels may be: only its own bytes count.
    const padded = Buffer.alloc(data.length + 64, 7);
    data.copy(padded, 32);
    const raw = {
      data: padded.subarray(32, 32 + data.length),
      width: info.width,
      height: info.height,
      channels: 1 as const,
    };
    const opts = { scale: 1, pointsPerSourcePixel: 72 / 200, detectSideways: true };
    const here = await prepareForOcr(raw, opts);
    const there = await prepareOffThread(raw, opts);
    expect(summary(there)).toEqual(summary(here));
  });

  it('fails on a damaged picture with the message the calling thread gives, and keeps working', async () => {
    const bytes = fs.readFileSync(PHOTO);
    const broken = Buffer.concat([bytes.subarray(0, 2000), Buffer.alloc(4000, 0x41)]);
    const opts = await photoOptions(bytes);
    const here = await prepareForOcr(broken, opts).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(here).not.toBeNull();
    await expect(prepareOffThread(broken, opts)).rejects.toThrow(here!);
    // the thread survives a bad page: the next one prepares
    const next = await prepareOffThread(bytes, opts);
    expect(next.sheet).toBeDefined();
  });

  it('a damaged photo read as a bill still ends in the agent-facing message', async () => {
    const broken = Buffer.concat([fs.readFileSync(PHOTO).subarray(0, 3000), Buffer.alloc(3000, 0)]);
    const err = await readBillWords(broken, { name: 'torn.jpg' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).message).toMatch(/^torn\.jpg is a damaged or truncated image/);
  });

  it('closing the thread cancels a page being prepared; the next page starts a new thread', async () => {
    const bytes = fs.readFileSync(PHOTO);
    const opts = await photoOptions(bytes);
    const outcome = prepareOffThread(bytes, opts).then(
      () => 'prepared',
      (e: unknown) => e,
    );
    await closePrepareThread();
    expect(await outcome).toMatchObject({ code: 'CANCELED' });
    const again = await prepareOffThread(bytes, opts);
    expect(again.sheet).toBeDefined();
  });
});
