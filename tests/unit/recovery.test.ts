// The kiosk screen's crash and hang recovery, without Electron: the shell feeds it the
// window's events. A hang is crashed on purpose and its "gone" report counts it once.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HUNG_RELOAD_MS, MAX_RESTARTS, RESTART_WINDOW_MS, ScreenRecovery } from '../../electron/main/recovery.ts';

/** A window as the shell sees it: crashing the renderer reports it gone, as Electron does. */
function rig() {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const seen = { reloads: 0, crashes: 0, logs: [] as string[] };
  const recovery: ScreenRecovery = new ScreenRecovery({
    reload: () => seen.reloads++,
    crash: () => {
      seen.crashes++;
      recovery.gone('killed');
    },
    log: (level, message) => seen.logs.push(`${level} ${message}`),
    now: () => now,
    setTimer: (fn, ms) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    }
  };
  return { recovery, seen, advance };
}

test(`${MAX_RESTARTS} hangs in a row are ${MAX_RESTARTS} restarts, each counted once`, () => {
  const { recovery, seen, advance } = rig();
  for (let i = 0; i < MAX_RESTARTS; i++) {
    recovery.unresponsive();
    advance(HUNG_RELOAD_MS);
    advance(1000);
  }
  assert.equal(seen.crashes, MAX_RESTARTS);
  assert.equal(seen.reloads, MAX_RESTARTS, 'every hang was reloaded: the budget was not spent twice per hang');
  recovery.gone('crashed');
  assert.equal(seen.reloads, MAX_RESTARTS, 'the next failure within the window is left alone');
  assert.match(seen.logs.at(-1)!, /^error .*restart the computer/);
});

test('a screen that answers again is not crashed, and the budget renews after the window', () => {
  const { recovery, seen, advance } = rig();
  recovery.unresponsive();
  advance(HUNG_RELOAD_MS / 2);
  recovery.responsive();
  advance(HUNG_RELOAD_MS);
  assert.equal(seen.crashes, 0);
  for (let i = 0; i < MAX_RESTARTS; i++) recovery.gone('crashed');
  advance(RESTART_WINDOW_MS + 1);
  recovery.gone('crashed');
  assert.equal(seen.reloads, MAX_RESTARTS + 1);
});

test('a screen that hangs and then dies by itself is counted once; the fresh screen is left alone', () => {
  const { recovery, seen, advance } = rig();
  recovery.unresponsive();
  advance(HUNG_RELOAD_MS / 3);
  recovery.gone('oom');
  advance(HUNG_RELOAD_MS);
  assert.deepEqual({ reloads: seen.reloads, crashes: seen.crashes }, { reloads: 1, crashes: 0 });
});
