// Small node:http helpers for the browser host: every reply carries the security headers, every
// error is a JSON envelope with a sentence, never a stack trace.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeskErrorShape, ErrorCode } from '../../shared/contract';
import { securityHeaders } from '../security';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  extra: Record<string, string> = {},
): void {
  const error: DeskErrorShape = { code, message };
  sendJson(res, status, { ok: false, error }, extra);
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes.`);
  }
}

/**
 * Reads the whole body up to maxBytes. Content-Length is checked first so an oversized request is
 * refused before any byte is buffered; a body that lies about its length is cut off while reading.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(new BodyTooLargeError(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

/**
 * After refusing a request early (413, 401 on an upload) the client may still be sending. Drain a
 * bounded amount so it can read our answer instead of seeing a reset, then cut the connection.
 */
export function discardRest(req: IncomingMessage, res: ServerResponse, maxDrain = 16 * 1024 * 1024): void {
  if (req.readableEnded) return;
  let drained = 0;
  res.setHeader('Connection', 'close');
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > maxDrain) req.destroy();
  });
  req.on('error', () => {});
  req.resume();
}
