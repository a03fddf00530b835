// The hub as the tour organiser runs it: a real `olifant hub` process on loopback with its
// own SQLite file, pillars registered with the command, batches pushed as results-sync.md
// says. Every refusal changes nothing; a batch is stored whole or not at all, even when the
// hub is killed -9 in the middle of taking batches in.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Lecturers, LINK_MS, SESSION_MS } from '../../electron/hub/lecturers.ts';
import { FailureBrake } from '../../electron/hub/brake.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { CLI } from '../helpers/cli.ts';
import { defaultManifest } from '../helpers/packs.ts';
import { addPillar, hubCommand as command, startHubProcess as startHub, stopProcess as stop } from '../helpers/hub.ts';
import { TestClock } from '../helpers/clock.ts';
import { seededRandom } from '../helpers/seeded.ts';
import { tempDir, until } from '../helpers/tmp.ts';

const answer = (pillar: string, over: Record<string, unknown> = {}) => ({
  type: 'answer', id: randomUUID(), pillar_id: pillar, venue_session_id: '2026-11-24-hva-amsterdam', pack_id: 'olifant-tour',
  pack_version: 7, question_id: 'naam-op-cv', value: '4', language: 'nl', hour: '2026-11-24T13:00Z', suspect: null, ...over,
});

const push = (url: string, token: string, body: unknown) =>
  fetch(`${url}/v1/batches`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

test('a batch is stored once: a resend is duplicates, a changed answer is a refused and logged conflict, the stored one unchanged', async (t) => {
  const dir = tempDir();
  const token = addPillar(dir, 'pillar-a');
  const { url, child } = await startHub(dir);
  t.after(() => stop(child));
  const records = [
    answer('pillar-a'),
    answer('pillar-a', { value: 'later-apart', question_id: 'grap-over-afkomst', suspect: 'too-fast' }),
    { type: 'venue', id: '2026-11-24-hva-amsterdam', pillar_id: 'pillar-a', name: 'HvA', started_hour: '2026-11-24T08:00Z', ended_hour: null, revision: 2 },
    { type: 'pack', id: 'olifant-tour', version: 7, manifest: { ...defaultManifest(), version: 7 } },
  ];
  const first = await push(url, token, { pillar_id: 'pillar-a', records });
  assert.equal(first.status, 200);
  assert.deepEqual(await first.json(), { stored: 2, duplicates: 0, conflicts: [] });
  const again = await push(url, token, { pillar_id: 'pillar-a', records });
  assert.deepEqual(await again.json(), { stored: 0, duplicates: 2, conflicts: [] });
  const changed = { ...records[0], value: '1' };
  const older = { ...records[2], name: 'Oud', revision: 1 };
  const conflict = await push(url, token, { pillar_id: 'pillar-a', records: [changed, older] });
  assert.equal(conflict.status, 200);
  assert.deepEqual(await conflict.json(), { stored: 0, duplicates: 0, conflicts: [records[0].id] });

  const store = new HubStore(dir);
  t.after(() => store.close());
  assert.equal((store.db.prepare('SELECT value FROM answers WHERE id = ?').get(records[0].id) as { value: string }).value, '4', 'the stored answer is unchanged');
  assert.equal((store.db.prepare('SELECT name FROM venues').get() as { name: string }).name, 'HvA', 'a lower revision changes nothing');
  assert.ok(store.events().some((e) => e.kind === 'conflict' && e.detail.includes(records[0].id as string)), 'the conflict is logged');
});

test('refusals change nothing: malformed, wrong types, a bad record among good ones, unknown and revoked tokens, another pillar, too many, too big', async (t) => {
  const dir = tempDir();
  const token = addPillar(dir, 'pillar-a');
  const other = addPillar(dir, 'pillar-b');
  const { url, child } = await startHub(dir);
  t.after(() => stop(child));
  const expect = async (response: Response, status: number, error: RegExp) => {
    assert.equal(response.status, status);
    assert.match(((await response.json()) as { error: string }).error, error);
  };
  await expect(await push(url, token, '{"pillar_id": "pillar-a", "records": ['), 400, /JSON/);
  await expect(await push(url, token, { pillar_id: 'pillar-a', records: 'all of them' }), 400, /records must be a list of records, not "all of them"/);
  await expect(await push(url, token, { pillar_id: 'pillar-a', records: [], extra: 1 }), 400, /the batch has an unknown field "extra"/);
  await expect(await push(url, token, { pillar_id: 'pillar-a', records: [answer('pillar-a'), answer('pillar-a', { hour: '2026-11-24T13:27Z' })] }), 400, /records\[1\]\.hour/);
  await expect(await push(url, token, { pillar_id: 'pillar-a', records: [answer('pillar-a', { name: 'Jan' })] }), 400, /unknown field "name"/);
  await expect(await push(url, 'not-a-real-token-at-all', { pillar_id: 'pillar-a', records: [answer('pillar-a')] }), 401, /unknown or revoked token/);
  await expect(await push(url, other, { pillar_id: 'pillar-a', records: [answer('pillar-a')] }), 403, /belongs to pillar pillar-b/);
  await expect(await push(url, other, { pillar_id: 'pillar-b', records: [answer('pillar-b'), answer('pillar-a')] }), 403, /records\[1\] belongs to pillar pillar-a/);
  await expect(await push(url, token, { pillar_id: 'pillar-a', records: Array.from({ length: 1001 }, () => answer('pillar-a')) }), 413, /at most 1000 records/);
  await expect(await push(url, token, { pillar_id: 'pillar-a', records: [answer('pillar-a', { padding: 'x'.repeat(10 * 1024 * 1024) })] }), 413, /larger than 4 MiB/);
  const revoked = command(dir, 'revoke-pillar', 'pillar-b');
  assert.equal(revoked.status, 0, revoked.stderr);
  await expect(await push(url, other, { pillar_id: 'pillar-b', records: [answer('pillar-b')] }), 401, /revoked/);
  assert.match(command(dir, 'pillars').stdout, /^pillar-b\tZuil pillar-b\trevoked/m);

  const store = new HubStore(dir);
  t.after(() => store.close());
  assert.equal(store.answerCount(), 0, 'nothing of any refused batch was stored');
});

test('the hub killed -9 while taking batches in, then restarted: each batch is there whole or not at all, and a resend completes it', async (t) => {
  const random = seededRandom((m) => t.diagnostic(m));
  const dir = tempDir();
  const token = addPillar(dir, 'pillar-a');
  let { url, child } = await startHub(dir);
  const batches = Array.from({ length: 40 }, () => Array.from({ length: 200 + Math.floor(random() * 300) }, () => answer('pillar-a')));
  const sent = batches.map((records) => push(url, token, { pillar_id: 'pillar-a', records }).then((r) => r.status, () => 0));
  // Kill it once the first batches are in, while the rest are arriving.
  const store = new HubStore(dir);
  t.after(() => store.close());
  await until(() => store.answerCount() > 0, 'the first batches to be stored');
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  const statuses = await Promise.all(sent);
  await exited;
  const ids = new Set((store.db.prepare('SELECT id FROM answers').all() as Array<{ id: string }>).map((r) => r.id));
  for (const [i, records] of batches.entries()) {
    const held = records.filter((r) => ids.has(r.id)).length;
    assert.ok(held === 0 || held === records.length, `batch ${i}: ${held} of ${records.length} stored`);
    if (statuses[i] === 200) assert.equal(held, records.length, `batch ${i} was answered 200, so it is all there`);
  }
  ({ url, child } = await startHub(dir));
  t.after(() => stop(child));
  for (const records of batches) assert.equal((await push(url, token, { pillar_id: 'pillar-a', records })).status, 200);
  assert.equal(store.answerCount(), batches.reduce((n, b) => n + b.length, 0), 'after the resends, every answer once');
});

test('stopped with SIGTERM or SIGINT, the hub finishes the batch in hand, closes its database and exits 0', async (t) => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const dir = tempDir();
    const token = addPillar(dir, 'pillar-a');
    const { url, child } = await startHub(dir);
    t.after(() => stop(child, 'SIGKILL'));
    assert.equal((await fetch(`${url}/v1/lecture/overview`)).status, 200, 'a reader thread is running too');
    const exited = once(child, 'exit');
    // The batch is in hand once the hub has read its headers and asks for the rest (100 Continue).
    const body = JSON.stringify({ pillar_id: 'pillar-a', records: Array.from({ length: 1000 }, () => answer('pillar-a')) });
    const sending = request(`${url}/v1/batches`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' } });
    const answered = new Promise<number>((resolve, reject) => {
      sending.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      sending.on('error', reject);
    });
    sending.flushHeaders();
    await once(sending, 'continue');
    // Two signals, as an impatient Ctrl-C sends; then the rest of the batch.
    child.kill(signal);
    child.kill(signal);
    sending.end(body);
    assert.equal(await answered, 200, `${signal}: the batch in hand is answered`);
    assert.deepEqual(await exited, [0, null], signal);
    assert.equal(existsSync(path.join(dir, 'hub.sqlite-wal')), false, 'the database was closed (its log folded in)');
    const store = new HubStore(dir);
    assert.equal(store.answerCount(), 1000, `${signal}: the batch is stored`);
    store.close();
  }
});

