// The lecture slides for `npm run screenshots`: a visit's pptx (the seeded one of the tests:
// tests/helpers/lecture.ts) opened by LibreOffice, each slide drawn at 1280×720 by poppler,
// as DIR/slides/slide-<n>-<what>.png. Said and skipped where LibreOffice or poppler is missing.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import { lecture } from '../../electron/lecture-files/lecture.ts';
import { lecturePresentation } from '../../electron/lecture-files/pptx.ts';
import { seedLecture, VISIT } from '../helpers/lecture.ts';
import { cannotRender, pdfPages, toPdf } from '../helpers/office.ts';

export async function slideScreenshots(out: string): Promise<void> {
  const why = cannotRender();
  if (why) {
    process.stdout.write(`no slide screenshots: ${why}\n`);
    return;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'olifant-slides-'));
  try {
    await seedLecture(work);
    const store = new AnswerStore(path.join(work, 'answers.sqlite'));
    const made = lecture(store.db, VISIT);
    store.close();
    const file = path.join(work, 'lecture.pptx');
    writeFileSync(file, await lecturePresentation(made));
    const names = ['title', ...made.results.questions.map((q) => q.id), 'method'];
    const dir = path.join(out, 'slides');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pages = pdfPages(toPdf([file], work)[0], 1280);
    pages.forEach((page, i) => copyFileSync(page, path.join(dir, `slide-${i + 1}-${names[i] ?? 'more'}.png`)));
    process.stdout.write(`${pages.length} slides at 1280x720 in ${dir}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
