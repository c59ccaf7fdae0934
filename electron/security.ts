// The Electron shell's security policy as pure functions. main.ts only wires these into Electron
// (side effects such as shell.openExternal are injected), so every rule here is unit-tested
// without the Electron binary. The browser host shares the CSP so both doors run the renderer
// under the same policy.
import type { HandlerDetails, Session, WebPreferences, WindowOpenHandlerResponse } from 'electron';

/**
 * One CSP for the app window and the browser host. 'unsafe-inline' is allowed for styles only
 * (React style attributes); scripts come from our own bundle and nowhere else. blob: workers and
 * images are for the PDF/bill preview. frame-ancestors/base-uri stop framing and <base> hijacks.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The renderer is served from a custom privileged scheme rather than file://: Electron's
 * security checklist recommends it, it lets us attach the CSP as a real header and resolve paths
 * with the same traversal checks as the browser host, and it lets the build turn off the
 * GrantFileProtocolExtraPrivileges fuse.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The one event channel main uses to push DeskEvents to the window. */
export const DESK_EVENT_CHANNEL = 'desk:event';

/**
 * webPreferences for every window the app creates. Nothing here is relaxed "for tests". A window
 * onto a team desk passes a session of its own (its cookies and certificate pin stay apart).
 */
export function windowWebPreferences(preloadPath: string, session?: Session): WebPreferences {
  return {
    preload: preloadPath,
    ...(session ? { session } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: true,
  };
}

/** The origin of a URL, or null for anything unparsable or opaque. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    // Custom standard schemes report origin 'null' in WHATWG URL; rebuild it ourselves.
    if (u.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${u.host}`;
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

/**
 * Navigation is allowed only within the app's own origin (hash/route changes, reloads); every
 * other target (a dropped file, a link in a bill, a redirect) is refused.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const target = originOf(url);
  const app = originOf(appUrl);
  return target !== null && app !== null && target === app;
}

/**
 * IPC is answered only for frames showing our own app (the app:// origin, or the Vite dev
 * server in development). A compromised or navigated-away frame gets nothing.
 */
export function isTrustedSender(frameUrl: string | undefined | null, appUrl: string): boolean {
  if (!frameUrl) return false;
  return isAllowedNavigation(frameUrl, appUrl);
}

/** Only https links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * window.open / target=_blank: never a new Electron window. https links go to the system
 * browser through the injected opener (shell.openExternal in main.ts).
 */
export function makeWindowOpenHandler(
  openExternal: (url: string) => void,
): (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse {
  return (details) => {
    if (isSafeExternalUrl(details.url)) openExternal(details.url);
    return { action: 'deny' };
  };
}

/**
 * Permissions the app actually uses, per requesting origin. Everything else (camera,
 * geolocation, notifications, HID, …) is denied. Copy-to-clipboard of a case number is the one
 * browser permission the workspace needs.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  appUrl: string,
): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  return requestingUrl !== undefined && isAllowedNavigation(requestingUrl, appUrl);
}

/** For session.setPermissionRequestHandler: deny by default. */
export function makePermissionRequestHandler(
  appUrl: string,
): (
  webContents: { getURL(): string },
  permission: string,
  callback: (granted: boolean) => void,
  details?: { requestingUrl?: string },
) => void {
  return (webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details?.requestingUrl ?? webContents.getURL(), appUrl));
  };
}

/** For session.setPermissionCheckHandler: same rule, synchronous answer. */
export function makePermissionCheckHandler(
  appUrl: string,
): (webContents: unknown, permission: string, requestingOrigin: string) => boolean {
  return (_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appUrl);
}

/** Headers the app:// protocol and the browser host attach to every response they serve. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
