// The clock every timer of the product reads (time/clock.ts), and the one the tests drive
// (tests/helpers/clock.ts): a driven clock must fire what is due, in order, at its time, and
// nothing else, or every test built on it proves nothing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { systemClock, wait } from '../../time/clock.ts';
import { TestClock } from '../helpers/clock.ts';

/** A paused clock, and timers for it that write down their name and the clock's time when they fire. */
function recording(start: number) {
  const clock = new TestClock({ start });
  const fired: string[] = [];
  return { clock, fired, at: (name: string) => () => void fired.push(`${name}@${clock.now()}`) };
}

test('a paused test clock stands still; moved on, it fires what falls due in order, each at its own time', async () => {
  const { clock, fired, at } = recording(1000);
  clock.setTimeout(at('b'), 20);
  clock.setTimeout(at('a'), 10);
  clock.setTimeout(at('a2'), 10);
  const tick = clock.setInterval(at('tick'), 15);
  const never = clock.setTimeout(at('never'), 5);
  clock.clear(never);
  clock.clear(null);
  assert.equal(clock.now(), 1000);
  await clock.advance(9);
  assert.deepEqual(fired, []);
  await clock.advance(26);
  assert.deepEqual(fired, ['a@1010', 'a2@1010', 'tick@1015', 'b@1020', 'tick@1030']);
  assert.equal(clock.now(), 1035, 'the clock ends where it was moved to');
  clock.clear(tick);
  await clock.advance(100);
  assert.equal(fired.length, 5, 'a cleared interval fires no more');
  assert.equal(clock.pending, 0);
});

test('what a timer starts runs before the next timer fires', async () => {
  const clock = new TestClock({ start: 0 });
  const seen: string[] = [];
  clock.setTimeout(() => void Promise.resolve().then(() => setImmediate(() => seen.push('started by the first'))), 10);
  clock.setTimeout(() => seen.push('second'), 11);
  await clock.advance(20);
  assert.deepEqual(seen, ['started by the first', 'second']);
});

test('wait() resolves at its time on the clock, or at once when its signal aborts', async () => {
  const clock = new TestClock({ start: 0 });
  let done = false;
  void wait(clock, 500).then(() => (done = true));
  await clock.advance(499);
  assert.equal(done, false);
  await clock.advance(1);
  assert.equal(done, true);
  const stop = new AbortController();
  const waiting = wait(clock, 60_000, stop.signal);
  stop.abort();
  await waiting;
  assert.equal(clock.now(), 500, 'an aborted wait takes no time');
  assert.equal(clock.pending, 0, 'and leaves no timer behind');
  await wait(clock, 1, AbortSignal.abort());
  await wait(systemClock, 0);
});

test('runUntil moves from timer to timer until the condition holds, and says when it cannot', async () => {
  const clock = new TestClock({ start: 0 });
  let n = 0;
  clock.setInterval(() => n++, 100);
  await clock.runUntil(() => n === 3, 'three ticks', 1000);
  assert.equal(clock.now(), 300);
  await assert.rejects(clock.runUntil(() => n === 100, 'a hundred ticks', 1000), /a hundred ticks did not happen within 1000 ms on the test clock/);
  clock.stop();
  await assert.rejects(clock.runUntil(() => false, 'anything'), /no timer is left/);
});

test('an instant clock lets every wait pass at once; a flowing one runs on and jumps', async () => {
  const instant = new TestClock({ start: 0, mode: 'instant' });
  const week = 7 * 24 * 3600_000;
  await wait(instant, week);
  assert.equal(instant.now(), week);

  const flowing = new TestClock({ start: 0, mode: 'flowing' });
  let fired = false;
  flowing.setTimeout(() => (fired = true), 3_600_000);
  await flowing.advance(3_600_000);
  assert.ok(fired && flowing.now() >= 3_600_000);
  await wait(flowing, 1);
  assert.ok(flowing.now() >= 3_600_001, 'and its own time goes on by itself');
});

test('skip moves time on at once: what fell due fires once, in order, at the new time; what it sets then counts from there', async () => {
  const { clock, fired, at } = recording(0);
  clock.setInterval(at('tick'), 100);
  clock.setTimeout(at('late'), 250);
  // A reply's time-out set when its request goes: it counts from the new time, so a skip does not outrun the reply.
  clock.setTimeout(() => (at('ping')(), clock.setTimeout(at('time-out'), 300)), 50);
  clock.setTimeout(at('later'), 10_000);
  await clock.skip(1000);
  assert.deepEqual(fired, ['ping@1000', 'tick@1000', 'late@1000'], 'each once, in the order they fell due');
  assert.equal(clock.now(), 1000);
  await clock.advance(100);
  assert.deepEqual(fired.slice(3), ['tick@1100'], 'the interval goes on from the new time');
  await clock.advance(200);
  assert.deepEqual(fired.slice(4), ['tick@1200', 'tick@1300', 'time-out@1300']);
  clock.stop();
});
