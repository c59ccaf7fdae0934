// What the page-preparation thread (prepare-worker.ts) and its caller (prepare-thread.ts) say to
// each other: plain data only, as worker messages must be, and how its bytes become Buffers again.
import type { ErrorCode } from '../../../shared/contract';
import type { PreparedImage, PrepareOptions } from './images';
import type { RawImage } from './render';

export interface PrepareRequest {
  id: number;
  /** A picture's file bytes, or a rendered page's pixels. */
  input: Uint8Array | (Omit<RawImage, 'data'> & { data: Uint8Array });
  opts: PrepareOptions;
}

/** A prepared image as it crosses: its sheet without the `toPhoto` function (rebuilt from `map`). */
export type PreparedOnWire = Omit<PreparedImage, 'sheet'> & {
  sheet?: Omit<NonNullable<PreparedImage['sheet']>, 'toPhoto'>;
};

export type PrepareReply =
  { id: number; image: PreparedOnWire } | { id: number; error: { message: string; code?: ErrorCode } };

/** A Buffer crossing threads arrives as a plain Uint8Array; sharp and our code want a Buffer (no copy). */
export function asBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}
