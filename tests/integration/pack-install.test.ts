// Installing content packs from a stick into the kiosk's pack store, as content-pack.md's
// "Installing" says: refused packs change nothing, only listed files are copied, the copy is
// checked, one atomic step switches, the previous pack stays for a roll-back. Sticks are real
// tmpfs mounts where this machine allows it (pulled with a lazy unmount, or too small).

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { PackError } from '../../content/pack.ts';
import { loadBundledPack } from '../../electron/kiosk/packs/bundled.ts';
import { PackStore, type InstallStep } from '../../electron/kiosk/packs/store.ts';
import { buildPack, KEY, manifestRules, PNG, trust, type BuiltPack } from '../helpers/packs.ts';
import { stick } from '../helpers/stick.ts';
import { CLI } from '../helpers/cli.ts';
import { startKiosk } from '../helpers/kiosk.ts';
import { dataDir, tempDir, until } from '../helpers/tmp.ts';

async function store(dir = path.join(tempDir('olifant-data-'), 'packs')) {
  const logs: string[] = [];
  const packs = new PackStore({ dir, bundled: await loadBundledPack(), trust: () => trust, log: (l, m) => logs.push(`${l} ${m}`) });
  await packs.refresh();
  return { dir, packs, logs };
}

/** What the store holds besides state.json: pack folders, and any half-copied leftovers. */
const contents = (dir: string) => readdirSync(dir).filter((n) => n !== 'state.json' && !n.startsWith('.install-lock.sqlite')).sort();

/** A pack on a stick: built, then copied onto the mounted stick. */
function onStick(t: TestContext, built: BuiltPack, sizeMiB = 8) {
  const usb = stick(sizeMiB, (m) => t.diagnostic(m));
  cpSync(built.drive, usb.dir, { recursive: true });
  return usb;
}

const hostile: Array<[string, () => BuiltPack, RegExp]> = [
  ...manifestRules.map(([name, edit, , message]): [string, () => BuiltPack, RegExp] => [name, () => buildPack(edit), message]),
  ['unsigned', () => buildPack(undefined, {}, { sign: false }), /no pack.sig/],
  ['signed by an unknown key', () => {
    const built = buildPack();
    writeFileSync(path.join(built.dir, 'pack.sig'), 'AAAA'.repeat(22));
    return built;
  }, /not a valid signature/],
  ['pack.json changed after signing', () => {
    const built = buildPack();
    writeFileSync(path.join(built.dir, 'pack.json'), '{"format": "olifant-pack/1"}');
    return built;
  }, /not a valid signature/],
  ['asset hash wrong', () => {
    const built = buildPack(undefined, { 'assets/a.png': PNG });
    writeFileSync(path.join(built.dir, 'assets/a.png'), Buffer.concat([PNG, Buffer.from([1])]));
    return built;
  }, /does not match its SHA-256/],
  ['asset missing', () => buildPack((m) => (m.assets['assets/gone.png'] = '0'.repeat(64))), /not in the pack/],
  ['a non-image', () => buildPack(undefined, { 'assets/a.png': Buffer.from('just text') }), /not a PNG, JPEG or WebP/],
  ['a disguised image (SVG with a script, named .png)', () => buildPack(undefined, { 'assets/a.png': Buffer.from('<svg onload="alert(1)"/>') }), /not a PNG, JPEG or WebP/],
  ['an 11 MiB image', () => buildPack(undefined, { 'assets/big.png': Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]) }), /at most 10 MiB/],
  ['pack.json over 256 KiB', () => buildPack(undefined, {}, { raw: Buffer.alloc(256 * 1024 + 1, 0x20) }), /at most 262144/],
  ['invalid JSON', () => buildPack(undefined, {}, { raw: Buffer.from('{"format": ') }), /not valid JSON/],
  ['UTF-16 JSON', () => buildPack(undefined, {}, { raw: Buffer.from('\ufeff{"format": "olifant-pack/1"}', 'utf16le') }), /not UTF-8/],
  ['a FIFO as pack.sig', () => {
    const built = buildPack();
    rmSync(path.join(built.dir, 'pack.sig'));
    assert.equal(spawnSync('mkfifo', [path.join(built.dir, 'pack.sig')]).status, 0, 'mkfifo');
    return built;
  }, /pack.sig is not a plain file/],
  ['a symlink as pack.json', () => {
    const built = buildPack();
    const elsewhere = path.join(tempDir(), 'pack.json');
    cpSync(path.join(built.dir, 'pack.json'), elsewhere);
    rmSync(path.join(built.dir, 'pack.json'));
    symlinkSync(elsewhere, path.join(built.dir, 'pack.json'));
    return built;
  }, /pack.json is a link/],
  ['the running version again', () => buildPack((m) => (m.version = 10)), /roll-back, which must be confirmed/],
  ['a lower version, unconfirmed', () => buildPack((m) => (m.version = 9)), /version 9 of olifant-tour, and version 10 is running/],
];

