// The hub's figures: sync, a big bundle, a season at scale, the pillar at scale, the presenter, the fleet view.

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { sign } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import { resultsAt } from '../../electron/kiosk/tour/rest.ts';
import { lecture } from '../../electron/lecture-files/lecture.ts';
import { lectureCharts } from '../../electron/lecture-files/png.ts';
import type { HubHealth } from '../../electron/api/organiser.ts';
import type { SyncRecord } from '../../electron/api/sync.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { HealthStore, THINNING } from '../../electron/hub/health.ts';
import { systemClock } from '../../time/clock.ts';
import { openDatabase } from '../../electron/platform/sqlite.ts';
import { writeBundle } from '../../electron/results/bundle.ts';
import { pillarKey } from '../../electron/kiosk/sync/identity.ts';
import { Outbox } from '../../electron/kiosk/sync/outbox.ts';
import { SyncSender } from '../../electron/kiosk/sync/sender.ts';
import { launchChromium } from '../helpers/browser.ts';
import { CLI } from '../helpers/cli.ts';
import { tourBatches, tourVisitIds } from '../helpers/tour.ts';
import { backlogPillar, benchAnswer } from './pillar.ts';
import { tapToFrame } from './ui.ts';
import { hubProcess, median, ok, percentile, print, quiet, temp, timed } from './common.ts';

