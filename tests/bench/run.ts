// `npm run bench [-- GROUP...]`: speed figures, one per line as `name value unit`. Measured,
// not asserted: a busy machine changes the numbers, never a test result.

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createHash, randomBytes, randomUUID, sign } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { generateSigningKey, signManifest } from '../../content/signing.ts';
import { bundledPackDir } from '../../electron/core/packs/bundled.ts';
import { visitResults } from '../../electron/core/answers/results.ts';
import { AnswerStore } from '../../electron/core/answers/store.ts';
import { lecture } from '../../electron/core/report/lecture.ts';
import { lectureCharts } from '../../electron/core/report/png.ts';
import { lecturePresentation } from '../../electron/core/report/pptx.ts';
import { lectureWorkbook } from '../../electron/core/report/xlsx.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { StickPacks } from '../../electron/core/packs/stick.ts';
import { openDatabase } from '../../electron/core/platform/sqlite.ts';
import { SettingsStore } from '../../electron/core/settings/settings.ts';
import { writeBundle } from '../../electron/core/sync/bundle.ts';
import { pillarKey } from '../../electron/core/sync/identity.ts';
import { Outbox } from '../../electron/core/sync/outbox.ts';
import { SyncSender } from '../../electron/core/sync/sender.ts';
import { openPackStore } from '../../electron/core/packs/store.ts';
import { DriveWatcher } from '../../electron/core/platform/usb.ts';
import { createOlifant } from '../../electron/core/olifant.ts';
import { startServer } from '../../electron/carriers/http.ts';
import { PillarDriver } from '../../hardware/driver.ts';
import { serialLinkSource } from '../../hardware/serial-link.ts';
import { startSimulator } from '../../hardware/simulator.ts';
import { launchChromium } from '../helpers/browser.ts';
import { ptyPair } from '../helpers/pty.ts';
import { CLI } from '../helpers/cli.ts';
import { seededRandom } from '../helpers/seeded.ts';

const temp = mkdtempSync(path.join(os.tmpdir(), 'olifant-bench-'));
const quiet = () => {};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function print(name: string, value: number, unit: string): void {
  process.stdout.write(`${name} ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}\n`);
}

/** In the page: from the tap (pointerdown, or a key) to the first animation frame that shows `selector`, and the frames dropped in the next 400 ms. */
async function tapToFrame(page: Page, tap: () => Promise<void>, selector: string, eventType: 'pointerdown' | 'keydown' = 'pointerdown'): Promise<{ latency: number; dropped: number }> {
  await page.evaluate(`(() => {
    window.__bench = new Promise((resolve) => {
      addEventListener(${JSON.stringify(eventType)}, (event) => {
        const t0 = event.timeStamp;
        let latency = null;
        const frames = [];
        const step = (now) => {
          frames.push(now);
          if (latency === null && document.querySelector(${JSON.stringify(selector)})) latency = now - t0;
          if (now - t0 < 400 || latency === null) requestAnimationFrame(step);
          else {
            let dropped = 0;
            for (let i = 1; i < frames.length; i++) dropped += Math.max(0, Math.round((frames[i] - frames[i - 1]) / (1000 / 60)) - 1);
            resolve({ latency, dropped });
          }
        };
        requestAnimationFrame(step);
      }, { capture: true, once: true });
    });
  })()`);
  await tap();
  return (await page.evaluate('window.__bench')) as { latency: number; dropped: number };
}

