// The driver and the stand-alone simulator over real serial devices: socat pseudo-terminal
// pairs, opened by serialport exactly as the pillar's USB port would be.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { SerialPort } from 'serialport';
import { PillarDriver } from '../../hardware/driver.ts';
import type { DriverOptions } from '../../hardware/driver.ts';
import type { BoardOptions } from '../../hardware/board-model.ts';
import { serialLinkSource } from '../../hardware/serial-link.ts';
import { startSimulator, type SimulatorHandle } from '../../hardware/simulator.ts';
import { TestClock } from '../helpers/clock.ts';
import { protocolExamples } from '../helpers/examples.ts';
import { ptyPair, type PtyPair } from '../helpers/pty.ts';
import { seededRandom } from '../helpers/seeded.ts';
import { wiredBoard } from '../helpers/wire.ts';
import { dataDir, tempDir, until } from '../helpers/tmp.ts';
import { createKiosk } from '../../electron/kiosk/services.ts';

interface Rig {
  pty: PtyPair;
  sim: SimulatorHandle;
  driver: PillarDriver;
  logs: string[];
}

async function rig(board: BoardOptions = {}, options: DriverOptions = {}): Promise<Rig> {
  const dir = tempDir('olifant-pty-');
  const pty = await ptyPair(path.join(dir, 'host'), path.join(dir, 'board'));
  const sim = await startSimulator(pty.b, { dispenseMs: 5, autoTakeMs: null, ...board });
  const logs: string[] = [];
  const driver = new PillarDriver(serialLinkSource({ listPorts: async () => [pty.a] }), { log: (l, m) => logs.push(`${l} ${m}`), ...options });
  after(async () => {
    await driver.stop();
    await sim.close();
    await pty.unplug();
  });
  driver.start();
  await until(() => driver.status().link === 'connected', 'the driver to connect');
  return { pty, sim, driver, logs };
}

test('every example exchange of the protocol document, byte for byte, over a pty', async () => {
  const dir = tempDir('olifant-pty-');
  const pty = await ptyPair(path.join(dir, 'host'), path.join(dir, 'board'));
  const sim = await startSimulator(pty.b, { dispenseMs: 20, autoTakeMs: null, stock: [50, 50, 10, 50, 0, 50] });
  const host = new SerialPort({ path: pty.a, baudRate: 115200 });
  after(async () => {
    await new Promise((r) => host.close(r));
    await sim.close();
    await pty.unplug();
  });
  const heard: string[] = [];
  let buffer = '';
  host.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
      // The simulator's own start-up BOOT may or may not reach the port before it opens; it is not part of the example.
      if (!buffer.startsWith('$0,EVT,BOOT,')) heard.push(buffer.slice(0, i));
      buffer = buffer.slice(i + 2);
    }
  });
  await new Promise((r) => host.once('open', r));
  const board = sim.board;
  const triggers: Record<string, () => void> = {
    '$0,EVT,PRESENCE,1*73': () => board.setPresence(true),
    '$0,EVT,TAKEN*22': () => board.take(),
    '$0,EVT,SLOT,3,LOW*14': () => {
      board.stock[2] = 0; // emptied, then refilled with a few cards: the board reports LOW
      board.setStock(3, 10);
    },
    '$0,EVT,SERVICE,1*37': () => board.setService(true),
  };
  const expected: string[] = [];
  for (const { from, line } of protocolExamples()) {
    if (from === 'host') {
      host.write(`${line}\r\n`);
      continue;
    }
    triggers[line]?.();
    expected.push(line);
    await until(() => heard.length >= expected.length, `the board to say ${line}`, 5000);
  }
  assert.deepEqual(heard, expected);
});

/**
 * The board model on a pty whose bytes are counted, and the driver with the protocol's own timings,
 * both on a clock that moves only while nothing is on the wire: a repeat is always for a lost or
 * damaged line, never for a busy machine, and the waits take no time.
 */
async function wiredRig(board: BoardOptions, options: DriverOptions = {}) {
  const dir = tempDir('olifant-pty-');
  const pty = await ptyPair(path.join(dir, 'host'), path.join(dir, 'board'));
  const wired = await wiredBoard(pty.a, pty.b, { autoTakeMs: null, ...board });
  const driver = new PillarDriver(wired.source, { log: () => {}, clock: wired.clock, ...options });
  after(async () => {
    await driver.stop();
    await wired.close();
    await pty.unplug();
  });
  driver.start();
  await wired.drive(new Promise<void>((resolve) => (driver.status().link === 'connected' ? resolve() : driver.subscribe((e) => e.type === 'status' && e.status.link === 'connected' && resolve()))));
  return { board: wired.board, driver, drive: wired.drive };
}

