// The renderer's one way to the desk. Whatever door installed window.desk (Electron preload or
// the browser host's HTTP client), screens call `call()` and get typed results or DeskCallError.
import type { ArgsIn, Channel, DeskClient, DeskErrorShape, Result } from '../../../shared/contract';
import { contract } from '../../../shared/contract';
import { createHttpClient, DeskCallError, type TeamAuth } from './http-client';

export { DeskCallError };

type HttpClient = ReturnType<typeof createHttpClient>;

declare global {
  interface Window {
    /** The desktop app's window onto a team desk: the way back to the personal desk. */
    deskShell?: { usePersonalDesk(): Promise<void> };
    desk?: DeskClient & {
      /** Electron preload: the real path of a dropped File (webUtils.getPathForFile). */
      pathForFile?: (file: File) => string;
    };
  }
}

let http: HttpClient | null = null;

/** Installs the HTTP client when no preload provided window.desk (the browser host). */
export function installDesk(): void {
  if (!window.desk) {
    http = createHttpClient('');
    window.desk = http;
  }
}

function desk(): NonNullable<Window['desk']> {
  if (!window.desk) installDesk();
  return window.desk!;
}

export function hasChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Normalizes whatever the door threw into a DeskCallError (the preload may throw plain objects). */
export function asDeskError(err: unknown): DeskCallError {
  if (err instanceof DeskCallError) return err;
  const shape = err as Partial<DeskErrorShape> | null;
  if (
    shape &&
    typeof shape === 'object' &&
    typeof shape.code === 'string' &&
    typeof shape.message === 'string'
  ) {
    return new DeskCallError({
      code: shape.code,
      message: shape.message,
      ...(shape.issues ? { issues: shape.issues } : {}),
    });
  }
  return new DeskCallError({
    code: 'INTERNAL',
    message: err instanceof Error ? err.message : 'Unexpected error.',
  });
}

const unauthorizedListeners = new Set<() => void>();
/** Called when any call comes back UNAUTHORIZED (a team desk's session ended). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export async function call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  try {
    return await desk().invoke(channel, args);
  } catch (err) {
    const e = asDeskError(err);
    if (e.code === 'UNAUTHORIZED') for (const l of unauthorizedListeners) l();
    throw e;
  }
}

/** Calls a channel that another part of the desk may not have shipped yet, by name. */
export async function callIf<T>(channel: string, args: unknown): Promise<T | undefined> {
  if (!hasChannel(channel)) return undefined;
  return (await call(channel, args as never)) as T;
}

export function onDeskEvent(listener: Parameters<DeskClient['onEvent']>[0]): () => void {
  return desk().onEvent(listener);
}

export function door(): 'electron' | 'browser' {
  return desk().door;
}

/** The team host's sign-in routes; null in the desktop app's own window (a personal desk). */
export function teamAuth(): TeamAuth | null {
  if (window.desk && window.desk !== http) return null;
  if (!http) http = createHttpClient('');
  return http;
}

/**
 * What intake needs to find a dropped file: its path in Electron, or an upload id in the browser.
 * Electron without pathForFile falls back to nothing, and the caller says so.
 */
export async function fileRef(
  file: File,
  onProgress?: (done: number, total: number) => void,
): Promise<{ path: string } | { uploadId: string }> {
  const d = desk();
  if (d.pathForFile) {
    const p = d.pathForFile(file);
    if (p) return { path: p };
  }
  if (!http) http = createHttpClient('');
  return { uploadId: await http.upload(file, file.name, onProgress) };
}
