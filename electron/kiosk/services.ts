// Puts the kiosk's services together: data folder, settings, log, answer store, content
// pack, pillar, venue visits, USB sticks, and the student's and the operator's APIs. Used by the Electron shell and by `olifant serve`.
// When that cannot be done it fails with a StartupError alone, whose message tells the
// operator what to do; the carriers then show the out-of-order screen (out-of-order.ts).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BoardModel, BoardOptions } from '../../hardware/board-model.ts';
import type { Pillar } from '../../hardware/pillar.ts';
import { systemClock, type Clock } from '../../time/clock.ts';
import { NewerDatabaseError, openAnswerStore, type AnswerStore } from './answers/store.ts';
import { loadBundledPack } from './packs/bundled.ts';
import { PackOffers } from './packs/offers.ts';
import { StickPacks } from './packs/stick.ts';
import { openPackStore, type PackStore } from './packs/store.ts';
import { OperatorService } from './operator/service.ts';
import { OperatorSession } from './operator/session.ts';
import { connectPillar } from './pillar/connect.ts';
import { writeProblem } from '../platform/atomic.ts';
import { createLogger, type Logger } from '../platform/log.ts';
import { defaultDataDir } from '../platform/paths.ts';
import { DriveWatcher, type DriveWatcherOptions } from '../platform/usb.ts';
import { SettingsStore, type Settings } from './settings/settings.ts';
import { exportToStick } from './report/to-stick.ts';
import { StudentService } from './student/service.ts';
import { Outbox } from './sync/outbox.ts';
import { readHubFile } from './sync/hub-file.ts';
import { pillarKey } from './sync/identity.ts';
import { SyncSender } from './sync/sender.ts';
import { CheckIns } from './sync/check-in.ts';
import { PillarHealth } from './health/health.ts';
import { KeptTour } from './tour/kept.ts';
import { VenueVisits } from './venues/visits.ts';

export interface KioskOptions {
  dataDir?: string;
  /** Overrides the settings file. */
  pillar?: Settings['pillar'];
  pillarPort?: string | null;
  /** Where to look for boards; tests hand in pseudo-terminals. */
  listPorts?: () => Promise<string[]>;
  /** Options for the simulated board (`--pillar simulated`). */
  simulatedBoard?: BoardOptions;
  /** Another folder for the pack that comes with the app (`--bundled-pack`). */
  bundledPackDir?: string;
  /** Where to look for USB sticks; tests hand in their own mount table. */
  drives?: Pick<DriveWatcherOptions, 'readMounts' | 'platform' | 'devices'>;
  /** What every timer of the kiosk reads (the board's, the PIN's lockout, the sender's backoff, polls); tests hand in one they drive. */
  clock?: Clock;
  log?: Logger;
}

/** Why the kiosk cannot start, in the operator's words. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The given logger, else one writing to <data dir>/olifant.log and stderr. */
export function kioskLog(options: KioskOptions): Logger {
  return options.log ?? createLogger(path.join(options.dataDir ?? defaultDataDir(), 'olifant.log'));
}

/** Makes the data folder if need be, and writes (and removes) a file in it. */
function checkWritable(dataDir: string): void {
  const probe = path.join(dataDir, '.olifant-write-check');
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new StartupError(`The data folder ${dataDir} cannot be written: ${writeProblem(error)}. Give the app a folder it may write to (--data-dir or OLIFANT_DATA_DIR).`);
  }
}

function openStore(file: string, log: Logger): AnswerStore {
  try {
    return openAnswerStore(file, log);
  } catch (error) {
    throw new StartupError(error instanceof NewerDatabaseError ? error.message : `The answer database ${file} cannot be opened: ${(error as Error).message}.`);
  }
}

/** How often a running kiosk looks whether another pack was switched in (by the `olifant` command). */
const PACK_POLL_MS = 2000;

export interface Kiosk {
  dataDir: string;
  settings: SettingsStore;
  /** The content packs: the running one, installing, rolling back. */
  packs: PackStore;
  /** The packs a hub offers this pillar. */
  offers: PackOffers;
  student: StudentService;
  operator: OperatorService;
  /** Whether the operator is in: the service door, or the PIN. */
  operatorSession: OperatorSession;
  venues: VenueVisits;
  /** The hub's newest figures for the running visit: the result screen's and the stick's rest of the tour. */
  tour: KeptTour;
  /** Sends answers to the hub in the background, when one is set. */
  sync: SyncSender;
  /** Checks in with the hub (results sync version 2): health out, tour figures and offers in. */
  checkIns: CheckIns;
  /** The pillar's health record, as it checks in with it. */
  health: PillarHealth;
  pillar: Pillar;
  /** The simulated board, when the pillar is simulated. */
  board: BoardModel | null;
  store: AnswerStore;
  log: Logger;
  clock: Clock;
  close(): Promise<void>;
}

