// The operator's way in: the PIN (kept only as a salted hash, with a doubling lockout) and the
// session the service door or the PIN opens, against the board model behind the real driver.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoardModel } from '../../hardware/board-model.ts';
import { PillarDriver } from '../../hardware/driver.ts';
import { BoardLinkSource } from '../../hardware/memory-link.ts';
import { FIRST_LOCKOUT_MS, hashPin, isPinHash, PinPad } from '../../electron/kiosk/operator/pin.ts';
import { OperatorSession } from '../../electron/kiosk/operator/session.ts';
import { TestClock } from '../helpers/clock.ts';
import { until } from '../helpers/tmp.ts';

test('a PIN is stored as a salted hash, never as itself', () => {
  const a = hashPin('48213');
  const b = hashPin('48213');
  assert.ok(isPinHash(a));
  assert.notEqual(a, b, 'salted: the same PIN hashes differently');
  assert.ok(!a.includes('48213'));
  assert.throws(() => hashPin('1234'), /5 to 12 digits/);
  assert.throws(() => hashPin('12a45'), /5 to 12 digits/);
});

test('wrong PINs lock the pad for 15 s, doubling; a right PIN after the lockout opens and resets', async () => {
  const clock = new TestClock();
  const pad = new PinPad(clock);
  const stored = hashPin('48213');
  assert.deepEqual(pad.try('11111', stored), { ok: false, reason: 'wrong', lockedForMs: FIRST_LOCKOUT_MS });
  assert.deepEqual(pad.try('48213', stored), { ok: false, reason: 'locked', lockedForMs: FIRST_LOCKOUT_MS }, 'even the right PIN waits out the lockout');
  await clock.advance(FIRST_LOCKOUT_MS - 1);
  assert.deepEqual(pad.try('48213', stored), { ok: false, reason: 'locked', lockedForMs: 1 }, 'to the millisecond');
  assert.equal(pad.lockedForMs(), 1);
  await clock.advance(1);
  assert.equal(pad.lockedForMs(), 0);
  assert.deepEqual(pad.try('22222', stored), { ok: false, reason: 'wrong', lockedForMs: 2 * FIRST_LOCKOUT_MS });
  await clock.advance(2 * FIRST_LOCKOUT_MS);
  assert.deepEqual(pad.try('33333', stored), { ok: false, reason: 'wrong', lockedForMs: 4 * FIRST_LOCKOUT_MS });
  await clock.advance(4 * FIRST_LOCKOUT_MS);
  assert.deepEqual(pad.try('48213', stored), { ok: true });
  assert.deepEqual(pad.try('99999', stored), { ok: false, reason: 'wrong', lockedForMs: FIRST_LOCKOUT_MS }, 'the count starts again');
});

test('without a PIN set, the pad opens nothing', () => {
  assert.deepEqual(new PinPad().try('00000', null), { ok: false, reason: 'no-pin', lockedForMs: 0 });
});

test('the operator session: the door opens and closes it; a PIN session ends when the door closes or the operator leaves', async () => {
  const board = new BoardModel();
  const pillar = new PillarDriver(new BoardLinkSource(board), { log: () => {} });
  pillar.start();
  let pin: string | null = hashPin('48213');
  const session = new OperatorSession(pillar, () => pin);
  const changes: boolean[] = [];
  session.onChange((open) => changes.push(open));
  await until(() => pillar.status().link === 'connected', 'the simulated board');
  board.setService(true);
  await until(() => session.open, 'the door session');
  assert.equal(session.state().via, 'door');
  board.setService(false);
  await until(() => !session.open, 'the door closing');
  const opened = session.unlock('48213');
  assert.equal(opened.open, true);
  assert.equal(session.state(opened.key).via, 'pin');
  assert.deepEqual([session.open, session.state().open], [true, false], 'open for the kiosk (answers are set-up taps), but not for a window without the key');
  session.leave();
  assert.equal(session.open, false);
  session.unlock('48213');
  board.setService(true);
  await until(() => session.state().via === 'door', 'the door');
  board.setService(false);
  await until(() => !session.open, 'the door closing, which ends the PIN session too');
  pin = null;
  assert.deepEqual(session.unlock('48213'), { open: false, via: null, pinSet: false, lockedForSeconds: 0, testAnswers: 0, wrong: false, key: null });
  assert.deepEqual(changes, [true, false, true, false, true, false]);
  session.close();
  await pillar.stop();
  board.dispose();
});

test('a PIN session belongs to the window that opened it: only its key is let in, and a window without it ends the session; set-up answers are counted per session', async () => {
  const board = new BoardModel();
  const pillar = new PillarDriver(new BoardLinkSource(board), { log: () => {} });
  pillar.start();
  const session = new OperatorSession(pillar, () => hashPin('48213'));
  await until(() => pillar.status().link === 'connected', 'the simulated board');
  const { key } = session.unlock('48213');
  assert.match(key ?? '', /^[0-9a-f-]{36}$/);
  assert.ok(session.admits(key) && !session.admits(null) && !session.admits('someone-else'), 'only the key of this session');
  assert.equal(session.claim(key).open, true, 'its own window asking changes nothing');
  session.countTestAnswer();
  session.countTestAnswer();
  assert.equal(session.state(key).testAnswers, 2);
  assert.deepEqual(session.claim(undefined), { open: false, via: null, pinSet: true, lockedForSeconds: 0, testAnswers: 0 }, 'a reloaded window, without the key: the session ends');
  assert.ok(!session.admits(key), 'the old key opens nothing any more');
  session.countTestAnswer();
  assert.equal(session.unlock('48213').testAnswers, 0, 'a new session counts from nothing');
  board.setService(true);
  await until(() => session.state().via === 'door', 'the door');
  assert.ok(session.admits(undefined), 'the door lets in any window');
  assert.equal(session.claim(undefined).open, true, 'and a window without the PIN key keeps the door session');
  session.close();
  await pillar.stop();
  board.dispose();
});
