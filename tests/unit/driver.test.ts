// The driver against the board model over the in-memory link: how often a command goes on
// the wire, and what happens to a dispense the kiosk gave up on.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { BoardModel } from '../../hardware/board-model.ts';
import { PillarDriver, type DriverOptions } from '../../hardware/driver.ts';
import { BoardLinkSource } from '../../hardware/memory-link.ts';
import { until } from '../helpers/tmp.ts';

async function rig(board: ConstructorParameters<typeof BoardModel>[0], options: DriverOptions = {}) {
  const model = new BoardModel({ autoTakeMs: null, ...board });
  const heard: string[] = [];
  const receive = model.receive.bind(model);
  model.receive = (chunk) => {
    heard.push(String(chunk));
    receive(chunk);
  };
  const logs: string[] = [];
  const driver = new PillarDriver(new BoardLinkSource(model), { log: (l, m) => logs.push(`${l} ${m}`), ...options });
  after(async () => {
    await driver.stop();
    model.dispose();
  });
  driver.start();
  await until(() => driver.status().link === 'connected', 'the simulated board');
  return { model, driver, heard, logs, dispenses: () => heard.filter((line) => line.includes(',DISPENSE,')) };
}

test('a 2.5 s dispense goes on the wire at most 4 times (1 + 3 repeats), not once per 300 ms', async () => {
  const { driver, dispenses } = await rig({ dispenseMs: 2500 });
  assert.deepEqual(await driver.dispense(3), { ok: true, slot: 3 });
  assert.ok(dispenses().length <= 4, `sent ${dispenses().length} times: ${dispenses().join(' ')}`);
  assert.equal(new Set(dispenses()).size, 1, 'every repeat carries the same id');
});

test('a board that never answers a command: 1 send and 3 repeats, then the link counts as broken', async () => {
  const { model, driver, dispenses } = await rig({ dispenseMs: 5 }, { parkMs: 200 });
  model.faults.silent = true;
  const outcome = await driver.dispense(2);
  assert.equal(!outcome.ok && outcome.reason, 'NO_LINK');
  assert.equal(dispenses().length, 4);
});

test('a card that drops after the kiosk gave up on it is recorded: log, gate and problem in the pillar status', async () => {
  // The kiosk waits 0.2 s (+0.3 s) for this board; the board takes 5 s: far apart whatever the machine's load.
  const { model, driver, logs } = await rig({ dispenseMs: 5000 }, { dispenseMs: 200 });
  const outcome = await driver.dispense(4);
  assert.equal(!outcome.ok && outcome.reason, 'TIMEOUT');
  assert.equal(driver.status().gate, 'CLEAR');
  await until(() => model.dispensed.length === 1, 'the slow card to drop', 15_000);
  await until(() => driver.status().gate === 'CARD', 'the late card to be recorded');
  assert.match(driver.status().problem ?? '', /card from stack 4 came out late/);
  assert.ok(logs.some((l) => /card from stack 4 came out late, after the kiosk had given up on it/.test(l)), logs.join('\n'));
});
