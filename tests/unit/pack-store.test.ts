// What runs when the pack store has nothing usable: the bundled pack, and the log says why.
// (Installing, roll-back and crashes: tests/integration/pack-install.test.ts.)

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openPackStore } from '../../electron/kiosk/packs/store.ts';
import { buildPack, PNG, trustSettings } from '../helpers/packs.ts';
import { tempDir } from '../helpers/tmp.ts';

async function rig() {
  const data = tempDir('olifant-data-');
  const logs: string[] = [];
  const log = (l: string, m: string) => logs.push(`${l} ${m}`);
  const packs = await openPackStore(data, () => trustSettings, log);
  const installed = await packs.install(buildPack((m) => (m.version = 10)).drive);
  const reopen = () => openPackStore(data, () => trustSettings, log);
  return { dir: path.join(data, 'packs'), installed, logs, reopen };
}

test('an empty store runs the bundled pack', async () => {
  const packs = await openPackStore(tempDir('olifant-data-'), () => trustSettings, () => {});
  assert.equal(packs.current().pack.id, 'olifant-tour');
  assert.equal(packs.current().pack.version, 1);
});

test('a damaged state.json: the bundled pack runs, the log says so, and no installed pack is thrown away', async () => {
  const { dir, installed, logs, reopen } = await rig();
  writeFileSync(path.join(dir, 'state.json'), '{"current": "olif');
  assert.equal((await reopen()).current().pack.version, 1);
  assert.match(logs.join('\n'), /state.json is damaged/);
  assert.ok(existsSync(installed.dir), 'the pack stays, for the crew to install again or repair');
});

test('a state.json that breaks its schema is damaged too, said with the field and the rule: no installed pack is thrown away', async () => {
  const { dir, installed, logs, reopen } = await rig();
  writeFileSync(path.join(dir, 'state.json'), JSON.stringify({ current: '../../elsewhere', previous: null }));
  const store = await reopen();
  assert.equal(store.current().pack.version, 1);
  assert.match(logs.join('\n'), /state\.json is damaged \(current must be null, or a folder the pack store made, such as "olifant-tour-v7-0a1b2c3d", not "\.\.\/\.\.\/elsewhere"\); showing the questions that come with the app/);
  await store.install(buildPack((m) => (m.version = 20)).drive);
  assert.ok(existsSync(installed.dir), 'the pack stays while the state was unknown');
});

test('an installed pack that went missing or was changed afterwards: the bundled pack runs, and the log says why', async () => {
  const { installed, logs, reopen } = await rig();
  writeFileSync(path.join(installed.dir, 'pack.json'), '{"tampered": true}');
  assert.equal((await reopen()).current().pack.version, 1);
  assert.match(logs.join('\n'), /cannot be used \(pack.sig: pack.sig is not a valid signature/);
  rmSync(path.dirname(installed.dir), { recursive: true });
  assert.equal((await reopen()).current().pack.version, 1);
  assert.match(logs.at(-1)!, /cannot be used \(pack.json: there is no pack.json/);
});

test('the start-up tidy never fails in silence: another install running, or a lock it cannot take, is logged with why', async () => {
  const { dir, logs, reopen } = await rig();
  const other = await reopen();
  let tidied: Promise<void> | null = null;
  await other.install(buildPack((m) => (m.version = 20), { 'assets/a.png': PNG }).drive, {
    onStep: (step) => {
      if (step === 'copying') tidied ??= reopen().then((store) => store.tidyAtStart());
    },
  });
  await tidied;
  assert.ok(logs.some((l) => l.startsWith('info ') && l.includes('another process is installing a pack')), logs.join('\n'));
  rmSync(path.join(dir, '.install-lock.sqlite'), { force: true });
  mkdirSync(path.join(dir, '.install-lock.sqlite'));
  await (await reopen()).tidyAtStart();
  assert.match(logs.at(-1)!, /^warn the content pack store could not be tidied \(.+\); half-copied packs may stay/);
});
