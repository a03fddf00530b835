// The tour's figures the hub answers a check-in with (docs/results-sync-v2.md): for a visit, per
// question, exactly the lecture's rest of the tour (the hub's own visit results of that visit),
// without counts under the floor; kept per visit and worked out again only when answers that
// count arrived at another visit, or a pack record came. A real hub database on disk.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { SyncRecord } from '../../electron/api/sync.ts';
import { TourFiguresCache } from '../../electron/hub/tour-figures.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { visitResults } from '../../electron/results/aggregates.ts';
import { defaultManifest } from '../helpers/packs.ts';
import { tempDir } from '../helpers/tmp.ts';

const manifest = defaultManifest();
const QUESTIONS = (manifest.questions as Array<{ id: string }>).map((q) => q.id);
const [NAAM, PAST, GRAP] = QUESTIONS;
const HERE = '2026-11-24-hva-amsterdam';

const answers = (visit: string, question: string, values: string[], hour = '2026-11-20T10:00Z', suspect: string | null = null): SyncRecord[] =>
  values.map((value) => ({ type: 'answer', id: randomUUID(), pillar_id: 'pillar-1', venue_session_id: visit, pack_id: manifest.id, pack_version: manifest.version, question_id: question, value, language: 'nl', hour, suspect }));

function hub() {
  const store = new HubStore(tempDir());
  store.store([{ type: 'pack', id: manifest.id, version: manifest.version, manifest }], 'pillar-1', 'batch');
  return store;
}

test("a visit's figures are the lecture's rest of the tour for each question of the packs, with no counts under the floor", (t) => {
  const store = hub();
  t.after(() => store.close());
  store.store([
    ...answers(HERE, NAAM, ['1', '2', '2', '3', '5', '5']),
    ...answers('visit-a', NAAM, ['4', '4', '4', '5', '5'], '2026-11-21T09:00Z'),
    // Four at b: under the floor, so b counts nowhere beyond its own, even with a's five beside it.
    ...answers('visit-b', NAAM, ['1', '1', '1', '1'], '2026-11-23T15:00Z'),
    ...answers('visit-a', PAST, ['eerlijk-oordeel', 'eerlijk-oordeel', 'lijkt-op-ons']),
    ...answers('visit-b', GRAP, ['later-apart', 'later-apart', 'later-apart', 'meteen-iets-zeggen', 'meteen-iets-zeggen', 'later-apart'], '2026-11-22T16:00Z'),
    // Suspect answers count nowhere, nor does their hour; nor that of a visit under the floor for every question.
    ...answers('visit-c', GRAP, ['later-apart', 'later-apart', 'later-apart', 'later-apart', 'later-apart'], '2026-11-24T09:00Z', 'too-fast'),
    ...answers('visit-d', PAST, ['lijkt-op-ons', 'lijkt-op-ons'], '2026-11-24T08:00Z'),
  ], 'pillar-1', 'batch');
  const figures = new TourFiguresCache(store.db).for(HERE);
  assert.equal(figures.visit, HERE);
  assert.deepEqual(figures.questions.map((q) => q.question_id), [...QUESTIONS].sort(), 'every question of the pack, answered here or not');
  assert.ok(figures.questions.every((q) => q.pack_id === manifest.id));
  const sent = (id: string) => figures.questions.find((q) => q.question_id === id)!;
  assert.deepEqual(sent(NAAM), { pack_id: manifest.id, question_id: NAAM, total: 5, counts: { 4: 3, 5: 2 } });
  assert.deepEqual(sent(PAST), { pack_id: manifest.id, question_id: PAST, total: null, counts: null }, 'three at a: under the floor, no counts');
  assert.deepEqual(sent(GRAP), { pack_id: manifest.id, question_id: GRAP, total: 6, counts: { 'later-apart': 4, 'meteen-iets-zeggen': 2 } });
  assert.equal(figures.as_of_hour, '2026-11-23T15:00Z', "the newest answer that counts at a visit the figures include (b's, which counts for grap-over-afkomst): not c's suspect ones, nor d's");
  // Exactly what the lecture of this visit shows as the rest of the tour.
  for (const q of visitResults(store.db, HERE).questions) assert.deepEqual({ total: sent(q.id).total, counts: sent(q.id).counts }, q.elsewhere, q.id);
});

