// The hub's doors beyond its records: a lecturer's sign-in link survives being opened, previewed
// and clicked from a mail (only its button's POST spends it), and the organiser lists and ends
// sessions; behind a proxy only the named proxy may say who the client is; a damaged database
// is never opened; every 500 is logged with its route and answered in that route's words. The
// hub's HTTP side runs in-process on a real SQLite file (app.inject); the damaged database
// also goes to the real `olifant hub` command, whose exit code is what is tested.

import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import { Lecturers, SESSION_COOKIE } from '../../electron/hub/lecturers.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { FailureBrake } from '../../electron/hub/brake.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { DamagedHubDatabaseError, HubStore } from '../../electron/hub/store.ts';
import { TestClock } from '../helpers/clock.ts';
import { hubCommand } from '../helpers/hub.ts';
import { tempDir } from '../helpers/tmp.ts';

const answers = (pillar: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    type: 'answer' as const, id: randomUUID(), pillar_id: pillar, venue_session_id: '2026-11-24-hva', pack_id: 'olifant-tour', pack_version: 1,
    question_id: 'naam-op-cv', value: String(1 + (i % 5)), language: 'nl', hour: '2026-11-24T13:00Z', suspect: null,
  }));

/** A hub beyond this machine (here: behind a proxy at 10.0.0.5), on a real SQLite file, its log lines kept. */
function farHub(t: { after: (fn: () => void) => void }, options: { brake?: FailureBrake; clock?: TestClock } = {}) {
  const dir = tempDir();
  const store = new HubStore(dir);
  t.after(() => store.close());
  const logged: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, new Writable({ write: (line, _encoding, done) => { logged.push(JSON.parse(String(line))); done(); } }));
  const pillars = new Pillars(store);
  const app = buildHub(store, pillars, { behindProxy: ['10.0.0.5'], log, ...options });
  return { dir, store, pillars, app, logged };
}

test('a sign-in link is spent only by its button: opening it, a HEAD or a preview leaves it whole; the organiser lists and ends sessions', async (t) => {
  const { dir, store, app } = farHub(t);
  const lecturers = new Lecturers(store);
  const token = lecturers.add('Dr. Jansen');
  const ask = (method: 'GET' | 'HEAD' | 'POST', url: string, headers: Record<string, string> = {}, payload?: string) =>
    app.inject({ method, url, remoteAddress: '10.0.0.5', headers: { host: '127.0.0.1:8750', 'x-forwarded-for': '203.0.113.7', ...headers }, payload });

  for (const method of ['HEAD', 'GET', 'GET'] as const) {
    const opened = await ask(method, `/signin?token=${token}`, { 'sec-fetch-site': 'cross-site' });
    assert.equal(opened.statusCode, 200, method);
    assert.equal(opened.headers['set-cookie'], undefined, `${method}: no session yet`);
  }
  const page = await ask('GET', `/signin?token=${token}`);
  assert.match(page.body, /<form method="post" action="\/signin"><input type="hidden" name="token" value="[\w-]{43}"><button type="submit">Aanmelden \/ Sign in<\/button><\/form>/);
  assert.match(page.headers['content-security-policy'] as string, /form-action 'self'/);
  assert.equal(page.headers['referrer-policy'], 'same-origin', 'the link (its token) is never sent to another site; the form still says its origin');

  const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:8750', 'sec-fetch-site': 'same-origin' };
  assert.equal((await ask('POST', '/signin', { ...form, origin: 'http://attacker.example', 'sec-fetch-site': 'cross-site' }, `token=${token}`)).statusCode, 403, 'not from another site');
  const signedIn = await ask('POST', '/signin', form, `token=${token}`);
  assert.equal(signedIn.statusCode, 303);
  assert.equal(signedIn.headers.location, '/presenter/');
  const cookie = signedIn.cookies.find((c) => c.name === SESSION_COOKIE)!;
  assert.deepEqual([cookie.httpOnly, cookie.sameSite, cookie.secure], [true, 'Strict', true]);
  assert.equal((await ask('POST', '/signin', form, `token=${token}`)).statusCode, 401, 'a link signs in once');
  assert.equal((await ask('GET', `/signin?token=${token}`)).statusCode, 401, 'and then says it was used');
  assert.equal((await ask('GET', '/signin?token=%00')).statusCode, 401);
  const overview = () => ask('GET', '/v1/lecture/overview', { cookie: `${SESSION_COOKIE}=${cookie.value}` });
  assert.equal((await overview()).statusCode, 200);

  const spare = lecturers.add('Dr. de Vries');
  const listed = hubCommand(dir, 'lecturers');
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /^1\tDr\. Jansen\tsince \d{4}-\d\d-\d\dT\d\d:00Z\t1 signed in\t0 unused link\(s\)\n2\tDr\. de Vries\tsince .*\t0 signed in\t1 unused link\(s\)\n$/);
  const ended = hubCommand(dir, 'end-sessions', '1');
  assert.equal(ended.status, 0, ended.stderr);
  assert.match(ended.stdout, /lecturer 1 is signed out \(1 session\(s\) ended\)/);
  assert.equal((await overview()).statusCode, 401, 'the session is over');
  assert.equal(lecturers.linkValid(spare), true, "another lecturer's link is untouched");
  assert.equal(lecturers.end(2), 0);
  assert.equal(lecturers.linkValid(spare), false, 'ending a lecturer ends their unused links too');
  const unknown = hubCommand(dir, 'end-sessions', '9');
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /there is no lecturer number 9; `olifant hub lecturers` lists them/);
});

