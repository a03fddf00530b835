// Results bundles on USB sticks: written by the pillar's command and its service screen onto
// a real (tmpfs) stick where this machine allows mounting, imported by the hub's command.
// Each bundle is taken whole or not at all; importing twice, or an older overlapping bundle,
// leaves each answer once.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { generateSigningKey } from '../../content/signing.ts';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import { FAILURES } from '../../electron/api/errors.ts';
import { loadBundledPack } from '../../electron/kiosk/packs/bundled.ts';
import { SettingsStore } from '../../electron/kiosk/settings/settings.ts';
import { BUNDLE_FOLDER } from '../../electron/results/bundle.ts';
import { Outbox } from '../../electron/kiosk/sync/outbox.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { HealthStore } from '../../electron/hub/health.ts';
import { CLI } from '../helpers/cli.ts';
import { hubCommand } from '../helpers/hub.ts';
import { startKiosk } from '../helpers/kiosk.ts';
import { stick } from '../helpers/stick.ts';
import { dataDir, tempDir, until } from '../helpers/tmp.ts';

const olifant = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

/** A pillar's data folder with `count` answers, a venue visit and the pack they were given under. */
async function pillar(id: string, count: number) {
  const dir = dataDir({ pillarId: id });
  const settings = new SettingsStore(dir, () => {});
  settings.close();
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  const bundled = await loadBundledPack();
  new Outbox(store).recordPack(bundled);
  store.saveVenue({ id: '2026-11-24-hva', pillar_id: id, name: 'HvA', started_hour: '2026-11-24T08:00Z', ended_hour: null, revision: 1 });
  const add = (n: number) => {
    for (let i = 0; i < n; i++) {
      store.insert({ id: randomUUID(), pillar_id: id, venue_session_id: '2026-11-24-hva', pack_id: bundled.pack.id, pack_version: bundled.pack.version, question_id: 'naam-op-cv', value: String(1 + (i % 5)), language: 'nl', hour: '2026-11-24T13:00Z', suspect: null });
    }
  };
  add(count);
  return { dir, store, add };
}

function exportTo(dir: string, out: string): string {
  const done = olifant('results', '--format', 'bundle', '--out', out, '--data-dir', dir);
  assert.equal(done.status, 0, done.stderr);
  return done.stdout.trim();
}

const hubAnswers = (hubDir: string) => {
  const hub = new HubStore(hubDir);
  try {
    return hub.answerCount();
  } finally {
    hub.close();
  }
};

function onStick(t: TestContext, sizeMiB = 8) {
  return stick(sizeMiB, (m) => t.diagnostic(m));
}

test('export, import, import again, an older overlapping bundle: each answer once; a new pillar needs --trust-new-pillar', async (t) => {
  const { dir, store, add } = await pillar('pillar-a', 30);
  t.after(() => store.close());
  const usb = onStick(t);
  const first = exportTo(dir, usb.dir);
  assert.match(path.relative(usb.dir, first), new RegExp(`^${BUNDLE_FOLDER}/pillar-a-\\d{8}-\\d{4}\\.olifant-results$`));
  const lines = readFileSync(first, 'utf8').trimEnd().split('\n');
  const header = JSON.parse(lines[0]);
  assert.deepEqual([header.format, header.pillar_id, header.counts], ['olifant-results/1', 'pillar-a', { answer: 30, venue: 1, pack: 1 }]);
  assert.match(header.created_hour, /^\d{4}-\d{2}-\d{2}T\d{2}:00Z$/);
  assert.ok('signature' in JSON.parse(lines.at(-1)!));
  assert.ok(existsSync(path.join(dir, 'pillar-key.pem')));

  const hubDir = tempDir();
  const untrusted = hubCommand(hubDir, 'import', first);
  assert.equal(untrusted.status, 1);
  assert.match(untrusted.stderr, /key is new to this hub.*--trust-new-pillar/);
  const imported = hubCommand(hubDir, 'import', first, '--trust-new-pillar');
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /pillar pillar-a, 30 answer\(s\) new, 0 already here/);
  assert.match(hubCommand(hubDir, 'import', first).stdout, /0 answer\(s\) new, 30 already here/, 'the key is registered now');

  add(10);
  const second = exportTo(dir, path.join(tempDir(), 'later.olifant-results'));
  assert.match(hubCommand(hubDir, 'import', second).stdout, /10 answer\(s\) new, 30 already here/);
  assert.match(hubCommand(hubDir, 'import', first).stdout, /0 answer\(s\) new, 30 already here/, 'an older bundle changes nothing');
  assert.equal(hubAnswers(hubDir), 40);
});

