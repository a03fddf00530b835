// The lecture files, read back with other libraries than the ones that wrote them (the zip
// opened with fflate, the XML parsed with fast-xml-parser, the CSV split the Dutch way), each
// number checked against the database, and nothing under the privacy floor in any of them.
// Groups of 0, 4, 5 and 6 answers, and visits too small to count elsewhere (subtraction).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { AnswerStore } from '../../electron/core/answers/store.ts';
import { loadBundledPack } from '../../electron/core/packs/bundled.ts';
import { SettingsStore } from '../../electron/core/settings/settings.ts';
import { Outbox } from '../../electron/core/sync/outbox.ts';
import { MIN_GROUP } from '../../electron/results/floor.ts';
import { CLI } from '../helpers/cli.ts';
import { dataDir, tempDir } from '../helpers/tmp.ts';

const VISIT = '2026-11-24-hva-amsterdam';
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['c:ser', 'c:pt', 'row', 'c', 'si', 'a:p', 'a:r'].includes(name) });

/** The seeded pillar: what each question's groups should show. */
async function seeded() {
  const dir = dataDir({ pillarId: 'pillar-r', venueSessionId: VISIT });
  new SettingsStore(dir, () => {}).close();
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  const pack = await loadBundledPack();
  new Outbox(store).recordPack(pack);
  store.saveVenue({ id: VISIT, pillar_id: 'pillar-r', name: 'Hogeschool van Amsterdam', started_hour: '2026-11-24T08:00Z', ended_hour: '2026-11-24T16:00Z', revision: 2 });
  const put = (question: string, venue: string, values: string[], suspect: string | null = null) => {
    for (const value of values) {
      store.insert({ id: randomUUID(), pillar_id: 'pillar-r', venue_session_id: venue, pack_id: pack.pack.id, pack_version: pack.pack.version, question_id: question, value, language: 'nl', hour: '2026-11-24T13:00Z', suspect });
    }
  };
  // naam-op-cv: 6 here; 5 at A (counts elsewhere); 4 at B (too few to count anywhere but B).
  put('naam-op-cv', VISIT, ['1', '1', '2', '4', '5', '5']);
  put('naam-op-cv', VISIT, ['3', '3'], 'too-fast');
  put('naam-op-cv', 'venue-a', ['4', '4', '4', '5', '5']);
  put('naam-op-cv', 'venue-b', ['1', '1', '1', '1']);
  // past-in-het-team: 4 here (not shown), 6 at A.
  put('past-in-het-team', VISIT, ['lijkt-op-ons', 'lijkt-op-ons', 'goede-vraag', 'lijkt-op-ons']);
  put('past-in-het-team', 'venue-a', ['goede-vraag', 'goede-vraag', 'goede-vraag', 'lijkt-op-ons', 'lijkt-op-ons', 'goede-vraag']);
  // grap-over-afkomst: 5 here; 3 at B, so the rest of the tour is empty.
  put('grap-over-afkomst', VISIT, ['later-apart', 'later-apart', 'later-apart', 'meteen-iets', 'meteen-iets']);
  put('grap-over-afkomst', 'venue-b', ['later-apart', 'meteen-iets', 'meteen-iets']);
  store.close();
  return { dir, pack: pack.pack };
}

