// Helpers for the host tests: raw HTTP requests (fetch would normalise `..` and forbid a custom
// Host header, which are exactly what these tests need to send) and a minimal desk.
import http from 'node:http';
import type { Desk } from '../../../electron/desk/service';
import type { DeskEvent } from '../../../shared/contract';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/**
 * A desk whose handlers echo their arguments: the host is what these tests exercise; the real
 * service is covered by the store's own tests and by the e2e specs through this host.
 */
export function echoDesk(): Desk & { emit(e: DeskEvent): void; closed: boolean } {
  const listeners = new Set<(e: DeskEvent) => void>();
  const broadcast = (e: DeskEvent): void => {
    for (const l of listeners) l(e);
  };
  const handlers = new Proxy(
    {},
    { get: (_t, channel) => (args: unknown) => ({ channel, args }) },
  ) as Desk['handlers'];
  const desk = {
    handlers,
    deps: { dataDir: '', store: undefined, broadcast } as unknown as Desk['deps'],
    onEvent(l: (e: DeskEvent) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit: broadcast,
    closed: false,
    async close() {
      desk.closed = true;
    },
  };
  return desk;
}
