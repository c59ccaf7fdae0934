// DeskClient for the browser host, where no preload exists: the same contract over HTTP.
// The host set an auth cookie when the page was opened with ?token=, so same-origin fetches and
// the EventSource are authenticated without the renderer ever handling the token.
import type {
  ArgsIn,
  Channel,
  DeskClient,
  DeskErrorShape,
  DeskEvent,
  Envelope,
  ErrorCode,
  Result,
} from '../../../shared/contract';

/** A failed call, carrying the desk's error code and field issues for the UI. */
export class DeskCallError extends Error {
  readonly code: ErrorCode;
  readonly issues: { path: string; message: string }[];
  constructor(shape: DeskErrorShape) {
    super(shape.message);
    this.name = 'DeskCallError';
    this.code = shape.code;
    this.issues = shape.issues ?? [];
  }
}

async function readEnvelope<T>(res: Response): Promise<T> {
  let body: Envelope<T> | undefined;
  try {
    body = (await res.json()) as Envelope<T>;
  } catch {
    // A non-JSON answer (proxy page, crashed host) still gets a sentence, never raw HTML.
  }
  if (!body || typeof body !== 'object' || !('ok' in body)) {
    if (res.status === 401)
      throw new DeskCallError({
        code: 'UNAUTHORIZED',
        message:
          'This page is not signed in to the desk. Open the address the desk printed (with its token) again.',
      });
    throw new DeskCallError({
      code: 'INTERNAL',
      message: `The desk answered ${res.status} ${res.statusText || ''}`.trim(),
    });
  }
  if (!body.ok) throw new DeskCallError(body.error);
  return body.value;
}

function networkError(err: unknown): DeskCallError {
  if (err instanceof DeskCallError) return err;
  return new DeskCallError({ code: 'INTERNAL', message: 'Cannot reach the desk. Is it still running?' });
}

/** The team host's sign-in routes (a personal host has none: `teamSession` answers null there). */
export interface TeamAuth {
  /** {team: true, user} on a team desk (user null until signed in); null on a personal desk. */
  teamSession(): Promise<{
    team: true;
    user: { email: string; name: string; role: 'agent' | 'lead' } | null;
  } | null>;
  signIn(email: string, password: string): Promise<{ email: string; name: string; role: 'agent' | 'lead' }>;
  signOut(): Promise<void>;
}

export function createHttpClient(base = ''): DeskClient &
  TeamAuth & {
    upload(file: Blob, name: string, onProgress?: (done: number, total: number) => void): Promise<string>;
  } {
  const listeners = new Set<(e: DeskEvent) => void>();
  let source: EventSource | null = null;

  const ensureEvents = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (msg: MessageEvent<string>) => {
      let event: DeskEvent;
      try {
        event = JSON.parse(msg.data) as DeskEvent;
      } catch {
        return;
      }
      for (const l of listeners) l(event);
    };
  };

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  return {
    door: 'browser',
    async teamSession() {
      let res: Response;
      try {
        res = await fetch(`${base}/api/auth/session`, { credentials: 'same-origin' });
      } catch (err) {
        throw networkError(err);
      }
      if (!res.ok) return null;
      const body = (await res.json().catch(() => null)) as Envelope<{
        team: boolean;
        user: { email: string; name: string; role: 'agent' | 'lead' } | null;
      }> | null;
      // A personal host answers team: false.
      return body && body.ok && body.value.team ? { team: true, user: body.value.user } : null;
    },
    async signIn(email, password) {
      let res: Response;
      try {
        res = await post('/api/auth/sign-in', { email, password });
      } catch (err) {
        throw networkError(err);
      }
      return (await readEnvelope<{ user: { email: string; name: string; role: 'agent' | 'lead' } }>(res))
        .user;
    },
    async signOut() {
      try {
        await post('/api/auth/sign-out', {});
      } catch {
        /* offline: the cookie is cleared on the next answer anyway */
      }
      source?.close();
      source = null;
    },
    async invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
      let res: Response;
      try {
        res = await fetch(`${base}/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args ?? {}),
        });
      } catch (err) {
        throw networkError(err);
      }
      return readEnvelope<Result<C>>(res);
    },
    onEvent(listener) {
      listeners.add(listener);
      ensureEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
    /** Sends a dropped file's bytes to the host; intake then refers to it by uploadId. */
    async upload(file, name, onProgress) {
      // XHR rather than fetch: it reports upload progress for large scans.
      return new Promise<string>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${base}/api/upload`);
        xhr.withCredentials = true;
        xhr.setRequestHeader('X-File-Name', encodeURIComponent(name));
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total);
        xhr.onerror = () => reject(networkError(null));
        xhr.onload = () => {
          let body: Envelope<{ uploadId: string }> | undefined;
          try {
            body = JSON.parse(xhr.responseText) as Envelope<{ uploadId: string }>;
          } catch {
            reject(new DeskCallError({ code: 'INTERNAL', message: `Upload failed (${xhr.status}).` }));
            return;
          }
          if (body.ok) resolve(body.value.uploadId);
          else reject(new DeskCallError(body.error));
        };
        xhr.send(file);
      });
    },
  };
}