test('tampered, cut off, re-signed with another key, and foreign bundles are refused whole', async (t) => {
  const { dir, store } = await pillar('pillar-b', 12);
  t.after(() => store.close());
  const good = exportTo(dir, tempDir());
  const hubDir = tempDir();
  assert.equal(hubCommand(hubDir, 'import', good, '--trust-new-pillar').status, 0);
  const bytes = readFileSync(good);
  const text = bytes.toString('utf8');
  const lines = text.trimEnd().split('\n');
  const variant = (name: string, content: string | Buffer) => {
    const file = path.join(tempDir(), `${name}.olifant-results`);
    writeFileSync(file, content);
    return file;
  };
  // Re-signed: every byte before the last line signed again with a key the hub does not know.
  const other = generateSigningKey();
  const body = [JSON.stringify({ ...JSON.parse(lines[0]), public_key: other.publicKey }), ...lines.slice(1, -1)].join('\n') + '\n';
  const resigned = body + JSON.stringify({ signature: sign(null, Buffer.from(body), createPrivateKey(other.privateKeyPem)).toString('base64') }) + '\n';
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['tampered', text.replace('"value":"1"', '"value":"5"'), /signature does not match/],
    ['cut-off', bytes.subarray(0, Math.floor(bytes.length / 2)), /cut off/],
    ['no-signature', lines.slice(0, -1).join('\n') + '\n', /last line is not the signature/],
    ['re-signed', resigned, /another key than the one registered for pillar pillar-b/],
    ['empty', '', /cut off/],
  ];
  for (const [name, content, reason] of cases) {
    const refused = hubCommand(hubDir, 'import', variant(name, content));
    assert.equal(refused.status, 1, name);
    assert.match(refused.stderr, reason, name);
    assert.match(refused.stderr, /nothing of it was imported/, name);
  }
  assert.equal(hubAnswers(hubDir), 12, 'only the good bundle, once');
});

test('a full stick is said plainly and leaves no file that looks complete', async (t) => {
  const { dir, store } = await pillar('pillar-c', 6000);
  t.after(() => store.close());
  const usb = onStick(t, 1);
  if (!usb.mounted) return t.skip('a full stick needs a real size-limited mount, which this machine refuses');
  const full = olifant('results', '--format', 'bundle', '--out', usb.dir, '--data-dir', dir);
  assert.equal(full.status, FAILURES.storage.exit, 'a stick or disk failure has its own exit code (api/errors.ts)');
  assert.match(full.stderr, /The USB stick is full: the results were not written/);
  const folder = path.join(usb.dir, BUNDLE_FOLDER);
  assert.deepEqual(existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.olifant-results')) : [], []);
});

test('the service screen exports the results and the lecture files onto the stick there is; the hub imports them', async (t) => {
  const drives = tempDir('olifant-drives-');
  const kiosk = await startKiosk({ settings: { usbRoots: [drives] } });
  const usb = stick(8, (m) => t.diagnostic(m), drives);
  // After the stick is pulled (hooks run in the order they were added).
  const operator = kiosk.app.operator.handlers;
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the simulated board');
  // Students' answers first: with the door open they would be set-up taps.
  for (let i = 0; i < 5; i++) {
    await fetch(`${kiosk.url}api/submitAnswer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answerId: randomUUID(), questionId: 'naam-op-cv', value: '2', language: 'nl', shownMs: 3000 }) });
  }
  kiosk.app.board!.setService(true);
  await until(() => kiosk.app.operatorSession.open, 'the door session');
  await until(async () => { const { stick: seen } = await operator.overview(); return 'drive' in seen && seen.drive === usb.dir; }, 'the kiosk noticing the stick');
  const exported = await operator.exportResults();
  assert.equal(path.dirname(path.dirname(exported.bundle)), usb.dir);
  assert.equal(exported.answers, 5);
  assert.deepEqual(exported.lectureFiles.map((f) => path.relative(usb.dir, f)), [
    'olifant-lecture/venue-test.pptx', 'olifant-lecture/venue-test.xlsx', 'olifant-lecture/venue-test.csv', 'olifant-lecture/venue-test-charts/1-naam-op-cv.png',
  ]);
  assert.equal(exported.healthFile, exported.bundle.replace(/\.olifant-results$/, '.olifant-health'), 'the health file beside the bundle, with its stem');
  const hubDir = tempDir();
  // The health file named first: the bundle goes first all the same, and registers the pillar's key.
  const imported = hubCommand(hubDir, 'import', exported.healthFile, exported.bundle, '--trust-new-pillar');
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /pillar pillar-test, 5 answer\(s\) new[^]*pillar pillar-test's health record is kept/);
  const hub = new HubStore(hubDir);
  t.after(() => hub.close());
  const kept = new HealthStore(hub.db).latest('pillar-test')!;
  assert.deepEqual([kept.via, kept.record.dispenser, kept.record.last_answer_hour !== null], ['stick', 'ok', true]);
});
