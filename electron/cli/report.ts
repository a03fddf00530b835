// `olifant report`: lecture-ready files for one venue visit, from a hub's data folder or a
// pillar's: slides, a spreadsheet, the answers as Dutch CSV, or a PNG chart per question.

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AnswerStore } from '../kiosk/answers/store.ts';
import { writeFileAtomic, writeProblem } from '../platform/atomic.ts';
import { dutchCsv } from '../lecture-files/csv-nl.ts';
import { lecture } from '../lecture-files/lecture.ts';
import { lectureCharts } from '../lecture-files/png.ts';
import { lecturePresentation } from '../lecture-files/pptx.ts';
import type { ReportLanguage } from '../lecture-files/words.ts';
import { lectureWorkbook } from '../lecture-files/xlsx.ts';
import { HubStore } from '../hub/store.ts';
import { dataDirFrom } from './kiosk-args.ts';

/** Makes the folder a report goes into, with the folders above it; or says which and why not. */
function reportFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new Error(`the folder ${dir} cannot be made for the report: ${writeProblem(error)}`);
  }
}

/** Writes one report file and returns its path; or says which file and why not. */
function reportFile(file: string, bytes: string | Buffer): string {
  try {
    writeFileAtomic(file, bytes);
  } catch (error) {
    throw new Error(`${file} cannot be written: ${writeProblem(error)}`);
  }
  return file;
}

export interface ReportRequest {
  venue: string;
  format: 'pptx' | 'xlsx' | 'csv' | 'png';
  out: string;
  language: ReportLanguage;
  dataDir?: string;
}

/** The command: writes the files and prints their paths, a line each. */
export async function report(values: ReportRequest): Promise<void> {
  for (const file of await writeReport(values)) process.stdout.write(`${file}\n`);
}

/** The report's files written (one, or a PNG per question into the folder --out names); returns their paths. */
export async function writeReport(values: ReportRequest): Promise<string[]> {
  const dir = dataDirFrom(values.dataDir);
  // A hub's data folder or a pillar's: the same tables either way.
  const hub = existsSync(path.join(dir, 'hub.sqlite'));
  const store = hub ? new HubStore(dir) : new AnswerStore(path.join(dir, 'answers.sqlite'));
  try {
    const made = lecture(store.db, values.venue, values.language);
    if (made.results.questions.length === 0) throw new Error(`no answers of venue visit "${values.venue}" in ${dir}; \`olifant venue list\` names the visits`);
    const out = path.resolve(values.out);
    if (values.format === 'png') {
      // One file per question, into the folder --out names.
      reportFolder(out);
      return lectureCharts(made).map(({ name, png }) => reportFile(path.join(out, name), png));
    }
    const bytes = values.format === 'pptx' ? await lecturePresentation(made) : values.format === 'xlsx' ? await lectureWorkbook(made) : dutchCsv(made.words.answerColumns, made.answers);
    reportFolder(path.dirname(out));
    return [reportFile(out, bytes)];
  } finally {
    store.close();
  }
}

