// The driver against the board model over the in-memory link: how often a command goes on
// the wire, and what happens to a dispense the kiosk gave up on. Board and driver share a clock
// the test drives: the protocol's own timings (3 s for a dispense, 300 ms for a repeat) go by at
// once, and to the millisecond, whatever the machine's load.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { BoardModel } from '../../hardware/board-model.ts';
import { PillarDriver, type DriverOptions } from '../../hardware/driver.ts';
import { BoardLinkSource } from '../../hardware/memory-link.ts';
import type { DispenseOutcome } from '../../hardware/pillar.ts';
import { TestClock } from '../helpers/clock.ts';

async function rig(board: ConstructorParameters<typeof BoardModel>[0], options: DriverOptions = {}) {
  const clock = new TestClock();
  const model = new BoardModel({ autoTakeMs: null, clock, ...board });
  const heard: string[] = [];
  const receive = model.receive.bind(model);
  model.receive = (chunk) => {
    heard.push(String(chunk));
    receive(chunk);
  };
  const logs: string[] = [];
  const driver = new PillarDriver(new BoardLinkSource(model), { log: (l, m) => logs.push(`${l} ${m}`), clock, ...options });
  after(async () => {
    await driver.stop();
    model.dispose();
  });
  driver.start();
  await clock.runUntil(() => driver.status().link === 'connected', 'the simulated board');
  /** Asks for a card and lets the clock run until the driver says how it went; with the time that took on the clock. */
  const dispense = async (slot: number): Promise<{ outcome: DispenseOutcome; ms: number }> => {
    const asked = clock.now();
    let outcome: DispenseOutcome | null = null;
    void driver.dispense(slot).then((o) => (outcome = o));
    await clock.runUntil(() => outcome !== null, `the dispense from slot ${slot}`, 60_000);
    return { outcome: outcome!, ms: clock.now() - asked };
  };
  return { clock, model, driver, heard, logs, dispense, dispenses: () => heard.filter((line) => line.includes(',DISPENSE,')) };
}

test('a 2.5 s dispense goes on the wire once: the board ACKed it, so the driver waits the protocol\'s 3 s, not 300 ms a repeat', async () => {
  const { dispense, dispenses } = await rig({ dispenseMs: 2500 });
  assert.deepEqual(await dispense(3), { outcome: { ok: true, slot: 3 }, ms: 2500 });
  assert.equal(dispenses().length, 1, `sent ${dispenses().length} times: ${dispenses().join(' ')}`);
});

test('a board that never answers a command: 1 send and 3 repeats, 300 ms apart, then the link counts as broken', async () => {
  const { model, dispense, dispenses } = await rig({ dispenseMs: 5 }, { parkMs: 200 });
  model.faults.silent = true;
  const { outcome, ms } = await dispense(2);
  assert.equal(!outcome.ok && outcome.reason, 'NO_LINK');
  assert.equal(dispenses().length, 4);
  assert.equal(new Set(dispenses()).size, 1, 'every repeat carries the same id');
  assert.equal(ms, 4 * 300 + 200, 'four silences of 300 ms, then the board had its 200 ms to come back');
});

test('a card that drops after the kiosk gave up on it is recorded: log, gate and problem in the pillar status', async () => {
  // The protocol's timings: the kiosk gives a dispense 3 s after its ACK; this board takes 5 s.
  const { clock, model, driver, logs, dispense } = await rig({ dispenseMs: 5000 });
  const { outcome, ms } = await dispense(4);
  assert.equal(!outcome.ok && outcome.reason, 'TIMEOUT');
  assert.ok(ms > 3000 && ms < 5000, `given up after ${ms} ms: past the protocol's 3 s, before the card came`);
  assert.equal(driver.status().gate, 'CLEAR');
  await clock.runUntil(() => model.dispensed.length === 1, 'the slow card to drop', 5000);
  await clock.runUntil(() => driver.status().gate === 'CARD', 'the late card to be recorded', 1000);
  assert.match(driver.status().problem ?? '', /card from stack 4 came out late/);
  assert.ok(logs.some((l) => /card from stack 4 came out late, after the kiosk had given up on it/.test(l)), logs.join('\n'));
});

test('a port that cannot be opened is named with why, in the log and in the pillar status, and the driver keeps trying', async () => {
  const clock = new TestClock();
  const logs: string[] = [];
  let tries = 0;
  const refused = Object.assign(new Error('Error: Permission denied, cannot open /dev/ttyACM0'), { code: 'EACCES' });
  const driver = new PillarDriver({ candidates: async () => ['/dev/ttyACM0'], open: async () => { tries++; throw refused; } }, { log: (l, m) => logs.push(`${l} ${m}`), clock });
  after(() => driver.stop());
  driver.start();
  await clock.runUntil(() => tries >= 2, 'a second try at the port');
  assert.match(driver.status().problem ?? '', /port cannot be opened: \/dev\/ttyACM0: no permission to use it \(install the udev rule/);
  assert.ok(logs.some((line) => /^warn could not open \/dev\/ttyACM0: no permission/.test(line)), logs.join('\n'));
  assert.notEqual(driver.status().link, 'connected');
});

