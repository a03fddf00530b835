// A newcomer's first steps, as README.md tells them: `npm install` on whatever Node the
// machine has, then the `olifant` command in the checkout. The README's sentences about them
// are checked against the lock file and the installed packages, and the command is run.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.join(import.meta.dirname, '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const LOCK = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; hasInstallScript?: boolean; engines?: { node?: string }; dev?: boolean }>;
};

/** Whether a version meets an engines range: the forms npm packages use (>=, >, <, ^, ~, x, ||, spaces). */
function satisfies(version: string, range: string): boolean {
  const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number);
  const compare = (v: number[]) => Math.sign(major - v[0]) || Math.sign(minor - v[1]) || Math.sign(patch - v[2]);
  const one = (comparator: string): boolean => {
    const [, op, text] = /^(>=|<=|>|<|=|\^|~)?v?(.*)$/.exec(comparator)!;
    if (text === '*' || text === 'x' || text === '') return true;
    const parts = text.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : null));
    const given = parts.findIndex((p) => p === null);
    const exact = given === -1 ? parts.length : given;
    const low = [0, 1, 2].map((i) => (i < exact ? parts[i]! : 0));
    // The first version past the range a partial version or a caret or tilde range allows.
    const bump = (at: number) => low.map((n, i) => (i < at ? n : i === at ? n + 1 : 0));
    const upper = op === '^' ? bump(low[0] > 0 || exact === 1 ? 0 : 1) : op === '~' ? bump(exact >= 2 ? 1 : 0) : bump(exact - 1);
    if (op === '>=') return compare(low) >= 0;
    if (op === '>') return exact < 3 ? compare(upper) >= 0 : compare(low) > 0;
    if (op === '<') return compare(low) < 0;
    if (op === '<=') return exact < 3 ? compare(upper) < 0 : compare(low) <= 0;
    if (exact === 3 && !op) return compare(low) === 0;
    return compare(low) >= 0 && compare(upper) < 0;
  };
  return range.split('||').some((alternative) => alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).every(one));
}

test('the range check reads engines as npm does', () => {
  assert.ok(satisfies('v22.23.3', '>=22.12.0') && !satisfies('v20.20.2', '>=22.12.0'));
  assert.ok(satisfies('20.20.2', '^20.19.0 || >=22.12.0') && !satisfies('21.0.0', '^20.19.0 || >=22.12.0'));
  assert.ok(satisfies('22.1.0', '20 || >=22') && !satisfies('21.9.0', '20 || >=22'));
  assert.ok(satisfies('10.0.0', '>= 10.x') && satisfies('8.1.0', '6.* || 8.* || >= 10.*') && !satisfies('7.0.0', '6.* || 8.* || >= 10.*'));
  assert.ok(satisfies('14.18.0', '>=16 || 14 >=14.17') && !satisfies('14.16.0', '>=16 || 14 >=14.17'));
  assert.ok(satisfies('16.0.0', '^12.20.0 || ^14.13.1 || >=16.0.0') && !satisfies('13.0.0', '^12.20.0 || ^14.13.1 || >=16.0.0'));
});

test('README: npm on an older Node warns EBADENGINE, as said before the command, and every npm script runs on the Node 22 npm install brings, which every package accepts', () => {
  const before = README.slice(0, README.indexOf('```sh\nnpm install'));
  assert.match(before, /EBADENGINE/, 'the warnings are announced before the command');
  const node = LOCK.packages['node_modules/node'];
  assert.ok(node?.dev && satisfies(node.version!, '>=22.12.0'), `the node package brings Node 22 (${node?.version})`);
  const unmet = Object.entries(LOCK.packages).filter(([, p]) => p.engines?.node && !satisfies(node.version!, p.engines.node));
  assert.deepEqual(unmet, [], 'every package accepts the Node the scripts run on');
  const warned = Object.entries(LOCK.packages).filter(([, p]) => p.engines?.node && !satisfies('20.20.2', p.engines.node)).map(([key]) => key.replace(/^.*node_modules\//, ''));
  for (const named of ['electron', 'better-sqlite3']) assert.ok(warned.includes(named), `${named} is among the packages Node 20 is warned about: ${warned.join(', ')}`);
  for (const script of Object.values((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts)) {
    for (const command of script.split('&&').map((c) => c.trim().split(' ')[0])) assert.ok(['npm', 'node', 'vite', 'tsc', 'electron-builder', 'depcruise'].includes(command), `${script}: ${command} runs from node_modules/.bin, under its Node`);
  }
});

test('the committed package-lock.json is what npm install writes: each installed package\'s install script recorded as npm records it', () => {
  for (const [key, entry] of Object.entries(LOCK.packages)) {
    const manifest = path.join(ROOT, key, 'package.json');
    if (key === '' || !existsSync(manifest)) continue; // the root, and platform packages not installed here
    const scripts = (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    // The registry marks a package that ships a binding.gyp as having an install script (node-gyp's),
    // even with "gypfile": false as better-sqlite3 has; npm install copies the mark into the lock.
    const expected = Boolean(scripts.preinstall || scripts.install || scripts.postinstall || existsSync(path.join(ROOT, key, 'binding.gyp')));
    assert.equal(Boolean(entry.hasInstallScript), expected, `${key}: npm install would ${expected ? 'add' : 'remove'} "hasInstallScript" in package-lock.json`);
  }
});

test('README: in a checkout, `npx olifant` runs the command', () => {
  assert.match(README, /In a checkout, after `npm install`, run it as `npx olifant …`/);
  assert.doesNotMatch(README, /node_modules\/\.bin/, 'npm does not link a package\'s own command into its node_modules/.bin');
  const run = spawnSync('npx', ['--no', 'olifant', 'help'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, shell: process.platform === 'win32' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^olifant: the software of the pillar/);
});
