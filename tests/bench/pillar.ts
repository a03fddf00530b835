// The pillar's own figures: an answer's commit, the serial link over a pty, lossy lines, a stick,
// the command's help.

import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateSigningKey, signManifest } from '../../content/signing.ts';
import { bundledPackDir } from '../../electron/kiosk/packs/bundled.ts';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import { StickPacks } from '../../electron/kiosk/packs/stick.ts';
import { SettingsStore } from '../../electron/kiosk/settings/settings.ts';
import { openPackStore } from '../../electron/kiosk/packs/store.ts';
import { DriveWatcher } from '../../electron/platform/usb.ts';
import { createKiosk } from '../../electron/kiosk/services.ts';
import { PillarDriver } from '../../hardware/driver.ts';
import { serialLinkSource } from '../../hardware/serial-link.ts';
import { startSimulator } from '../../hardware/simulator.ts';
import { ptyPair } from '../helpers/pty.ts';
import { CLI } from '../helpers/cli.ts';
import { seededRandom } from '../helpers/seeded.ts';
import { median, percentile, print, quiet, temp } from './common.ts';

export async function commitFigures(): Promise<void> {
  const app = await createKiosk({ dataDir: path.join(temp, 'commit'), pillar: 'simulated', log: quiet });
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

export async function ptyFigures(): Promise<void> {
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
export async function lossyFigures(): Promise<void> {
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
export async function stickFigures(): Promise<void> {
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
export function backlogPillar(dir: string, pillarId: string, count: number): { store: AnswerStore; settings: SettingsStore } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'pillar-id'), pillarId);
  const settings = new SettingsStore(dir, quiet);
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  store.transaction(() => {
    for (let i = 0; i < count; i++) store.insert(benchAnswer(pillarId, i));
  });
  return { store, settings };
}

export const benchAnswer = (pillarId: string, i: number) => ({
  id: randomUUID(), pillar_id: pillarId, venue_session_id: '2026-11-24-hva-amsterdam', pack_id: 'olifant-tour', pack_version: 1,
  question_id: 'naam-op-cv', value: String((i % 5) + 1), language: 'nl', hour: '2026-11-24T13:00Z', suspect: null,
});

/**
 * `olifant --help`, from starting its process to its end (it loads commander alone, no command's
 * modules): compiled, as an installed kiosk runs it, and from the source, as `npx olifant` does.
 */
export async function cliFigures(): Promise<void> {
  const compiled = path.join(import.meta.dirname, '..', '..', 'dist', 'electron', 'cli', 'olifant.js');
  for (const [label, file] of [['compiled', compiled], ['source', CLI]] as const) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      const run = spawnSync(process.execPath, [file, '--help'], { encoding: 'utf8' });
      times.push(performance.now() - start);
      if (run.status !== 0) throw new Error(`olifant --help (${label}) exited ${run.status}: ${run.stderr}`);
    }
    print(`cli_help_${label}_p50`, median(times), 'ms');
  }
}
