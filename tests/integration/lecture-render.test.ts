// Every lecture file rendered the way a lecturer's laptop shows it, and compared with the
// presenter view (the chart the hub draws for it, chart-svg.ts without the prompt): the slides
// and the spreadsheet printed by LibreOffice to PDF, the PDF's pages drawn by poppler
// (pdftoppm) and read as text (pdftotext), the Dutch CSV opened the way Dutch Excel opens it
// (semicolons, UTF-8), the PNG files as they are. The bars are found by their colours in the
// pixels; their order, colours and lengths must be the presenter's. Skipped, saying why, where
// LibreOffice or poppler is missing (.ci/run installs both).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import { CHART_FONT, chartSvg, PALETTE } from '../../electron/lecture-files/chart-svg.ts';
import { lecture, type Lecture } from '../../electron/lecture-files/lecture.ts';
import { fontFile } from '../../electron/lecture-files/text-width.ts';
import { cannotRender, pdfPages, pdfText, toPdf } from '../helpers/office.ts';
import { report, seedLecture, VISIT } from '../helpers/lecture.ts';
import { barsOf, readPng, type Pixels } from '../helpers/png.ts';
import { dataDir, tempDir } from '../helpers/tmp.ts';

const BAR_COLOURS = [PALETTE.venue, PALETTE.elsewhere];
/** Longer than a legend's swatch or a stroke of type, shorter than the shortest bar drawn here (1 in 6). */
const MIN_BAR = 70;

/** The presenter view's chart of question `i`, as the hub serves it, drawn at 1920×1080. */
function presenterChart(l: Lecture, i: number): Pixels {
  const svg = chartSvg(l.results.questions[i], l.language, l.words, false);
  const fonts = { fontFiles: [fontFile('regular'), fontFile('bold')], loadSystemFonts: false, defaultFontFamily: CHART_FONT };
  return readPng(new Resvg(svg, { font: fonts }).render().asPng());
}

/** The bars top to bottom: each one's colour, and its length against the longest (so charts of any size compare). */
function bars(image: Pixels) {
  const found = barsOf(image, BAR_COLOURS, MIN_BAR);
  const longest = Math.max(...found.map((b) => b.length));
  return found.map((b) => ({ colour: b.colour, length: Math.round((b.length / longest) * 100) / 100 }));
}

function sameBars(got: ReturnType<typeof bars>, presenter: ReturnType<typeof bars>, what: string) {
  assert.deepEqual(got.map((b) => b.colour), presenter.map((b) => b.colour), `${what}: the bars in the presenter's order and colours`);
  for (const [i, bar] of got.entries()) assert.ok(Math.abs(bar.length - presenter[i].length) <= 0.04, `${what}: bar ${i + 1} is ${bar.length} of the longest, the presenter's ${presenter[i].length}`);
}

/** Whether `texts` appear in `page` (whitespace made single) one after the other, in this order. */
function inOrder(page: string, texts: string[]): boolean {
  const flat = page.replace(/\s+/g, ' ');
  let from = 0;
  for (const text of texts) {
    const at = flat.indexOf(text, from);
    if (at < 0) return false;
    from = at + text.length;
  }
  return true;
}

test("every lecture file, rendered, shows the presenter view's bars, order, colours and labels", async (t) => {
  const why = cannotRender();
  if (why) return t.skip(why);
  const dir = dataDir();
  await seedLecture(dir);
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  const made = lecture(store.db, VISIT);
  store.close();
  const presenter = made.results.questions.map((_, i) => bars(presenterChart(made, i)));
  // The presenter itself: naam-op-cv's non-empty bars, top to bottom (this venue 2, 1, 1, 2 of 6; the rest 3, 2 of 5).
  const [V, E] = BAR_COLOURS;
  assert.deepEqual(presenter[0].map((b) => b.colour), [V, V, V, E, V, E]);
  // Each answer by its start: a long one wraps, and a percentage may stand beside its first line.
  const labels = made.results.questions.map((q) => q.values.map((v) => made.say(v.label).slice(0, 12)));
  const out = tempDir();

  // The slides and the spreadsheet, printed in one start of LibreOffice.
  const [slidesFile] = await report(dir, 'pptx', path.join(out, 'slides.pptx'));
  const [bookFile] = await report(dir, 'xlsx', path.join(out, 'book.xlsx'));
  const [slides, bookPdf] = toPdf([slidesFile, bookFile], out);

  // The slides: title, three questions, how the data was collected.
  const pages = pdfPages(slides, 1920).map((file) => readPng(readFileSync(file)));
  const texts = pdfText(slides);
  assert.equal(pages.length, 5);
  assert.ok(inOrder(texts[0], ['De olifant in de kamer', 'Hogeschool van Amsterdam', 'dinsdag 24 november 2026, 09:00–17:00', '11 getoonde antwoorden']), texts[0]);
  for (const [i, q] of made.results.questions.entries()) {
    const [page, text] = [pages[i + 1], texts[i + 1]];
    assert.equal(page.at(10, 10), PALETTE.background, `slide ${i + 2}: on the presenter's plum`);
    sameBars(bars(page), presenter[i], `slide ${i + 2} (${q.id})`);
    assert.ok(inOrder(text, [made.say(q.prompt).slice(0, 40), ...labels[i]]), `slide ${i + 2}: the question, then its answers in the presenter's order:\n${text}`);
  }
  assert.ok(inOrder(texts[1], ['Deze locatie · 6 antwoorden', 'Rest van de tour · 5 antwoorden']), 'the legend: this venue first');
  assert.ok(inOrder(texts[2], ['Nog geen resultaten voor deze locatie; hieronder de rest van de tour']), 'past-in-het-team: the plain title of a venue under the floor');
  assert.ok(inOrder(texts[1], ['Let op: deze vraag is in pakketversie 2 anders geformuleerd.']), 'naam-op-cv: its other wording said');

  // The PNG files: the presenter's drawing with the question above it.
  for (const [i, file] of (await report(dir, 'png', path.join(out, 'charts'))).entries()) sameBars(bars(readPng(readFileSync(file))), presenter[i], path.basename(file));

  // The spreadsheet, printed: every question's answers in the presenter's order, its texts Dutch.
  const book = pdfText(bookPdf).join('\n');
  for (const [i, q] of made.results.questions.entries()) {
    const sheet = book.slice(Math.max(0, book.indexOf(made.say(q.prompt).slice(0, 30))));
    assert.ok(inOrder(sheet, ['Deze locatie: Aantal', ...labels[i], 'Totaal']), `the sheet of ${q.id}:\n${sheet.slice(0, 800)}`);
  }

  // The CSV, opened as Dutch Excel opens it: semicolons split it into columns, the option's text beside its id.
  const [csvFile] = await report(dir, 'csv', path.join(out, 'antwoorden.csv'));
  const csv = pdfText(toPdf([csvFile], out, 'CSV:59,34,76,1')[0]).join('\n');
  assert.ok(!csv.includes(';'), 'every semicolon a column break');
  assert.ok(inOrder(csv, ['vraag', 'antwoord', 'antwoordtekst', 'taal']));
  assert.match(csv, /grap-over-afkomst\s+later-apart\s+Ik spreek hem later apart aan\s+nl/);
  assert.match(csv, /naam-op-cv\s+1\s+1 Zeker niet\s+nl/);
});