test('the figures are kept per visit, and worked out again only when answers that count arrived elsewhere or a pack came', (t) => {
  const store = hub();
  t.after(() => store.close());
  store.store(answers('visit-a', NAAM, ['1', '1', '2', '2', '3']), 'pillar-1', 'batch');
  const cache = new TourFiguresCache(store.db);
  const first = cache.for(HERE);
  assert.equal(cache.for(HERE), first, 'nothing new: the kept figures');
  const elsewhere = cache.for('visit-a');
  assert.deepEqual(elsewhere.questions.find((q) => q.question_id === NAAM)?.counts, null, "visit-a's own answers are not its rest of the tour");

  store.store(answers(HERE, NAAM, ['5', '5', '5', '5', '5']), 'pillar-1', 'batch');
  assert.equal(cache.for(HERE), first, "answers at the visit itself are not in its figures: they stay");
  assert.notEqual(cache.for('visit-a'), elsewhere, 'but they are in the rest of the tour of every other visit');
  store.store(answers('visit-b', NAAM, ['4', '4'], '2026-11-20T10:00Z', 'burst'), 'pillar-1', 'batch');
  assert.equal(cache.for(HERE), first, 'suspect answers change no figure');

  store.store(answers('visit-a', NAAM, ['3']), 'pillar-1', 'batch');
  const after = cache.for(HERE);
  assert.notEqual(after, first);
  assert.equal(after.questions.find((q) => q.question_id === NAAM)?.total, 6);

  const changed = { ...manifest, version: manifest.version + 1, id: 'olifant-extra', questions: [{ ...manifest.questions[0], id: 'nieuwe-vraag' }] };
  store.store([{ type: 'pack', id: changed.id, version: changed.version, manifest: changed }], 'pillar-1', 'batch');
  const withPack = cache.for(HERE);
  assert.notEqual(withPack, after, 'a new pack record: its questions too');
  assert.deepEqual(withPack.questions.find((q) => q.question_id === 'nieuwe-vraag'), { pack_id: 'olifant-extra', question_id: 'nieuwe-vraag', total: null, counts: null });
  // The organiser removes that record, and another pack comes: as many records as before, other questions.
  store.removePack('pillar-1', changed.id, changed.version);
  const other = { ...changed, id: 'olifant-ander', questions: [{ ...manifest.questions[0], id: 'andere-vraag' }] };
  store.store([{ type: 'pack', id: other.id, version: other.version, manifest: other }], 'pillar-1', 'batch');
  assert.deepEqual(cache.for(HERE).questions.filter((q) => q.pack_id !== manifest.id).map((q) => q.question_id), ['andere-vraag']);
});

test('a visit the hub has no answers of yet gets the whole tour that reaches the floor; a hub without answers, questions without counts', (t) => {
  const store = hub();
  t.after(() => store.close());
  const cache = new TourFiguresCache(store.db);
  const empty = cache.for(HERE);
  assert.equal(empty.as_of_hour, null);
  assert.ok(empty.questions.length === QUESTIONS.length && empty.questions.every((q) => q.total === null && q.counts === null));
  store.store([...answers('visit-a', NAAM, ['1', '2', '3', '4', '5']), ...answers('visit-b', NAAM, ['1', '1', '1', '1', '1', '1'])], 'pillar-1', 'batch');
  assert.deepEqual(cache.for('2026-12-01-new-venue').questions.find((q) => q.question_id === NAAM)?.counts, { 1: 7, 2: 1, 3: 1, 4: 1, 5: 1 });
});