test('1,000 dispenses with 10% of lines lost or damaged both ways give exactly 1,000 cards, none twice', { timeout: 600_000 }, async (t) => {
  // A link broken by a run of losses is found again and the dispense finished by its id: the
  // outcome does not depend on luck or on how busy the machine is (parkMs: the board always comes back).
  const random = seededRandom((m) => t.diagnostic(m));
  const { board, driver, drive } = await wiredRig({ stock: [200, 200, 200, 200, 200, 200], random }, { parkMs: 120_000 });
  Object.assign(board.faults, { lossIn: 0.05, lossOut: 0.05, corruptIn: 0.05, corruptOut: 0.05 });
  const outcomes: Record<string, number> = {};
  for (let i = 0; i < 1000; i++) {
    const outcome = await drive(driver.dispense((i % 6) + 1));
    const key = outcome.ok ? 'ok' : outcome.reason;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    board.take(); // the student takes the card (the TAKEN event itself may be lost)
  }
  const ids = board.dispensed.map((d) => d.id);
  assert.deepEqual(outcomes, { ok: 1000 });
  assert.equal(board.dispensed.length, 1000, 'cards that reached the gate');
  assert.equal(new Set(ids).size, 1000, 'no command id moved two cards');
  assert.equal(board.executed.filter((c) => c.includes(',DISPENSE,')).length, 1000, 'the board executed each dispense once');
});

test('delayed lines: late replies overtaken by repeats neither confuse the driver nor move extra cards', { timeout: 120_000 }, async (t) => {
  const { board, driver, drive } = await wiredRig({ random: seededRandom((m) => t.diagnostic(m)) });
  board.faults.delayMs = 700; // each line from the board is held back by up to 700 ms: often past the 300 ms repeat
  for (let i = 0; i < 20; i++) {
    assert.deepEqual(await drive(driver.dispense((i % 6) + 1)), { ok: true, slot: (i % 6) + 1 });
    board.take();
  }
  assert.equal(board.dispensed.length, 20);
  assert.equal(board.executed.filter((c) => c.includes(',DISPENSE,')).length, 20, 'repeats were answered from memory');
});

test('50 unplug/replug cycles: each reconnects, even under another port name (how fast: npm run bench)', { timeout: 300_000 }, async () => {
  const dir = tempDir('olifant-pty-');
  const names = [1, 2].map((n) => ({ a: path.join(dir, `ttyACM${n}`), b: path.join(dir, `board${n}`) }));
  // The driver's time flows, and the test jumps over its pause between two looks for a board once the cable is in.
  const clock = new TestClock({ mode: 'flowing' });
  const rescanMs = 250;
  const driver = new PillarDriver(serialLinkSource({ listPorts: async () => names.map((n) => n.a).filter((a) => existsSync(a)) }), { log: () => {}, clock, rescanMs });
  let pty: PtyPair | null = null;
  let sim: SimulatorHandle | null = null;
  after(async () => {
    await driver.stop();
    await sim?.close();
    await pty?.unplug();
  });
  driver.start();
  for (let cycle = 0; cycle < 50; cycle++) {
    const name = names[cycle % 2];
    pty = await ptyPair(name.a, name.b);
    sim = await startSimulator(name.b, { dispenseMs: 5, autoTakeMs: null });
    await clock.advance(rescanMs);
    await until(() => driver.status().link === 'connected' && driver.status().port === name.a, `reconnect in cycle ${cycle}`, 5000);
    await pty.unplug();
    await sim.close();
    await until(() => driver.status().link === 'connecting', `the driver to notice the pulled cable in cycle ${cycle}`, 5000);
  }
  assert.match(driver.status().problem ?? '', /pillar controller.*USB cable/, 'the operator is told what is wrong');
});

test('1 MB of random bytes on the line neither crashes nor wedges the driver', { timeout: 120_000 }, async (t) => {
  const { sim, driver, logs } = await rig({ random: seededRandom((m) => t.diagnostic(m)) });
  sim.board.garbage(1_000_000);
  const noiseLogged = () => logs.some((l) => /ignored \d+ unreadable line/.test(l));
  await until(noiseLogged, 'the noise to reach the driver');
  await until(() => driver.status().link === 'connected', 'the link after the noise');
  const outcome = await driver.dispense(2);
  assert.deepEqual(outcome, { ok: true, slot: 2 });
  assert.ok(noiseLogged(), 'the noise is logged for the operator, once in a while');
});

test('a reboot in the middle of a dispense is reported, not retried', async () => {
  const { sim, driver, logs } = await rig({ dispenseMs: 200 });
  sim.board.faults.rebootNextDispense = true;
  const outcome = await driver.dispense(3);
  assert.equal(outcome.ok, false);
  assert.equal(!outcome.ok && outcome.reason, 'REBOOTED');
  assert.equal(sim.board.executed.filter((c) => c.includes(',DISPENSE,')).length, 1, 'not sent again as a new command');
  assert.equal(sim.board.dispensed.length, 0);
  assert.ok(logs.some((l) => /restarted while dispensing from slot 3; not retried/.test(l)));
  await until(() => sim.board.executed.some((c, i) => i > 1 && c.endsWith(',STATUS')), 'a STATUS resync after the BOOT');
});

