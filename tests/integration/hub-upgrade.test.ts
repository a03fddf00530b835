// A hub upgraded in place answers exactly what it answered before, figure for figure. The data
// folder is made as the hub before the hub-at-scale change made it (its schema, 7 migrations,
// its rows written as it wrote them); tests/fixtures/hub-results-schema-7.json holds what that
// hub's code answered on it (the tour overview and every visit's results), made once with that
// code. Today's hub opens the folder (its migrations run) and must answer the same, less only
// what the privacy floor keeps back since (shownNow): groups under the floor, and a pillar's
// part of a visit's group that is under the floor itself (counted from the answers).

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
type Visit = { visit: { id: string; answers: number }; questions: Array<{ id: string; venue: Group; elsewhere: Group; tour: Group; difference: number | null }> };
const recorded = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'hub-results-schema-7.json'), 'utf8')) as {
  schema: number;
  shape: TourShape;
  overview: { visits: Array<{ id: string; answers: number }>; answers: number };
  visits: Record<string, Visit>;
};

type Counts = Record<string, number>;
/** Per question and visit (`question\nvisit`), its answers per value: all (as that hub counted them) and the pillars' parts that reach the floor (as this hub does). */
type Parts = Map<string, { all: Counts; shown: Counts }>;

/** From the answers themselves: each visit's answers to each question, all of them and those of the pillars' parts of 5 or more. */
function partsOf(db: Database.Database): Parts {
  const rows = db.prepare('SELECT question_id, venue_session_id, pillar_id, value, COUNT(*) AS n FROM answers WHERE suspect IS NULL GROUP BY 1, 2, 3, 4').all() as Array<{ question_id: string; venue_session_id: string; pillar_id: string; value: string; n: number }>;
  const partSize = new Map<string, number>();
  for (const r of rows) partSize.set(`${r.question_id}\n${r.venue_session_id}\n${r.pillar_id}`, (partSize.get(`${r.question_id}\n${r.venue_session_id}\n${r.pillar_id}`) ?? 0) + r.n);
  const parts: Parts = new Map();
  for (const r of rows) {
    const key = `${r.question_id}\n${r.venue_session_id}`;
    const part = parts.get(key) ?? { all: {}, shown: {} };
    parts.set(key, part);
    part.all[r.value] = (part.all[r.value] ?? 0) + r.n;
    if (partSize.get(`${key}\n${r.pillar_id}`)! >= 5) part.shown[r.value] = (part.shown[r.value] ?? 0) + r.n;
  }
  return parts;
}

const sum = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);
/** A shown group less answers per value, floored again (a value none is left of goes). */
function less(g: Group, minus: Counts[]): Group {
  if (g.counts === null) return { total: null, counts: null };
  const counts = { ...g.counts };
  for (const m of minus) for (const [v, n] of Object.entries(m)) counts[v] -= n;
  for (const [v, n] of Object.entries(counts)) if (n === 0) delete counts[v];
  return sum(counts) >= 5 ? { total: sum(counts), counts } : { total: null, counts: null };
}
/** Of a visit's answers to a question, what no longer counts beyond the visit: its parts under the floor, or all of it once it no longer reaches the floor. */
function dropped(part: { all: Counts; shown: Counts } | undefined): Counts {
  if (!part || sum(part.all) < 5) return {};
  const stays = sum(part.shown) >= 5 ? part.shown : {};
  return Object.fromEntries(Object.entries(part.all).map(([v, n]) => [v, n - (stays[v] ?? 0)]));
}
const shares = (g: Group) => (g.counts ? Object.fromEntries(Object.entries(g.counts).map(([v, n]) => [v, n / g.total!])) : null);
function difference(a: Group, b: Group): number | null {
  const [x, y] = [shares(a), shares(b)];
  if (!x || !y) return null;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].reduce((d, v) => d + Math.abs((x[v] ?? 0) - (y[v] ?? 0)), 0) / 2;
}

