// `olifant results`: every answer of a pillar as CSV (for Dutch Excel with --excel-nl), or
// everything it holds as a signed results bundle for a hub without network.

import path from 'node:path';
import { AnswerStore } from '../kiosk/answers/store.ts';
import { answersCsv } from '../kiosk/answers/csv.ts';
import { SettingsStore } from '../kiosk/settings/settings.ts';
import { pillarKey } from '../kiosk/sync/identity.ts';
import { Outbox } from '../kiosk/sync/outbox.ts';
import { dutchCsv } from '../lecture-files/csv-nl.ts';
import { createLogger } from '../platform/log.ts';
import { BUNDLE_EXTENSION, bundleOnDrive, writeBundle } from '../results/bundle.ts';
import { ANSWER_FIELDS } from '../results/records.ts';
import { dataDirFrom, UsageError } from './kiosk-args.ts';

export function results(values: { format: 'csv' | 'bundle'; out?: string; excelNl?: boolean; dataDir?: string }): void {
  if (values.format === 'bundle' && !values.out) throw new UsageError('--format bundle needs --out: a stick (or folder), or a file ending in .olifant-results');
  const dataDir = dataDirFrom(values.dataDir);
  const store = new AnswerStore(path.join(dataDir, 'answers.sqlite'));
  try {
    if (values.format === 'csv' && values.excelNl) {
      process.stdout.write(dutchCsv([...ANSWER_FIELDS], (function* () {
        for (const answer of store.all()) yield ANSWER_FIELDS.map((f) => answer[f]);
      })()));
      return;
    }
    if (values.format === 'csv') {
      for (const line of answersCsv(store)) process.stdout.write(line);
      return;
    }
    const settings = new SettingsStore(dataDir, createLogger(path.join(dataDir, 'olifant.log'), false));
    const { pillarId } = settings.current();
    settings.close();
    const now = new Date();
    const out = path.resolve(values.out!);
    const file = out.endsWith(BUNDLE_EXTENSION) ? out : bundleOnDrive(out, pillarId, now);
    const records = new Outbox(store).everything();
    writeBundle(file, pillarId, pillarKey(dataDir), records, now);
    process.stdout.write(`${file}\n`);
  } finally {
    store.close();
  }
}
