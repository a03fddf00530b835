// The lecturer's reads run on reader threads with their own read-only connections, so that
// none holds up a pillar's batch, and each has a deadline: a read that hangs is answered 503
// with a time to try again, and its thread is ended. The threads are real (worker_threads on
// a real SQLite file); where a read must hang, a test double of the reader thread that never
// answers stands in for it (tests/helpers/stuck-reader.ts).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HubHealth } from '../../electron/api/organiser.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { inlineReader, ReaderPool } from '../../electron/hub/readers.ts';
import type { ReadJob } from '../../electron/hub/reads.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { tempDir, until } from '../helpers/tmp.ts';
import { tourBatches, tourVisitIds, type TourShape } from '../helpers/tour.ts';

const SHAPE: TourShape = { seed: 11, pillars: 2, visits: 6, answers: 1200 };
const STUCK = new URL('../helpers/stuck-reader.ts', import.meta.url);

function filledHub(t: { after: (fn: () => void) => void }) {
  const store = new HubStore(tempDir());
  t.after(() => store.close());
  const pillars = new Pillars(store);
  const tokens = new Map<string, string>();
  for (const batch of tourBatches(SHAPE)) {
    if (!tokens.has(batch.pillarId)) tokens.set(batch.pillarId, pillars.add(batch.pillarId));
    store.store(batch.records, batch.pillarId, 'batch');
  }
  return { store, pillars, tokens };
}

test('a read that hangs holds up no batch; at its deadline it is answered 503 with a time to try again, and its thread is ended', async (t) => {
  const { store, pillars, tokens } = filledHub(t);
  const [pillarId, token] = [...tokens][0];
  const batch = (id: string) => ({ type: 'answer', id, pillar_id: pillarId, venue_session_id: 'visit-now', pack_id: 'olifant-tour', pack_version: 1, question_id: 'naam-op-cv', value: '3', language: 'nl', hour: '2026-11-24T13:00Z', suspect: null });
  const overview = (app: ReturnType<typeof buildHub>) => app.inject({ method: 'GET', url: '/v1/lecture/overview', remoteAddress: '127.0.0.1' });

  // No deadline within reach: the read hangs for as long as the test likes.
  const stuck = new ReaderPool({ file: store.file, threads: 1, workerUrl: STUCK });
  const patient = buildHub(store, pillars, { reader: stuck, deadlines: { read: 600_000 } });
  let settled = false;
  const pending = overview(patient).then((r) => ((settled = true), r));
  await until(() => stuck.size === 1, 'the read to reach its thread');
  const sent = await patient.inject({ method: 'POST', url: '/v1/batches', headers: { authorization: `Bearer ${token}` }, payload: { pillar_id: pillarId, records: [batch('0f0e0d0c-0b0a-4909-8807-060504030201')] } });
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal(settled, false, 'the batch was answered while the read was still running');
  await patient.close();
  const closing = await pending;
  assert.equal(closing.statusCode, 503, 'a read left when the hub stops is answered too');
  assert.match(JSON.parse(closing.body).error, /the hub is stopping; try again in 5 seconds/);

  // A deadline of 300 ms: the hanging read is answered 503, its thread ended, the next read gets a new one.
  const pool = new ReaderPool({ file: store.file, threads: 1, workerUrl: STUCK });
  const hurried = buildHub(store, pillars, { reader: pool, deadlines: { read: 300 } });
  t.after(() => hurried.close());
  const late = await overview(hurried);
  assert.equal(late.statusCode, 503);
  assert.equal(late.headers['retry-after'], '5');
  assert.match(JSON.parse(late.body).error, /^the hub is busy and could not answer within 0.3 seconds; try again in 5 seconds$/);
  await until(() => pool.size === 0, 'the stuck thread to be ended');
  const next = overview(hurried);
  await until(() => pool.size === 1, 'a new thread for the next read');
  assert.equal((await next).statusCode, 503);
});

test("reader threads answer figure for figure what the hub's own connection answers", async (t) => {
  const { store } = filledHub(t);
  const pool = new ReaderPool({ file: store.file, threads: 2 });
  t.after(() => pool.close());
  const inline = inlineReader(store.db);
  const visits = tourVisitIds(SHAPE).slice(0, 3);
  const jobs: ReadJob[] = [
    { read: 'overview' },
    ...visits.map((visit): ReadJob => ({ read: 'visit', visit })),
    { read: 'visit', visit: 'no-such-visit' },
    { read: 'file', visit: visits[0], format: 'csv', language: 'nl' },
    { read: 'chart', visit: visits[1], question: 'no-such-question', language: 'nl', image: 'png' },
    { read: 'chart', visit: visits[1], question: 'naam-op-cv', language: 'en', image: 'svg' },
  ];
  // At once, more than there are threads: they queue, and each comes back to its own request.
  const threaded = await Promise.all(jobs.map((job) => pool.run(job)));
  for (const [i, job] of jobs.entries()) {
    const expected = await inline.run(job);
    const got = threaded[i];
    assert.deepEqual('body' in got ? { ...got, body: Buffer.isBuffer(got.body) ? got.body.toString('utf8') : got.body } : got, expected, JSON.stringify(job));
  }
  const pptx = await pool.run({ read: 'file', visit: visits[0], format: 'pptx', language: 'nl' });
  assert.ok('body' in pptx && Buffer.isBuffer(pptx.body) && pptx.body.subarray(0, 2).toString() === 'PK', 'a file comes back as its bytes');
  assert.ok(pool.size <= 2);
});

test("the hub's health, on its own machine only: how late its event loop ran since the last look, its memory, its reader threads", async (t) => {
  const { store, pillars } = filledHub(t);
  const app = buildHub(store, pillars, { reader: new ReaderPool({ file: store.file, threads: 2 }) });
  t.after(() => app.close());
  assert.equal((await app.inject({ method: 'GET', url: '/v1/lecture/overview', remoteAddress: '127.0.0.1' })).statusCode, 200);
  const health = await app.inject({ method: 'GET', url: '/v1/hub/health', remoteAddress: '127.0.0.1' });
  assert.equal(health.statusCode, 200);
  const body = JSON.parse(health.body) as HubHealth;
  assert.deepEqual(Object.keys(body.eventLoopDelayMs), ['p50', 'p99', 'max']);
  assert.ok(body.eventLoopDelayMs.p99 <= body.eventLoopDelayMs.max);
  assert.ok(body.residentBytes > 10 * 1024 * 1024);
  assert.equal(body.readerThreads, 1, 'one read so far: one thread started');
  assert.equal((await app.inject({ method: 'GET', url: '/v1/hub/health', remoteAddress: '10.1.2.3' })).statusCode, 403);
});
