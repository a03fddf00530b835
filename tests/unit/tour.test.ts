// The rest of the tour on the pillar: the hub's figures for the running visit are kept in the
// data folder (written whole, checked when read back, dropped when the visit changes), the
// result screen shows them, and says when they are from once they are older than three hours
// (the time handed in: the kiosk's clock); a pillar that never heard from a hub names its own earlier visits.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { TourFigures } from '../../electron/api/check-in.ts';
import type { Results } from '../../electron/api/student.ts';
import { createKiosk } from '../../electron/kiosk/services.ts';
import { SettingsStore } from '../../electron/kiosk/settings/settings.ts';
import { KeptTour, TOUR_FILE } from '../../electron/kiosk/tour/kept.ts';
import { restOfTour } from '../../electron/kiosk/tour/rest.ts';
import { elsewhereWords, strings } from '../../renderer/shared/i18n.ts';
import { TestClock } from '../helpers/clock.ts';
import { dataDir } from '../helpers/tmp.ts';

// The words say the hour where the pillar stands: here, Amsterdam.
process.env.TZ = 'Europe/Amsterdam';

const HOUR = 3600_000;
/** Tuesday 24 November 2026, 14:07 in Amsterdam. */
const START = Date.UTC(2026, 10, 24, 13, 7);

const figures = (visit: string, questions: TourFigures['questions'] = []): TourFigures => ({ visit, as_of_hour: '2026-11-24T12:00Z', questions });
const NAAM = (counts: Record<string, number>) => ({ pack_id: 'olifant-tour', question_id: 'naam-op-cv', total: Object.values(counts).reduce((a, b) => a + b, 0), counts });

async function kiosk(dir = dataDir()) {
  const clock = new TestClock({ start: START });
  const app = await createKiosk({ dataDir: dir, pillar: 'simulated', log: () => {}, clock });
  after(() => app.close());
  // Six answers of this pillar at an earlier visit: what it knows of the tour by itself.
  for (const value of ['1', '1', '2', '2', '2', '3']) {
    app.store.insert({ id: randomUUID(), pillar_id: 'pillar-test', venue_session_id: 'venue-earlier', pack_id: 'olifant-tour', pack_version: 1, question_id: 'naam-op-cv', value, language: 'nl', hour: '2026-11-20T10:00Z', suspect: null });
  }
  const results = (questionId: string) => app.student.handlers.results({ questionId }) as Results;
  return { app, results };
}

test("a pillar that never heard from a hub compares with its own earlier visits, and says so", async () => {
  const { results } = await kiosk();
  const shown = results('naam-op-cv');
  assert.deepEqual(shown.elsewhereFrom, { from: 'pillar' });
  assert.deepEqual(shown.elsewhere, { total: 6, counts: { 1: 2, 2: 3, 3: 1 } });
  const nl = elsewhereWords(shown.elsewhereFrom, strings('nl'), 'nl');
  assert.deepEqual(nl, { name: 'Op eerdere bezoeken van deze zuil', sameAsYou: 'op eerdere bezoeken van deze zuil koos hetzelfde als jij', asOf: null });
  assert.equal(elsewhereWords(shown.elsewhereFrom, strings('en'), 'en').name, "On this pillar's earlier visits");
  // Under the floor, the screen's line names the same group: never "elsewhere on the tour", which it does not know.
  const none = results('past-in-het-team');
  assert.deepEqual(none.elsewhere, { total: null, counts: null });
  const t = strings('nl');
  assert.equal(t.tooFew(elsewhereWords(none.elsewhereFrom, t, 'nl').name), 'Op eerdere bezoeken van deze zuil: nog minder dan 5 antwoorden.');
});

test("the hub's figures are the rest of the tour; kept since yesterday, they say when they are from", async () => {
  // Figures the pillar kept yesterday at 14:07, read back as it starts this morning.
  const dir = dataDir();
  writeFileSync(path.join(dir, TOUR_FILE), JSON.stringify({ received: '2026-11-23T13:07Z', tour: figures('venue-test', [NAAM({ 4: 5, 5: 3 })]) }));
  const { app, results } = await kiosk(dir);
  const kept = results('naam-op-cv');
  assert.deepEqual(kept.elsewhere, { total: 8, counts: { 4: 5, 5: 3 } }, "the hub's figures, not this pillar's earlier visit");
  assert.deepEqual(kept.elsewhereFrom, { from: 'tour', asOf: { hour: '2026-11-23T13:00Z', day: 'yesterday' } });
  assert.deepEqual(elsewhereWords(kept.elsewhereFrom, strings('nl'), 'nl'), { name: 'Elders op de tour', sameAsYou: 'elders op de tour koos hetzelfde als jij', asOf: 'Elders op de tour: stand van gisteren 14:00' });
  assert.equal(elsewhereWords(kept.elsewhereFrom, strings('en'), 'en').asOf, 'Elsewhere on the tour: as of yesterday 2:00 PM');
  assert.deepEqual(results('past-in-het-team').elsewhere, { total: null, counts: null }, 'a question the figures do not name has nothing elsewhere that counts');
  // A check-in brings today's.
  app.tour.receive(figures('venue-test', [NAAM({ 4: 6, 5: 3 })]));
  assert.deepEqual(results('naam-op-cv').elsewhereFrom, { from: 'tour', asOf: null });
  assert.equal(results('naam-op-cv').elsewhere.total, 9);
});

