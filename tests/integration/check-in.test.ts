// The check-in of results sync version 2 (docs/results-sync-v2.md) and how versions 1 and 2
// work together, both ways: a version-1 pillar (batches only) against a version-2 hub, and a
// version-2 pillar (the whole kiosk, its clock driven by the test) against a hub that speaks
// version 1 only (`syncVersion: 1`, a real Fastify hub on loopback): it keeps sending batches,
// stops checking in, and asks again after 6 hours or as soon as the hub's address changes.

import assert from 'node:assert/strict';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { HealthStore } from '../../electron/hub/health.ts';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import { loadBundledPack } from '../../electron/kiosk/packs/bundled.ts';
import { SettingsStore } from '../../electron/kiosk/settings/settings.ts';
import { Outbox } from '../../electron/kiosk/sync/outbox.ts';
import { LOOK_MS, SyncSender } from '../../electron/kiosk/sync/sender.ts';
import { CHECK_IN_EVERY_MS, VERSION_1_PAUSE_MS } from '../../electron/kiosk/sync/check-in.ts';
import type { HealthRecord } from '../../electron/api/check-in.ts';
import { TestClock } from '../helpers/clock.ts';
import { startKiosk } from '../helpers/kiosk.ts';
import { dataDir, tempDir, until } from '../helpers/tmp.ts';

/** A hub in this process on loopback, counting the requests of each path. */
async function hubOn(t: { after: (fn: () => unknown) => void }, options: { syncVersion?: 1 | 2; clock?: TestClock } = {}) {
  const store = new HubStore(tempDir());
  const pillars = new Pillars(store);
  const app = buildHub(store, pillars, options);
  const asked = new Map<string, number>();
  app.addHook('onRequest', async (request) => void asked.set(request.url, (asked.get(request.url) ?? 0) + 1));
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(async () => (await app.close(), store.close()));
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, store, pillars, asked: (url: string) => asked.get(url) ?? 0 };
}

const health = (pillarId: string, over: Partial<HealthRecord> = {}): HealthRecord => ({
  type: 'health', pillar_id: pillarId, clock: '2026-11-24T13:07Z', app_version: '1.4.0', pack: { id: 'olifant-tour', version: 7 },
  dispenser: 'ok', cards_left: 140, last_answer_hour: '2026-11-24T13:00Z', disk_free_mb: 5120, uptime_minutes: 1440, errors: { 'serial-garbage': 3 }, ...over,
});

