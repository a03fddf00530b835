// The pillar's health record, as the whole kiosk keeps it with its simulated board: the
// dispenser's state from the board, cards counted down from a full stack (`stackCards`) and
// started again when the board reports a stack refilled, errors per kind until the hub stored
// them, and a change of the dispenser told to a real hub (in this process, on loopback) at
// once, but not more often than every 30 s on the kiosk's clock.

import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { HealthStore } from '../../electron/hub/health.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { DISPENSER_CHANGE_GAP_MS } from '../../electron/kiosk/sync/check-in.ts';
import { TestClock } from '../helpers/clock.ts';
import { startKiosk } from '../helpers/kiosk.ts';
import { tempDir, until } from '../helpers/tmp.ts';

test('the health record follows the board: dispenser, cards left, errors; a dispenser change is told to the hub at once, then at most every 30 s', async (t) => {
  const hubStore = new HubStore(tempDir());
  const pillars = new Pillars(hubStore);
  const hub = buildHub(hubStore, pillars);
  let checkIns = 0;
  hub.addHook('onRequest', async (request) => void (request.url === '/v2/check-in' && checkIns++));
  await hub.listen({ port: 0, host: '127.0.0.1' });
  t.after(async () => (await hub.close(), hubStore.close()));
  const token = pillars.add('pillar-test');
  const kept = () => new HealthStore(hubStore.db).latest('pillar-test')?.record;

  // The kiosk's time flows; the test jumps it on past the 30 s between two check-ins for the dispenser.
  const clock = new TestClock({ mode: 'flowing' });
  t.after(() => clock.stop());
  const kiosk = await startKiosk({ settings: { hubUrl: `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`, hubToken: token }, simulatedBoard: { dispenseMs: 5, autoTakeMs: 5 }, clock });
  const { app } = kiosk;
  const board = app.board!;
  await until(() => app.pillar.status().slots.every((s) => s === 'OK'), 'the board\'s stacks read');
  await until(() => kiosk.app.checkIns.status().hubSpeaks === 2, 'the first check-in');
  // The board may have answered just after it: its dispenser is told 30 s later.
  await clock.advance(DISPENSER_CHANGE_GAP_MS);
  await until(() => kept()?.dispenser === 'ok', "the board's dispenser at the hub");
  const record = () => app.health.record();
  assert.deepEqual([record().dispenser, record().cards_left, record().errors], ['ok', null, {}], 'no full stack known: no estimate');
  assert.deepEqual(record().pack, { id: app.packs.current().pack.id, version: app.packs.current().pack.version });
  assert.ok(record().disk_free_mb > 0);

  // The crew fills the stacks with 100 cards each and says so; three cards leave stack 1.
  app.settings.update({ stackCards: 100 });
  assert.equal(record().cards_left, 100);
  for (let i = 0; i < 3; i++) {
    assert.equal((await app.pillar.dispense(1)).ok, true);
    await until(() => app.pillar.status().gate === 'CLEAR', 'the card taken');
  }
  assert.equal(record().cards_left, 97, 'the stack that runs out first');

  // Half a minute on (the last check-in is that long ago), stack 2 runs empty: the dispenser
  // is empty, no cards left; told to the hub at once.
  await clock.advance(DISPENSER_CHANGE_GAP_MS);
  const before = checkIns;
  const emptied = clock.now();
  board.setStock(2, 0);
  await until(() => kept()?.dispenser === 'empty', 'the empty stack at the hub');
  assert.equal(checkIns, before + 1);
  assert.ok(clock.now() - emptied < DISPENSER_CHANGE_GAP_MS, 'told at once, not after the 30 s');
  assert.equal(record().cards_left, 0);
  // Refilled (the board says OK again): counted from a full stack, stack 1 still the lowest.
  board.setStock(2, 100);
  await until(() => record().dispenser === 'ok', 'the refill');
  assert.equal(record().cards_left, 97);

  // A jam right after: its dispense fails and is counted; the refill and the jam are told 30 s after the last check-in.
  board.jam(1);
  await until(() => record().dispenser === 'jammed', 'the jam');
  assert.equal((await app.pillar.dispense(1)).ok, false);
  assert.deepEqual(record().errors, { jam: 1 });
  assert.equal(kept()?.dispenser, 'empty', 'neither the refill nor the jam told yet: the last check-in was less than 30 s ago');
  await clock.advance(DISPENSER_CHANGE_GAP_MS);
  await until(() => kept()?.dispenser === 'jammed', 'the jam at the hub after 30 s');
  assert.deepEqual(kept()?.errors, { jam: 1 });
  await until(() => Object.keys(record().errors).length === 0, 'the errors the hub stored no longer counted');
});
