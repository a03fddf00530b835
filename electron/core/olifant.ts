// Puts the kiosk's services together: data folder, settings, log, answer store, content
// pack, pillar, and the student's API. Used by the Electron shell and by `olifant serve`.

import path from 'node:path';
import type { BoardModel, BoardOptions } from '../../hardware/board-model.ts';
import type { Pillar } from '../../hardware/pillar.ts';
import { openAnswerStore, type AnswerStore } from './answers/store.ts';
import { loadBundledPack } from './packs/bundled.ts';
import { connectPillar } from './pillar/connect.ts';
import { createLogger, type Logger } from './platform/log.ts';
import { defaultDataDir } from './platform/paths.ts';
import { SettingsStore, type Settings } from './settings/settings.ts';
import { StudentService } from './student/service.ts';

export interface OlifantOptions {
  dataDir?: string;
  /** Overrides the settings file. */
  pillar?: Settings['pillar'];
  pillarPort?: string | null;
  /** Where to look for boards; tests hand in pseudo-terminals. */
  listPorts?: () => Promise<string[]>;
  /** Options for the simulated board (`--pillar simulated`). */
  simulatedBoard?: BoardOptions;
  log?: Logger;
}

export interface Olifant {
  dataDir: string;
  settings: SettingsStore;
  student: StudentService;
  pillar: Pillar;
  /** The simulated board, when the pillar is simulated. */
  board: BoardModel | null;
  store: AnswerStore;
  log: Logger;
  close(): Promise<void>;
}

export async function createOlifant(options: OlifantOptions = {}): Promise<Olifant> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const log = options.log ?? createLogger(path.join(dataDir, 'olifant.log'));
  const settings = new SettingsStore(dataDir, log);
  const boot = settings.current();
  const store = openAnswerStore(path.join(dataDir, 'answers.sqlite'), log);
  const pack = await loadBundledPack();
  const simulated = (options.pillar ?? boot.pillar) === 'simulated';
  const { pillar, board } = connectPillar(
    { simulated, port: options.pillarPort ?? boot.pillarPort, listPorts: options.listPorts, board: options.simulatedBoard },
    log,
  );
  const student = new StudentService({ settings: () => settings.current(), pack: () => pack, store, pillar, simulatedPillar: simulated, log });
  log('info', `Olifant started: data in ${dataDir}, pack ${pack.pack.id} v${pack.pack.version}, pillar ${boot.pillarId}, venue ${boot.venueSessionId}`);
  let closed = false;
  return {
    dataDir, settings, student, pillar, board, store, log,
    close: async () => {
      if (closed) return;
      closed = true;
      student.close();
      await pillar.stop();
      board?.dispose();
      store.close();
      settings.close();
    },
  };
}
