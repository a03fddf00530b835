// The Electron shell itself. Its binary downloads on first launch, which cannot happen on
// machines without internet (this project's CI among them); there the test says so and
// skips. Wherever the binary exists, it starts the real kiosk window.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { electronBinary } from '../../electron/cli/electron-binary.ts';
import { dataDir, until } from '../helpers/tmp.ts';

const binary = electronBinary();
const skip = 'missing' in binary ? `${binary.missing} The shell is type-checked, and the same UI and services are tested in Chromium` : false;

test('the Electron kiosk starts, loads the UI over app:// and serves the API over IPC', { skip, timeout: 60_000 }, async () => {
  const main = path.join(import.meta.dirname, '..', '..', 'dist', 'electron', 'main', 'main.js');
  const child = spawn((binary as { path: string }).path, [main, '--dev', '--pillar', 'simulated'], {
    env: { ...process.env, OLIFANT_DATA_DIR: dataDir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  await until(() => /pillar controller .* connected on simulated/.test(log), 'the kiosk to connect its simulated pillar', 50_000);
  child.kill();
  assert.match(log, /Olifant started/);
});
