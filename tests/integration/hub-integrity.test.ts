// What a pillar's token may claim on the hub, and who may call the hub at all: a pack record
// is checked as a pack on a stick is and counts only for the answers of the pillar that sent
// it; a visit is named only by the pillars whose answers it holds; requests for another
// name than the hub's (DNS rebinding) and changes from another site are refused. The hub's
// HTTP side is built in-process on a real SQLite file (app.inject); the rebinding case also
// goes to a real `olifant hub` process over loopback.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { visitResults } from '../../electron/results/aggregates.ts';
import { migrate } from '../../electron/platform/sqlite.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore, MIGRATIONS } from '../../electron/hub/store.ts';
import { addPillar, hubCommand, startHubProcess, stopProcess } from '../helpers/hub.ts';
import { defaultManifest } from '../helpers/packs.ts';
import { tempDir } from '../helpers/tmp.ts';

const VISIT = '2026-11-24-hva-amsterdam';
const REAL_PROMPT = defaultManifest().questions.find((q: { id: string }) => q.id === 'naam-op-cv').prompt.nl as string;

const answers = (pillar: string, n: number, venue = VISIT) =>
  Array.from({ length: n }, (_, i) => ({
    type: 'answer', id: randomUUID(), pillar_id: pillar, venue_session_id: venue, pack_id: 'olifant-tour', pack_version: 1,
    question_id: 'naam-op-cv', value: String(1 + (i % 5)), language: 'nl', hour: '2026-11-24T13:00Z', suspect: null,
  }));
const venue = (pillar: string, name: string, revision: number) => ({ type: 'venue', id: VISIT, pillar_id: pillar, name, started_hour: '2026-11-24T08:00Z', ended_hour: null, revision });
const pack = (manifest: Record<string, unknown>) => ({ type: 'pack', id: manifest.id, version: manifest.version, manifest });

function hub(t: { after: (fn: () => void) => void }) {
  const store = new HubStore(tempDir());
  t.after(() => store.close());
  const pillars = new Pillars(store);
  const app = buildHub(store, pillars);
  const tokens = { a: pillars.add('pillar-a'), b: pillars.add('pillar-b') };
  const push = async (token: string, pillar: string, records: unknown[]) =>
    app.inject({ method: 'POST', url: '/v1/batches', headers: { authorization: `Bearer ${token}` }, payload: { pillar_id: pillar, records } });
  const get = (url: string) => app.inject({ method: 'GET', url, remoteAddress: '127.0.0.1' });
  return { store, app, tokens, push, get };
}

test("a pack record from another pillar never changes a visit's question texts, whatever its id or version", async (t) => {
  const { store, tokens, push, get } = hub(t);
  assert.equal((await push(tokens.a, 'pillar-a', [pack(defaultManifest()), venue('pillar-a', 'HvA', 1), ...answers('pillar-a', 6)])).statusCode, 200);
  // Pillar b, token in hand: a pack of another id with the highest version there is, and the same pack id and version.
  const hacked = (id: string, version: number) => {
    const m = defaultManifest();
    m.id = id;
    m.version = version;
    m.questions.find((q: { id: string }) => q.id === 'naam-op-cv').prompt.nl = 'Hacked question text';
    return m;
  };
  const sent = await push(tokens.b, 'pillar-b', [pack(hacked('zzz', Number.MAX_SAFE_INTEGER)), pack(hacked('olifant-tour', 1))]);
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal((store.db.prepare("SELECT COUNT(*) AS n FROM packs WHERE pillar_id = 'pillar-b'").get() as { n: number }).n, 2, "kept as pillar b's own");

  const results = JSON.parse((await get(`/v1/lecture/visits/${VISIT}`)).body);
  assert.equal(results.questions[0].prompt.nl, REAL_PROMPT);
  for (const file of ['lecture.csv', 'lecture.xlsx', 'lecture.pptx', 'questions/naam-op-cv/chart.svg']) {
    const response = await get(`/v1/lecture/visits/${VISIT}/${file}`);
    assert.equal(response.statusCode, 200, file);
    assert.ok(!response.rawPayload.includes('Hacked'), `${file} shows only pillar a's texts`);
  }
  // Pillar b's own answers, given under its own pack, show its own texts.
  await push(tokens.b, 'pillar-b', answers('pillar-b', 5, 'elsewhere'));
  assert.equal(JSON.parse((await get('/v1/lecture/visits/elsewhere')).body).questions[0].prompt.nl, 'Hacked question text');
});