test('behind a proxy only the named proxy may say who the client is: a rotated X-Forwarded-For from anyone else is the sender itself', async (t) => {
  const seen: string[] = [];
  class Recording extends FailureBrake {
    override delayFor(address: string): number {
      seen.push(address);
      return super.delayFor(address);
    }
  }
  const { app } = farHub(t, { brake: new Recording() });
  const refused = (remoteAddress: string, forwarded: string) =>
    app.inject({ method: 'POST', url: '/v1/batches', remoteAddress, headers: { host: '127.0.0.1:8750', authorization: 'Bearer not-a-token-at-all', 'x-forwarded-for': forwarded }, payload: { pillar_id: 'pillar-a', records: [] } });
  assert.equal((await refused('10.0.0.5', '203.0.113.7')).statusCode, 401);
  assert.equal((await refused('198.51.100.9', '203.0.113.8')).statusCode, 401);
  assert.equal((await refused('198.51.100.9', '203.0.113.9, 10.0.0.5')).statusCode, 401);
  assert.deepEqual(seen, ['203.0.113.7', '198.51.100.9', '198.51.100.9']);
});

test("a refused token's answer is held back by the brake's delay, on the hub's clock: the fourth refusal from one address comes 250 ms later, the eighth 4 s later", async (t) => {
  const clock = new TestClock();
  const { app } = farHub(t, { clock });
  const refusal = () => {
    const answer = { at: null as number | null, status: 0 };
    void app
      .inject({ method: 'POST', url: '/v1/batches', remoteAddress: '10.0.0.5', headers: { host: '127.0.0.1:8750', authorization: 'Bearer not-a-token-at-all', 'x-forwarded-for': '203.0.113.7' }, payload: { pillar_id: 'pillar-a', records: [] } })
      .then((response) => Object.assign(answer, { at: clock.now(), status: response.statusCode }));
    return answer;
  };
  const held = async (expectedMs: number) => {
    const asked = clock.now();
    const answer = refusal();
    await clock.runUntil(() => answer.at !== null, 'the refusal', expectedMs);
    assert.deepEqual([answer.status, answer.at! - asked], [401, expectedMs]);
  };
  for (const ms of [0, 0, 0, 250, 500, 1000, 2000, 4000]) await held(ms);
});

