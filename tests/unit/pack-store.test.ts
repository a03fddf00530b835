// The pack store on real folders: the `current` pointer names the running pack, a change is
// picked up on refresh with one event, and anything unusable falls back to the bundled pack.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { CheckedPack } from '../../content/pack.ts';
import { loadBundledPack } from '../../electron/core/packs/bundled.ts';
import { PackStore } from '../../electron/core/packs/store.ts';
import { buildPack, trust } from '../helpers/packs.ts';
import { tempDir } from '../helpers/tmp.ts';

async function rig() {
  const dir = tempDir('olifant-packs-');
  const logs: string[] = [];
  const store = new PackStore({ dir, bundled: await loadBundledPack(), trust: () => trust, log: (l, m) => logs.push(`${l} ${m}`) });
  const changes: CheckedPack[] = [];
  store.onChange((pack) => changes.push(pack));
  /** Puts a pack into the store as an installer would, under `folder`. */
  const install = (folder: string, version: number) => {
    const built = buildPack((m) => (m.version = version));
    mkdirSync(path.join(dir, folder));
    cpSync(built.dir, path.join(dir, folder, 'olifant-pack'), { recursive: true });
  };
  const point = (folder: string) => writeFileSync(path.join(dir, 'current'), `${folder}\n`);
  return { dir, store, changes, logs, install, point };
}

test('an empty store runs the bundled pack', async () => {
  const { store, changes } = await rig();
  assert.equal(await store.refresh(), false);
  assert.equal(store.current().pack.id, 'olifant-tour');
  assert.deepEqual(changes, []);
});

test('the pointer switches the running pack, once per change, and back', async () => {
  const { store, changes, install, point } = await rig();
  install('a', 7);
  install('b', 8);
  point('a');
  assert.equal(await store.refresh(), true);
  assert.equal(store.current().pack.version, 7);
  assert.equal(await store.refresh(), false, 'the same pointer is no change');
  point('b');
  await Promise.all([store.refresh(), store.refresh()]);
  assert.equal(store.current().pack.version, 8);
  assert.deepEqual(changes.map((c) => c.pack.version), [7, 8]);
});

test('a pointer to nothing usable falls back to the bundled pack and says why', async () => {
  const { dir, store, logs, install, point } = await rig();
  install('a', 7);
  point('a');
  await store.refresh();
  point('../../etc');
  await store.refresh();
  assert.equal(store.current().pack.id, 'olifant-tour');
  assert.match(logs.at(-2)!, /names no pack folder/);
  point('missing');
  await store.refresh();
  assert.match(logs.join('\n'), /installed content pack missing cannot be used/);
  writeFileSync(path.join(dir, 'a', 'olifant-pack', 'pack.json'), '{"tampered": true}');
  point('a');
  await store.refresh();
  assert.equal(store.current().pack.id, 'olifant-tour', 'a pack changed after its check is checked again and refused');
});
