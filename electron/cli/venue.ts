// `olifant venue start` and `olifant venue list`: a pillar's venue visits.

import path from 'node:path';
import { AnswerStore } from '../kiosk/answers/store.ts';
import { SettingsStore } from '../kiosk/settings/settings.ts';
import { VenueNameError, VenueVisits } from '../kiosk/venues/visits.ts';
import { createLogger } from '../platform/log.ts';
import { dataDirFrom } from './kiosk-args.ts';

/** Runs `work` on the data folder's venue visits, brought up to date first. */
function withVisits(dataDir: string | undefined, work: (visits: VenueVisits) => void): void {
  const dir = dataDirFrom(dataDir);
  const settings = new SettingsStore(dir, createLogger(path.join(dir, 'olifant.log'), false));
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  try {
    const visits = new VenueVisits(store, settings);
    visits.reconcile();
    work(visits);
  } finally {
    store.close();
    settings.close();
  }
}

export function venueStart(name: string, values: { dataDir?: string }): void {
  withVisits(values.dataDir, (visits) => {
    try {
      process.stdout.write(`${visits.start(name).id}\n`);
    } catch (error) {
      if (error instanceof VenueNameError) throw new Error(`the venue visit is not started: ${error.message}`);
      throw error;
    }
  });
}

export function venueList(values: { dataDir?: string }): void {
  withVisits(values.dataDir, (visits) => {
    for (const visit of visits.list()) process.stdout.write(`${visit.id}\t${visit.name}\t${visit.startedHour} to ${visit.endedHour ?? 'now'}\n`);
  });
}
