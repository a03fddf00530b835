// The lecture's spreadsheet (exceljs), every text in the lecture's language: an "about" sheet,
// one sheet per question, named by its number and the start of its wording (this venue, the
// rest of the tour and the whole tour, with typed counts and percentages), and the anonymous
// answers with each option's text. A group under the privacy floor shows only why it is empty.

import ExcelJS from 'exceljs';
import type { Group } from '../api/student.ts';
import { wordingNotes, type Lecture } from './lecture.ts';
import { period } from './words.ts';

const SHEET_NAME_MAX = 31;

/**
 * A sheet name Excel takes, from a question's number and wording: none of : \ / ? * [ ], no
 * apostrophe at either end, at most 31 characters (cut at a word, with …), and unlike every
 * name already `taken` (Excel compares them without case).
 */
function sheetName(text: string, taken: string[]): string {
  let name = text.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim();
  if (name.length > SHEET_NAME_MAX) {
    const cut = name.slice(0, SHEET_NAME_MAX - 1);
    name = `${cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut}…`;
  }
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${name.replace(/ \(\d+\)$/, '').slice(0, SHEET_NAME_MAX - 5).trimEnd()} (${n})`;
  return name;
}

export async function lectureWorkbook(l: Lecture): Promise<Buffer> {
  const { results, words } = l;
  const book = new ExcelJS.Workbook();
  book.creator = 'Olifant';
  const about = book.addWorksheet(words.sheetAbout);
  about.addRows([
    [words.title(results.visit.name)],
    [period(words, results.visit.startedHour, results.visit.endedHour)],
    [words.shownAnswers(results.visit.answers)],
    ...(l.covers ? [[l.covers]] : []),
    [words.floor],
    [words.methodText],
  ]);
  about.getCell('A1').font = { bold: true, size: 16 };
  about.getColumn(1).width = 100;

  const taken = [words.sheetAbout, words.sheetAnswers];
  for (const q of results.questions) {
    const name = sheetName(`${q.slot ?? '-'} ${l.say(q.prompt)}`, taken);
    taken.push(name);
    const sheet = book.addWorksheet(name);
    sheet.addRow([l.say(q.prompt)]).font = { bold: true };
    const groups: Array<[string, Group]> = [[words.thisVenue, q.venue], [words.restOfTour, q.elsewhere], [words.wholeTour, q.tour]];
    sheet.addRow([words.value, ...groups.flatMap(([name]) => [`${name}: ${words.count}`, `${name}: ${words.share}`])]).font = { bold: true };
    for (const { value, label } of q.values) {
      sheet.addRow([l.say(label), ...groups.flatMap(([, g]) => (g.counts ? [g.counts[value] ?? 0, (g.counts[value] ?? 0) / g.total] : [null, null]))]);
    }
    sheet.addRow([words.total, ...groups.flatMap(([, g]) => [g.total, null])]).font = { italic: true };
    const hidden = groups.filter(([, g]) => g.counts === null).map(([name]) => `${name}: ${words.notShown}`);
    const wording = wordingNotes(l, q.id);
    for (const line of [...hidden, ...(wording ? [wording.note, ...wording.wordings] : []), words.floor]) sheet.addRow([line]);
    for (const col of [3, 5, 7]) sheet.getColumn(col).numFmt = '0.0%';
    sheet.getColumn(1).width = 40;
    for (const col of [2, 3, 4, 5, 6, 7]) sheet.getColumn(col).width = 18;
  }

  const answers = book.addWorksheet(words.sheetAnswers);
  answers.addRow(words.answerColumns).font = { bold: true };
  answers.addRows(l.answers);
  return Buffer.from(await book.xlsx.writeBuffer());
}