test('a pack record that breaks content-pack.md is refused with the rule, and nothing of its batch is stored', async (t) => {
  const { store, tokens, push } = hub(t);
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ id: 'olifant-tour', version: 1, manifest: { questions: [null] } }, /records\[3\]\.manifest is not a valid pack \(content-pack\.md\): pack\.json: the manifest is missing "format"/],
    [{ id: 'olifant-tour', version: 1, manifest: { ...defaultManifest(), questions: [null] } }, /questions\[0\] must be an object/],
    [{ id: 'olifant-tour', version: 2, manifest: defaultManifest() }, /is pack olifant-tour version 2, but its manifest is olifant-tour version 1/],
    [{ id: 'olifant-tour', version: 1, manifest: { ...defaultManifest(), title: { nl: 'x'.repeat(300 * 1024) } } }, /at most 262144 are allowed/],
  ];
  for (const [record, reason] of cases) {
    const refused = await push(tokens.a, 'pillar-a', [...answers('pillar-a', 3), { type: 'pack', ...record }]);
    assert.equal(refused.statusCode, 400);
    assert.match(JSON.parse(refused.body).error, reason);
  }
  assert.equal(store.answerCount(), 0);
  assert.equal((store.db.prepare('SELECT COUNT(*) AS n FROM packs').get() as { n: number }).n, 0);
});

test("an older hub's data folder: its packs go to the pillars whose answers use them, a malformed one is skipped and said, never a 500", async (t) => {
  const dir = tempDir();
  // The hub's database as the hub before this change left it (its migrations are frozen).
  const old = new Database(path.join(dir, 'hub.sqlite'));
  migrate(old, MIGRATIONS.slice(0, 5), () => new Error('newer'));
  const insert = old.prepare('INSERT INTO answers (id, pillar_id, venue_session_id, pack_id, pack_version, question_id, value, language, hour, suspect) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  // The visit "broken" was answered under version 9, whose stored manifest is malformed.
  for (const a of [...answers('pillar-a', 6), ...answers('pillar-a', 5, 'broken').map((b) => ({ ...b, pack_version: 9 }))]) {
    insert.run(a.id, a.pillar_id, a.venue_session_id, a.pack_id, a.pack_version, a.question_id, a.value, a.language, a.hour, a.suspect);
  }
  const packs = old.prepare('INSERT INTO packs (id, version, manifest) VALUES (?, ?, ?)');
  packs.run('olifant-tour', 1, JSON.stringify(defaultManifest()));
  packs.run('olifant-tour', 9, JSON.stringify({ questions: [null] }));
  packs.run('nobody-uses', 3, JSON.stringify({ ...defaultManifest(), id: 'nobody-uses', version: 3 }));
  old.close();

  const store = new HubStore(dir);
  t.after(() => store.close());
  assert.deepEqual(store.packs().map((p) => [p.pillar_id, p.id, p.version]), [['', 'nobody-uses', 3], ['pillar-a', 'olifant-tour', 1], ['pillar-a', 'olifant-tour', 9]]);
  assert.equal(visitResults(store.db, VISIT).questions[0].prompt.nl, REAL_PROMPT);
  const said: string[] = [];
  const broken = visitResults(store.db, 'broken', (m) => said.push(m));
  assert.deepEqual([broken.visit.answers, broken.questions[0].prompt.nl], [5, 'naam-op-cv'], 'the figures, with the question id for its text');
  assert.match(said[0], /pack olifant-tour version 9 is skipped in the results of broken: its stored manifest is not a valid pack/);

  const app = buildHub(store, new Pillars(store));
  for (const url of ['/v1/lecture/overview', '/v1/lecture/visits/broken', '/v1/lecture/visits/broken/lecture.pptx', '/v1/lecture/visits/broken/lecture.xlsx', '/v1/lecture/visits/broken/lecture.csv', '/v1/lecture/visits/broken/questions/naam-op-cv/chart.svg']) {
    assert.equal((await app.inject({ method: 'GET', url, remoteAddress: '127.0.0.1' })).statusCode, 200, url);
  }
});

test('the organiser lists pack records and removes one', (t) => {
  const dir = tempDir();
  const store = new HubStore(dir);
  store.store([pack(defaultManifest()) as never], 'pillar-a', 'batch');
  store.close();
  const listed = hubCommand(dir, 'packs');
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /^pillar-a\tolifant-tour\t1\t6 question\(s\): naam-op-cv, /m);
  const removed = hubCommand(dir, 'remove-pack', 'pillar-a', 'olifant-tour', '1');
  assert.equal(removed.status, 0, removed.stderr);
  assert.match(removed.stdout, /pack record olifant-tour version 1 of pillar-a is removed/);
  assert.equal(hubCommand(dir, 'packs').stdout, '');
  const again = hubCommand(dir, 'remove-pack', 'pillar-a', 'olifant-tour', '1');
  assert.equal(again.status, 1);
  assert.match(again.stderr, /has no pack record olifant-tour version 1; `olifant hub packs` lists them/);
  const logged = new HubStore(dir);
  t.after(() => logged.close());
  assert.match(logged.events().at(-1)!.detail, /pack record olifant-tour version 1 removed by the organiser/);
});

