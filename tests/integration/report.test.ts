// The lecture files, read back with other libraries than the ones that wrote them (the zip
// opened with fflate, the XML parsed with fast-xml-parser, the CSV split the Dutch way, the
// PNG's pixels unpacked with zlib), each number checked against the database, nothing under
// the privacy floor in any of them, and the slides read as the presenter view reads: its
// order, its colours (read from its style sheet), type for the back of a hall.
// Groups of 0, 4, 5 and 6 answers, and visits too small to count elsewhere (subtraction):
// tests/helpers/lecture.ts. LibreOffice's rendering of them: lecture-render.test.ts.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import type { ReportLanguage } from '../../electron/lecture-files/words.ts';
import { MIN_GROUP } from '../../electron/results/floor.ts';
import { CLI } from '../helpers/cli.ts';
import { CHANGED_WORDING, report, seedLecture, VISIT } from '../helpers/lecture.ts';
import { readWorkbook, slideTexts } from '../helpers/office-files.ts';
import { readPng } from '../helpers/png.ts';
import { dataDir, tempDir } from '../helpers/tmp.ts';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['c:ser', 'c:pt', 'a:p', 'a:r'].includes(name) });

async function seeded() {
  const dir = dataDir();
  return { dir, pack: await seedLecture(dir) };
}

/** The presenter view's colours, from the look every screen shares (its style sheet imports it), as pptx writes them. */
function presenterColours(): Record<'plum' | 'cream' | 'orange' | 'lilac', string> {
  const own = readFileSync(path.join(import.meta.dirname, '..', '..', 'renderer', 'presenter', 'presenter.css'), 'utf8');
  assert.match(own, /^@import '\.\.\/shared\/look\.css';$/m, 'the presenter takes the shared look');
  assert.doesNotMatch(own, /--(plum|cream|orange|lilac):/, 'and sets none of its colours again');
  const css = readFileSync(path.join(import.meta.dirname, '..', '..', 'renderer', 'shared', 'look.css'), 'utf8');
  const colour = (name: string) => css.match(new RegExp(`--${name}:\\s*#([0-9a-fA-F]{6})`))![1].toUpperCase();
  return { plum: colour('plum'), cream: colour('cream'), orange: colour('orange'), lilac: colour('lilac') };
}

const share = (n: number, total: number) => n / total;
const files = (zip: Record<string, Uint8Array>, pattern: RegExp) => Object.keys(zip).filter((f) => pattern.test(f)).sort((a, b) => Number(a.match(/\d+/g)!.at(-1)) - Number(b.match(/\d+/g)!.at(-1)));

/** Each chart of a pptx: its category axis and its series (name, values, colour, categories). */
function chartsOf(zip: Record<string, Uint8Array>) {
  return files(zip, /^ppt\/charts\/chart\d+\.xml$/).map((name) => {
    const text = strFromU8(zip[name]);
    const plot = xml.parse(text)['c:chartSpace']['c:chart']['c:plotArea'];
    const sers = plot['c:barChart']['c:ser'] as Array<Record<string, any>>;
    return {
      text,
      orientation: plot['c:catAx']['c:scaling']['c:orientation']['@_val'],
      series: sers.map((s) => ({
        name: String(s['c:tx']['c:strRef']['c:strCache']['c:pt'][0]['c:v']),
        values: (s['c:val']['c:numRef']['c:numCache']['c:pt'] as Array<Record<string, unknown>>).map((p) => Number(p['c:v'])),
        categories: (s['c:cat']['c:multiLvlStrRef']['c:multiLvlStrCache']['c:lvl']['c:pt'] as Array<Record<string, unknown>>).map((p) => String(p['c:v'])),
        colour: s['c:spPr']?.['a:solidFill']?.['a:srgbClr']?.['@_val'],
      })),
    };
  });
}