function report(dir: string, format: string, out: string, ...more: string[]): string {
  const made = spawnSync(process.execPath, [CLI, 'report', '--venue', VISIT, '--format', format, '--out', out, '--data-dir', dir, ...more], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(made.status, 0, made.stderr);
  return out;
}

const share = (n: number, total: number) => n / total;

test('the slides: one editable chart per question, every share as the database has it, nothing under the floor', async () => {
  const { dir, pack } = await seeded();
  const file = report(dir, 'pptx', path.join(tempDir(), 'lecture.pptx'));
  const zip = unzipSync(readFileSync(file));
  const charts = Object.keys(zip).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).sort();
  const series = charts.map((name) => {
    const doc = xml.parse(strFromU8(zip[name]));
    const sers = doc['c:chartSpace']['c:chart']['c:plotArea']['c:barChart']['c:ser'] as Array<Record<string, any>>;
    return sers.map((s) => ({
      name: String(s['c:tx']['c:strRef']['c:strCache']['c:pt'][0]['c:v']),
      values: (s['c:val']['c:numRef']['c:numCache']['c:pt'] as Array<Record<string, unknown>>).map((p) => Number(p['c:v'])),
      colour: s['c:spPr']?.['a:solidFill']?.['a:srgbClr']?.['@_val'],
    }));
  });
  // The questions with answers here, in stack order: naam-op-cv (1), past-in-het-team (2), grap-over-afkomst (3).
  assert.equal(charts.length, 3);
  const [cv, team, grap] = series;
  assert.deepEqual(cv.map((s) => s.name), ['Deze locatie (6 antwoorden)', 'Rest van de tour (5 antwoorden)']);
  assert.deepEqual(cv[0].values, [2, 1, 0, 1, 2].map((n) => share(n, 6)));
  assert.deepEqual(cv[1].values, [0, 0, 0, 3, 2].map((n) => share(n, 5)), 'venue B (4 answers) is left out of the rest of the tour');
  assert.ok(cv.every((s) => /^[0-9A-F]{6}$/.test(s.colour)), 'a 6-digit hex colour per series');
  assert.deepEqual(team.map((s) => s.name), ['Rest van de tour (6 antwoorden)'], 'this venue (4) is not shown');
  const options = pack.questions.find((q) => q.id === 'past-in-het-team')!.answer;
  assert.equal(options.type, 'choice');
  if (options.type === 'choice') assert.deepEqual(team[0].values, options.options.map((o) => ({ 'goede-vraag': 4, 'lijkt-op-ons': 2 })[o.id as 'goede-vraag'] ?? 0).map((n) => share(n, 6)));
  assert.deepEqual(grap.map((s) => s.name), ['Deze locatie (5 antwoorden)'], 'the rest of the tour (3 at B) is not shown');
  const slides = Object.keys(zip).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).map((f) => strFromU8(zip[f])).join('\n');
  assert.ok(slides.includes(`Deze locatie: Nog te weinig antwoorden om te tonen (minder dan ${MIN_GROUP})`));
  const notes = Object.keys(zip).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f)).map((f) => strFromU8(zip[f])).join('\n');
  assert.ok(notes.includes(`Groepen van minder dan ${MIN_GROUP} antwoorden worden niet getoond`));
  assert.ok(Object.keys(zip).some((f) => /^ppt\/embeddings\/.*\.xlsx$/.test(f)), 'each chart carries its data, so "edit data" works');
});

