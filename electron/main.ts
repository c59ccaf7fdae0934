// Electron main process. Thin on purpose: lifecycle, one window, and wiring the pure policy in
// security.ts and the contract-driven ipc.ts into Electron. All desk logic lives in electron/desk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, shell, type Session } from 'electron';
import type { Desk } from './desk/service';
import { openDesk } from './desk/service';
import { sharedOcrPool } from './desk/intake/ocr-pool';
import { defaultDataDir } from './desk/paths';
import { databaseUrlFromEnv } from './desk/store/open-store';
import { fileKeySecretBox } from './desk/secrets';
import { resolveStatic } from './host/static';
import { registerDeskIpc } from './ipc';
import { createAppSecretBox } from './secret-box';
import { readJoinedTeamDesk, writeJoinedTeamDesk, type JoinedTeamDesk } from './desk/team/desktop-config';
import { certificateVerdict } from './desk/team/probe';
import {
  APP_HOST,
  APP_INDEX_URL,
  APP_SCHEME,
  DESK_EVENT_CHANNEL,
  isAllowedNavigation,
  makePermissionCheckHandler,
  makePermissionRequestHandler,
  makeWindowOpenHandler,
  securityHeaders,
  windowWebPreferences,
} from './security';

// The Vite dev server, only for an unpackaged app started by a developer.
const devUrl = !app.isPackaged ? process.env.PORTING_DESK_DEV_URL : undefined;
const appUrl = devUrl ?? APP_INDEX_URL;
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const teamPreloadPath = path.join(__dirname, 'preload-team.cjs');
const LEAVE_TEAM_CHANNEL = 'desktop:leave-team';
/** The team desk this app shows instead of the personal one, if the agent joined one. */
let joined: JoinedTeamDesk | null = null;

let mainWindow: BrowserWindow | null = null;
let desk: Desk | null = null;

// Must run before 'ready': app:// behaves like https (secure context, fetch, relative URLs).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
app.enableSandbox();

/** Serves dist/renderer on app://desk/ with the same traversal checks and CSP as the browser host. */
function serveRenderer(request: Request): Response {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  const found = resolveStatic(rendererDir, url.pathname);
  if (found.kind !== 'file')
    return new Response('Not found', { status: found.kind === 'bad-request' ? 400 : 404 });
  return new Response(fs.readFileSync(found.filePath), {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': found.contentType },
  });
}

function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(makePermissionRequestHandler(appUrl));
  ses.setPermissionCheckHandler(makePermissionCheckHandler(appUrl));
  // No CSP header is forced onto the Vite dev server: its HMR preamble is an inline script.
  // Packaged builds only ever load app://, whose responses carry the CSP (serveRenderer).
}

/**
 * A team desk's pages get a session of their own (their cookies never mix with the app's) whose
 * certificate check pins the fingerprint the agent accepted: a self-signed desk certificate is
 * trusted for that host only, and a different certificate there is refused.
 */
function teamSession(team: JoinedTeamDesk): Session {
  const ses = session.fromPartition('persist:team-desk');
  const host = new URL(team.origin).hostname;
  ses.setCertificateVerifyProc((request, callback) => {
    let fingerprint = '';
    try {
      fingerprint = new crypto.X509Certificate(request.certificate.data).fingerprint256;
    } catch {
      return callback(-2);
    }
    callback(
      certificateVerdict(request.hostname, fingerprint, { hostname: host, fingerprint: team.fingerprint }),
    );
  });
  ses.setPermissionRequestHandler(makePermissionRequestHandler(team.origin));
  ses.setPermissionCheckHandler(makePermissionCheckHandler(team.origin));
  return ses;
}

/** The URL the window shows: the team desk when joined, else the app itself. */
const windowUrl = () => (joined ? `${joined.origin}/` : appUrl);

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Porting Desk',
    show: false,
    backgroundColor: '#f7f8fa',
    webPreferences: windowWebPreferences(
      joined ? teamPreloadPath : preloadPath,
      joined ? teamSession(joined) : undefined,
    ),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(windowUrl());
  return win;
}

/** Swaps the window for one showing the team desk or, with null, the personal desk. */
function switchDesk(next: JoinedTeamDesk | null): void {
  writeJoinedTeamDesk(defaultDataDir(), next);
  joined = next;
  const old = mainWindow;
  mainWindow = createWindow();
  old?.destroy();
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(makeWindowOpenHandler((url) => void shell.openExternal(url)));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, windowUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, windowUrl())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

if (!app.requestSingleInstanceLock()) {
  // A second launch only focuses the first: two processes on one case store is a support call.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app
    .whenReady()
    .then(async () => {
      protocol.handle(APP_SCHEME, serveRenderer);
      hardenSessions();
      const dataDir = defaultDataDir();
      const databaseUrl = databaseUrlFromEnv();
      joined = readJoinedTeamDesk(dataDir);
      desk = await openDesk({
        dataDir,
        databaseUrl,
        // A shared PostgreSQL desk needs the key every host of that desk holds (a key file);
        // the OS keychain's key is this machine's alone.
        secrets: databaseUrl
          ? fileKeySecretBox(dataDir)
          : createAppSecretBox(safeStorage, fileKeySecretBox(dataDir)),
        door: 'electron',
        // The .eml draft opens in the agent's default mail client, attachments included.
        openPath: async (file) => {
          const problem = await shell.openPath(file);
          if (problem) throw new Error(`Could not open ${path.basename(file)}: ${problem}`);
        },
        desktop: {
          joined: () => joined,
          join: async (origin, fingerprint) => switchDesk({ origin, fingerprint }),
        },
      });
      // Only the team desk's own page, in the window showing it, may ask to go back.
      ipcMain.handle(LEAVE_TEAM_CHANNEL, (event) => {
        if (!joined || !isAllowedNavigation(event.senderFrame?.url ?? '', joined.origin)) return;
        switchDesk(null);
      });
      registerDeskIpc({ ipcMain, desk, appUrl });
      desk.onEvent((event) => {
        // The personal desk's events are for the app's own page, never a team desk's.
        if (!joined && mainWindow && !mainWindow.isDestroyed())
          mainWindow.webContents.send(DESK_EVENT_CHANNEL, event);
      });
      mainWindow = createWindow();
      // The personal desk reads bills here: its OCR engines are warmed a few seconds after the
      // window is up (OcrPool.prime), so the agent's first scan or photo of the day is read as
      // fast as the rest. A team desk's bills are read by its server.
      setTimeout(() => {
        if (!joined) void sharedOcrPool().prime();
      }, 3000).unref();
    })
    .catch((err: unknown) => {
      // No window yet to show it in: the agent gets a dialog-free exit with the reason on stderr.
      process.stderr.write(
        `Porting Desk could not start: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('will-quit', (event) => {
    if (!desk || closing) return;
    // Close the store (WAL checkpoint) before the process goes away.
    event.preventDefault();
    closing = true;
    const d = desk;
    desk = null;
    void d.close().finally(() => app.quit());
  });
}
