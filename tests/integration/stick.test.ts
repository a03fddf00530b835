// Packs on USB sticks, as the service screen sees them: real tmpfs mounts below a watched
// folder (plain folders and a written mount table where this machine refuses to mount, said
// so), the real pack store and checker. Looks are driven by poll() and look(), not by time.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { StickPacks } from '../../electron/kiosk/packs/stick.ts';
import { openPackStore } from '../../electron/kiosk/packs/store.ts';
import { DriveWatcher } from '../../electron/platform/usb.ts';
import { buildPack, KEY, type BuiltPack } from '../helpers/packs.ts';
import { stick, type Stick } from '../helpers/stick.ts';
import { dataDir, tempDir } from '../helpers/tmp.ts';

async function setUp(t: TestContext) {
  const drives = tempDir('olifant-drives-');
  const sticks: Stick[] = [];
  // Without real mounts, the test's own mount table lists the folders standing in for sticks.
  const readMounts = () => (sticks.every((s) => s.mounted) ? readFileSync('/proc/mounts', 'utf8') : sticks.map((s) => `tmpfs ${s.dir} tmpfs rw 0 0`).join('\n'));
  const watcher = new DriveWatcher({ roots: () => [drives], readMounts, platform: 'linux' });
  // Only the test's drives: a machine may have its own mounts below /mnt or /media.
  const own = { drives: () => watcher.drives().filter((d) => d.root.startsWith(drives)), onEvent: watcher.onEvent.bind(watcher), unmountedRoots: watcher.unmountedRoots.bind(watcher) };
  const packs = await openPackStore(dataDir(), () => ({ trustedKeys: [KEY.publicKey], allowUnsignedPacks: false }), () => {});
  const sticky = new StickPacks(own, packs, () => {});
  t.after(() => sticky.close());
  const insert = async (pack: BuiltPack | null) => {
    const usb = stick(4, (m) => t.diagnostic(m), drives);
    if (pack) cpSync(pack.dir, path.join(usb.dir, 'olifant-pack'), { recursive: true });
    sticks.push(usb);
    watcher.poll();
    await sticky.look();
    return usb;
  };
  const pull = async (usb: Stick) => {
    usb.pull();
    sticks.splice(sticks.indexOf(usb), 1);
    watcher.poll();
    await sticky.look();
  };
  return { packs, sticky, insert, pull, drives };
}

test('a signed pack on a stick is previewed against the running pack: questions with their stacks, what is added, removed and changed', async (t) => {
  const { sticky, insert, packs } = await setUp(t);
  await insert(buildPack((m) => {
    m.version = 3;
    m.questions[0].prompt.nl = 'Een andere eerste vraag?';
    m.questions[5] = { ...m.questions[5], id: 'nieuwe-vraag' };
  }));
  const view = sticky.view();
  assert.equal(view.kind, 'found');
  if (view.kind !== 'found') return;
  const { preview } = view;
  assert.deepEqual([preview.versionFrom, preview.versionTo, preview.rollback], [1, 3, false]);
  assert.deepEqual(preview.changes, { added: ['nieuwe-vraag'], removed: [packs.current().pack.questions[5].id], changed: ['naam-op-cv'] });
  assert.deepEqual(preview.questions.map((q) => q.slot), [1, 2, 3, 4, 5, 6]);
  assert.equal(preview.questions[0].text.nl, 'Een andere eerste vraag?');
  assert.equal(preview.headline.nl, packs.current().pack.attract.headline.nl);
  assert.equal(packs.current().pack.version, 1, 'nothing is installed by looking');
  assert.equal((await sticky.install(false)).pack.version, 3);
  assert.equal(packs.current().pack.version, 3);
  const after = sticky.view();
  assert.deepEqual(after.kind === 'found' && [after.preview.running, after.preview.rollback], [true, true], 'the pack just installed shows as running, not as something to install');
});

test('a refused pack shows the broken rule and file; a stick without a pack says so; a pulled stick is gone', async (t) => {
  const { sticky, insert, pull, packs, drives } = await setUp(t);
  const tampered = buildPack((m) => (m.version = 4));
  writeFileSync(path.join(tampered.dir, 'pack.json'), readFileSync(path.join(tampered.dir, 'pack.json'), 'utf8').replace('"version": 4', '"version": 5'));
  const usb = await insert(tampered);
  const refused = sticky.view();
  assert.equal(refused.kind, 'refused');
  assert.match(refused.kind === 'refused' ? refused.message : '', /^pack\.sig: .*signature/);
  await assert.rejects(sticky.install(true), /no pack on a USB stick/);
  assert.equal(packs.current().pack.version, 1);
  await pull(usb);
  assert.deepEqual(sticky.view(), { kind: 'none', unmountedRoots: [drives] });
  const empty = await insert(null);
  assert.deepEqual(sticky.view(), { kind: 'no-pack', drive: empty.dir, label: null });
  // Files that show after the stick was noticed are looked at again.
  mkdirSync(path.join(empty.dir, 'olifant-pack'));
  cpSync(buildPack((m) => (m.version = 2)).dir, path.join(empty.dir, 'olifant-pack'), { recursive: true });
  sticky.view();
  await sticky.look();
  assert.equal(sticky.view().kind, 'found');
});

test('a stick whose pack changed after the preview is refused: what is installed is what was shown', async (t) => {
  const { sticky, insert, packs } = await setUp(t);
  const usb = await insert(buildPack((m) => (m.version = 3)));
  assert.equal(sticky.view().kind, 'found');
  // Another pack appears at the same place before "install" is tapped.
  cpSync(buildPack((m) => (m.version = 4)).dir, path.join(usb.dir, 'olifant-pack'), { recursive: true });
  await assert.rejects(sticky.install(false), /not the one shown/);
  assert.equal(packs.current().pack.version, 1, 'nothing changed');
});

test('an older version on a stick is a roll-back: refused until confirmed', async (t) => {
  const { sticky, insert, packs } = await setUp(t);
  await packs.install(buildPack((m) => (m.version = 9)).drive);
  await insert(buildPack((m) => (m.version = 7)));
  const view = sticky.view();
  assert.equal(view.kind === 'found' && view.preview.rollback, true);
  await assert.rejects(sticky.install(false), /roll-back, which must be confirmed/);
  assert.equal(packs.current().pack.version, 9);
  assert.equal((await sticky.install(true)).pack.version, 7);
});
