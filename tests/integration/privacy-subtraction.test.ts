// No group under the privacy floor, not even by subtraction, across the hub's screens and
// files and their languages: a real `olifant hub` process (its SQLite store) holds a visit with
// 6 answers to five questions and 2 to the sixth, another visit with 7 to each, and a third
// with 3 to one question alone. The test reads what a lecturer reads (the overview: the tour's
// answers and each visit's; each visit's results; the slides' title slide, the spreadsheet's
// first sheet and each question's total row, in every lecture language; the CSV's rows) and
// tries the subtraction: a total less the groups shown beside it, the whole tour less the rest
// of the tour less this visit. Nothing is left over, and a group under the floor shows no size.
// Two pillars at one visit: the hub counts only the pillars' parts that reach the floor, so its
// group less one pillar's own is the other's part in full, or nothing (the test below).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { LECTURE_LANGUAGES, type Group, type TourOverview, type VisitResults } from '../../electron/api/lecture.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import { bundledPackDir } from '../../electron/kiosk/packs/bundled.ts';
import { resultsAt } from '../../electron/kiosk/tour/rest.ts';
import { lecture } from '../../electron/lecture-files/lecture.ts';
import { REPORT_WORDS } from '../../electron/lecture-files/words.ts';
import { visitResults } from '../../electron/results/aggregates.ts';
import { MIN_GROUP } from '../../electron/results/floor.ts';
import { answers, startLectureHub } from '../helpers/lecture-hub.ts';
import { readWorkbook, slideTexts } from '../helpers/office-files.ts';
import { tempDir } from '../helpers/tmp.ts';

const PACK = { id: 'olifant-tour', version: 1 };
const HERE = '2026-11-24-hva-amsterdam';
const THERE = '2026-11-25-uu-utrecht';
const SMALL = '2026-11-26-fontys-eindhoven';

type Question = { id: string; answer: { type: 'scale' } | { type: 'choice'; options: Array<{ id: string }> } };

/** The answers of the groups shown (a group under the floor adds nothing: it tells nothing). */
const shownSum = (groups: Group[]) => groups.reduce((n, g) => n + (g.counts === null ? 0 : g.total), 0);

/** What a total less the groups shown beside it leaves over: must be nothing (it would be the groups not shown). */
function leavesNothing(total: number, shown: Group[], what: string): void {
  const left = total - shownSum(shown);
  assert.equal(left, 0, `${what}: ${total} less the groups shown leaves ${left}${left > 0 && left < MIN_GROUP ? `, a group under ${MIN_GROUP}` : ''}`);
}

/** Every group object in `value` (its JSON) that hides its distribution but tells its size. */
function sizesOfHidden(value: unknown, where: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  const group = value as Partial<Group>;
  if ('counts' in group && group.counts === null && group.total !== null) return [`${where}: ${group.total}`];
  return Object.entries(value).flatMap(([key, v]) => sizesOfHidden(v, `${where}.${key}`));
}

/** The one leading number of the texts that start with one (the answers line of a title slide or sheet). */
function leadingNumber(texts: Array<string | number | null>, what: string): number {
  const numbers = texts.filter((t): t is string => typeof t === 'string' && /^\d+\s/.test(t));
  assert.equal(numbers.length, 1, `${what}: one line of answers, in ${JSON.stringify(texts)}`);
  return Number(numbers[0].match(/^\d+/)![0]);
}