async function uiFigures(): Promise<void> {
  const app = await createOlifant({ dataDir: path.join(temp, 'ui'), pillar: 'simulated', log: quiet });
  const server = await startServer(app);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: /Raak me aan/ }).click();
    await page.getByRole('button', { name: /^Vraag 1/ }).waitFor();
    const latencies: number[] = [];
    const dropped: number[] = [];
    for (let i = 0; i < 30; i++) {
      await page.waitForTimeout(450);
      const card = (await page.getByRole('button', { name: /^Vraag 1/ }).boundingBox())!;
      const forth = await tapToFrame(page, () => page.mouse.click(card.x + 20, card.y + 20), '.screen-question');
      await page.waitForTimeout(450);
      const back = (await page.getByRole('button', { name: /Terug/ }).boundingBox())!;
      const again = await tapToFrame(page, () => page.mouse.click(back.x + 20, back.y + 20), '.screen-choose');
      for (const s of [forth, again]) {
        latencies.push(s.latency);
        dropped.push(s.dropped);
      }
    }
    print('tap_to_frame_p50', percentile(latencies, 50), 'ms');
    print('tap_to_frame_p95', percentile(latencies, 95), 'ms');
    print('transition_dropped_frames_mean', dropped.reduce((a, b) => a + b, 0) / dropped.length, 'frames');
    print('transition_dropped_frames_max', Math.max(...dropped), 'frames');

    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const child = spawn(process.execPath, [CLI, 'serve', '--pillar', 'simulated'], { env: { ...process.env, OLIFANT_DATA_DIR: path.join(temp, `cold-${i}`) }, stdio: ['ignore', 'pipe', 'ignore'] });
      const url = await new Promise<string>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(c.toString().trim())));
      const fresh = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
      const coldPage = await fresh.newPage();
      await coldPage.goto(url);
      await coldPage.getByRole('button', { name: /Raak me aan/ }).waitFor();
      starts.push(performance.now() - t0);
      await fresh.close();
      child.kill('SIGTERM');
    }
    print('cold_start_to_attract', percentile(starts, 50), 'ms');
  } finally {
    await browser.close();
    await server.close();
    await app.close();
  }
}

async function commitFigures(): Promise<void> {
  const app = await createOlifant({ dataDir: path.join(temp, 'commit'), pillar: 'simulated', log: quiet });
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const request = { answerId: randomUUID(), questionId: 'naam-op-cv', value: String((i % 5) + 1), language: 'nl', shownMs: 5000 };
    const t0 = performance.now();
    app.student.handlers.submitAnswer(request);
    times.push(performance.now() - t0);
  }
  await app.close();
  print('answer_commit_p50', percentile(times, 50), 'ms');
  print('answer_commit_p99', percentile(times, 99), 'ms');
}

async function ptyFigures(): Promise<void> {
  const pty = await ptyPair(path.join(temp, 'host'), path.join(temp, 'board'));
  const sim = await startSimulator(pty.b, { autoTakeMs: null });
  const driver = new PillarDriver(serialLinkSource({ listPorts: async () => [pty.a] }), { log: quiet });
  driver.start();
  while (driver.status().link !== 'connected') await new Promise((r) => setTimeout(r, 20));
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await driver.led('SOLID', [i % 256, 0, 0]);
    times.push(performance.now() - t0);
  }
  await driver.stop();
  await sim.close();
  await pty.unplug();
  print('pty_round_trip_p50', percentile(times, 50), 'ms');
  print('pty_round_trip_p99', percentile(times, 99), 'ms');
}

/** The statistical run: lossy lines both ways over a pty with the protocol's own timings; then replugging the cable. */
async function lossyFigures(): Promise<void> {
  const host = path.join(temp, 'lossy-host');
  const boardEnd = path.join(temp, 'lossy-board');
  let pty = await ptyPair(host, boardEnd);
  let sim = await startSimulator(boardEnd, { dispenseMs: 400, autoTakeMs: null, random: seededRandom((m) => process.stderr.write(`${m}\n`)) });
  Object.assign(sim.board.faults, { lossIn: 0.05, lossOut: 0.05, corruptIn: 0.05, corruptOut: 0.05 });
  const driver = new PillarDriver(serialLinkSource({ listPorts: async () => (existsSync(host) ? [host] : []) }), { log: quiet });
  const waitFor = async (link: 'connected' | 'connecting') => {
    while (driver.status().link !== link) await new Promise((r) => setTimeout(r, 5));
  };
  driver.start();
  await waitFor('connected');
  const times: number[] = [];
  let ok = 0;
  const runs = 200;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if ((await driver.dispense((i % 6) + 1)).ok) ok++;
    times.push(performance.now() - t0);
    sim.board.take();
  }
  const replug: number[] = [];
  for (let i = 0; i < 10; i++) {
    await sim.close();
    await pty.unplug();
    await waitFor('connecting');
    pty = await ptyPair(host, boardEnd);
    sim = await startSimulator(boardEnd, { dispenseMs: 5, autoTakeMs: null });
    const t0 = performance.now();
    await waitFor('connected');
    replug.push(performance.now() - t0);
  }
  await driver.stop();
  await sim.close();
  await pty.unplug();
  print('lossy_dispense_ok', (ok / runs) * 100, '%');
  print('lossy_dispense_p50', percentile(times, 50), 'ms');
  print('lossy_dispense_p95', percentile(times, 95), 'ms');
  print('replug_to_connected_p95', percentile(replug, 95), 'ms');
}

