// The hub's fleet: each pillar's health records thinned on the store's clock (all of the last
// 24 hours, then one per hour for 30 days, then one per day; answers never), and the fleet
// view's rows and reasons, those that need someone first. A real SQLite file; a clock the
// test drives.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { HealthRecord } from '../../electron/api/check-in.ts';
import { compareVersions, fleetView } from '../../electron/hub/fleet.ts';
import { HealthStore } from '../../electron/hub/health.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { Offers } from '../../electron/hub/offers.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { MIN_GROUP } from '../../electron/results/floor.ts';
import { offerText, reasonText } from '../../electron/words/fleet.ts';
import { buildPack } from '../helpers/packs.ts';
import { TestClock } from '../helpers/clock.ts';
import { tempDir } from '../helpers/tmp.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

const health = (pillarId: string, at: number, over: Partial<HealthRecord> = {}): HealthRecord => ({
  type: 'health', pillar_id: pillarId, clock: minute(at), app_version: '1.4.0', pack: { id: 'olifant-tour', version: 7 }, dispenser: 'ok',
  cards_left: 140, last_answer_hour: null, disk_free_mb: 5120, uptime_minutes: 10, errors: {}, ...over,
});

const answer = (pillarId: string, hour: string, question = 'naam-op-cv') => ({
  type: 'answer' as const, id: randomUUID(), pillar_id: pillarId, venue_session_id: 'visit-a', pack_id: 'olifant-tour', pack_version: 7,
  question_id: question, value: '3', language: 'nl', hour, suspect: null,
});

test('health records are thinned by the store on its clock: all of a day, one per hour for 30 days, one per day after; answers never', async (t) => {
  const store = new HubStore(tempDir());
  t.after(() => store.close());
  // Durability is not the point here: thousands of check-ins without a flush each.
  store.db.pragma('synchronous = OFF');
  const start = Date.UTC(2026, 8, 1, 0, 3);
  const clock = new TestClock({ start });
  const kept = new HealthStore(store.db, clock);
  store.store([answer('pillar-a', '2026-09-01T00:00Z')], 'pillar-a', 'batch');
  const sent: Array<{ pillar: string; at: number }> = [];
  const checkIn = (pillar: string) => {
    kept.fromCheckIn(pillar, health(pillar, clock.now()), 'visit-a');
    sent.push({ pillar, at: clock.now() });
  };
  // Two pillars checking in every 10 minutes (one of them 7 minutes after the other) for 35 days.
  while (clock.now() < start + 35 * DAY) {
    checkIn('pillar-a');
    await clock.advance(7 * MINUTE);
    checkIn('pillar-b');
    await clock.advance(3 * MINUTE);
  }
  const now = clock.now();
  /** What the rule keeps as of `now`: whether a record has an earlier one of its pillar in its hour (or day). */
  const firstIn = (r: { pillar: string; at: number }, bucket: number) => !sent.some((o) => o.pillar === r.pillar && o.at < r.at && o.at >= r.at - (r.at % bucket));
  const expected = sent.filter((r) => r.at >= now - DAY || (r.at >= now - 30 * DAY ? firstIn(r, HOUR) : firstIn(r, DAY)));
  const history = () => ['pillar-a', 'pillar-b'].flatMap((pillar) => kept.history(pillar).map((h) => ({ pillar, at: h.at })));
  // Thinned as they came, at most 10 minutes behind: a record per pillar and rule may still wait.
  assert.ok(history().length <= expected.length + 4, `${history().length} kept, ${expected.length} by the rule`);
  kept.thin();
  assert.deepEqual(history().sort((a, b) => a.at - b.at), expected.sort((a, b) => a.at - b.at));
  t.diagnostic(`${sent.length} records sent, ${expected.length} kept: ${2 * 144} of the last day, then hourly, then daily`);
  assert.equal(store.answerCount(), 1, 'answers are never thinned');
  assert.deepEqual(kept.latest('pillar-b')!.record, health('pillar-b', sent.at(-1)!.at), 'the newest record is kept whole');
});