test('no group under the floor by subtraction: every total a lecturer reads (overview, results, slides, spreadsheet, CSV) less the groups shown beside it leaves nothing', { timeout: 180_000 }, async (t) => {
  const hub = await startLectureHub();
  t.after(() => hub.stop());
  const manifest = JSON.parse(readFileSync(path.join(bundledPackDir(), 'pack.json'), 'utf8')) as { questions: Question[] };
  const questions = manifest.questions;
  assert.equal(questions.length, 6);
  const venue = (id: string, pillar: string, name: string) => ({ type: 'venue', id, pillar_id: pillar, name, started_hour: '2026-11-24T08:00Z', ended_hour: '2026-11-24T16:00Z', revision: 1 });
  // `n` answers to a question, its first and second answer in turn.
  const given = (pillar: string, visit: string, question: Question, n: number) => {
    const [first, second] = question.answer.type === 'choice' ? question.answer.options.map((o) => o.id) : ['1', '2'];
    return answers(pillar, visit, PACK, question.id, Array.from({ length: n }, (_, i) => (i % 2 === 0 ? first : second)));
  };
  await hub.push([
    { type: 'pack', ...PACK, manifest },
    venue(HERE, 'pillar-1', 'Hogeschool van Amsterdam'),
    ...questions.flatMap((q, i) => given('pillar-1', HERE, q, i < 5 ? 6 : 2)),
  ]);
  await hub.push([
    { type: 'pack', ...PACK, manifest },
    venue(THERE, 'pillar-2', 'Universiteit Utrecht'),
    venue(SMALL, 'pillar-2', 'Fontys Eindhoven'),
    ...questions.flatMap((q) => given('pillar-2', THERE, q, 7)),
    ...given('pillar-2', SMALL, questions[0], 3),
  ], 'pillar-2');

  const read = async (url: string) => {
    const response = await fetch(`${hub.url}${url}`);
    assert.equal(response.status, 200, url);
    return response;
  };
  const overview = (await (await read('/v1/lecture/overview')).json()) as TourOverview;
  const results = new Map<string, VisitResults>();
  for (const id of [HERE, THERE, SMALL]) results.set(id, (await (await read(`/v1/lecture/visits/${id}`)).json()) as VisitResults);
  const here = results.get(HERE)!;
  assert.deepEqual(here.questions.map((q) => q.venue.counts === null), [false, false, false, false, false, true], 'the sixth question at this visit (2 answers) is under the floor');

  // No screen tells the size of a group it does not show.
  assert.deepEqual([...results].flatMap(([id, r]) => sizesOfHidden(r, id)), [], 'groups under the floor that tell their size');

  // The overview: each visit's answers less its groups shown; the tour's less the visits', and less every question's whole tour.
  for (const [id, r] of results) {
    const listed = overview.visits.find((v) => v.id === id);
    assert.ok(listed, `${id} is listed`);
    leavesNothing(listed.answers, r.questions.map((q) => q.venue), `the overview's answers of ${id}`);
    leavesNothing(r.visit.answers, r.questions.map((q) => q.venue), `the answers of ${id} on its results`);
  }
  assert.equal(overview.visits.find((v) => v.id === SMALL)!.answers, 0, 'a visit under the floor for every question is listed, with no answers shown');
  assert.equal(overview.answers - overview.visits.reduce((n, v) => n + v.answers, 0), 0, "the tour's answers less the visits'");
  leavesNothing(overview.answers, here.questions.map((q) => q.tour), "the tour's answers, against each question's whole tour");

  // Each question: the whole tour less the rest of the tour less this visit, at every visit.
  for (const [id, r] of results) {
    for (const q of r.questions) leavesNothing(q.tour.counts === null ? 0 : q.tour.total, [q.elsewhere, q.venue], `${id} ${q.id}: the whole tour less the rest less this visit`);
  }

  // The files of this visit, in every lecture language: the title slide and the first sheet, each question's total row, the CSV.
  const csv = (await (await read(`/v1/lecture/visits/${HERE}/lecture.csv`)).text()).slice(1).trimEnd().split('\r\n').slice(1).map((line) => line.split(';')[0]);
  for (const q of here.questions) assert.equal(csv.filter((id) => id === q.id).length, shownSum([q.venue]), `the CSV's answers to ${q.id}: those of a group shown, none of one under the floor`);
  leavesNothing(csv.length, here.questions.map((q) => q.venue), "the CSV's rows");
  for (const language of LECTURE_LANGUAGES) {
    const file = async (format: string) => new Uint8Array(await (await read(`/v1/lecture/visits/${HERE}/lecture.${format}?language=${language}`)).arrayBuffer());
    leavesNothing(leadingNumber(slideTexts(await file('pptx'), 1), `${language} title slide`), here.questions.map((q) => q.venue), `the ${language} title slide`);
    const book = readWorkbook(await file('xlsx'));
    leavesNothing(leadingNumber(book.sheet(1).map((row) => row[0]), `${language} first sheet`), here.questions.map((q) => q.venue), `the ${language} first sheet`);
    here.questions.forEach((q, i) => {
      const total = book.sheet(i + 2).find((row) => row[0] === REPORT_WORDS[language].total)!;
      // This venue, the rest of the tour, the whole tour: each count's column (B, D, F).
      const [venueTotal, restTotal, tourTotal] = [total[1], total[3], total[5]].map((cell) => cell ?? null);
      assert.equal(venueTotal, q.venue.total, `${language} ${q.id}: this venue's total, empty under the floor`);
      assert.equal(Number(tourTotal ?? 0) - Number(restTotal ?? 0) - Number(venueTotal ?? 0), 0, `${language} ${q.id}: the sheet's whole tour less the rest less this venue`);
    });
  }
});

test('two pillars at one venue visit: the hub\'s group of the visit less one pillar\'s own (its result screen, its stick files) leaves nothing of the other\'s part under the floor, its values and answers rows included', () => {
  const pillarOne = new AnswerStore(path.join(tempDir(), 'answers.sqlite'));
  const hub = new HubStore(tempDir());
  try {
    const question = 'naam-op-cv';
    const one = answers('pillar-1', HERE, PACK, question, ['1', '1', '1', '2', '2', '2']);
    const two = answers('pillar-2', HERE, PACK, question, ['5', '5']);
    for (const { type: _, ...answer } of one) pillarOne.insert(answer);
    hub.store(one, 'pillar-1', 'batch');
    hub.store(two, 'pillar-2', 'batch');
    const onPillar = resultsAt(pillarOne.db, question, HERE, null, Date.now()).venue;
    const onHub = visitResults(hub.db, HERE).questions.find((q) => q.id === question)!.venue;
    assert.ok(onPillar.counts !== null && onHub.counts !== null, 'both shown: 6 on the pillar, 8 on the hub');
    leavesNothing(onHub.total, [onPillar], "the hub's group of the visit less pillar 1's own");
    assert.deepEqual(onHub.counts, onPillar.counts, "the hub's values are pillar 1's: no \"5\" of pillar 2");
    const rows = lecture(hub.db, HERE).answers.filter((row) => row[0] === question);
    assert.deepEqual(rows.map((row) => row[6]), Array(6).fill('pillar-1'), "the hub's answers sheet and CSV: pillar 1's six, none of pillar 2's two");
    // Once pillar 2's part reaches the floor itself, the hub counts it: 6 + 5.
    hub.store(answers('pillar-2', HERE, PACK, question, ['5', '5', '5']), 'pillar-2', 'batch');
    assert.deepEqual(visitResults(hub.db, HERE).questions.find((q) => q.id === question)!.venue, { total: 11, counts: { '1': 3, '2': 3, '5': 5 } });
  } finally {
    pillarOne.close();
    hub.close();
  }
});