test(`${hostile.length} hostile or broken packs are each refused with their own message, and the running pack stays`, async () => {
  assert.ok(hostile.length >= 30);
  const { dir, packs } = await store();
  await packs.install(buildPack((m) => (m.version = 10)).drive);
  const before = { id: packs.current().pack.id, version: packs.current().pack.version, folders: contents(dir) };
  for (const [name, make, message] of hostile) {
    const built = make();
    await assert.rejects(packs.install(built.drive), (error: Error) => {
      assert.ok(error instanceof PackError, `${name}: ${error.message}`);
      assert.match(error.message, message, name);
      return true;
    }, name);
    assert.deepEqual({ id: packs.current().pack.id, version: packs.current().pack.version, folders: contents(dir) }, before, `${name} changed nothing`);
  }
});

test('only the listed files are copied; the copy runs and the previous pack stays for a roll-back', async (t) => {
  const { dir, packs } = await store();
  const usb = onStick(t, buildPack((m) => (m.version = 20), { 'assets/a.png': PNG }));
  writeFileSync(path.join(usb.dir, 'olifant-pack', 'notes.txt'), 'not listed');
  writeFileSync(path.join(usb.dir, 'olifant-pack', 'assets', 'extra.png'), PNG);
  const steps: InstallStep[] = [];
  const installed = await packs.install(usb.dir, { onStep: (step) => steps.push(step) });
  assert.deepEqual([...new Set(steps)], ['checked', 'copying', 'copied', 'verified', 'switched']);
  assert.equal(installed.pack.version, 20);
  assert.ok(installed.dir.startsWith(dir), 'the running pack is the copy in the store, not the stick');
  const copied = readdirSync(installed.dir, { recursive: true }).map(String).sort();
  assert.deepEqual(copied, ['assets', 'assets/a.png', 'pack.json', 'pack.sig']);
  usb.pull();
  assert.equal((await store(dir)).packs.current().pack.version, 20, 'a restart runs the installed pack, stick or no stick');
});

test('before any install there is nothing to roll back to; after the first, the pack that came with the app is the previous one', async () => {
  const { packs } = await store();
  assert.equal(packs.previous(), null);
  await assert.rejects(packs.rollback(), /no previous pack/);
  await packs.install(buildPack((m) => (m.version = 5)).drive);
  assert.equal(packs.previous()?.version, 1);
  assert.equal((await packs.rollback()).pack.version, 1);
  assert.equal(packs.previous()?.version, 5);
  assert.equal((await packs.rollback()).pack.version, 5, 'and forward again');
});