/** A signed pack of 100 MiB of images (10 of 10 MiB, the format's limits) on a stick: noticed to previewed, and installed. */
async function stickFigures(): Promise<void> {
  const key = generateSigningKey();
  const drives = path.join(temp, 'drives');
  const drive = path.join(drives, 'stick');
  mkdirSync(drive, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=120m', 'tmpfs', drive]).status === 0;
  if (!mounted) process.stderr.write('stick figures: mounting a tmpfs was refused; a folder stands in for the stick\n');
  try {
    const dir = path.join(drive, 'olifant-pack');
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(bundledPackDir(), 'pack.json'), 'utf8'));
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    for (let i = 0; i < 10; i++) {
      const bytes = Buffer.concat([png, randomBytes(10 * 1024 * 1024 - png.length - 64 * 1024)]);
      writeFileSync(path.join(dir, 'assets', `big-${i}.png`), bytes);
      manifest.assets[`assets/big-${i}.png`] = createHash('sha256').update(bytes).digest('hex');
    }
    manifest.version = 2;
    const raw = Buffer.from(JSON.stringify(manifest));
    writeFileSync(path.join(dir, 'pack.json'), raw);
    writeFileSync(path.join(dir, 'pack.sig'), signManifest(raw, key.privateKeyPem));
    const packs = await openPackStore(path.join(temp, 'stick-data'), () => ({ trustedKeys: [key.publicKey], allowUnsignedPacks: false }), quiet);
    const watcher = new DriveWatcher({ roots: () => [drives], readMounts: mounted ? undefined : () => `tmpfs ${drive} tmpfs rw 0 0`, platform: 'linux' });
    const sticky = new StickPacks({ drives: () => watcher.drives().filter((d) => d.root === drive), onEvent: watcher.onEvent.bind(watcher), unmountedRoots: watcher.unmountedRoots.bind(watcher) }, packs, quiet);
    const t0 = performance.now();
    watcher.poll();
    await sticky.look();
    const previewed = performance.now() - t0;
    if (sticky.view().kind !== 'found') throw new Error(`the big pack was not previewed: ${JSON.stringify(sticky.view())}`);
    print('stick_mounted_to_previewed_100mib', previewed, 'ms');
    const t1 = performance.now();
    await sticky.install(false);
    print('stick_pack_install_100mib', performance.now() - t1, 'ms');
    sticky.close();
  } finally {
    if (mounted) spawnSync('umount', ['-l', drive]);
  }
}

/** 100,000 answers on one pillar, for the hub figures. */
function backlogPillar(dir: string, pillarId: string, count: number): { store: AnswerStore; settings: SettingsStore } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'pillar-id'), pillarId);
  const settings = new SettingsStore(dir, quiet);
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  store.transaction(() => {
    for (let i = 0; i < count; i++) store.insert(benchAnswer(pillarId, i));
  });
  return { store, settings };
}

const benchAnswer = (pillarId: string, i: number) => ({
  id: randomUUID(), pillar_id: pillarId, venue_session_id: '2026-11-24-hva-amsterdam', pack_id: 'olifant-tour', pack_version: 1,
  question_id: 'naam-op-cv', value: String((i % 5) + 1), language: 'nl', hour: '2026-11-24T13:00Z', suspect: null,
});

