// The fleet view with a real hub and three real pillars (issue 21's acceptance): each pillar is
// `olifant serve` talking over a real pseudo-terminal to `olifant pillar-sim`, a simulated board
// in a process of its own, and checks in with the hub over loopback. A stack jammed on one
// board shows on the hub's page (in Chromium) and in `olifant hub fleet --json` within one
// check-in period; a pillar killed -9 shows as silent once the threshold has passed.
//
// The time: the hub and the pillars run on a clock the test drives (tests/helpers/driven-time.ts,
// loaded with `node --import`; the product knows nothing of it), and the hub's page on
// Playwright's clock, so that half a minute between two check-ins, or two hours of silence, pass
// at once. The boards keep the computer's time: their replies over the serial line take real time.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { test } from 'node:test';
import type { FleetView } from '../../electron/api/organiser.ts';
import type { KioskInfo } from '../../electron/api/student.ts';
import { HealthStore } from '../../electron/hub/health.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { CHECK_IN_EVERY_MS, DISPENSER_CHANGE_GAP_MS } from '../../electron/kiosk/sync/check-in.ts';
import { MIN_GROUP } from '../../electron/results/floor.ts';
import { launchChromium } from '../helpers/browser.ts';
import { CLI, startOlifant } from '../helpers/cli.ts';
import { drivenTime } from '../helpers/driven-time.ts';
import { addPillar, hubCommandOn, startHubProcess, stopProcess } from '../helpers/hub.ts';
import { ptyPair } from '../helpers/pty.ts';
import { dataDir, tempDir, until } from '../helpers/tmp.ts';

const PILLARS = ['pillar-1', 'pillar-2', 'pillar-3'];
const SILENT_AFTER_MS = 2 * 3600_000;
/** Longer than the page waits between two asks of the hub: moved on by this, the page has asked again. */
const PAGE_ASKS_AGAIN_MS = 60_000;