/**
 * What that hub answered, less what the privacy floor has kept back since (its answers gave
 * them away): a group under the floor tells nothing, not even its size; a visit's answers are
 * those in its groups that are shown, and the tour's the sum of those; a pillar's part of a
 * visit's group under the floor (two pillars at one visit) is not counted, at the visit nor
 * beyond it, and a visit that no longer reaches the floor without it counts nowhere else.
 */
function shownNow(then: typeof recorded, parts: Parts): typeof recorded {
  const ids = Object.keys(then.visits);
  const visits = Object.fromEntries(
    Object.entries(then.visits).map(([id, results]) => {
      const questions = results.questions.map((q) => {
        const part = parts.get(`${q.id}\n${id}`);
        const venue = less(q.venue, part ? [Object.fromEntries(Object.entries(part.all).map(([v, n]) => [v, n - (part.shown[v] ?? 0)]))] : []);
        const elsewhere = less(q.elsewhere, ids.filter((other) => other !== id).map((other) => dropped(parts.get(`${q.id}\n${other}`))));
        const tour = less(q.tour, ids.map((other) => dropped(parts.get(`${q.id}\n${other}`))));
        return { ...q, venue, elsewhere, tour, difference: difference(venue, elsewhere) };
      });
      return [id, { ...results, visit: { ...results.visit, answers: questions.reduce((n, q) => n + (q.venue.total ?? 0), 0) }, questions }];
    }),
  );
  const listed = then.overview.visits.map((v) => ({ ...v, answers: visits[v.id].visit.answers }));
  return { ...then, visits, overview: { ...then.overview, visits: listed, answers: listed.reduce((n, v) => n + v.answers, 0) } };
}

test('a hub data folder of schema 7, upgraded in place, answers the overview and every visit figure for figure as before, and its summaries stay what its answers add up to', async (t) => {
  const dir = tempDir();
  const older = new Database(path.join(dir, 'hub.sqlite'));
  migrate(older, MIGRATIONS.slice(0, recorded.schema), () => new Error('not newer'));
  fillOlderHub(older, recorded.shape);
  older.close();

  const store = new HubStore(dir);
  t.after(() => store.close());
  assert.equal(store.db.pragma('user_version', { simple: true }), MIGRATIONS.length, 'migrated to this hub\'s schema');
  const parts = partsOf(store.db);
  const hidden = [...parts.values()].filter((p) => sum(p.all) !== sum(p.shown)).length;
  t.diagnostic(`${hidden} of ${parts.size} visits' questions have a pillar's part under the floor`);
  assert.ok(hidden > 0, 'the tour has parts under the floor that this hub no longer counts');
  const before = shownNow(recorded, parts);
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
    rows('SELECT question_id, venue_session_id, pillar_id, value, n FROM part_tallies ORDER BY 1, 2, 3, 4'),
    rows('SELECT question_id, venue_session_id, pillar_id, value, COUNT(*) AS n FROM answers WHERE suspect IS NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4'),
  );
  // A part counts where it reaches the floor itself, else as 0.
  assert.deepEqual(
    rows('SELECT question_id, venue_session_id, value, n FROM shown_tallies ORDER BY 1, 2, 3'),
    rows(`SELECT question_id, venue_session_id, value, SUM(iif(part >= 5, n, 0)) AS n FROM (
            SELECT question_id, venue_session_id, value, COUNT(*) AS n, SUM(COUNT(*)) OVER (PARTITION BY question_id, venue_session_id, pillar_id) AS part
            FROM answers WHERE suspect IS NULL GROUP BY question_id, venue_session_id, pillar_id, value)
          GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
  );
  assert.deepEqual(
    rows('SELECT * FROM visit_sources ORDER BY 1, 2, 3, 4'),
    rows(`SELECT venue_session_id, pillar_id, pack_id, pack_version, COUNT(*) FILTER (WHERE suspect IS NULL) AS answers,
            MIN(hour) FILTER (WHERE suspect IS NULL) AS first_hour, MAX(hour) FILTER (WHERE suspect IS NULL) AS last_hour
          FROM answers GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`),
  );
});