test('the slides open in LibreOffice Impress: converted to PDF headless', async (t) => {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((f) => existsSync(f));
  if (!soffice) return t.skip('LibreOffice is not installed here');
  const { dir } = await seeded();
  const out = tempDir();
  const file = report(dir, 'pptx', path.join(out, 'lecture.pptx'));
  const converted = spawnSync(soffice, ['--headless', '-env:UserInstallation=file://' + path.join(out, 'profile'), '--convert-to', 'pdf', '--outdir', out, file], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(converted.status, 0, converted.stderr);
  const pdf = readFileSync(path.join(out, 'lecture.pdf'));
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
});

test('the spreadsheet: typed counts and percentages per question for this venue, the rest and the whole tour; the answers sheet only of groups that are shown', async () => {
  const { dir } = await seeded();
  const zip = unzipSync(readFileSync(report(dir, 'xlsx', path.join(tempDir(), 'lecture.xlsx'))));
  const strings = (xml.parse(strFromU8(zip['xl/sharedStrings.xml'])).sst.si as Array<Record<string, unknown>>).map((si) => String((si.t as { '#text'?: string })?.['#text'] ?? si.t ?? ''));
  const sheet = (n: number) => {
    const rows = xml.parse(strFromU8(zip[`xl/worksheets/sheet${n}.xml`])).worksheet.sheetData.row as Array<{ c: Array<Record<string, any>> }>;
    // Cells by their reference (B3 is the second column): empty cells are not written at all.
    return rows.map((r) => {
      const cells: Array<string | number | null> = [];
      for (const c of r.c ?? []) {
        const column = String(c['@_r']).replace(/\d+$/, '').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        while (cells.length < column) cells.push(null);
        cells[column] = c['@_t'] === 's' ? strings[Number(c.v)] : c.v === undefined ? null : Number(c.v);
      }
      return cells;
    });
  };
  // Sheet 2 is naam-op-cv: value, then count and share for this venue, the rest and the whole tour.
  const cv = sheet(2);
  assert.deepEqual(cv[2].slice(0, 7), ['1 Zeker niet', 2, 2 / 6, 0, 0, 2, 2 / 11]);
  assert.deepEqual(cv[6].slice(0, 7), ['5 Zeker wel', 2, 2 / 6, 2, 2 / 5, 4, 4 / 11]);
  const team = sheet(3);
  assert.ok(team.slice(2, 6).every((row) => (row[1] ?? null) === null && typeof row[3] === 'number'), 'no counts for this venue (4 answers), the rest of the tour counted');
  assert.ok(team.flat().includes(`Deze locatie: Nog te weinig antwoorden om te tonen (minder dan ${MIN_GROUP})`));
  const answers = sheet(5);
  assert.deepEqual(answers[0], ['vraag', 'antwoord', 'taal', 'uur', 'locatiebezoek', 'zuil', 'pakket', 'pakketversie']);
  assert.deepEqual(answers.slice(1).map((r) => r[0]).sort(), [...Array(5).fill('grap-over-afkomst'), ...Array(6).fill('naam-op-cv')]);
  assert.equal(answers[1][3], '24-11-2026 14:00', 'hours in Amsterdam time');
});

test('the Dutch CSV: a BOM, semicolons, the same answers as the spreadsheet; `results --excel-nl` neutralises formulas', async () => {
  const { dir } = await seeded();
  const csv = readFileSync(report(dir, 'csv', path.join(tempDir(), 'answers.csv')), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with a BOM');
  assert.ok(!csv.includes('sep='));
  const rows = csv.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
  assert.deepEqual(rows[0], ['vraag', 'antwoord', 'taal', 'uur', 'locatiebezoek', 'zuil', 'pakket', 'pakketversie']);
  assert.equal(rows.length - 1, 11);
  assert.equal(rows.filter((r) => r[0] === 'past-in-het-team').length, 0, 'no raw answers of a group under the floor');

  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  store.insert({ id: randomUUID(), pillar_id: 'pillar-r', venue_session_id: '-venue', pack_id: 'p', pack_version: 1, question_id: 'q', value: '=1+1', language: 'nl', hour: '2026-11-24T13:00Z', suspect: null });
  store.close();
  const all = spawnSync(process.execPath, [CLI, 'results', '--format', 'csv', '--excel-nl', '--data-dir', dir], { encoding: 'utf8' });
  assert.equal(all.status, 0, all.stderr);
  const line = all.stdout.split('\r\n').find((l) => l.includes('-venue'))!;
  assert.match(line, /;'-venue;/);
  assert.match(line, /;'=1\+1;/);
});

test('the PNG charts: one per question, 1920×1080, not blank, drawn with the shipped fonts', async () => {
  const { dir } = await seeded();
  const out = tempDir();
  const made = spawnSync(process.execPath, [CLI, 'report', '--venue', VISIT, '--format', 'png', '--out', out, '--data-dir', dir], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(made.status, 0, made.stderr);
  const files = made.stdout.trim().split('\n');
  assert.deepEqual(files.map((f) => path.basename(f)), ['1-naam-op-cv.png', '2-past-in-het-team.png', '3-grap-over-afkomst.png']);
  for (const file of files) {
    const png = readFileSync(file);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1920, 1080]);
    // The pixels, unpacked: a blank image has one colour; a chart has bars and type in several.
    const chunks: Buffer[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    const pixels = inflateSync(Buffer.concat(chunks));
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 997) colours.add(pixels[i]);
    assert.ok(colours.size > 8, `${path.basename(file)} is not blank (${colours.size} values)`);
  }
});

test('--out in folders that do not exist yet: they are made, for one file as for the PNG folder; a file in the way is named', async () => {
  const { dir } = await seeded();
  const root = tempDir();
  for (const format of ['pptx', 'xlsx', 'csv']) {
    const out = path.join(root, 'lectures', format, `hva.${format}`);
    assert.equal(report(dir, format, out), out);
    assert.ok(existsSync(out), `${format} written into the new folders`);
  }
  writeFileSync(path.join(root, 'notes.txt'), 'a file, not a folder');
  const blocked = spawnSync(process.execPath, [CLI, 'report', '--venue', VISIT, '--format', 'pptx', '--out', path.join(root, 'notes.txt', 'hva.pptx'), '--data-dir', dir], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(blocked.status, 1);
  assert.equal(blocked.stderr, `olifant: the folder ${path.join(root, 'notes.txt')} cannot be made for the report: a file of that name is in the way\n`);
});
