// `npm start` (electron/cli/start.ts, its own process) where Electron's program cannot be
// downloaded and no browser window can open (no screen): it says both in words, and the
// kiosk's address keeps working until it is stopped. Never a silent exit and a dead URL.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, test } from 'node:test';
import { electronBinary } from '../../electron/cli/electron-binary.ts';
import { appRoot } from '../../electron/platform/paths.ts';
import { dataDir, tempDir, until } from '../helpers/tmp.ts';

// Electron's download goes to a closed port, from an empty cache: it fails here as it does offline.
const offline: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: tempDir('olifant-electron-cache-') };
delete offline.DISPLAY;
delete offline.WAYLAND_DISPLAY;
const electron = electronBinary(offline);
const skip = 'path' in electron ? `Electron's program is already downloaded here (${electron.path}), so npm start opens it: the browser stand-in is not used` : false;

test('Electron cannot be downloaded and the browser window cannot open: both said in words, and the address keeps serving the kiosk', { skip, timeout: 120_000 }, async () => {
  const child = spawn(process.execPath, [path.join(appRoot(), 'electron', 'cli', 'start.ts'), '--pillar', 'simulated', '--data-dir', dataDir()], { env: offline, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  after(() => child.kill('SIGKILL'));

  await until(() => /The kiosk is at (\S+)/.test(out), 'the kiosk\'s address', 60_000);
  const url = out.match(/The kiosk is at (\S+)/)![1];
  assert.match(err, /^Electron's program could not be downloaded: its download server cannot be reached from here \(.+\)\.\nSo the kiosk runs in the browser instead/);
  assert.doesNotMatch(err, /^Electron is not available/m);
  if (/No Chromium found/.test(out)) {
    assert.match(out, /open that address in a browser/);
  } else {
    await until(() => /The browser window could not open/.test(err) || child.exitCode !== null, 'the browser to give up', 60_000);
    assert.equal(child.exitCode, null, `npm start ended: ${err}`);
    assert.match(err, /The browser window could not open \(chromium, exit code \d+: [^)]*display[^)]*\)\. The kiosk keeps running at http:\/\/127\.0\.0\.1:\d+\/: open that address in a browser on this machine\. Ctrl-C stops it\./i);
  }
  const kiosk = await fetch(`${url}api/kiosk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
  assert.equal(kiosk.status, 200, 'the address still serves the kiosk');
  child.kill('SIGTERM');
  assert.equal(await exited, 0, 'Ctrl-C (or SIGTERM) stops it cleanly');
});