const checkIn = (url: string, token: string, body: unknown) =>
  fetch(`${url}/v2/check-in`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

test('a check-in is kept and answered with the hub\'s version and clock; a refused one keeps nothing and says why', async (t) => {
  const clock = new TestClock({ start: Date.UTC(2026, 10, 24, 13, 8, 30) });
  const hub = await hubOn(t, { clock });
  const token = hub.pillars.add('pillar-a');
  hub.pillars.add('pillar-b');
  const kept = new HealthStore(hub.store.db);
  const body = { pillar_id: 'pillar-a', health: health('pillar-a'), visit: '2026-11-24-hva-amsterdam', offers: [] };

  const refusals: Array<[string, unknown, number, RegExp]> = [
    ['a token nobody has', body, 401, /unknown or revoked token/],
    ['no offers', { ...body, offers: undefined }, 400, /the check-in is missing "offers"/],
    ['an unknown field in the health record', { ...body, health: { ...body.health, battery: 80 } }, 400, /health has an unknown field "battery"/],
    ['a time finer than the hour for the last answer', { ...body, health: { ...body.health, last_answer_hour: '2026-11-24T13:07Z' } }, 400, /last_answer_hour must be null, or a UTC hour/],
    ['another pillar\'s check-in', { ...body, pillar_id: 'pillar-b' }, 403, /the token belongs to pillar pillar-a, not pillar-b/],
    ['another pillar\'s health record', { ...body, health: health('pillar-b') }, 403, /the health record belongs to pillar pillar-b, not to pillar-a/],
    ['more than 64 KiB', { ...body, visit: 'x'.repeat(70_000) }, 413, /the check-in is larger than 65536 bytes/],
  ];
  for (const [what, sent, status, error] of refusals) {
    const answer = await checkIn(hub.url, what === 'a token nobody has' ? 'nobody-has-this-token' : token, sent);
    assert.equal(answer.status, status, what);
    assert.match(((await answer.json()) as { error: string }).error, error, what);
    assert.equal(kept.latest('pillar-a'), undefined, `${what}: nothing kept`);
  }

  const answer = await checkIn(hub.url, token, body);
  assert.equal(answer.status, 200);
  assert.deepEqual(await answer.json(), { sync: 2, hub_clock: '2026-11-24T13:08Z', tour: null, offers: [] });
  const latest = kept.latest('pillar-a')!;
  assert.deepEqual([latest.record, latest.visit, latest.via, latest.contactAt], [body.health, body.visit, 'check-in', clock.now()]);
  assert.equal(latest.clockOffsetMs, Date.parse('2026-11-24T13:07Z') - clock.now(), "the pillar's clock against the hub's");
});

test('a version-1 pillar, batches only, works against a version-2 hub as before', async (t) => {
  const hub = await hubOn(t);
  const token = hub.pillars.add('pillar-old');
  const dir = dataDir({ pillarId: 'pillar-old', hubUrl: hub.url, hubToken: token });
  const settings = new SettingsStore(dir, () => {});
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  t.after(() => (store.close(), settings.close()));
  const outbox = new Outbox(store);
  const pack = await loadBundledPack();
  outbox.recordPack(pack);
  store.insert({ id: randomUUID(), pillar_id: 'pillar-old', venue_session_id: 'venue-old', pack_id: pack.pack.id, pack_version: pack.pack.version, question_id: pack.pack.questions[0].id, value: '1', language: 'nl', hour: '2026-11-24T13:00Z', suspect: null });
  // The sender alone is what a version-1 pillar runs: it never checks in.
  const sender = new SyncSender({ outbox, settings: () => settings.current(), log: () => {}, statusFile: null });
  const sent = await sender.send();
  assert.deepEqual([sent.problem, sent.sent.answers, sent.sent.packs], [null, 1, 1]);
  assert.equal(hub.store.answerCount(), 1);
  assert.equal(hub.asked('/v2/check-in'), 0);
  assert.equal(new HealthStore(hub.store.db).latest('pillar-old'), undefined, 'no health record: the fleet view says it has none');
});

test('a version-2 pillar against a version-1 hub sends batches, stops checking in, and asks again after 6 hours or at another hub', async (t) => {
  const old = await hubOn(t, { syncVersion: 1 });
  const current = await hubOn(t);
  const oldToken = old.pillars.add('pillar-test');
  const newToken = current.pillars.add('pillar-test');
  const clock = new TestClock({ start: Date.UTC(2026, 10, 24, 9) });
  t.after(() => clock.stop());
  const kiosk = await startKiosk({ settings: { hubUrl: old.url, hubToken: oldToken }, clock });
  // At its start the pillar sends what waits (its pack and visit), then checks in: 404.
  await until(() => kiosk.app.checkIns.status().hubSpeaks === 1, 'the pillar taking the hub for version 1');
  assert.equal(old.asked('/v2/check-in'), 1);
  assert.ok(old.store.packs().length === 1, 'the batch was stored');

  // An answer later: its batch goes, and no check-in follows it.
  const pack = kiosk.app.packs.current().pack;
  kiosk.app.store.insert({ id: randomUUID(), pillar_id: 'pillar-test', venue_session_id: 'venue-test', pack_id: pack.id, pack_version: pack.version, question_id: pack.questions[0].id, value: '1', language: 'nl', hour: '2026-11-24T09:00Z', suspect: null });
  await clock.advance(LOOK_MS);
  await until(() => old.store.answerCount() === 1, 'the answer at the version-1 hub');
  await until(() => kiosk.app.sync.status().waiting.answers === 0, 'the round to end');
  // Nearly 6 hours of 2-minute moments: not one check-in.
  await clock.advance(VERSION_1_PAUSE_MS - 2 * CHECK_IN_EVERY_MS);
  assert.equal(old.asked('/v2/check-in'), 1, 'no check-ins for 6 hours');
  await clock.advance(2 * CHECK_IN_EVERY_MS);
  await until(() => old.asked('/v2/check-in') === 2, 'the check-in after 6 hours');

  // Another hub's address: the next moment checks in there, and the hub keeps the record.
  kiosk.app.settings.update({ hubUrl: current.url, hubToken: newToken });
  await clock.advance(CHECK_IN_EVERY_MS);
  await until(() => kiosk.app.checkIns.status().hubSpeaks === 2, 'the check-in at the version-2 hub');
  const kept = new HealthStore(current.store.db).latest('pillar-test')!;
  assert.equal(kept.record.pillar_id, 'pillar-test');
  assert.equal(kept.visit, 'venue-test');
  assert.deepEqual(kept.record.pack, { id: pack.id, version: pack.version });
});
