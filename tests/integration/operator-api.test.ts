// The operator's API over HTTP, as the service screen and scripts use it: refused until the
// door is open or the PIN accepted, enforced in the service; set-up answers marked "test";
// the PIN kept only as a hash, set by `olifant operator pin`.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { countAnswers } from '../../electron/results/aggregates.ts';
import { hashPin } from '../../electron/kiosk/operator/pin.ts';
import { CLI } from '../helpers/cli.ts';
import { TestClock } from '../helpers/clock.ts';
import { startKiosk, type TestKiosk } from '../helpers/kiosk.ts';
import { dataDir, until } from '../helpers/tmp.ts';

type Reply = { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };

const call = async (url: string, route: string, body?: unknown): Promise<{ status: number; reply: Reply }> => {
  const response = await fetch(`${url}api/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body) });
  return { status: response.status, reply: (await response.json()) as Reply };
};
const operator = (url: string, method: string, body?: unknown) => call(url, `operator/${method}`, body);

const answer = (kiosk: TestKiosk) =>
  call(kiosk.url, 'submitAnswer', { answerId: randomUUID(), questionId: 'naam-op-cv', value: '3', language: 'nl', shownMs: 5000 });

test('every operator method but session, windowOpened, unlock and leave is refused until the service door opens; closing it refuses them again', async () => {
  const kiosk = await startKiosk();
  const board = kiosk.app.board!;
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the simulated board');
  for (const method of ['overview', 'testDispense', 'testLed', 'rescanPillar', 'startVenue', 'installStickPack', 'rollbackPack']) {
    const { status, reply } = await operator(kiosk.url, method, { slot: 1, name: 'X', confirmRollback: true });
    assert.equal(status, 403, method);
    assert.equal(reply.error?.code, 'forbidden');
  }
  assert.equal((await call(kiosk.url, 'overview')).status, 400, "the student's path does not know operator methods");
  assert.deepEqual((await operator(kiosk.url, 'session')).reply.value, { open: false, via: null, pinSet: false, lockedForSeconds: 0, testAnswers: 0 });

  board.setService(true);
  await until(async () => (await operator(kiosk.url, 'overview')).status === 200, 'the door session');
  const { reply } = await operator(kiosk.url, 'overview');
  const overview = reply.value as { session: { via: string }; pillar: { stacks: Array<{ slot: number; questionId: string | null }> } };
  assert.equal(overview.session.via, 'door');
  assert.deepEqual(overview.pillar.stacks.find((s) => s.slot === 1)?.questionId, 'naam-op-cv', 'each stack names the question whose cards belong in it');
  const dispensed = await operator(kiosk.url, 'testDispense', { slot: 2 });
  assert.deepEqual(dispensed.reply.value, { ok: true, text: null });
  assert.equal((await operator(kiosk.url, 'testDispense', { slot: 9 })).status, 400);

  board.setService(false);
  await until(async () => (await operator(kiosk.url, 'overview')).status === 403, 'the door closing');
});

test('answers while the operator is in are set-up taps: stored, marked "test", and never counted', async () => {
  const kiosk = await startKiosk();
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the simulated board');
  await answer(kiosk);
  kiosk.app.board!.setService(true);
  await until(() => kiosk.app.operatorSession.open, 'the door session');
  await answer(kiosk);
  kiosk.app.board!.setService(false);
  await until(() => !kiosk.app.operatorSession.open, 'the door closing');
  await answer(kiosk);
  assert.deepEqual([...kiosk.app.store.all()].map((a) => a.suspect).sort(), [null, null, 'test']);
  assert.equal(countAnswers(kiosk.app.store.db, 'naam-op-cv', { venue: 'venue-test' }).total, 2);
});

test('a PIN session is its window\'s: calls without its key are refused, and a window loading without it (a reload) ends it', async () => {
  const kiosk = await startKiosk({ settings: { operatorPin: hashPin('48213') } });
  const { key } = (await operator(kiosk.url, 'unlock', { pin: '48213' })).reply.value as { key: string };
  assert.equal((await operator(kiosk.url, 'overview', { sessionKey: key })).status, 200);
  assert.equal((await operator(kiosk.url, 'overview')).status, 403, 'another window, or a script, without the key');
  assert.equal((await operator(kiosk.url, 'testDispense', { slot: 1, sessionKey: 'made-up' })).status, 403);
  assert.equal(((await operator(kiosk.url, 'windowOpened', { sessionKey: key })).reply.value as { open: boolean }).open, true, 'its own page loading again changes nothing');
  assert.equal(((await operator(kiosk.url, 'session')).reply.value as { open: boolean }).open, false, 'not open for a window without the key...');
  assert.equal(kiosk.app.operatorSession.open, true, '...and asking changes nothing');
  await answer(kiosk);
  const counted = (await operator(kiosk.url, 'overview', { sessionKey: key })).reply.value as { session: { testAnswers: number } };
  assert.equal(counted.session.testAnswers, 1, 'the service screen is told how many answers count as test');
  assert.equal(((await operator(kiosk.url, 'windowOpened')).reply.value as { open: boolean }).open, false, 'a reloaded window starts at the PIN pad');
  assert.equal(kiosk.app.operatorSession.open, false, 'and the session is over: answers count again');
  assert.equal((await operator(kiosk.url, 'overview', { sessionKey: key })).status, 403);
});

test('the PIN pad: a wrong PIN locks it for 15 s, the right one after that opens a session, leave ends it', async () => {
  // The lockout is waited out on a clock the test moves, however long the machine takes between two requests.
  const clock = new TestClock();
  const kiosk = await startKiosk({ settings: { operatorPin: hashPin('48213') }, clock });
  const wrong = await operator(kiosk.url, 'unlock', { pin: '11111' });
  assert.deepEqual(wrong.reply.value, { open: false, via: null, pinSet: true, lockedForSeconds: 15, testAnswers: 0, wrong: true, key: null });
  await clock.advance(14_000);
  const early = await operator(kiosk.url, 'unlock', { pin: '48213' });
  assert.equal((early.reply.value as { open: boolean }).open, false, 'the right PIN waits out the lockout');
  assert.equal((await operator(kiosk.url, 'overview')).status, 403);
  assert.equal((await operator(kiosk.url, 'unlock', { pin: 48213 })).status, 400);
  await clock.advance(1000);
  const opened = await operator(kiosk.url, 'unlock', { pin: '48213' });
  const { key } = opened.reply.value as { open: boolean; key: string };
  assert.equal((opened.reply.value as { open: boolean }).open, true, 'after 15 s the right PIN opens a session');
  assert.equal((await operator(kiosk.url, 'overview', { sessionKey: key })).status, 200);
  await operator(kiosk.url, 'leave');
  assert.equal((await operator(kiosk.url, 'overview', { sessionKey: key })).status, 403, 'leave ends it');
});

test('`olifant operator pin` keeps only a salted hash in settings.json; a running kiosk takes it; --clear removes it', async () => {
  const dir = dataDir();
  const kiosk = await startKiosk({ dataDir: dir });
  const run = (args: string[], input: string) => spawnSync(process.execPath, [CLI, 'operator', 'pin', ...args, '--data-dir', dir], { input, encoding: 'utf8', timeout: 30_000 });
  const short = run([], '1234\n');
  assert.equal(short.status, 1);
  assert.match(short.stderr, /5 to 12 digits/);
  const set = run([], '48213\n');
  assert.equal(set.status, 0, set.stderr);
  const settings = readFileSync(path.join(dir, 'settings.json'), 'utf8');
  assert.ok(!settings.includes('48213'), 'the PIN itself is never written');
  assert.match(settings, /"operatorPin": "scrypt\$/);
  await until(async () => ((await operator(kiosk.url, 'session')).reply.value as { pinSet: boolean }).pinSet, 'the kiosk taking the PIN');
  const opened = await operator(kiosk.url, 'unlock', { pin: '48213' });
  const { key, ...state } = opened.reply.value as { key: string };
  assert.deepEqual(state, { open: true, via: 'pin', pinSet: true, lockedForSeconds: 0, testAnswers: 0, wrong: false });
  assert.equal((await operator(kiosk.url, 'overview', { sessionKey: key })).status, 200);
  await operator(kiosk.url, 'leave');
  assert.equal((await operator(kiosk.url, 'overview', { sessionKey: key })).status, 403);
  assert.equal(run(['--clear'], '').status, 0);
  await until(async () => !((await operator(kiosk.url, 'session')).reply.value as { pinSet: boolean }).pinSet, 'the kiosk dropping the PIN');
});
