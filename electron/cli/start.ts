// `npm start`: the kiosk in Electron; when Electron's binary is missing (it downloads on
// first launch, which fails without internet), the same app in a plain browser: the
// services on 127.0.0.1 and system Chromium in kiosk mode, if there is one.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveKiosk } from '../carriers/http.ts';
import { appRoot } from '../core/platform/paths.ts';
import { electronBinary } from './electron-binary.ts';
import { parseKioskArgs } from './kiosk-args.ts';

const args = process.argv.slice(2);
const kiosk = parseKioskArgs(args);

const BROWSERS = process.platform === 'win32'
  ? [path.join(process.env['PROGRAMFILES'] ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'), path.join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe')]
  : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

async function browserMode(reason: string): Promise<void> {
  process.stderr.write(`Electron is not available (${reason}).\nRunning the kiosk in the browser instead.\n`);
  const { dataDir, server, stop } = await serveKiosk(kiosk.options, kiosk.port);
  const browser = BROWSERS.find((b) => existsSync(b));
  process.stdout.write(`The kiosk is at ${server.url}\n`);
  if (!browser) {
    process.stdout.write('No Chromium found: open that address in a browser.\n');
    return;
  }
  const mode = kiosk.dev ? [] : ['--kiosk'];
  // Chromium refuses to run as root with its sandbox; a kiosk user is not root.
  if (process.getuid?.() === 0) mode.push('--no-sandbox');
  const child = spawn(browser, [...mode, `--app=${server.url}`, `--user-data-dir=${path.join(dataDir, 'browser-profile')}`, '--no-first-run', '--disable-background-networking', '--disable-pinch', '--overscroll-history-navigation=0', '--disable-translate'], { stdio: 'ignore' });
  child.on('exit', stop);
}

const electron = electronBinary();
if ('path' in electron) {
  const child = spawn(electron.path, [path.join(appRoot(), 'dist', 'electron', 'main', 'main.js'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  await browserMode(electron.missing);
}
