// Answers reach the hub exactly once, whatever the network does. A real hub process on
// loopback, three pillars' real answer databases and senders, and a proxy in between that
// drops one request in five and cuts some responses after the hub has stored the batch. The
// hub is killed -9 mid-batches and restarted, a pillar is killed -9 mid-send (`olifant sync
// now` as a process), and the pillars are offline for a week of a clock the test controls.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, connect, type Socket } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import type { Answer } from '../../electron/results/records.ts';
import { loadBundledPack } from '../../electron/kiosk/packs/bundled.ts';
import { SettingsStore } from '../../electron/kiosk/settings/settings.ts';
import { Outbox } from '../../electron/kiosk/sync/outbox.ts';
import { POLL_MS as DRIVE_POLL_MS } from '../../electron/platform/usb.ts';
import { LOOK_MS, MAX_RETRY_MS, SyncSender } from '../../electron/kiosk/sync/sender.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { CLI } from '../helpers/cli.ts';
import { TestClock } from '../helpers/clock.ts';
import { addPillar, hubCommand, startHubProcess, stopProcess } from '../helpers/hub.ts';
import { startKiosk } from '../helpers/kiosk.ts';
import { stick } from '../helpers/stick.ts';
import { seededRandom } from '../helpers/seeded.ts';
import { dataDir, tempDir, until } from '../helpers/tmp.ts';

const WEEK_MS = 7 * 24 * 3600_000;

/** A TCP proxy to the hub that drops some requests and cuts some responses once the hub has answered. */
async function flakyProxy(random: () => number, upstream: () => number, offline: () => boolean) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (offline()) return void client.destroy();
    const hub = connect(upstream(), '127.0.0.1');
    sockets.add(hub);
    hub.on('close', () => sockets.delete(hub));
    let cutNextResponse = false;
    const kill = () => (client.destroy(), hub.destroy());
    hub.on('error', kill);
    client.on('error', kill);
    client.on('data', (chunk: Buffer) => {
      // A new request on this connection: one in five is dropped, one in ten loses its response.
      if (chunk.subarray(0, 5).toString() === 'POST ') {
        if (offline()) return kill();
        const roll = random();
        if (roll < 0.2) return kill();
        cutNextResponse = roll < 0.3;
      }
      hub.write(chunk);
    });
    hub.on('data', (chunk: Buffer) => (cutNextResponse ? kill() : client.write(chunk)));
    client.on('end', () => hub.end());
    hub.on('end', () => client.end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))) };
}

