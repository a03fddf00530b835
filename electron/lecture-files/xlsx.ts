// The lecture's spreadsheet (exceljs): an "about" sheet, one sheet per question (this venue,
// the rest of the tour and the whole tour, with typed counts and percentages), and the
// anonymous answers. A group under the privacy floor shows only why it is empty.

import ExcelJS from 'exceljs';
import type { Group } from '../api/student.ts';
import type { Lecture } from './lecture.ts';
import { localHour } from './words.ts';

/** A sheet name Excel takes: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (text: string) => text.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

export async function lectureWorkbook(l: Lecture): Promise<Buffer> {
  const { results, words } = l;
  const book = new ExcelJS.Workbook();
  book.creator = 'Olifant';
  const about = book.addWorksheet(words.sheetAbout);
  about.addRows([
    [words.title(results.visit.name)],
    [results.visit.startedHour ? words.dates(localHour(results.visit.startedHour), results.visit.endedHour && localHour(results.visit.endedHour)) : ''],
    [words.answers(results.visit.answers)],
    [words.floor],
    [words.methodText],
  ]);
  about.getCell('A1').font = { bold: true, size: 16 };
  about.getColumn(1).width = 100;

  for (const q of results.questions) {
    const sheet = book.addWorksheet(sheetName(`${q.slot ?? '-'} ${q.id}`));
    sheet.addRow([l.say(q.prompt)]).font = { bold: true };
    const groups: Array<[string, Group]> = [[words.thisVenue, q.venue], [words.restOfTour, q.elsewhere], [words.wholeTour, q.tour]];
    sheet.addRow([words.value, ...groups.flatMap(([name]) => [`${name}: ${words.count}`, `${name}: ${words.share}`])]).font = { bold: true };
    for (const { value, label } of q.values) {
      sheet.addRow([l.say(label), ...groups.flatMap(([, g]) => (g.counts ? [g.counts[value] ?? 0, (g.counts[value] ?? 0) / g.total] : [null, null]))]);
    }
    sheet.addRow([words.answers(0).replace(/^0 /, ''), ...groups.flatMap(([, g]) => [g.total, null])]).font = { italic: true };
    const hidden = groups.filter(([, g]) => g.counts === null).map(([name]) => `${name}: ${words.notShown}`);
    for (const line of [...hidden, words.floor]) sheet.addRow([line]);
    for (const col of [3, 5, 7]) sheet.getColumn(col).numFmt = '0.0%';
    sheet.getColumn(1).width = 40;
    for (const col of [2, 3, 4, 5, 6, 7]) sheet.getColumn(col).width = 18;
  }

  const answers = book.addWorksheet(words.sheetAnswers);
  answers.addRow(words.answerColumns).font = { bold: true };
  answers.addRows(l.answers);
  return Buffer.from(await book.xlsx.writeBuffer());
}
