// Puts the services together: data folder, settings, log, answer store, content pack,
// pillar. Used by the Electron shell and by `olifant serve` alike.

import path from 'node:path';
import { loadBundledPack } from '../../content/bundled.ts';
import { BoardModel } from '../../hardware/board-model.ts';
import { PillarDriver } from '../../hardware/driver.ts';
import { BoardLinkSource } from '../../hardware/memory-link.ts';
import type { LinkSource, Logger, Pillar } from '../../hardware/pillar.ts';
import { serialLinkSource } from '../../hardware/serial-link.ts';
import { KioskService } from './kiosk.ts';
import { createLogger } from './log.ts';
import { defaultDataDir, loadSettings, type Settings } from './settings.ts';
import { AnswerStore } from './storage.ts';

export type PillarChoice = Settings['pillar'];

export interface OlifantOptions {
  dataDir?: string;
  /** Overrides the settings file. */
  pillar?: PillarChoice;
  pillarPort?: string | null;
  /** Where to look for boards; tests hand in pseudo-terminals. */
  listPorts?: () => Promise<string[]>;
  /** Options for the simulated board (`--pillar simulated`). */
  simulatedBoard?: ConstructorParameters<typeof BoardModel>[0];
  log?: Logger;
}

export interface Olifant {
  dataDir: string;
  settings: Settings;
  service: KioskService;
  pillar: Pillar;
  /** The simulated board, when the pillar is simulated. */
  board: BoardModel | null;
  store: AnswerStore;
  log: Logger;
  close(): Promise<void>;
}

/** How long `auto` waits for a real board to answer before it falls back to the simulator. */
const AUTO_WAIT_MS = 3000;

function waitForConnection(pillar: Pillar, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (pillar.status().link === 'connected') return resolve(true);
    const timer = setTimeout(() => {
      stop();
      resolve(false);
    }, ms);
    const stop = pillar.subscribe((event) => {
      if (event.type === 'status' && event.status.link === 'connected') {
        clearTimeout(timer);
        stop();
        resolve(true);
      }
    });
  });
}

async function choosePillar(choice: PillarChoice, source: LinkSource, simulated: () => PillarDriver, log: Logger): Promise<{ pillar: PillarDriver; simulated: boolean }> {
  if (choice === 'simulated') return { pillar: simulated(), simulated: true };
  const candidates = choice === 'auto' ? await source.candidates().catch(() => []) : null;
  if (candidates?.length === 0) {
    log('warn', 'no serial ports at start-up: running with the simulated pillar (no real cards). Plug in the pillar controller and restart, or set "pillar": "serial" in settings.json.');
    return { pillar: simulated(), simulated: true };
  }
  const driver = new PillarDriver(source, { log });
  driver.start();
  if (choice === 'serial' || (await waitForConnection(driver, AUTO_WAIT_MS))) return { pillar: driver, simulated: false };
  await driver.stop();
  log('warn', 'no pillar controller answered at start-up: running with the simulated pillar (no real cards). Set "pillar": "serial" in settings.json to wait for the board instead.');
  return { pillar: simulated(), simulated: true };
}

export async function createOlifant(options: OlifantOptions = {}): Promise<Olifant> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const log = options.log ?? createLogger(path.join(dataDir, 'olifant.log'));
  const settings = loadSettings(dataDir, log);
  const store = new AnswerStore(path.join(dataDir, 'answers.sqlite'));
  const pack = await loadBundledPack();
  let board: BoardModel | null = null;
  const simulated = () => {
    board = new BoardModel(options.simulatedBoard);
    const driver = new PillarDriver(new BoardLinkSource(board), { log });
    driver.start();
    return driver;
  };
  const port = options.pillarPort ?? settings.pillarPort;
  const source = serialLinkSource({ path: port, listPorts: options.listPorts });
  const { pillar, simulated: isSimulated } = await choosePillar(options.pillar ?? (port ? 'serial' : settings.pillar), source, simulated, log);
  const service = new KioskService({ settings, pack, store, pillar, log });
  log('info', `Olifant started: data in ${dataDir}, pack ${pack.pack.id} v${pack.pack.version}, pillar ${isSimulated ? 'simulated' : (pillar.status().port ?? 'searching for the board')}, venue ${settings.venueSessionId}`);
  let closed = false;
  return {
    dataDir, settings, service, pillar, board, store, log,
    close: async () => {
      if (closed) return;
      closed = true;
      service.close();
      await pillar.stop();
      (board as BoardModel | null)?.dispose();
      store.close();
    },
  };
}
