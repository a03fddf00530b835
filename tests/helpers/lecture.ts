// A pillar's data folder with a venue visit for the lecture files, and `olifant report` run on
// it. The groups: naam-op-cv 6 here (2 too fast, not counted), 5 at venue A (answered under
// pack version 2, where its wording changed), 4 at venue B (too few to count elsewhere);
// past-in-het-team 4 here (under the floor), 6 at A; grap-over-afkomst 5 here, 3 at B (so
// the rest of the tour is under the floor).

import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Pack } from '../../content/types.ts';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import { loadBundledPack } from '../../electron/kiosk/packs/bundled.ts';
import { SettingsStore } from '../../electron/kiosk/settings/settings.ts';
import { Outbox } from '../../electron/kiosk/sync/outbox.ts';
import { writeReport, type ReportRequest } from '../../electron/cli/report.ts';
import type { ReportLanguage } from '../../electron/lecture-files/words.ts';

export const VISIT = '2026-11-24-hva-amsterdam';
/** naam-op-cv's Dutch wording in pack version 2. */
export const CHANGED_WORDING = "Twee gelijke cv's, alleen de naam is anders. Krijgen ze dezelfde kans?";

/** Fills the (empty) data folder `dir`; returns the bundled pack (version 1). */
export async function seedLecture(dir: string): Promise<Pack> {
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ pillarId: 'pillar-r', venueSessionId: VISIT }));
  new SettingsStore(dir, () => {}).close();
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  const pack = await loadBundledPack();
  const outbox = new Outbox(store);
  outbox.recordPack(pack);
  const changed = JSON.parse(pack.manifest.toString('utf8'));
  changed.version = 2;
  changed.questions.find((q: { id: string }) => q.id === 'naam-op-cv').prompt.nl = CHANGED_WORDING;
  outbox.recordPack({ ...pack, pack: { ...pack.pack, version: 2 }, manifest: Buffer.from(JSON.stringify(changed)) });
  store.saveVenue({ id: VISIT, pillar_id: 'pillar-r', name: 'Hogeschool van Amsterdam', started_hour: '2026-11-24T08:00Z', ended_hour: '2026-11-24T16:00Z', revision: 2 });
  const put = (question: string, venue: string, values: string[], suspect: string | null = null, version = 1) => {
    for (const value of values) {
      store.insert({ id: randomUUID(), pillar_id: 'pillar-r', venue_session_id: venue, pack_id: pack.pack.id, pack_version: version, question_id: question, value, language: 'nl', hour: '2026-11-24T13:00Z', suspect });
    }
  };
  put('naam-op-cv', VISIT, ['1', '1', '2', '4', '5', '5']);
  put('naam-op-cv', VISIT, ['3', '3'], 'too-fast');
  put('naam-op-cv', 'venue-a', ['4', '4', '4', '5', '5'], null, 2);
  put('naam-op-cv', 'venue-b', ['1', '1', '1', '1']);
  put('past-in-het-team', VISIT, ['lijkt-op-ons', 'lijkt-op-ons', 'eerlijk-oordeel', 'lijkt-op-ons']);
  put('past-in-het-team', 'venue-a', ['eerlijk-oordeel', 'eerlijk-oordeel', 'eerlijk-oordeel', 'lijkt-op-ons', 'lijkt-op-ons', 'eerlijk-oordeel']);
  put('grap-over-afkomst', VISIT, ['later-apart', 'later-apart', 'later-apart', 'meteen-iets-zeggen', 'meteen-iets-zeggen']);
  put('grap-over-afkomst', 'venue-b', ['later-apart', 'meteen-iets-zeggen', 'meteen-iets-zeggen']);
  store.close();
  return pack.pack;
}

/** `olifant report` of the visit into `out`, in this process (report.test.ts runs the command itself); returns the files written. */
export function report(dir: string, format: ReportRequest['format'], out: string, language: ReportLanguage = 'nl'): Promise<string[]> {
  return writeReport({ venue: VISIT, format, out, language, dataDir: dir });
}