test('10,000 answers from 3 pillars over 5 venue visits reach the hub exactly once through a week offline, a flaky proxy, a hub killed -9 and a pillar killed -9', { timeout: 240_000 }, async (t) => {
  const random = seededRandom((m) => t.diagnostic(m));
  const hubDir = tempDir();
  const pillarIds = ['pillar-1', 'pillar-2', 'pillar-3'];
  const tokens = pillarIds.map((id) => addPillar(hubDir, id));
  let hub = await startHubProcess(hubDir);
  t.after(() => stopProcess(hub.child));
  const hubPort = () => Number(new URL(hub.url).port);

  // The clock every sender waits on: every wait passes at once, and the waits longer than a look are the backoff.
  const retries: number[] = [];
  const clock = new TestClock({ start: Date.UTC(2026, 10, 24, 9), mode: 'instant', onSchedule: (ms) => ms > LOOK_MS && retries.push(ms) });
  const start = clock.now();
  const proxy = await flakyProxy(random, hubPort, () => clock.now() < start + WEEK_MS);
  t.after(() => proxy.close());

  const bundled = await loadBundledPack();
  const visits = [['pillar-1', 'a'], ['pillar-1', 'b'], ['pillar-2', 'c'], ['pillar-2', 'd'], ['pillar-3', 'e']];
  const pillars = pillarIds.map((id, i) => {
    const dir = dataDir({ pillarId: id, hubUrl: proxy.url, hubToken: tokens[i] });
    const settings = new SettingsStore(dir, () => {});
    const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
    const outbox = new Outbox(store);
    outbox.recordPack(bundled);
    const mine = visits.filter(([pillar]) => pillar === id).map(([, v]) => `2026-11-2${v.charCodeAt(0) - 96}-venue-${v}`);
    for (const [n, venue] of mine.entries()) {
      for (const revision of [1, 2]) store.saveVenue({ id: venue, pillar_id: id, name: `Venue ${venue} r${revision}`, started_hour: '2026-11-21T08:00Z', ended_hour: n === 0 ? '2026-11-21T17:00Z' : null, revision });
    }
    const count = i === 0 ? 3334 : 3333;
    store.transaction(() => {
      for (let k = 0; k < count; k++) {
        const answer: Answer = {
          id: randomUUID(), pillar_id: id, venue_session_id: mine[k % mine.length], pack_id: bundled.pack.id, pack_version: bundled.pack.version,
          question_id: bundled.pack.questions[k % 6].id, value: '1', language: k % 3 === 0 ? 'en' : 'nl', hour: `2026-11-2${1 + (k % 5)}T1${k % 8}:00Z`, suspect: null,
        };
        store.insert(answer);
      }
    });
    const sender = new SyncSender({ outbox, settings: () => settings.current(), log: () => {}, statusFile: path.join(dir, 'sync-status.json'), clock, random });
    return { id, dir, settings, store, outbox, sender };
  });
  t.after(async () => {
    for (const p of pillars) {
      await p.sender.stop();
      p.store.close();
      p.settings.close();
    }
  });
  const hubStore = new HubStore(hubDir);
  t.after(() => hubStore.close());

  for (const p of pillars) p.sender.start();
  await until(() => clock.now() >= start + WEEK_MS, 'a week offline', 120_000);
  assert.equal(hubStore.answerCount(), 0, 'nothing got through while offline');
  assert.ok(retries.length > 0 && Math.max(...retries) <= MAX_RETRY_MS, `tries backed off to at most 15 minutes (longest ${Math.max(...retries)} ms)`);
  assert.ok(retries.filter((ms) => ms >= MAX_RETRY_MS * 0.75).length > 100, 'and kept trying all week at the longest wait');

  // The hub killed -9 in the middle of taking batches in, and started again (on another port).
  await until(() => hubStore.answerCount() > 2000, 'the first batches through the flaky proxy', 60_000);
  await stopProcess(hub.child, 'SIGKILL');
  hub = await startHubProcess(hubDir);

  // A pillar killed -9 while `olifant sync now` sends (beside its own sender).
  const cli = spawn(process.execPath, [CLI, 'sync', 'now', '--data-dir', pillars[2].dir], { stdio: 'ignore' });
  const before = hubStore.answerCount();
  await until(() => hubStore.answerCount() > before || cli.exitCode !== null, 'the command sending', 60_000);
  await stopProcess(cli, 'SIGKILL');

  await until(() => pillars.every((p) => Object.values(p.outbox.waiting()).every((n) => n === 0)), 'every pillar having sent everything', 180_000);
  assert.equal(hubStore.answerCount(), 10_000, 'each answer once');
  for (const p of pillars) {
    const ids = (p.store.db.prepare('SELECT id FROM answers').all() as Array<{ id: string }>).map((r) => r.id);
    const there = hubStore.db.prepare(`SELECT COUNT(*) AS n FROM answers WHERE pillar_id = ?`).get(p.id) as { n: number };
    assert.equal(there.n, ids.length, `${p.id}: all of its answers`);
  }
  const venues = hubStore.db.prepare('SELECT id, revision, name FROM venues ORDER BY id').all() as Array<{ id: string; revision: number; name: string }>;
  assert.equal(venues.length, 5);
  assert.ok(venues.every((v) => v.revision === 2 && v.name.endsWith('r2')), 'each visit at its newest revision');
  assert.equal((hubStore.db.prepare('SELECT COUNT(*) AS n FROM packs').get() as { n: number }).n, 3, "the pack, once as each pillar's own");
  const status = pillars[0].sender.status();
  assert.equal(status.lastProblem, null);
  assert.match(status.lastSuccess ?? '', /^2026-12-0\dT\d{2}:\d{2}Z$/, 'the last success, a week after the start, to the minute');

  // A resend with changed content is a conflict: refused, logged, the stored answer unchanged.
  const [first] = [...pillars[0].store.all()];
  const conflict = await fetch(`${hub.url}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ pillar_id: 'pillar-1', records: [{ type: 'answer', ...first, value: '5' }] }),
  });
  assert.deepEqual(await conflict.json(), { stored: 0, duplicates: 0, conflicts: [first.id] });
  assert.equal((hubStore.db.prepare('SELECT value FROM answers WHERE id = ?').get(first.id) as { value: string }).value, '1');
  assert.ok(hubStore.events().some((e) => e.kind === 'conflict' && e.detail.includes(first.id)));
});

test('a 401 stops sending and tells the operator in plain words; a new token starts it again', async (t) => {
  const hubDir = tempDir();
  const token = addPillar(hubDir, 'pillar-x');
  const hub = await startHubProcess(hubDir);
  t.after(() => stopProcess(hub.child));
  const dir = dataDir({ pillarId: 'pillar-x', hubUrl: hub.url, hubToken: 'wrong-token-0123456789' });
  const settings = new SettingsStore(dir, () => {});
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  t.after(() => (store.close(), settings.close()));
  const outbox = new Outbox(store);
  outbox.recordPack(await loadBundledPack());
  const sender = new SyncSender({ outbox, settings: () => settings.current(), log: () => {}, statusFile: null });
  const refused = await sender.send();
  assert.equal(refused.refused, true);
  assert.match(refused.problem ?? '', /^The hub does not know this pillar's token: unknown or revoked token.*set it as hubToken\.$/);
  assert.equal(sender.status().lastProblem, refused.problem);
  assert.equal(outbox.waiting().packs, 1, 'nothing marked sent');
  settings.update({ hubToken: token });
  const sent = await sender.send();
  assert.deepEqual([sent.problem, sent.sent.packs], [null, 1]);
  assert.equal(sender.status().lastProblem, null);
});

test('the hub on a stick: `hub add-pillar --stick` writes this pillar\'s settings there, the service screen takes them, and the answers go', async (t) => {
  const hubDir = tempDir();
  const hub = await startHubProcess(hubDir);
  t.after(() => stopProcess(hub.child));
  const drives = tempDir('olifant-drives-');
  // The kiosk's time flows, and jumps past the waits that are not the point: its next look at the mounts, and at the outbox.
  const clock = new TestClock({ mode: 'flowing' });
  const kiosk = await startKiosk({ settings: { usbRoots: [drives] }, clock });
  const usb = stick(4, (m) => t.diagnostic(m), drives);
  const added = hubCommand(hubDir, 'add-pillar', 'pillar-test', '--url', hub.url, '--stick', usb.dir);
  assert.equal(added.status, 0, added.stderr);
  // Another pillar's file on the same stick is not this pillar's business.
  assert.equal(hubCommand(hubDir, 'add-pillar', 'pillar-other', '--url', hub.url, '--stick', usb.dir).status, 0);

  await until(() => kiosk.app.pillar.status().link === 'connected', 'the simulated board');
  kiosk.app.board!.setService(true);
  await until(() => kiosk.app.operatorSession.open, 'the door session');
  const operator = kiosk.app.operator.handlers;
  await clock.advance(DRIVE_POLL_MS);
  await until(async () => (await operator.overview()).hubOnStick?.hubUrl === hub.url, 'the kiosk noticing the stick');
  assert.deepEqual(await operator.useHubOnStick(), { hubUrl: hub.url });
  assert.equal(kiosk.app.settings.current().hubUrl, hub.url);
  await clock.advance(LOOK_MS);
  await until(() => kiosk.app.sync.status().lastSuccess !== null, 'the first batch at the hub', 30_000);
  const stored = new HubStore(hubDir);
  t.after(() => stored.close());
  assert.equal((stored.db.prepare('SELECT COUNT(*) AS n FROM packs').get() as { n: number }).n, 1, "the pack went, under this pillar's token");
});
