// The Electron shell, kept thin: one locked-down fullscreen kiosk window, the app://
// protocol for the UI, IPC wiring to the services, and recovery from renderer crashes.
// Everything else lives in ./services, ../hardware and ../content and runs without Electron.

import { BrowserWindow, Menu, app, ipcMain, net, powerSaveBlocker, protocol, session, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EVENT_CHANNEL, METHOD_NAMES } from './api.ts';
import { createOlifant, type Olifant, type PillarChoice } from './services/app.ts';
import { dispatch } from './services/dispatch.ts';
import { CONTENT_SECURITY_POLICY, mimeType, resolveStatic } from './services/static.ts';

const ORIGIN = 'app://olifant';
const dev = process.argv.includes('--dev');
/** A renderer that crashes more often than this within the window is left alone (and logged). */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10 * 60_000;
const HUNG_RELOAD_MS = 10_000;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let olifant: Olifant | null = null;
  let win: BrowserWindow | null = null;
  const restarts: number[] = [];

  const fromOurWindow = (event: IpcMainInvokeEvent) => win !== null && event.sender === win.webContents && (event.senderFrame?.url ?? '').startsWith(`${ORIGIN}/`);

  const recover = (why: string) => {
    const now = Date.now();
    while (restarts.length && restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length >= MAX_RESTARTS) {
      olifant?.log('error', `the kiosk screen failed again (${why}); ${MAX_RESTARTS} restarts in 10 minutes, not restarting it: restart the computer`);
      return;
    }
    restarts.push(now);
    olifant?.log('warn', `the kiosk screen failed (${why}); reloading it`);
    win?.webContents.reload();
  };

  const createWindow = () => {
    win = new BrowserWindow({
      kiosk: !dev,
      fullscreen: !dev,
      width: 1080,
      height: 1920,
      backgroundColor: '#2b1740',
      autoHideMenuBar: true,
      webPreferences: {
        preload: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: dev,
        spellcheck: false,
      },
    });
    const contents = win.webContents;
    contents.setVisualZoomLevelLimits(1, 1);
    contents.on('render-process-gone', (_e, details) => recover(details.reason));
    let hung: NodeJS.Timeout | null = null;
    contents.on('unresponsive', () => {
      hung ??= setTimeout(() => {
        hung = null;
        contents.forcefullyCrashRenderer();
        recover('not responding');
      }, HUNG_RELOAD_MS);
    });
    contents.on('responsive', () => {
      if (hung) clearTimeout(hung);
      hung = null;
    });
    void win.loadURL(`${ORIGIN}/`);
  };

  app.on('second-instance', () => win?.focus());

  // No navigation away, no new windows, no webviews: for every web contents there is.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void olifant?.close();
  });

  app.whenReady().then(async () => {
    Menu.setApplicationMenu(null);
    powerSaveBlocker.start('prevent-display-sleep');
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    olifant = await createOlifant({
      pillar: argument('--pillar') as PillarChoice | undefined,
      pillarPort: argument('--pillar-port') ?? null,
      dataDir: process.env.OLIFANT_DATA_DIR ? path.resolve(process.env.OLIFANT_DATA_DIR) : undefined,
    });
    const service = olifant.service;

    protocol.handle('app', async (request) => {
      const url = new URL(request.url);
      const file = url.host === 'olifant' ? resolveStatic(url.pathname, service) : null;
      if (!file) return new Response('not found', { status: 404 });
      const body = await (await net.fetch(pathToFileURL(file).toString())).arrayBuffer();
      return new Response(body, { headers: { 'content-type': mimeType(file), 'content-security-policy': CONTENT_SECURITY_POLICY } });
    });

    for (const method of METHOD_NAMES) {
      ipcMain.handle(`olifant:${method}`, (event, arg: unknown) => {
        if (!fromOurWindow(event)) return { ok: false, error: { code: 'bad-request', message: 'not from the kiosk window' } };
        return dispatch(service.handlers, method, arg, olifant!.log);
      });
    }
    service.onEvent((event) => win?.webContents.send(EVENT_CHANNEL, event));
    createWindow();
  });
}