test('the hub opens to a network only with TLS or behind a proxy', () => {
  const refused = spawnSync(process.execPath, [CLI, 'hub', '--host', '0.0.0.0', '--port', '0', '--data-dir', tempDir()], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /only with TLS .* or behind a reverse proxy/);
});

test('repeated failed sign-ins from one address are answered ever more slowly, up to a limit; another address is not slowed', async () => {
  const clock = new TestClock();
  const brake = new FailureBrake(clock);
  const delays = Array.from({ length: 10 }, () => brake.delayFor('10.0.0.1'));
  assert.deepEqual(delays, [0, 0, 0, 250, 500, 1000, 2000, 4000, 8000, 8000]);
  assert.equal(brake.delayFor('10.0.0.2'), 0);
  await clock.advance(14 * 60_000);
  assert.equal(brake.delayFor('10.0.0.1'), 8000, 'remembered within a quarter of an hour');
  await clock.advance(16 * 60_000);
  assert.equal(brake.delayFor('10.0.0.1'), 0, 'forgotten after a quiet quarter of an hour');
});

test('a lecturer sign-in link works once and for a week; a session lasts 30 days; only hashes are kept', async () => {
  const store = new HubStore(tempDir());
  const clock = new TestClock({ start: Date.UTC(2026, 10, 24) });
  const lecturers = new Lecturers(store, clock);
  const link = lecturers.add('Dr. Jansen');
  const late = lecturers.add('Prof. De Vries');
  const session = lecturers.redeem(link)!;
  assert.ok(session);
  assert.equal(lecturers.redeem(link), null, 'once');
  assert.equal(lecturers.signedIn(session), true);
  assert.equal(lecturers.signedIn('made-up-token'), false);
  await clock.advance(LINK_MS + 1);
  assert.equal(lecturers.redeem(late), null, 'a week old: expired');
  await clock.advance(SESSION_MS);
  assert.equal(lecturers.signedIn(session), false, 'the session ended');
  const kept = JSON.stringify(store.db.prepare('SELECT * FROM signin_links').all()) + JSON.stringify(store.db.prepare('SELECT * FROM sessions').all());
  assert.ok(!kept.includes(link) && !kept.includes(session));
  store.close();
});
