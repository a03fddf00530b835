// Venue visits: ids from the date and the name, stored with their hours and revisions in the
// real SQLite file, the running one written to settings; counts leave set-up taps out.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { test } from 'node:test';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import type { Answer } from '../../electron/results/records.ts';
import { SettingsStore } from '../../electron/kiosk/settings/settings.ts';
import { VenueVisits, visitId } from '../../electron/kiosk/venues/visits.ts';
import { TestClock } from '../helpers/clock.ts';
import { dataDir } from '../helpers/tmp.ts';

const at = (local: string) => new Date(local);

test('a visit id is the local date and the name without accents or marks; a name without letters is refused', () => {
  assert.equal(visitId('Hogeschool van Amsterdam', at('2026-11-24T09:30')), '2026-11-24-hogeschool-van-amsterdam');
  assert.equal(visitId('  Hogeschool Utrecht — Café  ', at('2026-11-24T23:59')), '2026-11-24-hogeschool-utrecht-cafe');
  assert.equal(visitId("Fontys 's-Hertogenbosch", at('2026-01-02T00:00')), '2026-01-02-fontys-s-hertogenbosch');
  const long = visitId('Universiteit '.repeat(5) + 'van Twente', at('2026-11-24T10:00'));
  assert.ok(long.length <= 80 && !long.endsWith('-'), long);
  assert.throws(() => visitId('—!?', at('2026-11-24T10:00')), /at least one letter or digit/);
  assert.throws(() => visitId('   ', at('2026-11-24T10:00')), /^VenueNameError: The venue's name must be a name of 1 to 80 letters, digits, spaces and punctuation, not ""\.$/);
  assert.throws(() => visitId('x'.repeat(81), at('2026-11-24T10:00')), /The venue's name is 81 characters; at most 80 are allowed\./);
  assert.throws(() => visitId('HvA\u0007', at('2026-11-24T10:00')), /letters, digits, spaces and punctuation/);
});

function setUp(start: string) {
  const dir = dataDir({ venueSessionId: 'venue-not-set' });
  const clock = new TestClock({ start: at(start).getTime() });
  const settings = new SettingsStore(dir, () => {});
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  const visits = new VenueVisits(store, settings, clock);
  /** The clock moves on to that local time. */
  const moveTo = (local: string) => clock.advance(at(local).getTime() - clock.now());
  return { settings, store, visits, clock, moveTo, close: () => (store.close(), settings.close()) };
}

test('starting a visit ends the running one (a new revision), the same name the same day takes it up again, and the settings follow', async () => {
  const { settings, store, visits, moveTo, close } = setUp('2026-11-24T09:10');
  assert.equal(visits.current(), null, 'no visit before the crew starts one');
  const hva = visits.start('HvA Amsterdam');
  assert.equal(settings.current().venueSessionId, hva.id);
  await moveTo('2026-11-24T14:20');
  const uva = visits.start('UvA');
  const ended = store.venue(hva.id, 'pillar-test')!;
  assert.deepEqual([ended.ended_hour, ended.revision], [new Date('2026-11-24T14:00').toISOString().slice(0, 13) + ':00Z', 2]);
  assert.equal(visits.current()?.id, uva.id);
  await moveTo('2026-11-24T16:00');
  const again = visits.start('HvA Amsterdam');
  assert.equal(again.id, hva.id);
  assert.deepEqual([store.venue(hva.id, 'pillar-test')!.ended_hour, store.venue(hva.id, 'pillar-test')!.revision], [null, 3]);
  assert.equal(store.venue(uva.id, 'pillar-test')!.revision, 2);
  assert.deepEqual(visits.recentNames(5).sort(), ['HvA Amsterdam', 'UvA']);
  assert.deepEqual(visits.list().map((v) => v.id).sort(), [hva.id, uva.id].sort());
  close();
});

test('a venue id in settings the database does not know becomes a visit from its first answer; counts leave set-up taps out', () => {
  const { settings, store, visits, clock, close } = setUp('2026-11-24T15:00');
  const answer = (over: Partial<Answer>) =>
    store.insert({ id: randomUUID(), pillar_id: 'pillar-test', venue_session_id: 'oude-locatie', pack_id: 'p', pack_version: 1, question_id: 'q', value: '1', language: 'nl', hour: '2026-11-20T10:00Z', suspect: null, ...over });
  answer({});
  answer({ hour: '2026-11-20T08:00Z' });
  answer({ suspect: 'test' });
  answer({ venue_session_id: 'x', hour: new Date(clock.now()).toISOString().slice(0, 13) + ':00Z', suspect: 'too-fast' });
  settings.update({ venueSessionId: 'oude-locatie' });
  visits.reconcile();
  assert.deepEqual(store.venue('oude-locatie', 'pillar-test'), { id: 'oude-locatie', pillar_id: 'pillar-test', name: 'oude-locatie', started_hour: '2026-11-20T08:00Z', ended_hour: null, revision: 1 });
  visits.reconcile();
  assert.equal(store.venues().length, 1, 'once');
  assert.deepEqual(visits.counts(), { visit: 2, today: 1, all: 3 });
  close();
});
