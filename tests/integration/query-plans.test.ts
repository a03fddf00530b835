// Every request path is served by an index or a summary: no statement the hub runs for a
// request, and none the kiosk runs for its result screen, reads the whole of a table that
// grows with the answers. The statements are not listed by hand: every statement run on this
// thread while each of the hub's routes is asked (a route the table below does not ask fails
// the test) is recorded, and its plan read with EXPLAIN QUERY PLAN on the same real SQLite
// file. The reads run on this thread (an inline reader); a bundle is imported on a thread of
// its own, through the same intake as a batch, whose statements are recorded here.

import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import path from 'node:path';
import { test } from 'node:test';
import { resultsAt } from '../../electron/kiosk/tour/rest.ts';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import { Lecturers, SESSION_COOKIE } from '../../electron/hub/lecturers.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { inlineReader } from '../../electron/hub/readers.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { TourFiguresCache } from '../../electron/hub/tour-figures.ts';
import { Offers } from '../../electron/hub/offers.ts';
import { buildPack, zipOf } from '../helpers/packs.ts';
import { tempDir } from '../helpers/tmp.ts';
import { tourBatches, tourVisitIds, type TourShape } from '../helpers/tour.ts';

/** Tables that grow with every answer or batch: never read whole on a request path. */
const GROWING = ['answers', 'tallies', 'part_tallies', 'shown_tallies', 'events', 'health_history'];
const SHAPE: TourShape = { seed: 7, pillars: 3, visits: 12, answers: 3000 };

/** Records every statement run on any connection of this process, with its connection and the values it was first run with. */
function recordStatements(): { seen: Map<string, { db: Database.Database; args: unknown[] }>; on: (yes: boolean) => void } {
  const seen = new Map<string, { db: Database.Database; args: unknown[] }>();
  let recording = false;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    const db = this;
    const statement = prepare.call(db, sql) as Database.Statement;
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = function (this: Database.Statement, ...args: unknown[]) {
        if (recording && !seen.has(sql)) seen.set(sql, { db, args });
        return original.apply(this, args);
      };
    }
    return statement;
  } as typeof prepare;
  return { seen, on: (yes) => (recording = yes) };
}

const scansOfGrowing = (db: Database.Database, sql: string, args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>)
    .map((row) => row.detail)
    .filter((detail) => GROWING.some((table) => new RegExp(`^SCAN ${table}\\b`).test(detail)));