test('a lower or equal version is a roll-back: refused unless confirmed; rollback() swaps back', async () => {
  const { packs } = await store();
  await packs.install(buildPack((m) => (m.version = 50)).drive);
  await assert.rejects(packs.install(buildPack((m) => (m.version = 40)).drive), /roll-back, which must be confirmed/);
  assert.equal((await packs.install(buildPack((m) => (m.version = 40)).drive, { rollback: true })).pack.version, 40);
  assert.equal((await packs.rollback()).pack.version, 50);
  assert.equal((await packs.rollback()).pack.version, 40);
  const other = await packs.install(buildPack((m) => ((m.id = 'andere-tour'), (m.version = 1))).drive);
  assert.equal(other.pack.id, 'andere-tour', 'another pack id is no roll-back');
  assert.deepEqual(packs.state().previous !== null, true);
});

test('a stick pulled out during the copy changes nothing and says so', async (t) => {
  const { dir, packs } = await store();
  const usb = onStick(t, buildPack((m) => (m.version = 30), { 'assets/a.png': PNG, 'assets/b.png': PNG, 'assets/c.png': Buffer.concat([PNG, Buffer.from([7])]) }));
  await assert.rejects(
    packs.install(usb.dir, { onStep: (step, file) => step === 'copying' && file === 'assets/b.png' && usb.pull() }),
    /USB stick could not be read .* pulled out\? Nothing changed/s,
  );
  assert.equal(packs.current().pack.id, 'olifant-tour');
  assert.equal(packs.current().dir.includes(dir), false, 'the bundled pack still runs');
  assert.deepEqual(contents(dir), [], 'no half-copied folder is left');
});

test('a stick pulled out while the pack is checked is said to be pulled out, not called a broken pack', async (t) => {
  const { packs } = await store();
  const usb = onStick(t, buildPack((m) => (m.version = 30), { 'assets/a.png': PNG }));
  const checking = packs.install(usb.dir);
  usb.pull();
  await assert.rejects(checking, /USB stick could not be read .*pulled out\?/s);
  assert.equal(packs.current().pack.version, 1);
});

test("a full kiosk disk changes nothing and says so", async (t) => {
  const data = stick(1, (m) => t.diagnostic(m));
  if (!data.mounted) return t.skip('needs a size-limited mount for the data folder, and mounting was refused here');
  const { dir, packs } = await store(path.join(data.dir, 'packs'));
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 3; i++) files[`assets/${i}.png`] = Buffer.concat([PNG, Buffer.alloc(600 * 1024, i)]);
  await assert.rejects(packs.install(buildPack((m) => (m.version = 30), files).drive), /disk is full/);
  assert.equal(packs.current().pack.id, 'olifant-tour');
  assert.deepEqual(contents(dir), []);
});

test('kill -9 at every step of an install: after a restart the old or the new pack runs, never a mix, never none', async () => {
  const steps = ['checked', 'copying', 'copied', 'verified', 'switched'];
  for (const step of steps) {
    const { dir } = await store();
    const first = buildPack((m) => (m.version = 10), { 'assets/a.png': PNG });
    const second = buildPack((m) => (m.version = 20), { 'assets/a.png': PNG, 'assets/b.png': Buffer.concat([PNG, Buffer.from([2])]) });
    await (await store(dir)).packs.install(first.drive);
    const child = spawn(process.execPath, [path.join(import.meta.dirname, '..', 'helpers', 'install-and-die.ts'), dir, second.drive, step, KEY.publicKey], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    assert.equal(signal, 'SIGKILL', `the installer died at ${step} (${code}: ${stderr})`);
    const restarted = await store(dir);
    await restarted.packs.tidyAtStart();
    const running = restarted.packs.current();
    const expected = step === 'switched' ? 20 : 10;
    assert.equal(running.pack.version, expected, `killed at ${step}`);
    assert.ok(running.dir.startsWith(dir), `killed at ${step}: an installed pack runs, not the bundled one`);
    const state = JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8'));
    assert.deepEqual(contents(dir), [state.current, state.previous].filter(Boolean).sort(), `killed at ${step}: no half-copied folder after the restart`);
  }
});

test('olifant pack install, current and rollback: exit 0 when installed, 1 with the reason when refused', () => {
  const data = dataDir({ trustedKeys: [KEY.publicKey] });
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'pack', ...args, '--data-dir', data], { encoding: 'utf8', timeout: 30_000 });
  assert.deepEqual(JSON.parse(run('current').stdout), { id: 'olifant-tour', version: 1 });
  const installed = run('install', buildPack((m) => (m.version = 20)).drive);
  assert.equal(installed.status, 0, installed.stderr);
  assert.match(installed.stdout, /olifant-tour version 20 is running/);
  const lower = buildPack((m) => (m.version = 15)).drive;
  const refused = run('install', lower);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /the pack is refused: .*roll-back, which must be confirmed/);
  assert.equal(run('install', lower, '--rollback').status, 0);
  assert.deepEqual(JSON.parse(run('current').stdout), { id: 'olifant-tour', version: 15 });
  assert.equal(run('rollback').status, 0);
  assert.deepEqual(JSON.parse(run('current').stdout), { id: 'olifant-tour', version: 20 });
  const unsigned = run('install', buildPack((m) => (m.version = 30), {}, { sign: false }).drive);
  assert.equal(unsigned.status, 1);
  assert.match(unsigned.stderr, /no pack.sig/);
});