test('the fleet view: every registered pillar, those that need someone first, each reason in plain words', async (t) => {
  const store = new HubStore(tempDir());
  t.after(() => store.close());
  const pillars = new Pillars(store);
  for (const id of ['p-ok', 'p-jammed', 'p-silent', 'p-cards', 'p-clock', 'p-old', 'p-v1', 'p-never', 'p-ended', 'p-revoked']) pillars.add(id);
  pillars.revoke('p-revoked');
  const now = Date.UTC(2026, 10, 24, 15, 0);
  const clock = new TestClock({ start: now - 3 * HOUR });
  const kept = new HealthStore(store.db, clock);
  const venue = (pillar: string, id: string, ended: string | null) => store.store([{ type: 'venue', id, pillar_id: pillar, name: `Bezoek ${id}`, started_hour: '2026-11-24T08:00Z', ended_hour: ended, revision: 1 }], pillar, 'bundle');
  venue('p-silent', 'visit-s', null);
  venue('p-ended', 'visit-e', '2026-11-24T11:00Z');
  // Three hours ago: the two that fall silent check in for the last time.
  kept.fromCheckIn('p-silent', health('p-silent', clock.now()), 'visit-s');
  kept.fromCheckIn('p-ended', health('p-ended', clock.now()), null);
  await clock.advance(3 * HOUR - 5 * MINUTE);
  const at = clock.now();
  kept.fromCheckIn('p-ok', health('p-ok', at, { app_version: '1.10.0', pack: { id: 'olifant-tour', version: 8 } }), 'visit-ok');
  kept.fromCheckIn('p-jammed', health('p-jammed', at, { app_version: '1.10.0', pack: { id: 'olifant-tour', version: 8 }, dispenser: 'jammed', cards_left: 12 }), 'visit-j');
  kept.fromCheckIn('p-cards', health('p-cards', at, { app_version: '1.10.0', pack: { id: 'olifant-tour', version: 8 }, cards_left: 49 }), null);
  kept.fromCheckIn('p-clock', health('p-clock', at - 7 * MINUTE, { app_version: '1.10.0', pack: { id: 'olifant-tour', version: 8 } }), null);
  kept.fromCheckIn('p-old', health('p-old', at, { app_version: '1.9.2', pack: { id: 'olifant-tour', version: 8 } }), null);
  // Answers today: 5 to one question (its group shown), 2 to another (under the floor), one too fast; and one yesterday.
  const today = [...Array.from({ length: MIN_GROUP }, () => answer('p-v1', '2026-11-24T14:00Z')), answer('p-v1', '2026-11-24T14:00Z', 'quotum'), answer('p-v1', '2026-11-24T14:00Z', 'quotum')];
  store.store([...today, answer('p-v1', '2026-11-23T14:00Z', 'quotum'), { ...answer('p-v1', '2026-11-24T14:00Z'), suspect: 'too-fast' }], 'p-v1', 'batch');

  const view = fleetView(store.db, now);
  assert.equal(view.asOf, '2026-11-24T15:00Z');
  assert.deepEqual(view.pillars.map((p) => p.id), ['p-jammed', 'p-silent', 'p-cards', 'p-clock', 'p-ended', 'p-old', 'p-v1', 'p-never', 'p-ok'], 'the most urgent first; a revoked pillar is no longer in the fleet');
  const row = (id: string) => view.pillars.find((p) => p.id === id)!;
  assert.deepEqual(row('p-jammed').reasons, [{ code: 'jammed' }, { code: 'cards-low', cards: 12, below: 50 }]);
  assert.deepEqual(row('p-silent').reasons, [{ code: 'silent', minutes: 180 }, { code: 'old-app', version: '1.4.0', newest: '1.10.0' }, { code: 'old-pack', pack: 'olifant-tour', version: 7, newest: 8 }]);
  assert.deepEqual(row('p-silent').visit, { id: 'visit-s', name: 'Bezoek visit-s', startedHour: '2026-11-24T08:00Z', endedHour: null });
  assert.deepEqual(row('p-ended').visit?.endedHour, '2026-11-24T11:00Z');
  assert.equal(row('p-ended').reasons.some((r) => r.code === 'silent'), false, 'no visit running: quiet is no silence');
  assert.deepEqual(row('p-cards').reasons, [{ code: 'cards-low', cards: 49, below: 50 }]);
  assert.deepEqual(row('p-clock').reasons, [{ code: 'clock-off', minutes: 7, ahead: false }]);
  assert.deepEqual(row('p-old').reasons, [{ code: 'old-app', version: '1.9.2', newest: '1.10.0' }]);
  const v1 = row('p-v1');
  assert.deepEqual({ ...v1, lastContact: v1.lastContact?.via }, {
    id: 'p-v1', name: 'p-v1', visit: null, lastContact: 'batch', reports: false, appVersion: null, pack: null, dispenser: null, cardsLeft: null, answersToday: MIN_GROUP, offer: null, reasons: [{ code: 'no-health' }],
  }, 'answers today: those of the group shown, never the 2 under the floor (nor yesterday\'s, nor the one too fast)');
  assert.deepEqual([row('p-never').lastContact, row('p-never').reasons, row('p-never').visit], [null, [], null]);
  assert.deepEqual([row('p-ok').reasons, row('p-ok').dispenser, row('p-ok').cardsLeft, row('p-ok').lastContact], [[], 'ok', 140, { at: minute(at), via: 'check-in' }]);
  assert.deepEqual(row('p-ok').visit, { id: 'visit-ok', name: null, startedHour: null, endedHour: null }, 'a visit the hub has no record of yet, by its id');

  // Dutch first on the page, English in the command.
  assert.equal(reasonText('nl', row('p-silent').reasons[0]), 'Al 180 minuten geen contact, terwijl het locatiebezoek loopt.');
  assert.equal(reasonText('en', row('p-clock').reasons[0]), "The pillar's clock is 7 minutes slow.");
  assert.equal(reasonText('nl', { code: 'cards-low', cards: 49, below: 50 }), 'Nog maar 49 kaarten (minder dan 50): neem nieuwe mee.');
  assert.equal(fleetView(store.db, now, { cardsBelow: 10, silentAfterMs: 4 * HOUR, clockOffMs: 10 * MINUTE }).pillars.find((p) => p.id === 'p-cards')!.reasons.length, 0, 'the rules are the hub\'s options');
});

