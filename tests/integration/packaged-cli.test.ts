// The `olifant` command as an installed kiosk runs it: the compiled JavaScript in dist/ (no
// TypeScript sources, no separate Node 22), started by the launcher the packages ship. Here
// Node stands in for Electron's own Node (ELECTRON_RUN_AS_NODE), whose binary cannot be had.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import yaml from 'js-yaml';
import { tempDir } from '../helpers/tmp.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const LAUNCHER = path.join(ROOT, 'electron', 'cli', 'launchers', 'olifant');

test('the installed launcher runs the compiled command with the Node inside the app', () => {
  // The layout of /opt/Olifant: the Electron binary and resources/app.asar (here the checkout, with dist/ built).
  const app = tempDir('olifant-installed-');
  symlinkSync(process.execPath, path.join(app, 'olifant-kiosk'));
  mkdirSync(path.join(app, 'resources'));
  symlinkSync(ROOT, path.join(app, 'resources', 'app.asar'));
  const data = tempDir('olifant-data-');
  const run = (...args: string[]) =>
    spawnSync('sh', [LAUNCHER, ...args], { encoding: 'utf8', env: { ...process.env, OLIFANT_APP_DIR: app, OLIFANT_DATA_DIR: data }, timeout: 30_000 });
  const help = run('help');
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /olifant serve/);
  const csv = run('results', '--format', 'csv');
  assert.equal(csv.status, 0, csv.stderr);
  assert.match(csv.stdout, /^id,pillar_id,/);
  const key = readFileSync(path.join(ROOT, 'content', 'dev-key', 'public.txt'), 'utf8').trim();
  const check = run('pack', 'check', path.join(ROOT, 'content', 'default'), '--key', key);
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /the pack is valid/);
});

test('the packages lock Electron down with its fuses, keeping only run-as-node for the command', () => {
  const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
  assert.deepEqual(config.electronFuses, {
    runAsNode: true,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  });
});
