// The kiosk screen's crash and hang recovery, without Electron: the shell feeds it the
// window's events. A hang is crashed on purpose and its "gone" report counts it once.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HUNG_RELOAD_MS, MAX_RESTARTS, RESTART_WINDOW_MS, ScreenRecovery } from '../../electron/main/recovery.ts';
import { TestClock } from '../helpers/clock.ts';

/** A window as the shell sees it: crashing the renderer reports it gone, as Electron does. */
function rig() {
  const clock = new TestClock();
  const seen = { reloads: 0, crashes: 0, logs: [] as string[] };
  const recovery: ScreenRecovery = new ScreenRecovery({
    reload: () => seen.reloads++,
    crash: () => {
      seen.crashes++;
      recovery.gone('killed');
    },
    log: (level, message) => seen.logs.push(`${level} ${message}`),
    clock,
  });
  return { recovery, seen, advance: (ms: number) => clock.advance(ms) };
}

test(`${MAX_RESTARTS} hangs in a row are ${MAX_RESTARTS} restarts, each counted once`, async () => {
  const { recovery, seen, advance } = rig();
  for (let i = 0; i < MAX_RESTARTS; i++) {
    recovery.unresponsive();
    await advance(HUNG_RELOAD_MS);
    await advance(1000);
  }
  assert.equal(seen.crashes, MAX_RESTARTS);
  assert.equal(seen.reloads, MAX_RESTARTS, 'every hang was reloaded: the budget was not spent twice per hang');
  recovery.gone('crashed');
  assert.equal(seen.reloads, MAX_RESTARTS, 'the next failure within the window is left alone');
  assert.match(seen.logs.at(-1)!, /^error .*restart the computer/);
});

test('a screen that answers again is not crashed, and the budget renews after the window', async () => {
  const { recovery, seen, advance } = rig();
  recovery.unresponsive();
  await advance(HUNG_RELOAD_MS / 2);
  recovery.responsive();
  await advance(HUNG_RELOAD_MS);
  assert.equal(seen.crashes, 0);
  for (let i = 0; i < MAX_RESTARTS; i++) recovery.gone('crashed');
  await advance(RESTART_WINDOW_MS + 1);
  recovery.gone('crashed');
  assert.equal(seen.reloads, MAX_RESTARTS + 1);
});

test('a screen that hangs and then dies by itself is counted once; the fresh screen is left alone', async () => {
  const { recovery, seen, advance } = rig();
  recovery.unresponsive();
  await advance(HUNG_RELOAD_MS / 3);
  recovery.gone('oom');
  await advance(HUNG_RELOAD_MS);
  assert.deepEqual({ reloads: seen.reloads, crashes: seen.crashes }, { reloads: 1, crashes: 0 });
});