test('figures say their hour once they are older than three hours: today, yesterday, or their date', (t) => {
  const received = { received: '2026-11-24T13:07Z', tour: figures('venue-test') };
  // The figures are all there is to read: the pillar's own answers are not.
  const db = new Database(':memory:');
  t.after(() => db.close());
  const said = (now: number, language = 'nl') => {
    const from = restOfTour(db, 'naam-op-cv', 'venue-test', received, now).from;
    return elsewhereWords(from, strings(language), language).asOf;
  };
  assert.equal(said(START + 3 * HOUR), null, 'three hours old: not yet said');
  assert.equal(said(START + 3 * HOUR + 60_000), 'Elders op de tour: stand van vandaag 14:00');
  assert.equal(said(Date.UTC(2026, 10, 24, 22, 59)), 'Elders op de tour: stand van vandaag 14:00', 'till midnight where the pillar stands');
  assert.equal(said(Date.UTC(2026, 10, 24, 23, 1)), 'Elders op de tour: stand van gisteren 14:00');
  assert.equal(said(Date.UTC(2026, 10, 26, 9)), 'Elders op de tour: stand van 24 november 14:00');
  assert.equal(said(Date.UTC(2026, 10, 26, 9), 'de'), 'Anderswo auf der Tour: Stand 24. November, 14:00');
  assert.equal(said(Date.UTC(2026, 10, 26, 9), 'fr'), 'Ailleurs sur la tournée : chiffres du 24 novembre, 14:00');
});

test('the figures are kept in the data folder for the running visit alone: read back and checked at start, dropped when the visit changes', () => {
  const dir = dataDir();
  const logs: string[] = [];
  const log = (level: string, message: string) => void logs.push(`${level} ${message}`);
  const settings = new SettingsStore(dir, log);
  after(() => settings.close());
  const clock = new TestClock({ start: START });
  const file = path.join(dir, TOUR_FILE);
  const kept = new KeptTour(dir, settings, log, clock);
  after(() => kept.close());

  kept.receive(figures('venue-elsewhere', [NAAM({ 1: 5 })]));
  kept.receive(null);
  assert.equal(kept.current(), null, 'figures for another visit (a check-in from before the visit changed), or none, are not kept');
  assert.equal(existsSync(file), false);

  const sent = figures('venue-test', [NAAM({ 1: 5 })]);
  kept.receive(sent);
  assert.deepEqual(kept.current(), { received: '2026-11-24T13:07Z', tour: sent });
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { received: '2026-11-24T13:07Z', tour: sent });
  const again = new KeptTour(dir, settings, log, clock);
  assert.deepEqual(again.current(), kept.current(), 'a restart keeps them');
  again.close();

  // A file that breaks the schema is not shown: it is said, and removed.
  writeFileSync(file, JSON.stringify({ received: '2026-11-24T13:07Z', tour: { ...sent, questions: [{ ...NAAM({ 1: 5 }), total: -1 }] } }));
  const damaged = new KeptTour(dir, settings, log, clock);
  assert.equal(damaged.current(), null);
  damaged.close();
  assert.match(logs.join('\n'), /tour-figures\.json is removed: tour\.questions\[0\]\.total must be null, or a whole number from 1 up, not -1/);
  assert.equal(existsSync(file), false);
  writeFileSync(file, '{"received": "2026-11-24T13:07Z", "tour": ');
  assert.equal(new KeptTour(dir, settings, log, clock).current(), null);
  assert.match(logs.join('\n'), /tour-figures\.json is removed: it is not JSON/);

  kept.receive(sent);
  assert.ok(existsSync(file));
  settings.update({ venueSessionId: 'venue-next' });
  assert.equal(kept.current(), null, 'another visit: its rest of the tour is not the last one');
  assert.equal(existsSync(file), false);
  kept.receive(sent);
  assert.equal(kept.current(), null, 'a late answer for the visit before is not kept');
});
