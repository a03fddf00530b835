// `npm start`: the kiosk in Electron; when Electron's binary is missing (it downloads on
// first launch, which fails without internet), the same app in a plain browser: the
// services on 127.0.0.1 and system Chromium in kiosk mode, if there is one. It never ends
// without saying why: when the browser window cannot open, the address keeps working.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveKiosk } from '../kiosk/carriers/http.ts';
import { appRoot } from '../platform/paths.ts';
import { electronBinary } from './electron-binary.ts';
import { parseKioskArgs } from './kiosk-args.ts';

const args = process.argv.slice(2);
const kiosk = parseKioskArgs(args);

const BROWSERS = process.platform === 'win32'
  ? [path.join(process.env['PROGRAMFILES'] ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'), path.join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe')]
  : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

/** Chromium's own lines that never explain why it stopped. */
const NOISE = /dbus|zygote|Broken pipe|unexpected operator|^\s*$/;

/** Why the browser stopped, from what it wrote: the line about the screen if there is one. */
function browserReason(stderr: string, code: number | null, signal: string | null): string {
  const lines = stderr.split('\n').map((l) => l.replace(/^\[[^\]]*\]\s*/, '').trim()).filter((l) => !NOISE.test(l));
  const said = lines.find((l) => /display|X server|wayland/i.test(l)) ?? lines.at(-1);
  const how = signal ? `stopped by ${signal}` : `exit code ${code}`;
  return said ? `${how}: ${said}` : how;
}

async function browserMode(reason: string): Promise<void> {
  process.stderr.write(`${reason}\nSo the kiosk runs in the browser instead: the same kiosk, its services on 127.0.0.1.\n`);
  const { dataDir, server, stop } = await serveKiosk(kiosk.options, kiosk.port);
  const browser = BROWSERS.find((b) => existsSync(b));
  process.stdout.write(`The kiosk is at ${server.url}\n`);
  if (!browser) {
    process.stdout.write('No Chromium found: open that address in a browser. Ctrl-C stops the kiosk.\n');
    return;
  }
  const mode = kiosk.dev ? [] : ['--kiosk'];
  // Chromium refuses to run as root with its sandbox; a kiosk user is not root.
  if (process.getuid?.() === 0) mode.push('--no-sandbox');
  const child = spawn(browser, [...mode, `--app=${server.url}`, `--user-data-dir=${path.join(dataDir, 'browser-profile')}`, '--no-first-run', '--disable-background-networking', '--disable-pinch', '--overscroll-history-navigation=0', '--disable-translate'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  child.stderr.on('data', (chunk: Buffer) => (said = (said + chunk.toString()).slice(-8192)));
  const keepServing = `The kiosk keeps running at ${server.url}: open that address in a browser on this machine. Ctrl-C stops it.`;
  let failed = false;
  child.on('error', (error) => {
    failed = true;
    process.stderr.write(`${browser} could not be started (${error.message}). ${keepServing}\n`);
  });
  child.on('exit', (code, signal) => {
    if (failed) return;
    if (code === 0) {
      process.stderr.write('The kiosk window was closed, so the kiosk stops.\n');
      return void stop();
    }
    process.stderr.write(`The browser window could not open (${path.basename(browser)}, ${browserReason(said, code, signal)}). ${keepServing}\n`);
  });
}

const electron = electronBinary();
if ('path' in electron) {
  const child = spawn(electron.path, [path.join(appRoot(), 'dist', 'electron', 'main', 'main.js'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  await browserMode(electron.missing);
}
