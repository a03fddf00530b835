// The quiet moment a pack offered by a hub waits for (electron/kiosk/packs/quiet.ts): the
// pillar quiet without a break for QUIET_MS on the kiosk's clock, which the test drives.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QUIET_MS, QuietMoment, type QuietSource } from '../../electron/kiosk/packs/quiet.ts';
import { TestClock } from '../helpers/clock.ts';

/** A pillar whose quiet the test sets (the student service in the kiosk). */
function pillar(quiet: boolean) {
  const listeners = new Set<(quiet: boolean) => void>();
  const source: QuietSource = { quiet: () => quiet, onQuietChange: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
  return { source, set: (now: boolean) => ((quiet = now), listeners.forEach((l) => l(now))), listeners };
}

test('armed, it fires once the pillar has been quiet for QUIET_MS without a break; a break starts the wait again', async () => {
  const clock = new TestClock();
  const at = pillar(false);
  let fired = 0;
  const moment = new QuietMoment(at.source, clock, () => fired++);
  moment.arm();
  await clock.advance(10 * QUIET_MS);
  assert.equal(fired, 0, 'never while someone is there');
  at.set(true);
  await clock.advance(QUIET_MS - 1);
  at.set(false);
  at.set(true);
  await clock.advance(QUIET_MS - 1);
  assert.equal(fired, 0, 'a break starts the wait again');
  await clock.advance(1);
  assert.equal(fired, 1);
  await clock.advance(10 * QUIET_MS);
  assert.equal(fired, 1, 'once per arm');
  moment.close();
  assert.equal(at.listeners.size, 0);
});

test('armed after a long quiet it fires at once, unless fresh (after a try that failed): then the quiet must last from now; disarmed, never', async () => {
  const clock = new TestClock();
  const at = pillar(true);
  let fired = 0;
  const moment = new QuietMoment(at.source, clock, () => fired++);
  await clock.advance(2 * QUIET_MS);
  moment.arm();
  await clock.advance(0);
  assert.equal(fired, 1, 'quiet long enough already');
  moment.arm(true);
  await clock.advance(QUIET_MS - 1);
  assert.equal(fired, 1, 'a fresh wait: not at once');
  await clock.advance(1);
  assert.equal(fired, 2);
  moment.arm();
  moment.disarm();
  await clock.advance(10 * QUIET_MS);
  assert.equal(fired, 2);
  assert.equal(clock.pending, 0, 'no timer left behind');
  moment.close();
});