export async function createKiosk(options: KioskOptions = {}): Promise<Kiosk> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const clock = options.clock ?? systemClock;
  const log = kioskLog({ ...options, dataDir });
  let settings: SettingsStore | undefined;
  let store: AnswerStore | undefined;
  let packs: PackStore;
  try {
    checkWritable(dataDir);
    settings = new SettingsStore(dataDir, log, clock);
    store = openStore(path.join(dataDir, 'answers.sqlite'), log);
    const bundled = await loadBundledPack(options.bundledPackDir).catch((error: Error) => {
      throw new StartupError(`The questions that come with the app are damaged: reinstall the app. (${error.message})`);
    });
    const live = settings;
    packs = await openPackStore(dataDir, () => live.current(), log, bundled);
  } catch (error) {
    store?.close();
    settings?.close();
    const startup = error instanceof StartupError ? error : new StartupError((error as Error).message);
    log('error', `Olifant cannot start: ${startup.message}`);
    throw startup;
  }
  const boot = settings.current();
  const simulated = (options.pillar ?? boot.pillar) === 'simulated';
  const { pillar: driver, board } = connectPillar(
    { simulated, port: options.pillarPort ?? boot.pillarPort, listPorts: options.listPorts, board: options.simulatedBoard, clock },
    log,
  );
  const health = new PillarHealth({ pillar: driver, packs, settings: () => settings.current(), lastAnswerHour: () => store.lastAnswerHour(), dataDir, clock, log });
  // Every dispense is watched: the cards left, and the errors of each kind.
  const pillar = health.watched();
  const operatorSession = new OperatorSession(pillar, () => settings.current().operatorPin, clock);
  const tour = new KeptTour(dataDir, settings, log, clock);
  const student = new StudentService({ settings: () => settings.current(), packs, store, pillar, simulatedPillar: simulated, operator: operatorSession, log, tour, clock });
  const venues = new VenueVisits(store, settings, clock);
  venues.reconcile();
  const stopReconciling = settings.onChange((next) => venues.reconcile(next));
  const key = pillarKey(dataDir);
  const outbox = new Outbox(store);
  outbox.recordPack(packs.current());
  const stopRecordingPacks = packs.onChange((pack) => outbox.recordPack(pack));
  // Packs a hub offers: heard of and reported at the check-ins.
  const offers = await new PackOffers({ dir: path.join(dataDir, 'offers'), packs, settings, quiet: student, clock, log }).open();
  const checkIns = new CheckIns({
    settings: () => settings.current(),
    health: () => health.record(),
    visit: () => {
      const visit = venues.current();
      return visit && visit.endedHour === null ? visit.id : null;
    },
    offerReports: () => offers.reports(),
    onStored: (sent) => health.stored(sent),
    onTour: (figures) => tour.receive(figures),
    onOffers: (offered, reported) => offers.heard(offered, reported),
    log,
    clock,
  });
  const stopHealthWatch = health.onDispenserChange(() => checkIns.dispenserChanged());
  const stopHealthSettings = settings.onChange((next) => health.settingsChanged(next));
  const sync = new SyncSender({ outbox, settings: () => settings.current(), log, statusFile: path.join(dataDir, 'sync-status.json'), clock, onRound: () => checkIns.afterRound() });
  sync.start();
  checkIns.start();
  const drives = new DriveWatcher({ ...options.drives, roots: () => settings.current().usbRoots, clock });
  const stick = new StickPacks(drives, packs, log);
  drives.start();
  const operator = new OperatorService({
    session: operatorSession,
    pillar,
    pillarId: () => settings.current().pillarId,
    simulatedPillar: simulated,
    packs,
    venues,
    stick,
    offers,
    restoreLed: () => void student.refreshLed(),
    sync,
    hubOnStick: () => {
      const drive = drives.drives().at(-1)?.root;
      return drive === undefined ? null : readHubFile(drive, boot.pillarId, log);
    },
    setHub: (hub) => void settings.update(hub),
    exportResults: async () => {
      // The stick put in last: a kiosk may have other mounts below /mnt or /media.
      const drive = drives.drives().at(-1)?.root;
      if (drive === undefined) throw new Error('Put a USB stick in the kiosk computer first.');
      const done = await exportToStick(drive, { store, outbox, key, pillarId: boot.pillarId, venueId: settings.current().venueSessionId, health: health.record(), tour: tour.current() });
      log('info', `results written to the USB stick: ${done.bundle}${done.lectureFiles.length ? ` and the lecture files in ${path.dirname(done.lectureFiles[0])}` : ''}`);
      return done;
    },
    logFile: options.log ? null : path.join(dataDir, 'olifant.log'),
    clock,
  });
  const running = packs.current().pack;
  log('info', `Olifant started: data in ${dataDir}, pack ${running.id} v${running.version}, pillar ${boot.pillarId}, venue ${boot.venueSessionId}`);
  const watch = clock.setInterval(() => void packs.refresh(), PACK_POLL_MS);
  watch.unref();
  let closed = false;
  return {
    dataDir, settings, packs, offers, student, operator, operatorSession, venues, tour, sync, checkIns, health, pillar, board, store, log, clock,
    close: async () => {
      if (closed) return;
      closed = true;
      clock.clear(watch);
      await sync.stop();
      await checkIns.stop();
      stopHealthWatch();
      stopHealthSettings();
      health.close();
      stopRecordingPacks();
      drives.stop();
      stick.close();
      offers.close();
      stopReconciling();
      operator.close();
      operatorSession.close();
      student.close();
      tour.close();
      await pillar.stop();
      board?.dispose();
      store.close();
      settings.close();
    },
  };
}
