// A hub upgraded in place answers exactly what it answered before, figure for figure. The data
// folder is made as the hub before the hub-at-scale change made it (its schema, 7 migrations,
// its rows written as it wrote them); tests/fixtures/hub-results-schema-7.json holds what that
// hub's code answered on it (the tour overview and every visit's results), made once with that
// code. Today's hub opens the folder (its migrations run) and must answer the same, less only
// what the privacy floor keeps back since (shownNow).

import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { migrate } from '../../electron/platform/sqlite.ts';
import { inlineReader } from '../../electron/hub/readers.ts';
import { HubStore, MIGRATIONS } from '../../electron/hub/store.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fillOlderHub, tourBatches, type TourShape } from '../helpers/tour.ts';

type Group = { total: number | null; counts: Record<string, number> | null };
type Visit = { visit: { id: string; answers: number }; questions: Array<{ venue: Group; elsewhere: Group; tour: Group }> };
const recorded = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'hub-results-schema-7.json'), 'utf8')) as {
  schema: number;
  shape: TourShape;
  overview: { visits: Array<{ id: string; answers: number }>; answers: number };
  visits: Record<string, Visit>;
};

/**
 * What that hub answered, less what the privacy floor has kept back since (its answers gave
 * them away): a group under the floor tells nothing, not even its size; a visit's answers are
 * those in its groups that are shown, and the tour's the sum of those.
 */
function shownNow(then: typeof recorded): typeof recorded {
  const group = (g: Group): Group => (g.counts === null ? { total: null, counts: null } : g);
  const visits = Object.fromEntries(
    Object.entries(then.visits).map(([id, results]) => {
      const questions = results.questions.map((q) => ({ ...q, venue: group(q.venue), elsewhere: group(q.elsewhere), tour: group(q.tour) }));
      return [id, { ...results, visit: { ...results.visit, answers: questions.reduce((n, q) => n + (q.venue.total ?? 0), 0) }, questions }];
    }),
  );
  const listed = then.overview.visits.map((v) => ({ ...v, answers: visits[v.id].visit.answers }));
  return { ...then, visits, overview: { ...then.overview, visits: listed, answers: listed.reduce((n, v) => n + v.answers, 0) } };
}
const before = shownNow(recorded);

test('a hub data folder of schema 7, upgraded in place, answers the overview and every visit figure for figure as before, and its summaries stay what its answers add up to', async (t) => {
  const dir = tempDir();
  const older = new Database(path.join(dir, 'hub.sqlite'));
  migrate(older, MIGRATIONS.slice(0, before.schema), () => new Error('not newer'));
  fillOlderHub(older, before.shape);
  older.close();

  const store = new HubStore(dir);
  t.after(() => store.close());
  assert.equal(store.db.pragma('user_version', { simple: true }), MIGRATIONS.length, 'migrated to this hub\'s schema');
  const reader = inlineReader(store.db);
  assert.deepEqual(await reader.run({ read: 'overview' }), { body: before.overview, warnings: [] });
  for (const [id, results] of Object.entries(before.visits)) {
    const answer = await reader.run({ read: 'visit', visit: id });
    // A visit with no answers that count was answered 404 then, and is now.
    if (results.questions.length === 0) assert.equal('refused' in answer && answer.refused.code, 'not-found', id);
    else assert.deepEqual('body' in answer && answer.body, results, id);
  }
  t.diagnostic(`${Object.keys(before.visits).length} visits compared`);

  // From then on the summaries are kept per batch: whatever comes (new answers, resent ones,
  // suspect ones, another seed's tour), they are what the answers themselves add up to.
  for (const batch of tourBatches({ ...before.shape, seed: before.shape.seed + 1 })) store.store(batch.records, batch.pillarId, 'batch');
  for (const batch of tourBatches(before.shape)) {
    const outcome = store.store(batch.records, batch.pillarId, 'batch');
    assert.equal(outcome.stored, 0, 'all resent');
  }
  const rows = (sql: string) => store.db.prepare(sql).all();
  assert.deepEqual(
    rows('SELECT question_id, venue_session_id, value, n FROM tallies ORDER BY 1, 2, 3'),
    rows('SELECT question_id, venue_session_id, value, COUNT(*) AS n FROM answers WHERE suspect IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'),
  );
  assert.deepEqual(
    rows('SELECT * FROM visit_sources ORDER BY 1, 2, 3, 4'),
    rows(`SELECT venue_session_id, pillar_id, pack_id, pack_version, COUNT(*) FILTER (WHERE suspect IS NULL) AS answers,
            MIN(hour) FILTER (WHERE suspect IS NULL) AS first_hour, MAX(hour) FILTER (WHERE suspect IS NULL) AS last_hour
          FROM answers GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`),
  );
});
