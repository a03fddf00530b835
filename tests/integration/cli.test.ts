// The `olifant` command's own surface: generated help for it and each command, the exit codes
// it documents, errors that name the flag, and each command's modules loaded only when that
// command runs (read from Node's module hooks, not from a clock).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

/** The command's data folders, the same for every run of this file. */
const FOLDERS = { OLIFANT_DATA_DIR: tempDir(), OLIFANT_HUB_DIR: tempDir() };

/** Runs the command; with `modules`, every module it loaded, as Node's resolve hook saw them. */
function olifant(args: string[], { modules = false } = {}): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const hook = `import { registerHooks } from 'node:module';
registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); process.stderr.write('loaded: ' + found.url + '\\n'); return found; } });`;
  const node = modules ? ['--import', `data:text/javascript,${encodeURIComponent(hook)}`] : [];
  const run = spawnSync(process.execPath, [...node, CLI, ...args], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...FOLDERS } });
  const lines = run.stderr.split('\n');
  return { status: run.status, stdout: run.stdout, stderr: lines.filter((l) => !l.startsWith('loaded: ')).join('\n'), loaded: lines.filter((l) => l.startsWith('loaded: ')).map((l) => l.slice('loaded: '.length)) };
}

test('olifant --help lists every command and the exit codes; olifant hub --help its commands and options', () => {
  const help = olifant(['--help']);
  assert.equal(help.status, 0, help.stderr);
  for (const command of ['serve', 'results', 'report', 'pillar-sim', 'pack', 'venue', 'hub', 'sync', 'pillar', 'operator']) assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'), command);
  assert.match(help.stdout, /Exit codes:\n  0  done\n  1  not done.*\n.*\n  2  not understood/);
  assert.equal(olifant([]).stdout, help.stdout, 'bare olifant shows the same help');
  assert.equal(olifant(['help']).stdout, help.stdout, 'and so does olifant help');

  const hub = olifant(['hub', '--help']);
  assert.equal(hub.status, 0, hub.stderr);
  assert.match(hub.stdout, /^Usage: olifant hub \[options\] \[command\]/m);
  for (const command of ['add-pillar', 'set-pillar-key', 'pillars', 'revoke-pillar', 'add-lecturer', 'lecturers', 'end-sessions', 'import', 'packs', 'remove-pack']) assert.match(hub.stdout, new RegExp(`^  ${command} `, 'm'), command);
  for (const option of ['--port', '--host', '--tls-cert', '--tls-key', '--behind-proxy', '--public-host', '--data-dir']) assert.match(hub.stdout, new RegExp(`^  ${option} `, 'm'), option);
  assert.match(olifant(['hub', 'import', '--help']).stdout, /--trust-new-pillar/);
});

test('a usage error names the flag or command and exits 2, with the help of the command it was for', () => {
  const unknown = olifant(['results', '--colour']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^olifant: unknown option '--colour'\n/);
  assert.match(unknown.stderr, /Usage: olifant results \[options\]/);
  const format = olifant(['report', '--venue', 'v', '--format', 'pdf', '--out', 'x']);
  assert.equal(format.status, 2);
  assert.match(format.stderr, /^olifant: option '--format <format>' argument 'pdf' is invalid\. Use --format pptx or --format xlsx or --format csv or --format png/);
  const missing = olifant(['report', '--venue', 'v', '--out', 'x']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^olifant: required option '--format <format>' not specified/);
  const noCommand = olifant(['hub', 'frobnicate']);
  assert.equal(noCommand.status, 2);
  assert.match(noCommand.stderr, /^olifant: unknown command "hub frobnicate"/);
  const notNumber = olifant(['hub', 'end-sessions', 'first']);
  assert.equal(notNumber.status, 2);
  assert.match(notNumber.stderr, /^olifant: command-argument value 'first' is invalid for argument 'number'\. It is a whole number, as `olifant hub lecturers` lists it/);
});

test('each command loads its own modules only when it runs: the help loads none of them', () => {
  const heavy = /\/node_modules\/(exceljs|pptxgenjs|@resvg|fastify|better-sqlite3|serialport)\//;
  const help = olifant(['--help'], { modules: true });
  assert.equal(help.status, 0, help.stderr);
  assert.ok(help.loaded.some((url) => url.includes('/node_modules/commander/')), 'the hook sees what is loaded');
  assert.deepEqual(help.loaded.filter((url) => heavy.test(url) || /\/electron\/(core|hub|carriers|results|lecture-files)\//.test(url)), [], 'olifant --help loads no command');
  const pillars = olifant(['hub', 'pillars'], { modules: true });
  assert.equal(pillars.status, 0, pillars.stderr);
  assert.ok(pillars.loaded.some((url) => url.endsWith('/electron/hub/store.ts')), 'hub pillars opens the hub store');
  assert.deepEqual(pillars.loaded.filter((url) => /\/node_modules\/(fastify|exceljs|pptxgenjs)\//.test(url) || /\/electron\/(hub\/server|lecture-files\/)/.test(url)), [], 'but not the hub server or the lecture files');
});