test('a damaged hub database is not opened: the hub says which file and what to do, and writes nothing into it', (t) => {
  const dir = tempDir();
  const store = new HubStore(dir);
  const pillars = new Pillars(store);
  pillars.add('pillar-a');
  store.store(answers('pillar-a', 3000), 'pillar-a', 'batch');
  store.close();
  const file = path.join(dir, 'hub.sqlite');
  // 8 KiB overwritten in the middle of the file, as a failing disk or a torn copy leaves it.
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(file).size / 2 / 4096) * 4096);
  closeSync(fd);
  const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex');
  const before = digest();

  assert.throws(() => new HubStore(dir), (e: Error) => e instanceof DamagedHubDatabaseError && e.message.includes(file) && /is damaged .*nothing was written to it\. Restore the data folder from a backup/.test(e.message));
  const started = hubCommand(dir, '--port', '0');
  assert.equal(started.status, 1, started.stdout);
  assert.match(started.stderr, /^olifant: the hub's database .*hub\.sqlite is damaged \(.*\); nothing was written to it\..*importing each pillar's newest results bundle/s);
  assert.equal(digest(), before, 'the damaged file is as it was');
  t.diagnostic('the hub refused the damaged database and left it unchanged');
});

test("a lecture route's path and query are checked by their schemas: a bad one is refused (400) with the field and the rule in words, once the lecturer is known", async (t) => {
  const { store, app } = farHub(t);
  const lecturers = new Lecturers(store);
  const session = lecturers.redeem(lecturers.add('Dr. Jansen'))!;
  const ask = (url: string, cookie = `${SESSION_COOKIE}=${session}`) => app.inject({ method: 'GET', url, remoteAddress: '10.0.0.5', headers: { host: '127.0.0.1:8750', 'x-forwarded-for': '203.0.113.7', cookie } });
  const refused = async (url: string, status: number, error: string) => {
    const answer = await ask(url);
    assert.deepEqual([answer.statusCode, answer.json()], [status, { error }], url);
  };
  await refused('/v1/lecture/visits/2026-11-24-hva/lecture.doc', 400, 'format must be "pptx", "xlsx", "csv" or "zip", not "doc"');
  await refused('/v1/lecture/visits/2026-11-24-hva/lecture.pptx?language=es', 400, 'language must be "nl", "en", "de" or "fr", not "es"');
  await refused('/v1/lecture/visits/2026-11-24-hva/questions/naam-op-cv/chart.gif', 400, 'image must be "svg" or "png", not "gif"');
  await refused('/v1/lecture/visits/2026-11-24-hva/questions/naam%20op%20cv/chart.svg', 400, 'question must be a question id: 1 to 80 letters, digits, dashes, underscores or dots, not "naam op cv"');
  await refused('/v1/lecture/visits/hva%3Cscript%3E', 400, 'id must be a venue visit id: 1 to 80 letters, digits, dashes, underscores or dots, not "hva<script>"');
  // Well-formed, but not there: the read says so.
  await refused('/v1/lecture/visits/2026-11-24-hva', 404, 'no answers of venue visit 2026-11-24-hva');
  await refused('/v1/lecture/visits/2026-11-24-hva/questions/naam-op-cv/chart.svg?language=en', 404, 'no answers to naam-op-cv at 2026-11-24-hva');
  // Someone who is no lecturer learns nothing of the rules: they are sent to sign in first.
  const stranger = await ask('/v1/lecture/visits/2026-11-24-hva/lecture.doc', '');
  assert.equal(stranger.statusCode, 401);
  assert.match(stranger.headers['content-type'] as string, /^text\/html/);
});

