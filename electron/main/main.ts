// The Electron shell, kept thin: one locked-down fullscreen kiosk window, the app://
// protocol for the UI, the student's and the operator's IPC channels (each only from its own
// page), and recovery from renderer crashes.
// Everything else lives in ../core, ../carriers, ../../hardware and ../../content and runs without Electron.

import { BrowserWindow, Menu, app, ipcMain, net, powerSaveBlocker, protocol, session } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Outcome } from '../api/common.ts';
import { STUDENT_EVENT_CHANNEL } from '../api/student.ts';
import { dispatch } from '../kiosk/carriers/dispatch.ts';
import { outOfOrderResponse, policyFor } from '../kiosk/carriers/static.ts';
import { CONTENT_SECURITY_POLICY, mimeType, resolveStatic } from '../platform/renderer-files.ts';
import { parseKioskArgs } from '../cli/kiosk-args.ts';
import { createKiosk, kioskLog, StartupError, type Kiosk } from '../kiosk/services.ts';
import { showOutOfOrder } from '../kiosk/out-of-order.ts';
import { ScreenRecovery } from './recovery.ts';
import { mayCall, ours, windowFor, WINDOWS, type WindowRole } from './windows.ts';

const kioskArgs = parseKioskArgs(process.argv.slice(2), { strict: false });
const dev = kioskArgs.dev;

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let olifant: Kiosk | null = null;
  /** The student's window, always there; the operator's, only while the operator is in. */
  const windows: Record<WindowRole, BrowserWindow | null> = { student: null, operator: null };

  const createWindow = (role: WindowRole) => {
    const win = new BrowserWindow({
      kiosk: !dev,
      fullscreen: !dev,
      width: 1080,
      height: 1920,
      backgroundColor: '#2b1740',
      autoHideMenuBar: true,
      webPreferences: {
        preload: fileURLToPath(new URL(`../preload/${WINDOWS[role].preload}`, import.meta.url)),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: dev,
        spellcheck: false,
      },
    });
    windows[role] = win;
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
    // The other role's page opens in the other role's window, never in this one (its preload is not that role's).
    contents.on('will-navigate', (event) => {
      const other = windowFor(event.url);
      if (other === null || other === role) return;
      event.preventDefault();
      show(other);
    });
    win.on('closed', () => {
      if (windows[role] === win) windows[role] = null;
    });
    void win.loadURL(WINDOWS[role].url);
  };

  /** The operator's window opens afresh over the students'; going back closes it, and the kiosk page starts again. */
  const show = (role: WindowRole) => {
    if (role === 'operator') {
      if (windows.operator) windows.operator.focus();
      else createWindow('operator');
      return;
    }
    windows.operator?.close();
    windows.student?.webContents.loadURL(WINDOWS.student.url);
    windows.student?.focus();
  };

  app.on('second-instance', () => (windows.operator ?? windows.student)?.focus());

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
      olifant = await createKiosk(kioskArgs.options);
    } catch (error) {
      if (!(error instanceof StartupError)) throw error;
      // The window shows why the kiosk cannot start, and the LED ring is solid red.
      const broken = showOutOfOrder(kioskArgs.options, kioskLog(kioskArgs.options));
      app.on('before-quit', () => void broken.close());
      protocol.handle('app', (request) => {
        const page = outOfOrderResponse(new URL(request.url).pathname, error.message);
        return new Response(page.body, { status: page.status, headers: { 'content-type': page.type, 'content-security-policy': CONTENT_SECURITY_POLICY } });
      });
      createWindow('student');
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

    const handlers: Record<WindowRole, object> = { student: student.handlers, operator: olifant.operator.handlers };
    for (const role of ['student', 'operator'] as const) {
      const { channel, methods } = WINDOWS[role];
      for (const method of methods) {
        ipcMain.handle(`${channel}:${method}`, (event, arg: unknown): Promise<Outcome<unknown>> | Outcome<never> => {
          const win = windows[role];
          const fromOwnPage = win !== null && event.sender === win.webContents && event.senderFrame === win.webContents.mainFrame && mayCall(role, event.senderFrame.url, `${channel}:${method}`);
          if (!fromOwnPage) return { ok: false, error: { code: 'forbidden', message: `not from the ${role} window's page` } };
          return dispatch({ methods, handlers: handlers[role] }, method, arg, olifant!.log, (code) => olifant!.health.countError(code));
        });
      }
    }
    student.onEvent((event) => windows.student?.webContents.send(STUDENT_EVENT_CHANNEL, event));
    createWindow('student');
  });
}