test("one pillar's venue record never renames a visit that others' answers make", async (t) => {
  const { tokens, push, get } = hub(t);
  await push(tokens.a, 'pillar-a', [venue('pillar-a', 'Hogeschool van Amsterdam', 1), ...answers('pillar-a', 6)]);
  await push(tokens.b, 'pillar-b', [venue('pillar-b', 'Injected', 99)]);
  const name = async () => JSON.parse((await get(`/v1/lecture/visits/${VISIT}`)).body).visit as { name: string; pillars: string[] };
  assert.deepEqual(await name(), { ...(await name()), name: 'Hogeschool van Amsterdam', pillars: ['pillar-a'] }, 'no answers there: no say in it');
  await push(tokens.b, 'pillar-b', answers('pillar-b', 2));
  assert.deepEqual([(await name()).name, (await name()).pillars], ['Hogeschool van Amsterdam', ['pillar-a', 'pillar-b']], 'the pillar with the most answers there names it');
  const overview = JSON.parse((await get('/v1/lecture/overview')).body) as { visits: Array<{ id: string; name: string }> };
  assert.equal(overview.visits.find((v) => v.id === VISIT)?.name, 'Hogeschool van Amsterdam');
});

test('requests for a name that is not the hub\'s are refused (DNS rebinding); changes from another site too', async (t) => {
  const { store, tokens, app } = hub(t);
  const ask = (headers: Record<string, string>, method = 'GET', url = '/v1/lecture/overview', payload?: unknown) => app.inject({ method: method as 'GET', url, remoteAddress: '127.0.0.1', headers, payload: payload as string });
  const rebound = await ask({ host: 'attacker.example:8750' });
  assert.equal(rebound.statusCode, 421);
  assert.match(JSON.parse(rebound.body).error, /this hub does not answer to "attacker\.example".*--public-host attacker\.example/);
  assert.equal((await ask({ host: 'attacker.example' }, 'POST', '/v1/bundles?trust-new-pillar=1', Buffer.from('x'))).statusCode, 421);
  for (const host of ['127.0.0.1:8750', 'localhost:8750', '[::1]:8750', 'LOCALHOST']) assert.equal((await ask({ host })).statusCode, 200, host);
  assert.equal((await ask({ host: 'evil@127.0.0.1' })).statusCode, 421, 'not a host name at all');

  const batch = { pillar_id: 'pillar-a', records: answers('pillar-a', 1) };
  const crossSite: Array<Record<string, string>> = [{ origin: 'http://attacker.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }];
  for (const headers of crossSite) {
    const refused = await ask({ host: '127.0.0.1:8750', authorization: `Bearer ${tokens.a}`, 'content-type': 'application/json', ...headers }, 'POST', '/v1/batches', batch);
    assert.equal(refused.statusCode, 403, JSON.stringify(headers));
    assert.match(JSON.parse(refused.body).error, /another site.*refused, nothing was changed/);
  }
  assert.equal(store.answerCount(), 0);
  const sameSite = await ask({ host: '127.0.0.1:8750', origin: 'http://127.0.0.1:8750', 'sec-fetch-site': 'same-origin', authorization: `Bearer ${tokens.a}`, 'content-type': 'application/json' }, 'POST', '/v1/batches', batch);
  assert.equal(sameSite.statusCode, 200, 'the hub\'s own page, and pillars (no Origin), are served');

  const named = buildHub(store, new Pillars(store), { publicHosts: ['hub.tour.example'] });
  assert.equal((await named.inject({ method: 'GET', url: '/v1/lecture/overview', remoteAddress: '127.0.0.1', headers: { host: 'hub.tour.example' } })).statusCode, 200, 'a name the organiser gave');
});

test('a real hub process refuses a rebound name over loopback and serves its own', async (t) => {
  const dir = tempDir();
  addPillar(dir, 'pillar-a');
  const { url, child } = await startHubProcess(dir);
  t.after(() => stopProcess(child));
  const status = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${url}/v1/lecture/overview`, { headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  assert.equal(await status(`attacker.example:${new URL(url).port}`), 421);
  assert.equal(await status(new URL(url).host), 200);
  // The hub's structured log, in its data folder.
  const lines = readFileSync(path.join(dir, 'hub.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { level: number; host?: string; msg: string });
  assert.ok(lines.some((l) => l.level === 40 && l.host === 'attacker.example' && /refused requests for a name that is not this hub's \(421\)/.test(l.msg)), JSON.stringify(lines));
});