/** The hub: ingest rate against raw SQLite, a 100,000-answer backlog sent over loopback, bundles of 100,000. */
async function hubFigures(): Promise<void> {
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
async function bigBundleFigures(): Promise<void> {
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

/** The lecture: a visit's distributions on a hub of 1,000,000 answers, its files, and key to revealed chart in the presenter. */
async function lectureFigures(): Promise<void> {
  const hubDir = path.join(temp, 'lecture-hub');
  const store = new HubStore(hubDir);
  const manifest = JSON.parse(readFileSync(path.join(bundledPackDir(), 'pack.json'), 'utf8')) as { id: string; version: number; questions: Array<{ id: string; answer: { type: string; steps?: number; options?: Array<{ id: string }> } }> };
  store.db.prepare('INSERT INTO packs (id, version, manifest) VALUES (?, ?, ?)').run(manifest.id, manifest.version, JSON.stringify(manifest));
  const insert = store.db.prepare('INSERT INTO answers (id, pillar_id, venue_session_id, pack_id, pack_version, question_id, value, language, hour, suspect) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)');
  const random = seededRandom((m) => process.stderr.write(`lecture figures: ${m}\n`));
  const valuesOf = (q: (typeof manifest.questions)[number]) => (q.answer.type === 'scale' ? Array.from({ length: q.answer.steps! }, (_, i) => String(i + 1)) : q.answer.options!.map((o) => o.id));
  store.db.transaction(() => {
    for (let i = 0; i < 1_000_000; i++) {
      const q = manifest.questions[i % manifest.questions.length];
      const values = valuesOf(q);
      const venue = i % 200 === 0 ? 'lecture-visit' : `visit-${Math.floor(random() * 400)}`;
      insert.run(randomUUID(), `pillar-${i % 3}`, venue, manifest.id, manifest.version, q.id, values[Math.floor(random() * values.length)], 'nl', '2026-11-24T13:00Z');
    }
  })();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    visitResults(store.db, 'lecture-visit');
    times.push(performance.now() - t0);
  }
  print('visit_distributions_1m_answers', percentile(times, 50), 'ms');
  const made = lecture(store.db, 'lecture-visit');
  let t0 = performance.now();
  await lecturePresentation(made);
  print('lecture_pptx', performance.now() - t0, 'ms');
  t0 = performance.now();
  await lectureWorkbook(made);
  print('lecture_xlsx', performance.now() - t0, 'ms');
  t0 = performance.now();
  lectureCharts(made);
  print('lecture_png_all', performance.now() - t0, 'ms');
  store.close();

  const hub = spawn(process.execPath, [CLI, 'hub', '--port', '0', '--data-dir', hubDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => hub.stdout!.once('data', (line: Buffer) => resolve(line.toString().trim())));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${url}/presenter/`);
    await page.getByRole('button', { name: /lecture-visit/ }).click();
    await page.getByRole('button', { name: 'Presenteer' }).click();
    await page.getByText(/Raad eerst/).waitFor();
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const shown = await tapToFrame(page, () => page.keyboard.press('Enter'), 'img.chart', 'keydown');
      latencies.push(shown.latency);
      await page.keyboard.press('Enter');
      await page.getByText(/Raad eerst/).waitFor();
    }
    print('presenter_key_to_chart_p95', percentile(latencies, 95), 'ms');
  } finally {
    await browser.close();
    hub.kill();
  }
}

/** `npm run bench [-- GROUP...]`: every group, or only the ones named. */
const groups: Record<string, () => Promise<void>> = { lecture: lectureFigures, hub: hubFigures, 'big-bundle': bigBundleFigures, stick: stickFigures, commit: commitFigures, pty: ptyFigures, lossy: lossyFigures, ui: uiFigures };
const named = process.argv.slice(2);
const unknown = named.filter((name) => !Object.hasOwn(groups, name));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench group ${unknown.join(', ')}; the groups: ${Object.keys(groups).join(', ')}\n`);
  process.exit(2);
}
try {
  for (const [name, run] of Object.entries(groups)) if (named.length === 0 || named.includes(name)) await run();
} finally {
  rmSync(temp, { recursive: true, force: true });
}
