// The browser host: the third door into the desk. It serves the built renderer and the contract
// over HTTP on loopback only, behind a random per-run token, for demos without Electron and for
// the e2e tests. Plain node:http: the surface is small enough that a framework would only add
// code to audit. See the protocol summary at startHost().
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { DeskError } from '../shared/errors';
import type { CallContext, DeskEvent, DeskHandlers, DeskUser } from '../shared/contract';
import { dispatch } from './desk/dispatch';
import type { Desk } from './desk/service';
import { getDownload } from './desk/downloads';
import { saveUpload, sweepUploads, UploadTooLargeError } from './desk/uploads';
import { securityHeaders } from './security';
import {
  authenticate,
  isAllowedHost,
  isLoopbackBindAddress,
  newToken,
  originProblem,
  tokenCookie,
  tokenMatches,
  type AuthResult,
} from './host/auth';
import { BodyTooLargeError, discardRest, readBody, sendError, sendJson } from './host/http';
import { resolveStatic } from './host/static';
import {
  clearSessionCookie,
  createPresence,
  forbidden,
  sessionCookie,
  sessionToken,
  teamHandlers,
  teamHosts,
  teamOriginProblem,
  teamOrigins,
} from './host/team';
import type { TlsMaterial } from './host/tls';
import type { Accounts } from './desk/team/accounts';

export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 60 * 1024 * 1024;
const SSE_HEARTBEAT_MS = 15_000;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface HostOptions {
  dataDir: string;
  /** postgres://… for a desk shared in PostgreSQL; absent, the SQLite file in dataDir. */
  databaseUrl?: string | null;
  /** 0 picks a free port. */
  port?: number;
  /** Must be 127.0.0.1 or ::1; anything else is refused before listening. */
  host?: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Fixed token (tests); default is 32 random bytes per run. */
  token?: string;
  /** An already-open desk (tests, or a caller that owns it). Otherwise the host opens and closes one. */
  desk?: Desk;
  /** Audit-trail actor for calls through this door. */
  actor?: string;
  /** The desk's clock when the host opens the desk (see DeskOptions.clock); default Date.now. */
  clock?: () => number;
  uploadLimit?: number;
  jsonLimit?: number;
  /**
   * A team desk (--team): agents sign in, on PostgreSQL only. Off loopback it needs TLS; on
   * loopback plain HTTP is allowed (a reverse proxy, the tests).
   */
  team?: {
    tls?: TlsMaterial | null;
    /** More host names agents type to reach this host (besides the address and this machine's name). */
    names?: readonly string[];
  };
}