test('one install at a time: a second one, in this process or another, is refused in plain words and loses nothing', async () => {
  const { dir, packs } = await store();
  const other = new PackStore({ dir, bundled: await loadBundledPack(), trust: () => trust, log: () => {} });
  let second: Promise<string> | null = null;
  const first = packs.install(buildPack((m) => (m.version = 20), { 'assets/a.png': PNG }).drive, {
    onStep: (step) => {
      if (step === 'copying') second ??= other.install(buildPack((m) => (m.version = 30)).drive).then(() => 'installed', (e: Error) => e.message);
    },
  });
  assert.equal((await first).pack.version, 20);
  assert.match((await second)!, /Another content pack is being installed right now/);
  assert.equal((await other.install(buildPack((m) => (m.version = 30)).drive)).pack.version, 30, 'once the first is done, the next goes ahead');
  assert.equal((await packs.refresh(), packs.current().pack.version), 30, 'and the other store sees it at its next refresh');
});

test('a roll-back to a previous pack that no longer checks out is refused; the running pack stays', async () => {
  const { packs } = await store();
  const old = await packs.install(buildPack((m) => (m.version = 20)).drive);
  await packs.install(buildPack((m) => (m.version = 30)).drive);
  writeFileSync(path.join(old.dir, 'pack.json'), '{}');
  await assert.rejects(packs.rollback(), /previous pack cannot be used .*running pack stays/);
  assert.equal(packs.current().pack.version, 30);
});

test('installing while state.json is damaged keeps every pack that was there', async () => {
  const { dir, packs } = await store();
  await packs.install(buildPack((m) => (m.version = 20)).drive);
  await packs.install(buildPack((m) => (m.version = 30)).drive);
  writeFileSync(path.join(dir, 'state.json'), '{"curr');
  await packs.install(buildPack((m) => (m.version = 40)).drive);
  assert.equal(contents(dir).length, 3);
});

test('a running kiosk takes a pack installed by the command within seconds, and tells its screens', async () => {
  const kiosk = await startKiosk({ settings: { trustedKeys: [KEY.publicKey] } });
  const events: string[] = [];
  kiosk.app.student.onEvent((event) => events.push(event.type));
  const installed = spawnSync(process.execPath, [CLI, 'pack', 'install', buildPack((m) => (m.version = 20)).drive, '--data-dir', kiosk.app.dataDir], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(installed.status, 0, installed.stderr);
  await until(() => events.includes('pack-changed'), 'the kiosk to notice the new pack');
  assert.equal((await kiosk.app.student.handlers.kiosk()).pack.version, 20);
});