test('every 500 is logged with its method and route (never its URL) and answered in its route\'s words; a NUL in a path is a 404', async (t) => {
  const { store, pillars, app, logged } = farHub(t);
  const token = pillars.add('pillar-a');
  const local = (method: 'GET' | 'POST', url: string, extra: { headers?: Record<string, string>; payload?: unknown } = {}) =>
    app.inject({ method, url, remoteAddress: '127.0.0.1', headers: { host: '127.0.0.1:8750', ...extra.headers }, payload: extra.payload as string });
  const nul = await app.inject({ method: 'GET', url: '/presenter/%00', remoteAddress: '127.0.0.1', headers: { host: '127.0.0.1:8750', cookie: `${SESSION_COOKIE}=${new Lecturers(store).redeem(new Lecturers(store).add('x'))}` } });
  assert.equal(nul.statusCode, 404);

  assert.equal((await local('POST', '/v1/batches', { headers: { authorization: `Bearer ${token}` }, payload: { pillar_id: 'pillar-a', records: answers('pillar-a', 5) } })).statusCode, 200);
  // A table the hub needs is gone (as in a database an outside tool damaged): reads and writes fail.
  store.db.exec('DROP TABLE visit_sources');
  const lecturer = new Lecturers(store);
  const session = lecturer.redeem(lecturer.add('Dr. Jansen'))!;
  const overview = await local('GET', '/v1/lecture/overview', { headers: { cookie: `${SESSION_COOKIE}=${session}` } });
  assert.equal(overview.statusCode, 500);
  assert.match(JSON.parse(overview.body).error, /^the hub could not read the results just now; try again/);
  const batch = await local('POST', '/v1/batches', { headers: { authorization: `Bearer ${token}` }, payload: { pillar_id: 'pillar-a', records: answers('pillar-a', 1) } });
  assert.equal(batch.statusCode, 500);
  assert.equal(JSON.parse(batch.body).error, 'the hub could not store the batch; send it again later');
  assert.equal(store.answerCount(), 5, 'nothing of the batch is stored');
  // A sign-in link's token is in its URL: a failure there never writes it down.
  const link = lecturer.add('Dr. de Vries');
  store.db.exec('DROP TABLE signin_links');
  const signIn = await local('GET', `/signin?token=${link}`);
  assert.equal(signIn.statusCode, 500);
  assert.match(JSON.parse(signIn.body).error, /^the hub could not sign you in just now/);

  const errors = logged.filter((line) => line.level === 50);
  assert.deepEqual(errors.map((line) => [line.method, line.route]), [['GET', '/v1/lecture/overview'], ['POST', '/v1/batches'], ['GET', '/signin']]);
  for (const line of errors) {
    assert.match(String((line.err as { message: string }).message), /no such table: (main\.)?(visit_sources|signin_links)/);
    assert.match(String(line.msg), /^answered 500: /);
    for (const secret of [session, token, link]) assert.equal(JSON.stringify(line).includes(secret), false, 'no cookie, token or link in the log');
  }
});

test('the fleet view is for the organiser and signed-in lecturers: the page and GET /v2/fleet with a session, its import only on the hub\'s machine', async (t) => {
  const { store, pillars, app } = farHub(t);
  pillars.add('pillar-a');
  const session = new Lecturers(store).redeem(new Lecturers(store).add('Dr. Jansen'))!;
  const far = (url: string, cookie?: string) =>
    app.inject({ method: 'GET', url, remoteAddress: '10.0.0.5', headers: { host: '127.0.0.1:8750', 'x-forwarded-for': '203.0.113.7', ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}) } });
  assert.equal((await far('/v2/fleet')).statusCode, 401, 'not signed in: the sign-in notice');
  assert.equal((await far('/')).statusCode, 403);
  const fleet = await far('/v2/fleet', session);
  assert.equal(fleet.statusCode, 200);
  assert.deepEqual([fleet.json().pillars.map((p: { id: string }) => p.id), fleet.json().onHubMachine], [['pillar-a'], false], 'behind a proxy no one is on the hub\'s machine: no import');
  assert.notEqual((await far('/', session)).statusCode, 403, 'the page opens for a signed-in lecturer');
  const upload = await app.inject({ method: 'POST', url: '/v2/health-files', remoteAddress: '10.0.0.5', headers: { host: '127.0.0.1:8750', 'content-type': 'application/octet-stream', cookie: `${SESSION_COOKIE}=${session}` }, payload: 'x' });
  assert.equal(upload.statusCode, 403, 'a health file is imported only on the hub\'s machine');
});