test('a jam on one pillar shows on the fleet view and in `olifant hub fleet --json` within one check-in period; a pillar killed -9 shows as silent after the threshold', { timeout: 300_000 }, async (t) => {
  const time = drivenTime();
  const hubDir = tempDir();
  const tokens = PILLARS.map((id) => addPillar(hubDir, id));
  const hub = await startHubProcess(hubDir, [], time.node);
  t.after(() => stopProcess(hub.child));
  const fleet = (): FleetView => {
    const run = hubCommandOn(time.node, hubDir, 'fleet', '--json');
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as FleetView;
  };
  const row = (view: FleetView, id: string) => view.pillars.find((p) => p.id === id)!;

  // Three pillars, each with its board on the other end of a serial line.
  const pillars = await Promise.all(PILLARS.map(async (id, i) => {
    const folder = tempDir('olifant-line-');
    const line = await ptyPair(path.join(folder, 'host'), path.join(folder, 'board'));
    t.after(() => line.unplug());
    const board = spawn(process.execPath, [CLI, 'pillar-sim', '--port', line.b], { stdio: ['pipe', 'pipe', 'inherit'] });
    t.after(() => stopProcess(board));
    await once(board.stdout!, 'data');
    const dir = dataDir({ pillarId: id, venueSessionId: `2026-11-24-venue-${i + 1}`, hubUrl: hub.url, hubToken: tokens[i] });
    const kiosk = await startOlifant(['serve', '--port', '0', '--data-dir', dir, '--pillar-port', line.a], time.node);
    t.after(() => stopProcess(kiosk.child));
    return { id, board, kiosk, type: (command: string) => board.stdin!.write(`${command}\n`) };
  }));
  const byId = (id: string) => pillars.find((p) => p.id === id)!;
  const boardAnswers = async (id: string) => {
    const info = (await (await fetch(`${byId(id).kiosk.url}api/kiosk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { value: KioskInfo };
    return info.value.pillar.connected;
  };
  // Each pillar checked in as it started; a board that answered after that is told at most half a minute later.
  await until(async () => (await Promise.all(PILLARS.map(boardAnswers))).every(Boolean), 'every board answering its pillar');
  await time.advance(DISPENSER_CHANGE_GAP_MS);
  await until(() => {
    const view = fleet();
    return PILLARS.every((id) => row(view, id)?.reports && row(view, id).dispenser === 'ok');
  }, 'every pillar checking in with its board answering', 120_000);

  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.clock.install({ time: time.now() });
  await page.goto(hub.url);
  const onPage = (id: string) => page.locator(`tr[data-pillar="${id}"]`);
  await onPage('pillar-1').getByText('in orde', { exact: true }).first().waitFor();

  // Half a minute on, a stack jams on pillar 1's board.
  await time.advance(DISPENSER_CHANGE_GAP_MS);
  const jammedAt = time.now();
  byId('pillar-1').type('jam 1');
  await until(() => row(fleet(), 'pillar-1').dispenser === 'jammed', 'the jam in `olifant hub fleet --json`', 120_000);
  const jammed = fleet();
  assert.deepEqual([jammed.pillars[0].id, row(jammed, 'pillar-1').dispenser, row(jammed, 'pillar-1').reasons[0]], ['pillar-1', 'jammed', { code: 'jammed' }]);
  const store = new HubStore(hubDir);
  t.after(() => store.close());
  const told = new HealthStore(store.db).history('pillar-1').find((h) => h.record.dispenser === 'jammed')!;
  t.diagnostic(`the jam reached the hub ${told.at - jammedAt} ms after the board jammed, on the processes' clock`);
  assert.ok(told.at - jammedAt <= CHECK_IN_EVERY_MS, 'the jam was told within one check-in period (the dispenser change is told at once)');
  await page.clock.fastForward(PAGE_ASKS_AGAIN_MS);
  await onPage('pillar-1').getByText('Een kaartenstapel zit vast: maak hem los.').waitFor();
  assert.equal(await page.locator('tbody tr').first().getAttribute('data-pillar'), 'pillar-1', 'the page shows it first, without a reload');

  // Pillar 2 is killed -9: just after, it is not silent yet.
  await stopProcess(byId('pillar-2').kiosk.child, 'SIGKILL');
  assert.equal(row(fleet(), 'pillar-2').reasons.some((r) => r.code === 'silent'), false, 'not silent before the threshold');

  // Two hours and a minute later (pillars 1 and 3 check in every 2 minutes): five students answer
  // on pillar 3; half a minute on (their answers sent), pillar 1's stack is cleared.
  await time.advance(SILENT_AFTER_MS + 60_000);
  const movedTo = time.now();
  for (let i = 0; i < MIN_GROUP; i++) {
    const answered = await fetch(`${byId('pillar-3').kiosk.url}api/submitAnswer`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answerId: randomUUID(), questionId: 'naam-op-cv', value: '2', language: 'nl', shownMs: 3000 }),
    });
    assert.equal(answered.status, 200);
  }
  await time.advance(DISPENSER_CHANGE_GAP_MS);
  byId('pillar-1').type('clear 1');
  // Their last contact is to the minute.
  await until(() => {
    const view = fleet();
    return ['pillar-1', 'pillar-3'].every((id) => Date.parse(row(view, id).lastContact!.at) >= movedTo - 60_000) && row(view, 'pillar-1').dispenser === 'ok' && row(view, 'pillar-3').answersToday === MIN_GROUP;
  }, "pillars 1 and 3 heard of after the two hours, and pillar 3's answers today (a group that reaches the floor)", 120_000);
  const later = fleet();
  const silent = row(later, 'pillar-2');
  assert.equal(later.pillars[0].id, 'pillar-2', 'the silent pillar needs someone first');
  assert.equal(silent.reasons[0].code, 'silent');
  assert.ok((silent.reasons[0] as { minutes: number }).minutes >= 120, JSON.stringify(silent.reasons));
  assert.deepEqual(silent.visit && [silent.visit.id, silent.visit.endedHour], ['2026-11-24-venue-2', null], 'during its venue visit');
  for (const id of ['pillar-1', 'pillar-3']) assert.deepEqual(row(later, id).reasons, [], `${id} needs nobody`);
  await page.clock.fastForward(PAGE_ASKS_AGAIN_MS);
  await onPage('pillar-2').getByText(/^Al \d+ minuten geen contact, terwijl het locatiebezoek loopt\./).waitFor();
  await onPage('pillar-1').getByText('in orde', { exact: true }).first().waitFor();
  assert.equal(await page.locator('tbody tr').first().getAttribute('data-pillar'), 'pillar-2');
});
