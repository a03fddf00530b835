// The fleet view on the hub's page for `npm run screenshots`: three pillars at three venues,
// one jammed, one silent for over two hours during its visit, one all well, as the hub shows
// them at 1400x700, DIR/fleet.png; README's picture (tests/screenshots/fleet.png) is made again from it.

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { HealthRecord } from '../../electron/api/check-in.ts';
import { HealthStore } from '../../electron/hub/health.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { systemClock } from '../../time/clock.ts';

const NOW = Date.UTC(2026, 10, 24, 14, 30);
const MINUTE = 60_000;

const health = (pillarId: string, at: number, over: Partial<HealthRecord>): HealthRecord => ({
  type: 'health', pillar_id: pillarId, clock: new Date(at).toISOString().slice(0, 16) + 'Z', app_version: '1.4.0', pack: { id: 'olifant-tour', version: 7 },
  dispenser: 'ok', cards_left: 180, last_answer_hour: '2026-11-24T14:00Z', disk_free_mb: 5120, uptime_minutes: 300, errors: {}, ...over,
});

export async function fleetScreenshot(browser: Browser, out: string): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'olifant-fleet-'));
  const store = new HubStore(work);
  let now = NOW - 135 * MINUTE;
  const clock = { ...systemClock, now: () => now };
  const pillars = new Pillars(store);
  const venues: Array<[string, string, string]> = [['zuil-1', 'Hogeschool van Amsterdam', '2026-11-24-hva-amsterdam'], ['zuil-2', 'Universiteit Utrecht', '2026-11-24-uu-utrecht'], ['zuil-3', 'Radboud Universiteit', '2026-11-24-ru-nijmegen']];
  for (const [id, venue, visit] of venues) {
    pillars.add(id, `Zuil ${id.slice(-1)}`);
    store.store([{ type: 'venue', id: visit, pillar_id: id, name: venue, started_hour: '2026-11-24T08:00Z', ended_hour: null, revision: 1 }], id, 'bundle');
  }
  const answers = (id: string, visit: string, n: number) =>
    store.store(Array.from({ length: n }, (_, i) => ({ type: 'answer' as const, id: `00000000-0000-4000-8000-${id.slice(-1)}${String(i).padStart(11, '0')}`, pillar_id: id, venue_session_id: visit, pack_id: 'olifant-tour', pack_version: 7, question_id: 'naam-op-cv', value: '3', language: 'nl', hour: '2026-11-24T12:00Z', suspect: null })), id, 'bundle');
  answers('zuil-1', venues[0][2], 64);
  answers('zuil-2', venues[1][2], 23);
  answers('zuil-3', venues[2][2], 41);
  const kept = new HealthStore(store.db, clock);
  // Zuil 2 was last heard of 2 hours and 15 minutes ago; the others just now.
  kept.fromCheckIn('zuil-2', health('zuil-2', now, { cards_left: 140 }), venues[1][2]);
  now = NOW - 2 * MINUTE;
  kept.fromCheckIn('zuil-1', health('zuil-1', now, { dispenser: 'jammed', cards_left: 92, errors: { jam: 1 } }), venues[0][2]);
  kept.fromCheckIn('zuil-3', health('zuil-3', now, { cards_left: 210 }), venues[2][2]);
  now = NOW;
  const app = buildHub(store, pillars, { clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 700 } });
    await page.goto(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`);
    await page.locator('tr[data-pillar="zuil-2"]').waitFor();
    const file = path.join(out, 'fleet.png');
    await page.screenshot({ path: file, fullPage: true });
    copyFileSync(file, new URL('fleet.png', import.meta.url));
    process.stdout.write(`the fleet view in ${file}\n`);
    await page.close();
  } finally {
    await app.close();
    store.close();
    rmSync(work, { recursive: true, force: true });
  }
}