/** The hub: ingest rate against raw SQLite, a 100,000-answer backlog sent over loopback, bundles of 100,000. */
export async function hubFigures(): Promise<void> {
  const BATCHES = 100;
  const rows = Array.from({ length: BATCHES }, (_, b) => Array.from({ length: 1000 }, (_, i) => benchAnswer('pillar-bench', b * 1000 + i)));

  // Raw: the same rows, the same pragmas, one transaction per 1000.
  const raw = openDatabase(path.join(temp, 'raw', 'raw.sqlite'));
  raw.exec('CREATE TABLE answers (id TEXT PRIMARY KEY, pillar_id TEXT NOT NULL, venue_session_id TEXT NOT NULL, pack_id TEXT NOT NULL, pack_version INTEGER NOT NULL, question_id TEXT NOT NULL, value TEXT NOT NULL, language TEXT NOT NULL, hour TEXT NOT NULL, suspect TEXT) STRICT, WITHOUT ROWID');
  const insert = raw.prepare('INSERT INTO answers VALUES (@id, @pillar_id, @venue_session_id, @pack_id, @pack_version, @question_id, @value, @language, @hour, @suspect)');
  const tRaw = performance.now();
  for (const batch of rows) raw.transaction(() => batch.forEach((r) => insert.run(r)))();
  const rawRate = (BATCHES * 1000) / ((performance.now() - tRaw) / 1000);
  raw.close();

  // The hub, over HTTP on loopback, in its own process.
  const hubDir = path.join(temp, 'hub');
  const added = spawnSync(process.execPath, [CLI, 'hub', 'add-pillar', 'pillar-bench', '--data-dir', hubDir], { encoding: 'utf8' });
  const token = (JSON.parse(added.stdout.trim().split('\n').at(-1)!) as { hubToken: string }).hubToken;
  const hub = spawn(process.execPath, [CLI, 'hub', '--port', '0', '--data-dir', hubDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => hub.stdout!.once('data', (line: Buffer) => resolve(line.toString().trim())));
  try {
    // The batches are made before the clock starts: the figure is the hub's, not the sender's.
    const bodies = rows.map((batch) => JSON.stringify({ pillar_id: 'pillar-bench', records: batch.map((r) => ({ type: 'answer', ...r })) }));
    const tHub = performance.now();
    for (const body of bodies) {
      const response = await fetch(`${url}/v1/batches`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      if (response.status !== 200) throw new Error(`the hub answered ${response.status}`);
    }
    const hubRate = (BATCHES * 1000) / ((performance.now() - tHub) / 1000);
    print('hub_ingest_rate', Math.round(hubRate), 'answers/s');
    print('sqlite_raw_insert_rate', Math.round(rawRate), 'answers/s');
    print('hub_ingest_vs_raw', hubRate / rawRate, 'ratio');

    // A pillar's backlog of 100,000 answers, sent by its sender; its memory sampled meanwhile.
    spawnSync(process.execPath, [CLI, 'hub', 'revoke-pillar', 'pillar-bench', '--data-dir', hubDir]);
    const again = spawnSync(process.execPath, [CLI, 'hub', 'add-pillar', 'pillar-backlog', '--data-dir', hubDir], { encoding: 'utf8' });
    const backlogToken = (JSON.parse(again.stdout.trim().split('\n').at(-1)!) as { hubToken: string }).hubToken;
    const pillarDir = path.join(temp, 'backlog');
    const { store, settings } = backlogPillar(pillarDir, 'pillar-backlog', 100_000);
    settings.update({ hubUrl: url, hubToken: backlogToken });
    const outbox = new Outbox(store);
    const sender = new SyncSender({ outbox, settings: () => settings.current(), log: quiet, statusFile: null });
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const tSend = performance.now();
    const report = await sender.send();
    const sendMs = performance.now() - tSend;
    clearInterval(sampler);
    if (report.problem) throw new Error(report.problem);
    print('backlog_100k_send', sendMs, 'ms');
    print('backlog_100k_send_peak_rss', Math.round(peak / 1024 / 1024), 'MiB');

    // A bundle of the same 100,000, written and imported.
    const key = pillarKey(pillarDir);
    const file = path.join(temp, 'pillar-backlog.olifant-results');
    const tExport = performance.now();
    writeBundle(file, 'pillar-backlog', key, outbox.everything(), new Date());
    print('bundle_100k_export', performance.now() - tExport, 'ms');
    store.close();
    settings.close();
    const tImport = performance.now();
    const imported = spawnSync(process.execPath, [CLI, 'hub', 'import', file, '--trust-new-pillar', '--data-dir', path.join(temp, 'hub-import')], { encoding: 'utf8' });
    if (imported.status !== 0) throw new Error(imported.stderr);
    print('bundle_100k_import', performance.now() - tImport, 'ms');
  } finally {
    hub.kill();
  }
}

/** A bundle of about 600 MB (2,150,000 answers) imported by the command: its time, and the peak memory of the process importing it. */
export async function bigBundleFigures(): Promise<void> {
  const COUNT = 2_150_000;
  const pillarDir = path.join(temp, 'big-pillar');
  mkdirSync(pillarDir, { recursive: true });
  const key = pillarKey(pillarDir);
  const file = path.join(temp, 'pillar-big.olifant-results');
  // Written a line at a time (bundleBytes would hold it all), then signed as a whole: this process may use the memory, the hub's may not.
  const out = openSync(file, 'w');
  writeSync(out, JSON.stringify({ format: 'olifant-results/1', pillar_id: 'pillar-big', public_key: key.publicKey, created_hour: '2026-11-24T13:00Z', counts: { answer: COUNT, venue: 0, pack: 0 } }) + '\n');
  for (let at = 0; at < COUNT; at += 10_000) {
    const lines = Array.from({ length: Math.min(10_000, COUNT - at) }, (_, i) => JSON.stringify({ type: 'answer', ...benchAnswer('pillar-big', at + i) }) + '\n');
    writeSync(out, lines.join(''));
  }
  closeSync(out);
  const signature = sign(null, readFileSync(file), key.privateKey).toString('base64');
  writeFileSync(file, JSON.stringify({ signature }) + '\n', { flag: 'a' });
  const hubDir = path.join(temp, 'big-hub');
  spawnSync(process.execPath, [CLI, 'hub', 'add-pillar', 'pillar-big', '--key', key.publicKey, '--data-dir', hubDir]);
  const tImport = performance.now();
  const child = spawn(process.execPath, [CLI, 'hub', 'import', file, '--data-dir', hubDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // The kernel's high-water mark of the child's resident memory, read until it exits.
  let peakKiB = 0;
  const sampler = setInterval(() => {
    try {
      peakKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? peakKiB);
    } catch {
      // gone already
    }
  }, 10);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(sampler);
  if (code !== 0) throw new Error(stderr);
  print('hub-bundle-import-600mb', performance.now() - tImport, 'ms');
  print('hub-bundle-import-rss-mb', Math.round(peakKiB / 1024), 'MB');
  rmSync(file, { force: true });
  rmSync(hubDir, { recursive: true, force: true });
}

/**
 * The hub at a season's size and ten times it: for each of 100,000 and 1,000,000 answers, a
 * whole tour of that size over the same 1,000 venue visits and 10 pillars (half the visits
 * without venue records), on a hub of its own. All but the last 25,000 answers go in through
 * the store itself (the same code as a batch, without HTTP); those through HTTP in batches of
 * 1000: 5 to warm up, the rest timed (the ingest rate). Then the lecturer's reads, and another
 * 30,000 answers sent while four lecturers reload the overview in a loop (each batch's
 * latency, the event loop's lag), the hub's memory, and at 1,000,000 the presenter's key to chart.
 */
export async function scaleFigures(): Promise<void> {
  const HTTP_ANSWERS = 25_000;
  for (const size of [100_000, 1_000_000]) {
    const label = size === 100_000 ? '100k' : '1m';
    // A whole tour of `size` answers over 1,000 visits, on a hub of its own; a second tour's
    // answers (the same visits, other ids) are what a pillar sends while lecturers load the overview.
    const shape = { seed: 16, pillars: 10, visits: 1000, answers: size };
    const hubDir = path.join(temp, `scale-hub-${label}`);
    const tokens = new Map<string, string>();
    const batches = tourBatches(shape);
    const visits = tourVisitIds(shape);
    let answers = 0;
    // Every pillar is registered while the store is filled: the tour sends each pillar's pack and visits first.
    const next = (from: Generator<{ pillarId: string; records: SyncRecord[] }>, pillars?: Pillars) => {
      const { value, done } = from.next();
      if (done) return null;
      if (!tokens.has(value.pillarId)) tokens.set(value.pillarId, pillars!.add(value.pillarId));
      answers += value.records.filter((r) => r.type === 'answer').length;
      return value;
    };
    const store = new HubStore(hubDir);
    const pillars = new Pillars(store);
    for (let n = 1; answers < size - HTTP_ANSWERS; n++) {
      const batch = next(batches, pillars)!;
      store.store(batch.records, batch.pillarId, 'batch');
      // A turn for the event loop now and then: Ctrl-C ends the bench at once, its processes too.
      if (n % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    store.close();
    const hub = await hubProcess(hubDir);
    try {
      const post = (batch: { pillarId: string; body: string }) =>
        ok(fetch(`${hub.url}/v1/batches`, { method: 'POST', headers: { authorization: `Bearer ${tokens.get(batch.pillarId)}`, 'content-type': 'application/json' }, body: batch.body }));
      // The bodies are made before the clock starts: the figure is the hub's, not the sender's.
      const bodies = (from: Generator<{ pillarId: string; records: SyncRecord[] }>) => {
        const made: Array<{ pillarId: string; records: SyncRecord[]; body: string }> = [];
        for (let b = next(from); b; b = next(from)) made.push({ ...b, body: JSON.stringify({ pillar_id: b.pillarId, records: b.records }) });
        return made;
      };
      const rest = bodies(batches);
      // Five batches first: the hub's code and its page cache warm up as they would in a day's work.
      for (const batch of rest.slice(0, 5)) await post(batch);
      const alone = rest.slice(5);
      const tIngest = performance.now();
      for (const batch of alone) await post(batch);
      const ingest = alone.reduce((n, b) => n + b.records.length, 0) / ((performance.now() - tIngest) / 1000);
      print(`hub_ingest_${label}`, Math.round(ingest), 'answers/s');
      const raw = openDatabase(path.join(temp, `raw-${label}`, 'raw.sqlite'));
      raw.exec('CREATE TABLE answers (id TEXT PRIMARY KEY, pillar_id TEXT NOT NULL, venue_session_id TEXT NOT NULL, pack_id TEXT NOT NULL, pack_version INTEGER NOT NULL, question_id TEXT NOT NULL, value TEXT NOT NULL, language TEXT NOT NULL, hour TEXT NOT NULL, suspect TEXT) STRICT, WITHOUT ROWID');
      const insert = raw.prepare('INSERT INTO answers VALUES (@id, @pillar_id, @venue_session_id, @pack_id, @pack_version, @question_id, @value, @language, @hour, @suspect)');
      const tRaw = performance.now();
      for (const batch of alone) raw.transaction(() => batch.records.forEach((r) => r.type === 'answer' && insert.run({ ...r, type: undefined })))();
      const rawRate = alone.reduce((n, b) => n + b.records.length, 0) / ((performance.now() - tRaw) / 1000);
      raw.close();
      print(`sqlite_raw_insert_${label}`, Math.round(rawRate), 'answers/s');
      print(`hub_ingest_vs_raw_${label}`, ingest / rawRate, 'ratio');

      const look = async (url: string, times: number) => {
        await ok(fetch(url));
        const spent: number[] = [];
        for (let i = 0; i < times; i++) spent.push(await timed(() => ok(fetch(url))));
        return median(spent);
      };
      print(`hub_overview_${label}`, await look(`${hub.url}/v1/lecture/overview`, 10), 'ms');
      print(`hub_visit_results_${label}`, await look(`${hub.url}/v1/lecture/visits/${visits[0]}`, 10), 'ms');
      const files = async () => {
        for (const format of ['pptx', 'xlsx', 'csv']) await ok(fetch(`${hub.url}/v1/lecture/visits/${visits[0]}/lecture.${format}`));
        const questions = JSON.parse(String(await ok(fetch(`${hub.url}/v1/lecture/visits/${visits[0]}`)))) as { questions: Array<{ id: string }> };
        for (const q of questions.questions) await ok(fetch(`${hub.url}/v1/lecture/visits/${visits[0]}/questions/${q.id}/chart.svg`));
      };
      await files();
      print(`hub_visit_files_${label}`, await timed(files), 'ms');
      const [pillarId, token] = [...tokens][0];
      await checkInFigures(hub.url, pillarId, token, visits, label);

      // Four lecturers reloading the overview while the pillars send another 30,000 answers.
      const loaded = bodies(tourBatches({ ...shape, seed: shape.seed + 1, answers: 30_000 }));
      await ok(fetch(`${hub.url}/v1/hub/health`));
      let loading = true;
      const lecturer = async () => {
        while (loading) await ok(fetch(`${hub.url}/v1/lecture/overview`));
      };
      const lecturers = Array.from({ length: 4 }, lecturer);
      const latencies: number[] = [];
      for (const batch of loaded) latencies.push(await timed(() => post(batch)));
      loading = false;
      await Promise.all(lecturers);
      const health = JSON.parse(String(await ok(fetch(`${hub.url}/v1/hub/health`)))) as HubHealth;
      print(`hub_batch_under_load_p99_${label}`, percentile(latencies, 99), 'ms');
      print(`hub_event_loop_lag_p99_${label}`, health.eventLoopDelayMs.p99, 'ms');
      print(`hub_rss_${label}`, Math.round(health.residentBytes / 1024 / 1024), 'MiB');

      // A visit without a venue record: its button is named by its id.
      if (size === 1_000_000) await presenterFigures(hub.url, visits[1]);
    } finally {
      await hub.stop();
    }
    if (size === 1_000_000) {
      // The PNG charts (for slides made by hand) are drawn by the command, not the hub's routes.
      const done = new HubStore(hubDir);
      print('lecture_png_all_1m', await timed(async () => lectureCharts(lecture(done.db, visits[0]))), 'ms');
      done.close();
    }
    rmSync(hubDir, { recursive: true, force: true });
  }
}

/**
 * A pillar's check-in at a hub of this size: the first for a visit works out the tour's figures
 * (after one for another visit, so that the route is warm); the next ones, nothing new having
 * arrived, answer with the kept figures.
 */
async function checkInFigures(url: string, pillarId: string, token: string, visits: string[], label: string): Promise<void> {
  const health = { type: 'health', pillar_id: pillarId, clock: '2026-11-24T13:07Z', app_version: '1.4.0', pack: null, dispenser: 'ok', cards_left: null, last_answer_hour: null, disk_free_mb: 1024, uptime_minutes: 60, errors: {} };
  const checkIn = (visit: string) => () =>
    ok(fetch(`${url}/v2/check-in`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ pillar_id: pillarId, health, visit, offers: [] }) }));
  await checkIn(visits[1])();
  print(`hub_check_in_tour_figures_${label}`, await timed(checkIn(visits[0])), 'ms');
  const kept: number[] = [];
  for (let i = 0; i < 10; i++) kept.push(await timed(checkIn(visits[0])));
  print(`hub_check_in_kept_figures_${label}`, median(kept), 'ms');
}

/** The result screen's figures (this visit against the rest of the tour) on a pillar with 1,000,000 answers of its own. */
export async function pillarScaleFigures(): Promise<void> {
  const shape = { seed: 5, pillars: 1, visits: 400, answers: 1_000_000 };
  const store = new AnswerStore(path.join(temp, 'pillar-scale', 'answers.sqlite'));
  store.transaction(() => {
    for (const batch of tourBatches(shape)) for (const r of batch.records) if (r.type === 'answer') store.insert(r);
  });
  const visit = tourVisitIds(shape).at(-1)!;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) times.push(await timed(async () => resultsAt(store.db, 'naam-op-cv', visit, null, 0)));
  print('kiosk_result_1m_local_answers', median(times), 'ms');
  store.close();
}

/** From a key press in the presenter to the revealed chart on the screen, on the hub as it is. */
export async function presenterFigures(url: string, visit: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${url}/presenter/`);
    await page.getByRole('button', { name: new RegExp(`^${visit} ·`) }).click();
    await page.getByRole('button', { name: 'Presenteer' }).click();
    await page.getByText(/Raad eerst/).waitFor();
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const shown = await tapToFrame(page, () => page.keyboard.press('Enter'), '.chart', 'keydown');
      latencies.push(shown.latency);
      await page.keyboard.press('Enter');
      await page.getByText(/Raad eerst/).waitFor();
    }
    print('presenter_key_to_chart_p95', percentile(latencies, 95), 'ms');
  } finally {
    await browser.close();
  }
}

/**
 * The fleet view at the size of a season: 50 pillars that checked in every 2 minutes for 120
 * days, their history thinned as the hub keeps it (2-minute records for the last day, hourly to
 * 30 days, daily before), and answers on every day. The page's ask (GET /v2/fleet) and a
 * check-in, on a real hub over loopback; and one thinning of a day's records of 50 pillars.
 */
export async function fleetFigures(): Promise<void> {
  const PILLARS = 50;
  const MINUTE = 60_000;
  const DAY = 24 * 60 * MINUTE;
  const now = Date.now();
  const hubDir = path.join(temp, 'fleet-hub');
  const store = new HubStore(hubDir);
  const pillars = new Pillars(store);
  const health = new HealthStore(store.db, { ...systemClock, now: () => now });
  const record = (id: string, at: number) => ({ type: 'health' as const, pillar_id: id, clock: new Date(at).toISOString().slice(0, 16) + 'Z', app_version: '1.4.0', pack: { id: 'olifant-tour', version: 7 }, dispenser: 'ok' as const, cards_left: 140, last_answer_hour: null, disk_free_mb: 5120, uptime_minutes: 60, errors: {} });
  const keep = store.db.prepare('INSERT INTO health_history (pillar_id, at, record) VALUES (?, ?, ?)');
  const tokens: string[] = [];
  let kept = 0;
  store.db.transaction(() => {
    for (let p = 0; p < PILLARS; p++) {
      const id = `pillar-${String(p).padStart(2, '0')}`;
      tokens.push(pillars.add(id));
      store.store([{ type: 'venue', id: `visit-${id}`, pillar_id: id, name: `Bezoek ${id}`, started_hour: '2026-11-24T08:00Z', ended_hour: null, revision: 1 }], id, 'batch');
      const season = [
        ...Array.from({ length: 90 }, (_, d) => now - 120 * DAY + d * DAY),
        ...Array.from({ length: 29 * 24 }, (_, h) => now - 30 * DAY + h * 60 * MINUTE),
        ...Array.from({ length: 720 }, (_, m) => now - DAY + m * 2 * MINUTE),
      ];
      for (const at of season) keep.run(id, at, JSON.stringify(record(id, at)));
      kept += season.length;
      for (let d = 0; d < 120; d++) for (let q = 0; q < 6; q++) store.db.prepare('INSERT INTO pillar_day_groups VALUES (?, ?, ?, ?, ?)').run(id, new Date(now - d * DAY).toISOString().slice(0, 10), `visit-${id}`, `question-${q}`, 7);
    }
    for (const { level, olderThanMs } of THINNING) store.db.prepare('INSERT INTO health_thinned VALUES (?, ?)').run(level, now - olderThanMs);
  })();
  for (let p = 0; p < PILLARS; p++) {
    const id = `pillar-${String(p).padStart(2, '0')}`;
    health.fromCheckIn(id, record(id, now), `visit-${id}`);
  }
  print('fleet_health_records_kept', kept, 'records');
  // A day's 2-minute records of 50 pillars passing 24 hours old: thinned to one an hour.
  const tThin = performance.now();
  const removed = health.thin(now + DAY);
  print('fleet_thin_day_50_pillars', performance.now() - tThin, 'ms');
  print('fleet_thin_day_removed', removed, 'records');
  store.close();

  const hub = await hubProcess(hubDir);
  try {
    const asks: number[] = [];
    await ok(fetch(`${hub.url}/v2/fleet`));
    for (let i = 0; i < 200; i++) asks.push(await timed(() => ok(fetch(`${hub.url}/v2/fleet`))));
    print('fleet_route_50_pillars_p50', median(asks), 'ms');
    print('fleet_route_50_pillars_p99', percentile(asks, 99), 'ms');
    const checkIns: number[] = [];
    for (let i = 0; i < 200; i++) {
      const id = `pillar-${String(i % PILLARS).padStart(2, '0')}`;
      const body = JSON.stringify({ pillar_id: id, health: record(id, Date.now()), visit: `visit-${id}`, offers: [] });
      checkIns.push(await timed(() => ok(fetch(`${hub.url}/v2/check-in`, { method: 'POST', headers: { authorization: `Bearer ${tokens[i % PILLARS]}`, 'content-type': 'application/json' }, body }))));
    }
    print('check_in_p50', median(checkIns), 'ms');
  } finally {
    await hub.stop();
  }
}
