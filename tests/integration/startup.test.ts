// A kiosk that cannot start says why, in plain words, on its own screen and in the log,
// and keeps its LED ring solid red: through `olifant serve`, as a real process.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { createKiosk, StartupError } from '../../electron/kiosk/services.ts';
import { showOutOfOrder } from '../../electron/kiosk/out-of-order.ts';
import { bundledPackDir } from '../../electron/kiosk/packs/bundled.ts';
import { CLI } from '../helpers/cli.ts';
import { dataDir, tempDir, until } from '../helpers/tmp.ts';

/** A data folder whose answer database was written by a newer Olifant. */
function newerDatabase(): string {
  const dir = dataDir();
  const db = new Database(path.join(dir, 'answers.sqlite'));
  db.pragma('user_version = 99');
  db.close();
  return dir;
}

/** A data folder that cannot be made: its parent is a regular file (chmod does not stop root). */
function unwritableFolder(): string {
  const parent = path.join(tempDir(), 'a-file');
  writeFileSync(parent, '');
  return path.join(parent, 'data');
}

/** A copy of the bundled pack with its manifest changed after signing. */
function damagedPack(): string {
  const dir = path.join(tempDir(), 'olifant-pack');
  cpSync(bundledPackDir(), dir, { recursive: true });
  writeFileSync(path.join(dir, 'pack.json'), readFileSync(path.join(dir, 'pack.json'), 'utf8').replace('"version"', '"version" '));
  return dir;
}

const CASES = [
  { cause: 'an answer database from a newer Olifant', args: () => ['--data-dir', newerDatabase()], reason: /^The answer database is from a newer version of Olifant \(schema 99, this one knows \d+\): update the app\.$/ },
  { cause: 'a data folder that cannot be written', args: () => ['--data-dir', unwritableFolder()], reason: /^The data folder \/.*\/a-file\/data cannot be written: part of its path is a file, not a folder\. Give the app a folder it may write to/ },
  { cause: 'damaged questions that come with the app', args: () => ['--data-dir', dataDir(), '--bundled-pack', damagedPack()], reason: /^The questions that come with the app are damaged: reinstall the app\. \(/ },
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

for (const { cause, args, reason } of CASES) {
  test(`olifant serve with ${cause}: an out-of-order page at every address, 503 for the API, the reason logged, until SIGTERM`, { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--pillar', 'simulated', ...args()], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await until(() => out.includes('\n') || child.exitCode !== null, 'olifant serve to print its address');
    assert.equal(child.exitCode, null, err);
    const url = out.trim();
    const logLine = err.split('\n').find((l) => / ERROR Olifant cannot start: /.test(l)) ?? '';
    const said = logLine.replace(/^.* ERROR Olifant cannot start: /, '');
    assert.match(said, reason, err);
    for (const address of [url, `${url}kiosk/index.html`, `${url}anything`]) {
      const page = await fetch(address);
      assert.equal(page.status, 503);
      assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
      const html = await page.text();
      assert.match(html, /Deze zuil is even buiten gebruik/);
      assert.match(html, /This pillar is out of order/);
      assert.ok(html.includes(escapeHtml(said)), html);
      assert.doesNotMatch(html, /<script|<style|style=/, 'nothing the page\'s policy would block');
    }
    const css = await fetch(`${url}out-of-order.css`);
    assert.equal(css.status, 200);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    const api = await fetch(`${url}api/kiosk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(api.status, 503);
    assert.deepEqual(await api.json(), { ok: false, error: { code: 'internal', message: `This pillar is out of order: ${said}` } });
    assert.equal(child.exitCode, null, 'still serving the page');
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
}

test('the reason is in the data folder\'s log too', async () => {
  const dir = newerDatabase();
  await assert.rejects(createKiosk({ dataDir: dir, pillar: 'simulated' }), StartupError);
  assert.match(readFileSync(path.join(dir, 'olifant.log'), 'utf8'), / ERROR Olifant cannot start: The answer database is from a newer version of Olifant/);
});

test('out of order, the LED ring is solid red, and again after the board restarts', async () => {
  const logs: string[] = [];
  const log = (level: string, message: string) => logs.push(`${level} ${message}`);
  const error = await createKiosk({ dataDir: newerDatabase(), pillar: 'simulated', log }).catch((e: unknown) => e);
  assert.ok(error instanceof StartupError);
  const broken = showOutOfOrder({ pillar: 'simulated' }, log);
  try {
    const board = broken.board!;
    const red = () => board.led.join(' ') === 'SOLID 200 30 30';
    await until(red, 'the LED ring to turn solid red');
    board.led = ['OFF'];
    board.reboot();
    await until(red, 'the LED ring to turn solid red again after a restart');
  } finally {
    await broken.close();
  }
});

test('a data folder that is a read-only disk is out of order too (root only: a read-only tmpfs mount)', { skip: process.getuid?.() !== 0 ? 'needs root to mount' : false }, async (t) => {
  const dir = tempDir();
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir]);
  if (mount.status !== 0) return t.skip(`cannot mount a tmpfs here: ${mount.stderr}`);
  try {
    await assert.rejects(createKiosk({ dataDir: dir, pillar: 'simulated', log: () => {} }), (e: unknown) =>
      e instanceof StartupError && e.message.startsWith(`The data folder ${dir} cannot be written: the disk is read-only.`));
  } finally {
    spawnSync('umount', [dir]);
  }
});