export interface RunningHost {
  /** The URL to open: the token included on a personal desk, the sign-in page on a team desk. */
  url: string;
  /** http://127.0.0.1:PORT without the token. */
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** Refuses any non-loopback bind address with a sentence the operator can act on. */
export function assertLoopback(host: string): void {
  if (!isLoopbackBindAddress(host)) {
    throw new DeskError(
      'BAD_ARGUMENT',
      `Refusing to bind the browser host to '${host}': it only listens on loopback (127.0.0.1 or ::1), ` +
        'because the desk holds customer account numbers and PINs and has no user accounts.',
    );
  }
}

/**
 * Starts the host. Protocol (the renderer's browser client relies on it exactly):
 * - GET /?token=T sets cookie desk_token=T (HttpOnly, SameSite=Strict, Path=/) and 302s to /.
 * - Every other request needs that cookie or `Authorization: Bearer T`, else 401.
 * - Host must be 127.0.0.1:PORT, localhost:PORT or [::1]:PORT, else 403; POSTs need a
 *   same-origin Origin (required with the cookie), else 403.
 * - POST /api/invoke/<channel>, JSON args -> 200 Envelope (404 for an unknown channel, 400 for
 *   malformed JSON, 413 over 1 MB, 405 for other methods).
 * - POST /api/upload, raw bytes + X-File-Name (URI-encoded) -> {ok, value:{uploadId,name,size}}.
 * - GET /api/download/<id> -> the registered file as an attachment.
 * - GET /api/events -> Server-Sent Events, one DeskEvent JSON per `data:` line.
 * - Anything else: GET/HEAD of static files from rendererDir, `/` -> index.html.
 */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const bindHost = (opts.host ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  const team = opts.team;
  if (!team) assertLoopback(bindHost);
  else {
    if (!opts.databaseUrl && opts.desk?.deps.store.backend !== 'postgres')
      throw new DeskError(
        'BAD_ARGUMENT',
        'A team desk keeps its cases in PostgreSQL: set PORTING_DESK_DATABASE_URL (or --database-url) first. ' +
          'The personal SQLite desk is for one agent on this machine (`desk host` without --team).',
      );
    if (!team.tls && !isLoopbackBindAddress(bindHost))
      throw new DeskError(
        'BAD_ARGUMENT',
        `Refusing plain HTTP on '${bindHost}': off this machine, agents' passwords and customers' PINs must travel encrypted. ` +
          'Give --tls-cert and --tls-key, or --tls-self-signed to make a certificate.',
      );
  }
  const token = opts.token ?? newToken();
  if (token.length < 16)
    throw new DeskError('BAD_ARGUMENT', 'The host token must be at least 16 characters.');
  const jsonLimit = opts.jsonLimit ?? JSON_BODY_LIMIT;
  const uploadLimit = opts.uploadLimit ?? UPLOAD_LIMIT;
  const actor = opts.actor ?? 'agent (browser)';

  const ownsDesk = !opts.desk;
  // Loaded lazily so the host's request layer can be used (and tested) with an injected desk.
  const desk: Desk =
    opts.desk ??
    (await (
      await import('./desk/service')
    ).openDesk({
      dataDir: opts.dataDir,
      databaseUrl: opts.databaseUrl,
      door: 'host',
      live: true,
      ...(opts.clock ? { clock: opts.clock } : {}),
    }));

  // A team desk: accounts over the desk's PostgreSQL, presence in memory, and the team channels
  // over the personal desk's stubs.
  let accounts: Accounts | null = null;
  let closeAccounts = async () => {};
  let presence: ReturnType<typeof createPresence> | null = null;
  let handlers: DeskHandlers = desk.handlers;
  if (team) {
    const url = opts.databaseUrl!;
    const [{ createPg }, { createAccounts }] = await Promise.all([
      import('./desk/store/postgres/connect'),
      import('./desk/team/accounts'),
    ]);
    const pg = createPg(url, { max: 4 });
    accounts = createAccounts(pg, desk.deps.log);
    closeAccounts = () => pg.end();
    const acc = accounts;
    desk.deps.team = { isActiveAgent: (email) => acc.isActiveAgent(email) };
    presence = createPresence((e) => desk.deps.broadcast(e));
    handlers = { ...desk.handlers, ...teamHandlers(accounts, presence) };
  }
  // The idle timeout is a desk setting a lead may change while the host runs: re-read now and then.
  let idle = { ms: 60 * 60_000, at: 0 };
  const idleMs = async (): Promise<number> => {
    if (Date.now() - idle.at > 30_000) {
      const { readSettings } = await import('./desk/packet/settings-store');
      idle = { ms: (await readSettings(desk.deps.store)).team.idleMinutes * 60_000, at: Date.now() };
    }
    return idle.ms;
  };

  sweepUploads(opts.dataDir);
  const sweepTimer = setInterval(() => sweepUploads(opts.dataDir), SWEEP_INTERVAL_MS);
  sweepTimer.unref();

  const sseClients = new Set<ServerResponse>();
  const unsubscribe = desk.onEvent((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of sseClients) res.write(frame);
  });