test("no statement of a hub's request, nor of the kiosk's result screen, reads a table that grows with the answers whole", async (t) => {
  const { seen, on } = recordStatements();
  const dir = tempDir();
  const store = new HubStore(dir);
  t.after(() => store.close());
  const pillars = new Pillars(store);
  const tokens = new Map<string, string>();
  for (const batch of tourBatches(SHAPE)) if (!tokens.has(batch.pillarId)) tokens.set(batch.pillarId, pillars.add(batch.pillarId));
  const routes: string[] = [];
  const app = buildHub(store, pillars, { reader: inlineReader(store.db) });
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });
  await app.ready();
  const session = new Lecturers(store).redeem(new Lecturers(store).add('Dr. Jansen'))!;
  const signIn = new Lecturers(store).add('Dr. de Vries');
  const visit = tourVisitIds(SHAPE)[1];

  on(true);
  let batches = 0;
  for (const batch of tourBatches(SHAPE)) {
    const sent = await app.inject({ method: 'POST', url: '/v1/batches', headers: { authorization: `Bearer ${tokens.get(batch.pillarId)}` }, payload: { pillar_id: batch.pillarId, records: batch.records } });
    assert.equal(sent.statusCode, 200, sent.body);
    batches++;
  }
  t.diagnostic(`${batches} batches of a tour of ${SHAPE.answers} answers over ${SHAPE.visits} visits`);
  const local = { remoteAddress: '127.0.0.1', headers: { cookie: `${SESSION_COOKIE}=${session}` } };
  // A pack offered to a pillar: its check-ins, its files, and the organiser's list of offers.
  const [pillarId, token] = [...tokens][0];
  const { offers: [{ offerId }] } = await new Offers(store).publish(buildPack((m) => (m.version = 2)).dir, [pillarId], (id) => pillars.get(id));
  const bearer = { authorization: `Bearer ${token}` };
  const done = async (asking: Promise<{ statusCode: number; body: string }>) => {
    const answer = await asking;
    assert.equal(answer.statusCode, 200, answer.body);
    return answer;
  };
  // Each route, asked as its users ask it.
  const asked: Record<string, () => Promise<{ statusCode: number }>> = {
    'POST /v1/batches': async () => ({ statusCode: 200 }),
    'GET /': () => app.inject({ method: 'GET', url: '/', ...local }),
    'GET /hub.css': () => app.inject({ method: 'GET', url: '/hub.css', ...local }),
    'GET /signin': () => app.inject({ method: 'GET', url: `/signin?token=${signIn}`, remoteAddress: '10.1.2.3' }),
    'POST /signin': () => app.inject({ method: 'POST', url: '/signin', remoteAddress: '10.1.2.3', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${signIn}` }),
    'GET /v1/lecture/overview': () => app.inject({ method: 'GET', url: '/v1/lecture/overview', remoteAddress: '10.1.2.3', headers: local.headers }),
    'GET /v1/lecture/visits/:id': () => app.inject({ method: 'GET', url: `/v1/lecture/visits/${visit}`, ...local }),
    'GET /v1/lecture/visits/:id/lecture.:format': async () => {
      for (const format of ['pptx', 'xlsx', 'zip']) assert.equal((await app.inject({ method: 'GET', url: `/v1/lecture/visits/${visit}/lecture.${format}`, ...local })).statusCode, 200);
      return app.inject({ method: 'GET', url: `/v1/lecture/visits/${visit}/lecture.csv`, ...local });
    },
    'GET /v1/lecture/visits/:id/questions/:question/chart.:image': async () => {
      assert.equal((await app.inject({ method: 'GET', url: `/v1/lecture/visits/${visit}/questions/naam-op-cv/chart.png`, ...local })).statusCode, 200);
      return app.inject({ method: 'GET', url: `/v1/lecture/visits/${visit}/questions/naam-op-cv/chart.svg`, ...local });
    },
    'GET /v1/hub/health': () => app.inject({ method: 'GET', url: '/v1/hub/health', remoteAddress: '127.0.0.1' }),
    'GET /presenter/*': () => app.inject({ method: 'GET', url: '/presenter/', ...local }),
    'GET /assets/*': () => app.inject({ method: 'GET', url: '/assets/none.js', ...local }),
    'POST /v2/check-in': () => done(app.inject({ method: 'POST', url: '/v2/check-in', headers: bearer, payload: {
      pillar_id: pillarId, visit: visit, offers: [{ offer_id: offerId, state: 'waiting', reason: null }],
      health: { type: 'health', pillar_id: pillarId, clock: '2026-11-24T13:07Z', app_version: '1.4.0', pack: null, dispenser: 'ok', cards_left: null, last_answer_hour: null, disk_free_mb: 1, uptime_minutes: 1, errors: {} },
    } })),
    'GET /v2/offers/:offerId/files/*': () => done(app.inject({ method: 'GET', url: `/v2/offers/${offerId}/files/pack.json`, headers: bearer })),
    'GET /v2/offers': () => app.inject({ method: 'GET', url: '/v2/offers', remoteAddress: '127.0.0.1' }),
    'POST /v2/packs': () => done(app.inject({ method: 'POST', url: `/v2/packs?to=${pillarId}`, headers: { 'content-type': 'application/octet-stream' }, payload: zipOf(buildPack((m) => (m.version = 3)).dir), remoteAddress: '127.0.0.1' })),
    'GET /v2/fleet': () => app.inject({ method: 'GET', url: '/v2/fleet', ...local }),
    'POST /v2/health-files': () => app.inject({ method: 'POST', url: '/v2/health-files', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('{"format":"olifant-health/1"}\n'), remoteAddress: '127.0.0.1' }),
    'POST /v1/bundles': () => app.inject({ method: 'POST', url: '/v1/bundles', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('{"format":"olifant-results/1"}\n'), remoteAddress: '127.0.0.1' }),
  };
  assert.deepEqual(routes.filter((r) => !(r in asked)), [], 'every route of the hub is asked here: add the new one to the table');
  for (const [route, ask] of Object.entries(asked)) assert.ok([200, 303, 400, 404].includes((await ask()).statusCode), route);
  // The tour's figures a check-in is answered with, worked out afresh (tour-figures.ts).
  assert.ok(new TourFiguresCache(store.db).for(visit).questions.some((q) => q.counts !== null), 'figures with counts');

  // The kiosk's result screen, on a pillar's own database with the same answers.
  const kiosk = new AnswerStore(path.join(tempDir(), 'answers.sqlite'));
  t.after(() => kiosk.close());
  on(false);
  kiosk.transaction(() => {
    for (const batch of tourBatches(SHAPE)) for (const r of batch.records) if (r.type === 'answer') kiosk.insert(r);
  });
  on(true);
  resultsAt(kiosk.db, 'naam-op-cv', visit, null, 0);
  on(false);

  const queries = [...seen].filter(([sql]) => /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(sql));
  t.diagnostic(`${queries.length} statements checked`);
  assert.ok(queries.length > 15, 'the statements were recorded');
  const full = queries.flatMap(([sql, { db, args }]) => scansOfGrowing(db, sql, args).map((scan) => `${scan}: ${sql.replace(/\s+/g, ' ')}`));
  assert.deepEqual(full, [], 'statements that read a growing table whole');
});
