// The host over the real desk service and a real SQLite file: a case created through HTTP is
// announced on the event stream, and is unchanged after the host is closed and started again on
// the same data folder.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host';
import { caseInput } from '../../unit/store/fixtures';
import { raw } from './support';

let tmp: string;
let dataDir: string;
let rendererDir: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-host-real-'));
  dataDir = path.join(tmp, 'data');
  rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(rendererDir);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function call<T>(host: RunningHost, channel: string, args: unknown): Promise<T> {
  const r = await raw(host.port, {
    method: 'POST',
    path: `/api/invoke/${channel}`,
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = JSON.parse(r.body) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
}

/** Resolves with the first SSE data frame. */
function firstEvent(host: RunningHost): { ready: Promise<void>; event: Promise<unknown> } {
  let ready!: () => void;
  const readyP = new Promise<void>((r) => (ready = r));
  const event = new Promise<unknown>((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port: host.port,
        path: '/api/events',
        headers: { authorization: `Bearer ${host.token}`, host: `127.0.0.1:${host.port}` },
      },
      (res) => {
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          if (buf.includes(': connected')) ready();
          const m = /^data: (.*)$/m.exec(buf);
          if (m) {
            req.destroy();
            resolve(JSON.parse(m[1]!));
          }
        });
      },
    );
    req.on('error', reject);
  });
  return { ready: readyP, event };
}

describe('host over the real desk', () => {
  it('creates a case, announces it, and finds it unchanged after a restart', async () => {
    const first = await startHost({ dataDir, rendererDir });
    const sub = firstEvent(first);
    await sub.ready;
    const created = await call<{ id: number; version: number; customer: { accountName: string } }>(
      first,
      'cases:create',
      {
        input: caseInput({ name: 'Restart Test Bakery' }),
      },
    );
    expect(created.customer.accountName).toBe('Restart Test Bakery');
    expect(await sub.event).toMatchObject({ type: 'case-changed', caseId: created.id });
    await first.close();

    const second = await startHost({ dataDir, rendererDir });
    try {
      expect(second.token).not.toBe(first.token);
      const again = await call<typeof created>(second, 'cases:get', { id: created.id });
      expect(again).toEqual(created);
      const list = await call<{ total: number; items: { id: number }[] }>(second, 'cases:list', {
        query: 'Bakery',
      });
      expect(list.items.map((i) => i.id)).toContain(created.id);
      // The old token is dead with the old process.
      const stale = await raw(second.port, {
        path: '/index.html',
        headers: { authorization: `Bearer ${first.token}` },
      });
      expect(stale.status).toBe(401);
    } finally {
      await second.close();
    }
  });

  it('the raw database holds no plaintext PIN written through the host', async () => {
    const host = await startHost({ dataDir, rendererDir });
    await call(host, 'cases:create', { input: caseInput({ name: 'Pin Check Co', pin: '97531864' }) });
    await host.close();
    const files = fs.readdirSync(dataDir).filter((f) => f.startsWith('desk.sqlite'));
    const bytes = Buffer.concat(files.map((f) => fs.readFileSync(path.join(dataDir, f))));
    expect(bytes.includes(Buffer.from('97531864'))).toBe(false);
  });
});
