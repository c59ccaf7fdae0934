// Uploads, downloads and the event stream through a real host socket.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host';
import { registerDownload } from '../../../electron/desk/downloads';
import { resolveUpload, sweepUploads, uploadInfo, uploadsDir } from '../../../electron/desk/uploads';
import { echoDesk, raw } from './support';

let tmp: string;
let dataDir: string;
let host: RunningHost;
let desk: ReturnType<typeof echoDesk>;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-host-files-'));
  dataDir = path.join(tmp, 'data');
  fs.mkdirSync(path.join(tmp, 'renderer'));
  desk = echoDesk();
  host = await startHost({
    dataDir,
    rendererDir: path.join(tmp, 'renderer'),
    desk,
    uploadLimit: 1024 * 1024,
  });
});

afterAll(async () => {
  await host?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const auth = (): Record<string, string> => ({ authorization: `Bearer ${host.token}` });

describe('upload', () => {
  it('stores the bytes and resolves the id to a path', async () => {
    const bytes = Buffer.from('%PDF-1.4 fake bill with ünïcode name');
    const r = await raw(host.port, {
      method: 'POST',
      path: '/api/upload',
      headers: {
        ...auth(),
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent('Bill März 2026.pdf'),
      },
      body: bytes,
    });
    expect(r.status).toBe(200);
    const { ok, value } = JSON.parse(r.body);
    expect(ok).toBe(true);
    expect(value.name).toBe('Bill März 2026.pdf');
    expect(value.size).toBe(bytes.length);
    const p = resolveUpload(dataDir, value.uploadId);
    expect(fs.readFileSync(p)).toEqual(bytes);
    expect(uploadInfo(dataDir, value.uploadId).mime).toBe('application/pdf');
    if (process.platform !== 'win32') expect(fs.statSync(p).mode & 0o777).toBe(0o600);
  });

  it('refuses a missing file name, and an oversized body with 413 leaving nothing behind', async () => {
    const noName = await raw(host.port, { method: 'POST', path: '/api/upload', headers: auth(), body: 'x' });
    expect(noName.status).toBe(400);
    const before = fs.readdirSync(uploadsDir(dataDir)).length;
    const big = Buffer.alloc(2 * 1024 * 1024, 1);
    const declared = await raw(host.port, {
      method: 'POST',
      path: '/api/upload',
      headers: { ...auth(), 'x-file-name': 'big.pdf' },
      body: big,
    });
    expect(declared.status).toBe(413);
    // Chunked: no Content-Length, so the limit is enforced while streaming.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/upload',
          headers: {
            ...auth(),
            host: `127.0.0.1:${host.port}`,
            'x-file-name': 'big.pdf',
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 8; i++) req.write(Buffer.alloc(256 * 1024, 2));
      req.end();
    });
    expect(streamed).toBe(413);
    await new Promise((r) => setTimeout(r, 100));
    expect(fs.readdirSync(uploadsDir(dataDir)).length).toBe(before);
  });

  it('rejects malformed, unknown and path-like upload ids clearly', () => {
    expect(() => resolveUpload(dataDir, '../../etc/passwd')).toThrow(/not a valid upload id/);
    expect(() => resolveUpload(dataDir, 'A'.repeat(22))).toThrow(/not found/);
  });

  it('sweeps uploads older than a day and stale partial files', () => {
    const dir = uploadsDir(dataDir);
    fs.writeFileSync(path.join(dir, 'leftover.bin.part'), 'half');
    const old = Date.now() + 25 * 60 * 60 * 1000;
    const n = sweepUploads(dataDir, old);
    expect(n).toBeGreaterThan(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('download', () => {
  it('streams a registered file as an attachment, 404 otherwise', async () => {
    const file = path.join(tmp, 'packet.zip');
    fs.writeFileSync(file, 'PK fake zip');
    const id = registerDownload(file, 'Packet – ACME.zip', 'application/zip');
    const r = await raw(host.port, { path: `/api/download/${id}`, headers: auth() });
    expect(r.status).toBe(200);
    expect(r.body).toBe('PK fake zip');
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toMatch(
      /^attachment; filename="Packet _ ACME.zip"; filename\*=UTF-8''Packet%20%E2%80%93%20ACME.zip$/,
    );
    for (const bad of ['nope', 'A'.repeat(22), '..%2f..%2fetc%2fpasswd']) {
      expect((await raw(host.port, { path: `/api/download/${bad}`, headers: auth() })).status).toBe(404);
    }
  });
});

describe('events', () => {
  it('streams desk events as SSE', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { ...auth(), host: `127.0.0.1:${host.port}` },
        },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let buf = '';
          res.on('data', (c: Buffer) => {
            buf += c.toString();
            if (buf.includes(': connected')) desk.emit({ type: 'case-changed', caseId: 4, version: 2 });
            const m = /^data: (.*)$/m.exec(buf);
            if (m) {
              req.destroy();
              resolve(m[1]!);
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(JSON.parse(received)).toEqual({ type: 'case-changed', caseId: 4, version: 2 });
  });

  it('close() ends open event streams and does not close a desk it does not own', async () => {
    const h2 = await startHost({ dataDir, rendererDir: path.join(tmp, 'renderer'), desk });
    await new Promise<void>((resolve) => {
      http.get(
        {
          host: '127.0.0.1',
          port: h2.port,
          path: '/api/events',
          headers: { authorization: `Bearer ${h2.token}`, host: `127.0.0.1:${h2.port}` },
        },
        (res) => {
          res.resume();
          void h2.close();
          res.on('end', () => resolve());
        },
      );
    });
    expect(desk.closed).toBe(false);
  });
});