test('a dispense whose link breaks is asked again with the same id after reconnecting', async () => {
  // The driver's clock is the test's: its silences go by when the test says, not while bytes cross the pty.
  const clock = new TestClock();
  const { sim, driver, logs } = await rig({ dispenseMs: 100 }, { parkMs: 5000, clock });
  const executed = (command: string) => sim.board.executed.filter((c) => c.endsWith(`,${command}`) || c.includes(`,${command},`)).length;
  await until(() => executed('LED') === 1, 'the driver to have set the LED ring after connecting (it is idle now)');
  sim.board.faults.lossOut = 1; // the board works, but nothing it says arrives: the link looks dead
  const pending = driver.dispense(6);
  await until(() => executed('DISPENSE') === 1, 'the board to take the dispense');
  // The first send and its 3 repeats, 300 ms apart, go unanswered: the link counts as broken.
  const hellos = executed('HELLO');
  await clock.advance(4 * 300);
  assert.equal(driver.status().link, 'connecting');
  // The port is opened again, and its HELLO goes unanswered too; the board's answers arrive again from then on, and the HELLO is repeated.
  await until(() => executed('HELLO') > hellos, 'the driver to ask HELLO again');
  sim.board.faults.lossOut = 0;
  await clock.advance(300);
  assert.deepEqual(await pending, { ok: true, slot: 6 });
  assert.equal(sim.board.dispensed.length, 1, 'one card, although the host heard nothing the first time');
  assert.ok(logs.some((l) => /asking the pillar controller again/.test(l)));
});

test('a port that does not answer HELLO is not a pillar; the real one is found', async () => {
  const dir = tempDir('olifant-pty-');
  const silent = await ptyPair(path.join(dir, 'modem'), path.join(dir, 'modem-other-end'));
  const real = await ptyPair(path.join(dir, 'pillar'), path.join(dir, 'pillar-board'));
  const sim = await startSimulator(real.b, { dispenseMs: 5 });
  // The modem's end hears the HELLOs; it never answers.
  const modem = new SerialPort({ path: silent.b, baudRate: 115200 });
  let heard = '';
  modem.on('data', (chunk: Buffer) => (heard += chunk.toString('latin1')));
  await new Promise((r) => modem.once('open', r));
  // The driver's time flows, and jumps over the modem's HELLO window (the protocol's 2.5 s for a board's reset).
  const clock = new TestClock({ mode: 'flowing' });
  const driver = new PillarDriver(serialLinkSource({ listPorts: async () => [silent.a, real.a] }), { log: () => {}, clock });
  after(async () => {
    await driver.stop();
    await new Promise((r) => modem.close(r));
    await sim.close();
    await silent.unplug();
    await real.unplug();
  });
  driver.start();
  await until(() => heard.includes(',HELLO*'), 'the driver to ask the modem HELLO');
  await clock.advance(3000);
  await until(() => driver.status().link === 'connected', 'the pillar to be found');
  assert.equal(driver.status().port, real.a);
});

test('events reach the host: presence, taken, slot changes, service door; a BOOT triggers a resync', async () => {
  const { sim, driver } = await rig();
  const events: string[] = [];
  driver.subscribe((e) => e.type !== 'status' && events.push(JSON.stringify(e)));
  sim.board.setPresence(true);
  sim.board.setStock(2, 0);
  sim.board.setService(true);
  await until(() => events.length >= 3, 'three events');
  assert.deepEqual(events, ['{"type":"presence","present":true}', '{"type":"slot","slot":2,"state":"EMPTY"}', '{"type":"service","open":true}']);
  assert.equal(driver.status().slots[1], 'EMPTY');
  assert.equal(driver.status().serviceOpen, true);
  await driver.led('PULSE', [1, 2, 3]);
  const before = sim.board.executed.length;
  sim.board.reboot();
  await until(() => sim.board.executed.slice(before).some((c) => c.endsWith(',STATUS')), 'STATUS after BOOT');
  await until(() => sim.board.led.join(',') === 'PULSE,1,2,3' && sim.board.executed.slice(before).some((c) => c.includes(',LED,')), 'the LED restored after BOOT');
});

test('pillar "auto" at start-up uses a board that answers HELLO', async () => {
  const dir = tempDir('olifant-pty-');
  const pty = await ptyPair(path.join(dir, 'ttyACM0'), path.join(dir, 'board'));
  const sim = await startSimulator(pty.b, { dispenseMs: 5 });
  const app = await createKiosk({ dataDir: dataDir(), pillar: 'auto', listPorts: async () => [pty.a], log: () => {} });
  after(async () => {
    await app.close();
    await sim.close();
    await pty.unplug();
  });
  assert.equal(app.board, null, 'not the simulator');
  await until(() => app.pillar.status().link === 'connected', 'the board to be found');
  assert.equal(app.pillar.status().port, pty.a);
  assert.deepEqual(await app.pillar.dispense(5), { ok: true, slot: 5 });
  assert.deepEqual(sim.board.dispensed.map((d) => d.slot), [5]);
});