test('the slides: one editable chart per question, every share as the database has it, nothing under the floor', async () => {
  const { dir, pack } = await seeded();
  const [file] = await report(dir, 'pptx', path.join(tempDir(), 'lecture.pptx'));
  const zip = unzipSync(readFileSync(file));
  const series = chartsOf(zip).map((c) => c.series);
  // The questions with answers here, in stack order: naam-op-cv (1), past-in-het-team (2), grap-over-afkomst (3).
  assert.equal(series.length, 3);
  const [cv, team, grap] = series;
  assert.deepEqual(cv.map((s) => s.name), ['Deze locatie (6 antwoorden)', 'Rest van de tour (5 antwoorden)']);
  assert.deepEqual(cv[0].values, [2, 1, 0, 1, 2].map((n) => share(n, 6)));
  assert.deepEqual(cv[1].values, [0, 0, 0, 3, 2].map((n) => share(n, 5)), 'venue B (4 answers) is left out of the rest of the tour');
  assert.ok(cv.every((s) => /^[0-9A-F]{6}$/.test(s.colour)), 'a 6-digit hex colour per series');
  assert.deepEqual(team.map((s) => s.name), ['Rest van de tour (6 antwoorden)'], 'this venue (4) is not shown');
  const options = pack.questions.find((q) => q.id === 'past-in-het-team')!.answer;
  assert.equal(options.type, 'choice');
  if (options.type === 'choice') assert.deepEqual(team[0].values, options.options.map((o) => ({ 'eerlijk-oordeel': 4, 'lijkt-op-ons': 2 })[o.id as 'eerlijk-oordeel'] ?? 0).map((n) => share(n, 6)));
  assert.deepEqual(grap.map((s) => s.name), ['Deze locatie (5 antwoorden)'], 'the rest of the tour (3 at B) is not shown');
  const slides = files(zip, /^ppt\/slides\/slide\d+\.xml$/).map((f) => strFromU8(zip[f]));
  assert.ok(slides[2].includes(`Deze locatie: Nog te weinig antwoorden om te tonen (minder dan ${MIN_GROUP})`));
  const notes = files(zip, /^ppt\/notesSlides\/notesSlide\d+\.xml$/).map((f) => strFromU8(zip[f])).join('\n');
  assert.ok(notes.includes(`Groepen van minder dan ${MIN_GROUP} antwoorden worden niet getoond`));
  assert.ok(Object.keys(zip).some((f) => /^ppt\/embeddings\/.*\.xlsx$/.test(f)), 'each chart carries its data, so "edit data" works');
  assert.deepEqual(Object.keys(zip).filter((f) => f.startsWith('ppt/media/') && !f.endsWith('/')), [], 'no pictures: every part of every slide stays editable');
});