  let port = 0;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    (team ? handleTeam(req, res) : handle(req, res)).catch(() => {
      // Last line of defence: the handlers below already answer every failure they expect.
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Unexpected error in the browser host.');
      else res.destroy();
    });
  };
  const server = team?.tls
    ? https.createServer({ cert: team.tls.cert, key: team.tls.key }, onRequest)
    : http.createServer(onRequest);
  const scheme = team?.tls ? 'https' : 'http';
  // Slow-loris and idle sockets must not pin the process.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      discardRest(req, res);
      sendError(
        res,
        403,
        'UNAUTHORIZED',
        'Forbidden: unexpected Host header (the desk only answers to 127.0.0.1/localhost).',
      );
      return;
    }
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
    const method = req.method ?? 'GET';

    if (rawPath === '/' && query.has('token') && (method === 'GET' || method === 'HEAD')) {
      if (!tokenMatches(query.get('token'), token)) {
        sendError(
          res,
          401,
          'UNAUTHORIZED',
          'The token in the URL is wrong; use the URL printed by `desk host`.',
        );
        return;
      }
      // Swap the token for an HttpOnly cookie and drop it from the address bar and history.
      res.writeHead(302, {
        ...securityHeaders(),
        'Set-Cookie': tokenCookie(token),
        Location: '/',
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }

    const auth: AuthResult = authenticate(req.headers, token);
    if (!auth.ok) {
      discardRest(req, res);
      sendError(
        res,
        401,
        'UNAUTHORIZED',
        'Missing or wrong desk token; open the URL printed by `desk host` (it ends in ?token=…).',
      );
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      const problem = originProblem(req.headers.origin, port, auth.via);
      if (problem) {
        discardRest(req, res);
        sendError(res, 403, 'UNAUTHORIZED', `Forbidden: ${problem}.`);
        return;
      }
    }

    if (rawPath.startsWith('/api/invoke/')) return invoke(req, res, rawPath.slice('/api/invoke/'.length));
    if (rawPath === '/api/upload') return upload(req, res);
    if (rawPath.startsWith('/api/download/'))
      return download(req, res, rawPath.slice('/api/download/'.length));
    if (rawPath === '/api/events') return events(req, res);
    // The page asks before it knows which desk it is on: this one has no accounts.
    if (rawPath === '/api/auth/session') {
      sendJson(res, 200, { ok: true, value: { team: false, user: null } });
      return;
    }
    if (rawPath.startsWith('/api/')) {
      sendError(res, 404, 'NOT_FOUND', `No such API route: ${rawPath.slice(0, 80)}`);
      return;
    }
    return serveStatic(req, res, rawPath);
  }

  async function invoke(
    req: IncomingMessage,
    res: ServerResponse,
    rawChannel: string,
    user?: DeskUser,
  ): Promise<void> {
    if (req.method !== 'POST') {
      discardRest(req, res);
      sendError(res, 405, 'BAD_ARGUMENT', 'Use POST for /api/invoke.', { Allow: 'POST' });
      return;
    }
    let channel: string;
    try {
      channel = decodeURIComponent(rawChannel);
    } catch {
      discardRest(req, res);
      sendError(res, 400, 'BAD_ARGUMENT', 'The channel name in the URL is not valid percent-encoding.');
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, jsonLimit);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        discardRest(req, res);
        sendError(
          res,
          413,
          'LIMIT_EXCEEDED',
          `Request body is larger than the ${Math.round(jsonLimit / 1024)} KB limit.`,
        );
      } else {
        res.destroy();
      }
      return;
    }
    let args: unknown = {};
    const text = body.toString('utf8').trim();
    if (text !== '') {
      try {
        args = JSON.parse(text);
      } catch (err) {
        const detail = err instanceof Error ? err.message : 'parse error';
        sendError(res, 400, 'BAD_ARGUMENT', `Request body is not valid JSON: ${detail.slice(0, 200)}`);
        return;
      }
    }
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const ctx: CallContext = {
      actor: user?.email ?? actor,
      ...(user ? { user } : {}),
      emit: (e: DeskEvent) => desk.deps.broadcast(e),
      signal: controller.signal,
    };
    const refusal = user
      ? forbidden(channel as never, args, user, (f) => desk.deps.inbox?.holds(f) ?? false)
      : null;
    if (refusal) {
      desk.deps.log?.warn('host.forbidden', { channel: channel.slice(0, 40), role: user?.role });
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: refusal } });
      return;
    }
    const envelope = await dispatch(handlers, channel, args, ctx);
    if (res.destroyed) return;
    const status = !envelope.ok && envelope.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200;
    sendJson(res, status, envelope);
  }

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      discardRest(req, res);
      sendError(res, 405, 'BAD_ARGUMENT', 'Use POST for /api/upload.', { Allow: 'POST' });
      return;
    }
    const rawName = req.headers['x-file-name'];
    let name: string;
    try {
      name = typeof rawName === 'string' ? decodeURIComponent(rawName).trim() : '';
    } catch {
      name = '';
    }
    if (!name) {
      discardRest(req, res);
      sendError(res, 400, 'BAD_ARGUMENT', 'Upload needs an X-File-Name header (the URI-encoded file name).');
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > uploadLimit) {
      discardRest(req, res);
      sendError(res, 413, 'LIMIT_EXCEEDED', new UploadTooLargeError(uploadLimit).message);
      return;
    }
    const mime = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim();
    try {
      const info = await saveUpload(opts.dataDir, req, { name, mime, maxBytes: uploadLimit });
      sendJson(res, 200, { ok: true, value: { uploadId: info.uploadId, name: info.name, size: info.size } });
    } catch (err) {
      if (res.headersSent) return;
      if (err instanceof UploadTooLargeError) {
        discardRest(req, res);
        sendError(res, 413, 'LIMIT_EXCEEDED', err.message);
      } else if (req.destroyed || req.readableAborted) {
        res.destroy();
      } else {
        sendError(res, 500, 'INTERNAL', 'The upload could not be saved on the desk.');
      }
    }
  }

  async function download(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'BAD_ARGUMENT', 'Use GET for /api/download.', { Allow: 'GET, HEAD' });
      return;
    }
    const entry = getDownload(id);
    let size: number;
    try {
      if (!entry) throw new Error('unknown');
      size = fs.statSync(entry.filePath).size;
    } catch {
      sendError(res, 404, 'NOT_FOUND', 'That download is not available (it may have expired); export again.');
      return;
    }
    const ascii = entry.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': entry.mime,
      'Content-Length': size,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(entry.name)}`,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(entry.filePath);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  /** Open event streams per agent: an agent whose last tab closed leaves the cases they had open. */
  const streams = new Map<string, number>();

  async function events(req: IncomingMessage, res: ServerResponse, user?: DeskUser): Promise<void> {
    if (req.method !== 'GET') {
      sendError(res, 405, 'BAD_ARGUMENT', 'Use GET for /api/events.', { Allow: 'GET' });
      return;
    }
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // The comment line flushes headers so EventSource reports "open" at once.
    res.write('retry: 2000\n: connected\n\n');
    sseClients.add(res);
    const beat = setInterval(() => res.write(': ping\n\n'), SSE_HEARTBEAT_MS);
    beat.unref();
    if (user) streams.set(user.email, (streams.get(user.email) ?? 0) + 1);
    res.on('close', () => {
      clearInterval(beat);
      sseClients.delete(res);
      if (!user) return;
      const left = (streams.get(user.email) ?? 1) - 1;
      if (left > 0) streams.set(user.email, left);
      else {
        streams.delete(user.email);
        presence?.leave(user.email);
      }
    });
  }

  /**
   * The team door. Protocol:
   * - Host must be one of the names agents reach this host by (teamHosts), else 403.
   * - POST /api/auth/sign-in {email, password} -> sets desk_session (HttpOnly, SameSite=Strict,
   *   Secure under TLS) and returns the agent; a cookie sent along is ended first (fixation).
   * - POST /api/auth/sign-out ends the session on the server and clears the cookie.
   * - Every other /api/ route needs a live session (401 otherwise); POSTs need one of the
   *   desk's own Origins (403); lead-only channels answer 403 FORBIDDEN to an agent.
   * - Static files (the app's shell, which holds no data) are served to anyone.
   */
  async function handleTeam(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const names = teamNames();
    const hosts = teamHosts({ scheme, port, names });
    if (!req.headers.host || !hosts.has(req.headers.host.toLowerCase())) {
      discardRest(req, res);
      sendError(res, 403, 'UNAUTHORIZED', 'Forbidden: this desk does not answer to that host name.');
      return;
    }
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const method = req.method ?? 'GET';
    if (!rawPath.startsWith('/api/')) return serveStatic(req, res, rawPath);
    const secure = scheme === 'https';
    if (method !== 'GET' && method !== 'HEAD') {
      const problem = teamOriginProblem(req.headers.origin, teamOrigins({ scheme, port, names }));
      if (problem) {
        discardRest(req, res);
        desk.deps.log?.warn('host.origin-refused', { route: rawPath.slice(0, 40) });
        sendError(res, 403, 'UNAUTHORIZED', `Forbidden: ${problem}.`);
        return;
      }
    }
    const token = sessionToken(req);
    // Asked by the page before it knows whether this is a team desk; needs no session.
    if (rawPath === '/api/auth/session') {
      const who = token ? await accounts!.session(token, await idleMs()) : null;
      sendJson(res, 200, {
        ok: true,
        value: { team: true, user: who ? { email: who.email, name: who.name, role: who.role } : null },
      });
      return;
    }
    if (rawPath === '/api/auth/sign-in') {
      if (method !== 'POST') {
        sendError(res, 405, 'BAD_ARGUMENT', 'Use POST to sign in.', { Allow: 'POST' });
        return;
      }
      let body: { email?: unknown; password?: unknown };
      try {
        body = JSON.parse((await readBody(req, 16 * 1024)).toString('utf8')) as typeof body;
      } catch {
        sendError(res, 400, 'BAD_ARGUMENT', 'Send {"email": "…", "password": "…"} as JSON.');
        return;
      }
      if (
        typeof body.email !== 'string' ||
        typeof body.password !== 'string' ||
        !body.email ||
        !body.password
      ) {
        sendError(res, 400, 'BAD_ARGUMENT', 'Enter your email and your password.');
        return;
      }
      // Whatever session the browser brought is ended: the one after sign-in is always new.
      if (token) await accounts!.signOut(token);
      const r = await accounts!.signIn(body.email.slice(0, 320), body.password.slice(0, 200));
      if (!r.ok) {
        sendError(res, 401, 'UNAUTHORIZED', r.message, { 'Set-Cookie': clearSessionCookie(secure) });
        return;
      }
      res.setHeader('Set-Cookie', sessionCookie(r.token, secure));
      const { email, name, role } = r.user;
      sendJson(res, 200, { ok: true, value: { user: { email, name, role } } });
      return;
    }
    if (rawPath === '/api/auth/sign-out') {
      if (method !== 'POST') {
        sendError(res, 405, 'BAD_ARGUMENT', 'Use POST to sign out.', { Allow: 'POST' });
        return;
      }
      if (token) {
        const who = await accounts!.session(token, await idleMs());
        if (who) presence?.leave(who.email);
        await accounts!.signOut(token);
      }
      res.setHeader('Set-Cookie', clearSessionCookie(secure));
      sendJson(res, 200, { ok: true, value: { signedOut: true } });
      return;
    }
    const account = token ? await accounts!.session(token, await idleMs()) : null;
    if (!account) {
      discardRest(req, res);
      sendError(
        res,
        401,
        'UNAUTHORIZED',
        'Sign in to the desk first (your session has ended or was never started).',
        {
          'Set-Cookie': clearSessionCookie(secure),
        },
      );
      return;
    }
    const user: DeskUser = { email: account.email, name: account.name, role: account.role };
    if (rawPath.startsWith('/api/invoke/'))
      return invoke(req, res, rawPath.slice('/api/invoke/'.length), user);
    if (rawPath === '/api/upload') return upload(req, res);
    if (rawPath.startsWith('/api/download/'))
      return download(req, res, rawPath.slice('/api/download/'.length));
    if (rawPath === '/api/events') return events(req, res, user);
    sendError(res, 404, 'NOT_FOUND', `No such API route: ${rawPath.slice(0, 80)}`);
  }

  /** Names agents reach a team host by: its address, this machine's name, and --name extras. */
  function teamNames(): string[] {
    const names = new Set<string>([os.hostname(), ...(team?.names ?? [])]);
    if (isLoopbackBindAddress(bindHost)) ['localhost', '127.0.0.1', '::1'].forEach((n) => names.add(n));
    if (bindHost === '0.0.0.0' || bindHost === '::') {
      names.add('localhost').add('127.0.0.1');
      for (const list of Object.values(os.networkInterfaces()))
        for (const a of list ?? []) if (a.family === 'IPv4') names.add(a.address);
    } else names.add(bindHost);
    return [...names];
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      discardRest(req, res);
      sendError(res, 405, 'BAD_ARGUMENT', 'Only GET and HEAD are allowed for files.', { Allow: 'GET, HEAD' });
      return;
    }
    const found = resolveStatic(opts.rendererDir, rawPath);
    if (found.kind === 'bad-request') {
      sendError(res, 400, 'BAD_ARGUMENT', `Bad path: ${found.reason}.`);
      return;
    }
    if (found.kind === 'not-found') {
      const hint = rawPath === '/' ? ' The renderer is not built: run `npm run build`.' : '';
      sendError(res, 404, 'NOT_FOUND', `Not found.${hint}`);
      return;
    }
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': found.contentType,
      'Content-Length': found.size,
      // Vite's hashed assets never change; index.html must always be re-read after a rebuild.
      'Cache-Control': found.filePath.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(found.filePath);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new DeskError(
              'BAD_ARGUMENT',
              `Port ${opts.port} on ${bindHost} is already in use; pick another with --port.`,
            )
          : err,
      );
    });
    server.listen(opts.port ?? 0, bindHost, () => resolve());
  }).catch(async (err: unknown) => {
    unsubscribe();
    clearInterval(sweepTimer);
    if (ownsDesk) await desk.close();
    throw err;
  });
  port = (server.address() as AddressInfo).port;
  desk.deps.log?.info('host.start', { port });
  const hostPart = bindHost.includes(':')
    ? `[${bindHost}]`
    : bindHost === '0.0.0.0'
      ? os.hostname()
      : bindHost;
  const origin = `${scheme}://${hostPart}:${port}`;

  let closed: Promise<void> | undefined;
  return {
    url: team ? `${origin}/` : `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close() {
      closed ??= (async () => {
        unsubscribe();
        clearInterval(sweepTimer);
        for (const res of sseClients) res.end();
        sseClients.clear();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // Requests in flight get a moment to answer (their writes are already committed or
          // not: better-sqlite3 is synchronous); then keep-alive sockets are cut.
          setTimeout(() => server.closeAllConnections(), 2000).unref();
        });
        desk.deps.log?.info('host.stop', { port });
        presence?.close();
        await closeAccounts();
        if (ownsDesk) await desk.close();
      })();
      return closed;
    },
  };
}

// `node dist/electron/host.mjs [--port N] [--open]` runs the same command as `desk host`.
const isEntry = process.argv[1] && /[\\/]host\.(mjs|js|ts)$/.test(process.argv[1]);
if (isEntry) {
  void import('./cli/host').then(async ({ run }) => {
    const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };
    try {
      process.exitCode = await run(process.argv.slice(2), io);
    } catch (err) {
      io.err(`error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
      process.exitCode = err instanceof DeskError && err.code === 'BAD_ARGUMENT' ? 2 : 1;
    }
  });
}
