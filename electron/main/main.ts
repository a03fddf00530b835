// The Electron shell, kept thin: one locked-down fullscreen kiosk window, the app://
// protocol for the UI, the student's and the operator's IPC channels (each only from its own
// page), and recovery from renderer crashes.
// Everything else lives in ../core, ../carriers, ../../hardware and ../../content and runs without Electron.

import { BrowserWindow, Menu, app, ipcMain, net, powerSaveBlocker, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Outcome } from '../api/common.ts';
import { OPERATOR_CHANNEL, OPERATOR_METHODS, OPERATOR_PAGE } from '../api/operator.ts';
import { STUDENT_CHANNEL, STUDENT_EVENT_CHANNEL, STUDENT_METHODS } from '../api/student.ts';
import { dispatch } from '../carriers/dispatch.ts';
import { outOfOrderResponse, policyFor } from '../carriers/static.ts';
import { CONTENT_SECURITY_POLICY, mimeType, resolveStatic } from '../platform/renderer-files.ts';
import { parseKioskArgs } from '../cli/kiosk-args.ts';
import { createOlifant, kioskLog, StartupError, type Olifant } from '../core/olifant.ts';
import { showOutOfOrder } from '../core/out-of-order.ts';
import { ScreenRecovery } from './recovery.ts';

const ORIGIN = 'app://olifant';
const kioskArgs = parseKioskArgs(process.argv.slice(2), { strict: false });
const dev = kioskArgs.dev;

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const ours = (url: string) => url.startsWith(`${ORIGIN}/`);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let olifant: Olifant | null = null;
  let win: BrowserWindow | null = null;

  /** The kiosk window's top frame, on the operator page or on the student's. */
  const fromPage = (event: IpcMainInvokeEvent, operatorPage: boolean) => {
    const url = event.senderFrame?.url ?? '';
    return win !== null && event.sender === win.webContents && event.senderFrame === win.webContents.mainFrame && ours(url) && url.startsWith(`${ORIGIN}/${OPERATOR_PAGE}`) === operatorPage;
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
        preload: fileURLToPath(new URL('../preload/kiosk.cjs', import.meta.url)),
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
    const recovery = new ScreenRecovery({
      reload: () => contents.reload(),
      crash: () => contents.forcefullyCrashRenderer(),
      log: (level, message) => olifant?.log(level, message),
    });
    contents.on('render-process-gone', (_e, details) => recovery.gone(details.reason));
    contents.on('unresponsive', () => recovery.unresponsive());
    contents.on('responsive', () => recovery.responsive());
    void win.loadURL(`${ORIGIN}/`);
  };

  app.on('second-instance', () => win?.focus());

  // No navigation away, no redirects, no new windows, no webviews: for every web contents there is.
  app.on('web-contents-created', (_e, contents) => {
    const stay = (event: { preventDefault(): void }, url: string) => {
      if (!ours(url)) event.preventDefault();
    };
    contents.on('will-navigate', stay);
    contents.on('will-frame-navigate', (event) => stay(event, event.url));
    contents.on('will-redirect', stay);
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

    try {
      olifant = await createOlifant(kioskArgs.options);
    } catch (error) {
      if (!(error instanceof StartupError)) throw error;
      // The window shows why the kiosk cannot start, and the LED ring is solid red.
      const broken = showOutOfOrder(kioskArgs.options, kioskLog(kioskArgs.options));
      app.on('before-quit', () => void broken.close());
      protocol.handle('app', (request) => {
        const page = outOfOrderResponse(new URL(request.url).pathname, error.message);
        return new Response(page.body, { status: page.status, headers: { 'content-type': page.type, 'content-security-policy': CONTENT_SECURITY_POLICY } });
      });
      createWindow();
      return;
    }
    const student = olifant.student;

    protocol.handle('app', async (request) => {
      const url = new URL(request.url);
      const file = url.host === 'olifant' ? resolveStatic(url.pathname, (rel) => student.assetFile(rel)) : null;
      if (!file) return new Response('not found', { status: 404 });
      const body = await (await net.fetch(pathToFileURL(file).toString())).arrayBuffer();
      return new Response(body, { headers: { 'content-type': mimeType(file), 'content-security-policy': policyFor(file) } });
    });

    const roles = [
      { channel: STUDENT_CHANNEL, methods: STUDENT_METHODS, handlers: student.handlers, operatorPage: false },
      { channel: OPERATOR_CHANNEL, methods: OPERATOR_METHODS, handlers: olifant.operator.handlers, operatorPage: true },
    ];
    for (const role of roles) {
      for (const method of role.methods) {
        ipcMain.handle(`${role.channel}:${method}`, (event, arg: unknown): Promise<Outcome<unknown>> | Outcome<never> => {
          if (!fromPage(event, role.operatorPage)) return { ok: false, error: { code: 'forbidden', message: `not from the ${role.channel} page` } };
          return dispatch(role, method, arg, olifant!.log);
        });
      }
    }
    student.onEvent((event) => win?.webContents.send(STUDENT_EVENT_CHANNEL, event));
    createWindow();
  });
}