test('the fleet view shows the newest pack offered to each pillar and what it did; a refusal needs someone until it runs that pack', async (t) => {
  const store = new HubStore(tempDir());
  t.after(() => store.close());
  const pillars = new Pillars(store);
  for (const id of ['p-refused', 'p-installed', 'p-waiting', 'p-stick', 'p-none']) pillars.add(id);
  const clock = new TestClock({ start: Date.UTC(2026, 10, 24, 12, 0) });
  const kept = new HealthStore(store.db, clock);
  for (const id of ['p-refused', 'p-installed', 'p-waiting', 'p-none']) kept.fromCheckIn(id, health(id, clock.now()), null);
  kept.fromCheckIn('p-stick', health('p-stick', clock.now(), { pack: { id: 'olifant-tour', version: 9 } }), null);
  const offers = new Offers(store, clock);
  const pack = buildPack((m) => (m.version = 9));
  const published = await offers.publish(pack.dir, ['p-refused', 'p-installed', 'p-waiting', 'p-stick'], (id) => pillars.get(id));
  const offerOf = (pillar: string) => published.offers.find((o) => o.pillarId === pillar)!.offerId;
  const report = (pillar: string, state: 'waiting' | 'installed' | 'refused', reason: string | null = null) => offers.offersFor(pillar, [{ offer_id: offerOf(pillar), state, reason }]);
  report('p-refused', 'refused', 'Dit pakket is niet ondertekend met een vertrouwde sleutel.');
  report('p-installed', 'installed');
  report('p-waiting', 'waiting');
  report('p-stick', 'refused', 'Dit pakket is niet ondertekend met een vertrouwde sleutel.');

  const view = fleetView(store.db, clock.now());
  const row = (id: string) => view.pillars.find((p) => p.id === id)!;
  // The others say too that they run an older pack than p-stick's: only the offer's reasons are looked at here.
  const offerReasons = (id: string) => row(id).reasons.filter((r) => r.code === 'offer-refused');
  const offered = (state: string) => ({ packId: published.packId, version: 9, state });
  assert.deepEqual(row('p-refused').offer, offered('refused'));
  assert.deepEqual(offerReasons('p-refused'), [{ code: 'offer-refused', pack: published.packId, version: 9, reason: 'Dit pakket is niet ondertekend met een vertrouwde sleutel.' }]);
  assert.deepEqual([row('p-installed').offer, offerReasons('p-installed')], [offered('installed'), []]);
  assert.deepEqual([row('p-waiting').offer, offerReasons('p-waiting')], [offered('waiting'), []]);
  assert.deepEqual([row('p-stick').offer, row('p-stick').reasons], [offered('refused'), []], 'it runs that version all the same (from a stick): nobody needed');
  assert.deepEqual([row('p-none').offer, offerText('nl', row('p-none').offer)], [null, 'geen']);
  assert.equal(offerText('nl', row('p-waiting').offer), `${published.packId} v9: opgehaald, wacht op de crew`);
  assert.equal(reasonText('en', offerReasons('p-refused')[0]), `The pack offered, ${published.packId} version 9, was refused: Dit pakket is niet ondertekend met een vertrouwde sleutel.`);
});

test('versions compare part by part, numbers as numbers', () => {
  assert.equal(compareVersions('1.10.0', '1.9.2'), 1);
  assert.equal(compareVersions('1.4.0', '1.4.0'), 0);
  assert.equal(compareVersions('0.9', '0.10.1'), -1);
});