test("the slides read as the presenter view: the pack's order top to bottom, this venue first and above, the presenter's colours, chart text of 24 pt or more", async () => {
  const { dir } = await seeded();
  const [file] = await report(dir, 'pptx', path.join(tempDir(), 'lecture.pptx'));
  const zip = unzipSync(readFileSync(file));
  const colours = presenterColours();
  const charts = chartsOf(zip);
  const cv = charts[0];
  assert.deepEqual(cv.series[0].categories, ['1 Zeker niet', '2', '3', '4', '5 Zeker wel'], 'the scale in its own order');
  // A bar chart draws its first category at the bottom unless the axis runs max to min: then the
  // first answer is on top and, in each pair, the first series (this venue) above the second.
  assert.ok(charts.every((c) => c.orientation === 'maxMin'), 'the answers run top to bottom, the venue above the tour');
  assert.deepEqual(cv.series.map((s) => s.colour), [colours.orange, colours.lilac], "this venue orange, the rest of the tour lilac: the presenter's colours");
  assert.deepEqual(charts[1].series.map((s) => s.colour), [colours.lilac], 'the rest of the tour keeps its colour when it stands alone');
  for (const { text } of charts) {
    const sizes = [...text.matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
    assert.ok(sizes.length >= 3 && sizes.every((pt) => pt >= 24), `every chart text at 24 pt or more: ${sizes.join(', ')}`);
    assert.match(text, /<c:legend>|<c:autoTitleDeleted/, 'a chart');
  }
  const slides = files(zip, /^ppt\/slides\/slide\d+\.xml$/).map((f) => strFromU8(zip[f]));
  for (const slide of slides) {
    const sizes = [...slide.matchAll(/<a:rPr[^>]* sz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
    assert.ok(sizes.every((pt) => pt >= 24), `every text on the slides at 24 pt or more: ${sizes.join(', ')}`);
    assert.match(slide, new RegExp(`<p:bg><p:bgPr><a:solidFill><a:srgbClr val="${colours.plum}"`), "the presenter's deep plum behind every slide");
  }
  // The legend is the presenter's: this venue, then the rest of the tour, in their colours, at 24 pt.
  const runs = [...slides[1].matchAll(/<a:r>(.*?)<\/a:r>/gs)].map(([, run]) => [run.match(/<a:t>([^<]*)<\/a:t>/)![1], run.match(/<a:srgbClr val="([0-9A-F]{6})"/)![1], Number(run.match(/ sz="(\d+)"/)![1]) / 100]);
  const legend = runs.filter(([text]) => / · \d+ antwoorden$/.test(String(text)));
  assert.deepEqual(legend, [['Deze locatie · 6 antwoorden', colours.orange, 24], ['Rest van de tour · 5 antwoorden', colours.lilac, 24]]);
});

test('the title slide carries the exhibition: its name, the venue, the day and its hours, the elephant in native shapes, the tour colours', async () => {
  const { dir } = await seeded();
  const file = readFileSync((await report(dir, 'pptx', path.join(tempDir(), 'lecture.pptx')))[0]);
  const title = strFromU8(unzipSync(file)['ppt/slides/slide1.xml']);
  const texts = slideTexts(file, 1);
  assert.deepEqual(texts, ['De olifant in de kamer', 'Hogeschool van Amsterdam', 'dinsdag 24 november 2026, 09:00–17:00', '11 getoonde antwoorden']);
  assert.ok((title.match(/prst="ellipse"/g) ?? []).length >= 10 && title.includes('<a:custGeom>'), 'the elephant: ears, head, eyes as ellipses, the trunk a drawn curve');
  const colours = presenterColours();
  for (const colour of [colours.orange, colours.lilac, colours.cream]) assert.ok(title.includes(`val="${colour}"`), `the tour colour ${colour} on the title slide`);
  const englishTitle = slideTexts(readFileSync((await report(dir, 'pptx', path.join(tempDir(), 'lecture.pptx'), 'en'))[0]), 1);
  assert.deepEqual(englishTitle, ['De olifant in de kamer', 'The elephant in the room', 'Hogeschool van Amsterdam', 'Tuesday, 24 November 2026, 09:00–17:00', '11 answers shown']);
});

test('a question worded otherwise in another pack version says so on its slide and its sheet, the other wording in the notes', async () => {
  const { dir } = await seeded();
  const out = tempDir();
  const zip = unzipSync(readFileSync((await report(dir, 'pptx', path.join(out, 'lecture.pptx')))[0]));
  const slide = (n: number) => strFromU8(zip[`ppt/slides/slide${n}.xml`]);
  const note = 'Let op: deze vraag is in pakketversie 2 anders geformuleerd. De antwoorden op elke versie tellen samen.';
  assert.ok(slide(2).includes(note), 'naam-op-cv: venue A answered pack version 2');
  assert.ok(!slide(3).includes('Let op') && !slide(4).includes('Let op'), 'the others never changed');
  const notes = files(zip, /^ppt\/notesSlides\/notesSlide\d+\.xml$/).map((f) => strFromU8(zip[f]));
  const cvNotes = notes.find((n) => n.includes(note))!;
  assert.ok(cvNotes.includes(`Pakketversie 2: &quot;${CHANGED_WORDING.replace(/'/g, '&apos;')}&quot;`) || cvNotes.includes(`Pakketversie 2: "${CHANGED_WORDING}"`), cvNotes);
  const book = unzipSync(readFileSync((await report(dir, 'xlsx', path.join(out, 'lecture.xlsx')))[0]));
  assert.ok(strFromU8(book['xl/sharedStrings.xml']).includes(note.replace(/'/g, '&apos;')), 'the sheet of the question says so too');
});

test('the spreadsheet: typed counts and percentages per question for this venue, the rest and the whole tour; sheets named by their question; the answers sheet only of groups that are shown', async () => {
  const { dir } = await seeded();
  const workbook = async (language?: ReportLanguage) => readWorkbook(readFileSync((await report(dir, 'xlsx', path.join(tempDir(), 'lecture.xlsx'), language))[0]));
  const { names, sheet } = await workbook();
  // Sheets a lecturer can tell apart: the question's number and the start of its wording, within Excel's rules.
  assert.deepEqual(names, ['Over', "1 Twee cv's, precies gelijk.…", '2 "Goede kandidaat, maar past…', '3 Een collega maakt een grap…', 'Antwoorden']);
  assert.ok(names.every((n) => n.length <= 31 && !/[:\\/?*[\]]/.test(n)));
  // Sheet 2 is naam-op-cv: value, then count and share for this venue, the rest and the whole tour.
  const cv = sheet(2);
  assert.deepEqual(cv[1].slice(0, 3), ['Antwoord', 'Deze locatie: Aantal', 'Deze locatie: Aandeel']);
  assert.deepEqual(cv[2].slice(0, 7), ['1 Zeker niet', 2, 2 / 6, 0, 0, 2, 2 / 11]);
  assert.deepEqual(cv[6].slice(0, 7), ['5 Zeker wel', 2, 2 / 6, 2, 2 / 5, 4, 4 / 11]);
  assert.deepEqual(cv[7].slice(0, 2), ['Totaal', 6]);
  const team = sheet(3);
  assert.ok(team.slice(2, 6).every((row) => (row[1] ?? null) === null && typeof row[3] === 'number'), 'no counts for this venue (4 answers), the rest of the tour counted');
  assert.deepEqual(team[6].slice(0, 4), ['Totaal', null, null, 6], 'nor its total: a group under the floor tells not even its size');
  assert.ok(team.flat().includes(`Deze locatie: Nog te weinig antwoorden om te tonen (minder dan ${MIN_GROUP})`));
  const answers = sheet(5);
  assert.deepEqual(answers[0], ['vraag', 'antwoord', 'antwoordtekst', 'taal', 'uur', 'locatiebezoek', 'zuil', 'pakket', 'pakketversie']);
  assert.deepEqual(answers.slice(1).map((r) => r[0]).sort(), [...Array(5).fill('grap-over-afkomst'), ...Array(6).fill('naam-op-cv')]);
  assert.equal(answers[1][4], '24-11-2026 14:00', 'hours in Amsterdam time');
  // In English, every text of the book is English, the sheet names too.
  const english = await workbook('en');
  assert.deepEqual(english.names, ['About', '1 Two CVs, exactly the same.…', '2 "Good candidate, but…', "3 A colleague makes a joke…", 'Answers']);
  assert.deepEqual(english.sheet(2)[1].slice(0, 3), ['Answer', 'This venue: Count', 'This venue: Share']);
  assert.deepEqual(english.sheet(5)[0].slice(0, 3), ['question', 'answer', 'answer_text']);
});

test('the Dutch CSV: a BOM, semicolons, decimal commas, the option text students saw beside its id; `results --excel-nl` neutralises formulas', async () => {
  const { dir } = await seeded();
  const csv = readFileSync((await report(dir, 'csv', path.join(tempDir(), 'answers.csv')))[0], 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with a BOM');
  assert.ok(!csv.includes('sep='));
  const rows = csv.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
  assert.deepEqual(rows[0], ['vraag', 'antwoord', 'antwoordtekst', 'taal', 'uur', 'locatiebezoek', 'zuil', 'pakket', 'pakketversie']);
  assert.equal(rows.length - 1, 11);
  assert.equal(rows.filter((r) => r[0] === 'past-in-het-team').length, 0, 'no raw answers of a group under the floor');
  const text = (question: string, value: string) => new Set(rows.filter((r) => r[0] === question && r[1] === value).map((r) => r[2]));
  assert.deepEqual(text('grap-over-afkomst', 'later-apart'), new Set(['Ik spreek hem later apart aan']));
  assert.deepEqual(text('grap-over-afkomst', 'meteen-iets-zeggen'), new Set(['Ik zeg er meteen iets van']));
  assert.deepEqual(text('naam-op-cv', '1'), new Set(['1 Zeker niet']));
  assert.deepEqual(text('naam-op-cv', '4'), new Set(['4']));
  const english = readFileSync((await report(dir, 'csv', path.join(tempDir(), 'answers.csv'), 'en'))[0], 'utf8');
  assert.match(english, /\r\ngrap-over-afkomst;later-apart;I talk to them later, one to one;nl;/, "the option's text in the lecture's language");

  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  store.insert({ id: randomUUID(), pillar_id: 'pillar-r', venue_session_id: '-venue', pack_id: 'p', pack_version: 1, question_id: 'q', value: '=1+1', language: 'nl', hour: '2026-11-24T13:00Z', suspect: null });
  store.close();
  const all = spawnSync(process.execPath, [CLI, 'results', '--format', 'csv', '--excel-nl', '--data-dir', dir], { encoding: 'utf8' });
  assert.equal(all.status, 0, all.stderr);
  const line = all.stdout.split('\r\n').find((l) => l.includes('-venue'))!;
  assert.match(line, /;'-venue;/);
  assert.match(line, /;'=1\+1;/);
});

test('the PNG charts: one per question, 1920×1080, drawn with the shipped fonts in the presenter colours', async () => {
  const { dir } = await seeded();
  const made = await report(dir, 'png', tempDir());
  assert.deepEqual(made.map((f) => path.basename(f)), ['1-naam-op-cv.png', '2-past-in-het-team.png', '3-grap-over-afkomst.png']);
  const colours = presenterColours();
  for (const file of made) {
    const image = readPng(readFileSync(file));
    assert.deepEqual([image.width, image.height], [1920, 1080]);
    assert.equal(image.at(5, 5), `#${colours.plum}`, 'on deep plum');
    const seen = new Set<string>();
    for (let y = 0; y < 1080; y += 3) for (let x = 0; x < 1920; x += 3) seen.add(image.at(x, y));
    assert.ok(seen.size > 8 && seen.has(`#${colours.cream}`), `${path.basename(file)} is not blank: type in cream`);
  }
});

test('a PNG legend always fits, in every lecture language; a venue under the floor is said in a plain title above the rest of the tour', async () => {
  const { dir } = await seeded();
  const colours = presenterColours();
  const titles: Record<string, string> = {
    nl: 'Nog geen resultaten voor deze locatie; hieronder de rest van de tour',
    en: 'No results for this venue yet; below, the rest of the tour',
    de: 'Noch keine Ergebnisse für diesen Standort; darunter der Rest der Tournee',
    fr: 'Pas encore de résultats pour ce lieu ; ci-dessous, le reste de la tournée',
  };
  for (const language of Object.keys(titles)) {
    const [cv, team, grap] = (await report(dir, 'png', tempDir(), language as ReportLanguage)).map((f) => readPng(readFileSync(f)));
    for (const [name, image] of [['naam-op-cv', cv], ['past-in-het-team', team], ['grap-over-afkomst', grap]] as const) {
      // Nothing drawn in the right and bottom margins: no legend runs off the chart.
      for (let y = 0; y < 1080; y++) for (let x = 1880; x < 1920; x++) assert.equal(image.at(x, y), `#${colours.plum}`, `${language} ${name}: something drawn at (${x}, ${y}), in the right margin`);
    }
    // The plain title, in lilac type where the question's answers would begin (left of the bars).
    const lilacNearTop = (image: typeof cv) => {
      for (let y = 150; y < 380; y++) for (let x = 80; x < 250; x++) if (image.at(x, y) === `#${colours.lilac}`) return true;
      return false;
    };
    assert.ok(lilacNearTop(team), `${language}: past-in-het-team (4 here) opens with "${titles[language]}"`);
    assert.ok(!lilacNearTop(cv), `${language}: naam-op-cv (6 here) has no such title`);
  }
  const { chartSvg } = await import('../../electron/lecture-files/chart-svg.ts');
  const { lecture } = await import('../../electron/lecture-files/lecture.ts');
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  try {
    for (const [language, title] of Object.entries(titles)) {
      const made = lecture(store.db, VISIT, language as 'nl');
      const svg = chartSvg(made.results.questions[1], language, made.words, false);
      assert.ok(svg.includes(title.split(';')[0]), `${language}: ${title}`);
    }
  } finally {
    store.close();
  }
});

test('--out in folders that do not exist yet: they are made, for one file as for the PNG folder; a file in the way is named', async () => {
  const { dir } = await seeded();
  const root = tempDir();
  for (const format of ['pptx', 'xlsx', 'csv'] as const) {
    const out = path.join(root, 'lectures', format, `hva.${format}`);
    assert.deepEqual(await report(dir, format, out), [out]);
    assert.ok(existsSync(out), `${format} written into the new folders`);
  }
  // The command itself: it prints each file it wrote, a line each.
  const command = (format: string, out: string) => spawnSync(process.execPath, [CLI, 'report', '--venue', VISIT, '--format', format, '--out', out, '--data-dir', dir], { encoding: 'utf8', timeout: 60_000 });
  const charts = path.join(root, 'lectures', 'png', 'hva');
  const drawn = command('png', charts);
  assert.equal(drawn.status, 0, drawn.stderr);
  const pngs = ['1-naam-op-cv.png', '2-past-in-het-team.png', '3-grap-over-afkomst.png'].map((f) => path.join(charts, f));
  assert.deepEqual(drawn.stdout.trim().split('\n'), pngs);
  assert.ok(pngs.every((f) => existsSync(f)), 'each PNG written into the new folders');
  writeFileSync(path.join(root, 'notes.txt'), 'a file, not a folder');
  const blocked = command('pptx', path.join(root, 'notes.txt', 'hva.pptx'));
  assert.equal(blocked.status, 1);
  assert.equal(blocked.stderr, `olifant: the folder ${path.join(root, 'notes.txt')} cannot be made for the report: a file of that name is in the way\n`);
});
