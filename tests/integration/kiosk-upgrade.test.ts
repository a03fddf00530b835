// A pillar upgraded in place answers exactly what it answered before, figure for figure. The
// answer database is made as a kiosk before the tallies made it (its schema, 4 migrations, its
// rows written as it wrote them); tests/fixtures/kiosk-results-schema-4.json holds what the
// kiosk's code before the shared results library (electron/results) answered once it had
// opened that database: every visit's results, the result screen's figures for each question
// at each visit, the counts, the CSV export and what waits for the hub. Made once with that
// code. Today's kiosk opens the database (its migrations run) and must answer the same.

import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { answersCsv } from '../../electron/kiosk/answers/csv.ts';
import { AnswerStore, MIGRATIONS } from '../../electron/kiosk/answers/store.ts';
import { Outbox } from '../../electron/kiosk/sync/outbox.ts';
import { migrate } from '../../electron/platform/sqlite.ts';
import { visitResults } from '../../electron/results/aggregates.ts';
import { resultsAt } from '../../electron/kiosk/tour/rest.ts';
import { defaultManifest } from '../helpers/packs.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fillOlderKiosk, type TourShape } from '../helpers/tour.ts';

const before = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'kiosk-results-schema-4.json'), 'utf8')) as {
  schema: number;
  shape: TourShape;
  visits: Record<string, { results: unknown; screens: Record<string, unknown>; tally: unknown }>;
  csvSha256: string;
  outboxSha256: string;
  waiting: unknown;
};

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

test('a pillar answer database of schema 4, upgraded in place, answers every visit, result screen, count and export figure for figure as before', (t) => {
  const file = path.join(tempDir(), 'answers.sqlite');
  const older = new Database(file);
  migrate(older, MIGRATIONS.slice(0, before.schema), () => new Error('not newer'));
  fillOlderKiosk(older, before.shape);
  older.close();

  const store = new AnswerStore(file);
  t.after(() => store.close());
  assert.equal(store.schemaVersion, MIGRATIONS.length, "migrated to this kiosk's schema");
  const questions = (defaultManifest().questions as Array<{ id: string }>).map((q) => q.id);
  for (const [id, was] of Object.entries(before.visits)) {
    assert.deepEqual(visitResults(store.db, id), was.results, id);
    // The result screen of a pillar that has no figures from a hub: its own earlier visits.
    for (const q of questions) assert.deepEqual(resultsAt(store.db, q, id, null, 0), { ...(was.screens[q] as object), elsewhereFrom: { from: 'pillar' } }, `${id} ${q}`);
    assert.deepEqual(store.tally(id, `${id.slice(0, 10)}T12:00Z`), was.tally, id);
  }
  t.diagnostic(`${Object.keys(before.visits).length} visits compared`);
  assert.equal(sha([...answersCsv(store)].join('')), before.csvSha256, 'the CSV export, byte for byte');
  const outbox = new Outbox(store);
  assert.equal(sha(JSON.stringify(outbox.everything())), before.outboxSha256, 'the records a bundle or the hub gets');
  assert.deepEqual(outbox.waiting(), before.waiting);
});
