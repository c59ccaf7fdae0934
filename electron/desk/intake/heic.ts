// HEIC (iPhone photo) decoding, shared by the OCR pipeline and the viewer's page image so both
// see the same pixels (no EXIF step: heic-decode hands them over as the camera stored them).
import { DeskError } from '../../../shared/errors';
import type { RawImage } from './render';
import { checkPixels } from './sniff';

export async function decodeHeic(buf: Buffer, name: string): Promise<RawImage> {
  try {
    const mod = (await import('heic-decode')) as unknown as {
      default: (o: { buffer: Buffer }) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
    };
    const img = await mod.default({ buffer: buf });
    checkPixels(img.width, img.height, name);
    return {
      data: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength),
      width: img.width,
      height: img.height,
      channels: 4,
    };
  } catch (err) {
    if (err instanceof DeskError) throw err;
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is a HEIC photo that cannot be decoded (${(err as Error).message})`,
    );
  }
}
