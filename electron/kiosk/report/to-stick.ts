// "Export the results to the USB stick" on the service screen: the signed results bundle for
// a hub without network (and the pillar's signed health file beside it), and, so a lecturer who never runs anything gets them from the tour
// crew, the lecture files of the running venue visit (slides, spreadsheet, Dutch CSV, and a
// PNG chart per question) in <drive>/olifant-lecture/. Their rest of the tour is the one the
// result screen shows (tour/rest.ts: the hub's last figures, else this pillar's earlier
// visits), and the first slide and sheet say which, and as of when. Each file is written whole (temporary name, flushed, renamed).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { StickExport } from '../../api/sync.ts';
import type { AnswerStore } from '../answers/store.ts';
import { writeFileAtomic } from '../../platform/atomic.ts';
import { bundleOnDrive, type PillarKey, writeBundle, writeFailure } from '../../results/bundle.ts';
import { writeHealthFile } from '../../results/health-file.ts';
import type { HealthRecord } from '../../api/check-in.ts';
import type { Outbox } from '../sync/outbox.ts';
import { dutchCsv } from '../../lecture-files/csv-nl.ts';
import { lecture, type RestOfTour } from '../../lecture-files/lecture.ts';
import { lectureCharts } from '../../lecture-files/png.ts';
import { lecturePresentation } from '../../lecture-files/pptx.ts';
import { lectureWorkbook } from '../../lecture-files/xlsx.ts';
import { hourOf } from '../../results/records.ts';
import type { ReceivedTour } from '../tour/kept.ts';
import { restOfTour } from '../tour/rest.ts';

const LECTURE_FOLDER = 'olifant-lecture';


interface ExportFrom {
  store: AnswerStore;
  outbox: Outbox;
  key: PillarKey;
  pillarId: string;
  venueId: string;
  health: HealthRecord;
  /** The hub's newest figures for the running visit, if it sent any. */
  tour: ReceivedTour | null;
}

export async function exportToStick(drive: string, from: ExportFrom): Promise<StickExport> {
  const records = from.outbox.everything();
  const now = new Date();
  const bundle = bundleOnDrive(drive, from.pillarId, now);
  writeBundle(bundle, from.pillarId, from.key, records, now);
  // The pillar's health beside it, for the fleet view of a hub the pillar cannot reach.
  const healthFile = writeHealthFile(bundle, from.key, from.health, now);
  const rest: RestOfTour = {
    group: (questionId) => restOfTour(from.store.db, questionId, from.venueId, from.tour, now.getTime()).group,
    asOfHour: from.tour && hourOf(new Date(from.tour.received)),
  };
  const made = lecture(from.store.db, from.venueId, 'nl', undefined, rest);
  const lectureFiles: string[] = [];
  if (made.results.questions.length > 0) {
    const files: Array<[string, Buffer | string]> = [
      [`${from.venueId}.pptx`, await lecturePresentation(made)],
      [`${from.venueId}.xlsx`, await lectureWorkbook(made)],
      [`${from.venueId}.csv`, dutchCsv(made.words.answerColumns, made.answers)],
      ...lectureCharts(made).map(({ name, png }): [string, Buffer] => [path.join(`${from.venueId}-charts`, name), png]),
    ];
    try {
      for (const [name, bytes] of files) {
        const file = path.join(drive, LECTURE_FOLDER, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic(file, bytes);
        lectureFiles.push(file);
      }
    } catch (error) {
      throw writeFailure(error);
    }
  }
  return { bundle, healthFile, answers: records.filter((r) => r.type === 'answer').length, lectureFiles };
}
