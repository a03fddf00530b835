// Issue 21's acceptance: two pillars at two venues with one hub, each a real `olifant serve`
// process with a simulated board, the hub a real `olifant hub` process, over loopback. The
// result screen of each (the student's API over HTTP, and once in Chromium) shows the other's
// answers as the rest of the tour once they reach the floor, and never a group under 5: the
// test tries subtraction, reading each screen before and after a visit crosses the floor, for
// every question, and setting the pillar's own group and the figures it received against the
// hub's own results of the same visits.
//
// The processes run on a clock the test drives (tests/helpers/driven-time.ts): a pillar's
// sender looks for new answers every few seconds and checks in after each round it sends, and
// every pillar checks in every 2 minutes; the test moves the clock on by that much, rather than
// waiting for it. Each pillar gives at most 12 answers within a minute of its clock (more would
// be taken for hammering).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Group, Results } from '../../electron/api/student.ts';
import type { TourOverview, VisitResults } from '../../electron/api/lecture.ts';
import { CHECK_IN_EVERY_MS } from '../../electron/kiosk/sync/check-in.ts';
import { LOOK_MS } from '../../electron/kiosk/sync/sender.ts';
import { TOUR_FILE } from '../../electron/kiosk/tour/kept.ts';
import { MIN_GROUP } from '../../electron/results/floor.ts';
import { launchChromium, openKiosk, readQuestion } from '../helpers/browser.ts';
import { drivenTime, type DrivenTime } from '../helpers/driven-time.ts';
import { addPillar, startHubProcess, startPillarProcess, stopProcess } from '../helpers/hub.ts';
import { dataDir, tempDir, until } from '../helpers/tmp.ts';

const A = { id: 'pillar-a', visit: '2026-11-24-hva-amsterdam' };
const B = { id: 'pillar-b', visit: '2026-11-24-fontys-eindhoven' };
const QUESTIONS = ['naam-op-cv', 'past-in-het-team', 'grap-over-afkomst'];

async function servePillar(pillar: typeof A, hubUrl: string, hubToken: string, time: DrivenTime) {
  const dir = dataDir({ pillarId: pillar.id, venueSessionId: pillar.visit, hubUrl, hubToken });
  return { dir, ...(await startPillarProcess(dir, time.node)) };
}

async function call<T>(url: string, method: string, body: unknown): Promise<T> {
  const answer = (await (await fetch(`${url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { ok: boolean; value: T };
  assert.ok(answer.ok, JSON.stringify(answer));
  return answer.value;
}

/** Answers as a student gives them (read for 3 s). */
async function give(url: string, question: string, values: string[]): Promise<void> {
  for (const value of values) {
    const stored = await call<{ stored: boolean; suspect: boolean }>(url, 'submitAnswer', { answerId: randomUUID(), questionId: question, value, language: 'nl', shownMs: 3000 });
    assert.deepEqual(stored, { stored: true, suspect: false }, `${question} ${value}`);
  }
}

const screen = (url: string) => Promise.all(QUESTIONS.map((questionId) => call<Results>(url, 'results', { questionId })));

/** Every group a screen shows has at least MIN_GROUP answers. */
function floorKept(results: Results[], where: string): void {
  for (const r of results) for (const group of [r.venue, r.elsewhere]) if (group.counts) assert.ok(group.total >= MIN_GROUP, `${where} ${r.questionId}: a group of ${group.total}`);
}

/** What two looks at a group tell apart: a group of its own, which must be none or at least MIN_GROUP. */
function difference(before: Group, after: Group, what: string): void {
  const sum = (g: Group) => (g.counts ? Object.values(g.counts).reduce((a, b) => a + b, 0) : 0);
  const gap = Math.abs(sum(after) - sum(before));
  assert.ok(gap === 0 || gap >= MIN_GROUP, `${what}: the two looks differ by ${gap} answers`);
  for (const value of new Set([...Object.keys(before.counts ?? {}), ...Object.keys(after.counts ?? {})])) {
    assert.ok((after.counts?.[value] ?? 0) >= (before.counts?.[value] ?? 0), `${what}: ${value} went down`);
  }
}

test('two pillars at two venues with one hub: each result screen shows the other\'s answers once they reach the floor, never a group under 5', { timeout: 180_000 }, async (t) => {
  const hubDir = tempDir();
  const tokens = [addPillar(hubDir, A.id), addPillar(hubDir, B.id)];
  const time = drivenTime();
  const hub = await startHubProcess(hubDir, [], time.node);
  t.after(() => stopProcess(hub.child));
  const a = await servePillar(A, hub.url, tokens[0], time);
  t.after(() => stopProcess(a.child));
  const b = await servePillar(B, hub.url, tokens[1], time);
  t.after(() => stopProcess(b.child));
  const hubVisit = async (visit: string) => (await (await fetch(`${hub.url}/v1/lecture/visits/${visit}`)).json()) as VisitResults;
  // A visit's answers on the hub: those in its groups that are shown (the others are not told).
  const counted = async (visit: string) => ((await (await fetch(`${hub.url}/v1/lecture/overview`)).json()) as TourOverview).visits.find((v) => v.id === visit)?.answers ?? 0;

  // Each pillar's first round sends its pack and its visit, and its check-in brings the figures for it.
  await until(() => existsSync(path.join(a.dir, TOUR_FILE)) && existsSync(path.join(b.dir, TOUR_FILE)), 'both pillars to hear from the hub');
  for (const results of [await screen(a.url), await screen(b.url)]) {
    assert.ok(results.every((r) => r.elsewhereFrom.from === 'tour' && r.elsewhere.counts === null), 'the tour has no answers yet, and the screens say the tour\'s');
  }

  // A's students first: 6 to naam-op-cv, 5 to past-in-het-team.
  await give(a.url, 'naam-op-cv', ['1', '1', '2', '2', '2', '3']);
  await give(a.url, 'past-in-het-team', ['lijkt-op-ons', 'lijkt-op-ons', 'eerlijk-oordeel', 'lijkt-op-ons', 'hangt-ervan-af']);
  await time.advance(LOOK_MS);
  await until(async () => (await counted(A.visit)) === 11, "A's answers on the hub");
  // Then B's: 4 to naam-op-cv (under the floor), 2 to past-in-het-team (under), 5 to grap-over-afkomst.
  await give(b.url, 'naam-op-cv', ['4', '4', '5', '5']);
  await give(b.url, 'past-in-het-team', ['eerlijk-oordeel', 'eerlijk-oordeel']);
  await give(b.url, 'grap-over-afkomst', ['later-apart', 'later-apart', 'later-apart', 'meteen-iets-zeggen', 'meteen-iets-zeggen']);
  await time.advance(LOOK_MS);
  await until(async () => (await counted(B.visit)) === 5 && (await hubVisit(B.visit)).questions.length === 3, "B's answers on the hub");
  // B checked in after its rounds, which ended after A's answers were on the hub: A's are its rest of the tour.
  await until(async () => (await screen(b.url))[0].elsewhere.counts !== null, "A's answers on B's screen");
  const atB = await screen(b.url);
  assert.deepEqual(atB.map((r) => r.elsewhere), [{ total: 6, counts: { 1: 2, 2: 3, 3: 1 } }, { total: 5, counts: { 'lijkt-op-ons': 3, 'eerlijk-oordeel': 1, 'hangt-ervan-af': 1 } }, { total: null, counts: null }]);
  assert.deepEqual(atB.map((r) => r.venue.counts === null), [true, true, false], "B's own groups: 4 and 2 not shown, 5 shown");

  // Two minutes on, A checks in: B's 5 to grap-over-afkomst reach A; B's 4 and 2 do not.
  await time.advance(CHECK_IN_EVERY_MS);
  await until(async () => (await screen(a.url))[2].elsewhere.counts !== null, "B's grap-over-afkomst on A's screen");
  const before = await screen(a.url);
  assert.deepEqual(before.map((r) => r.elsewhere), [{ total: null, counts: null }, { total: null, counts: null }, { total: 5, counts: { 'later-apart': 3, 'meteen-iets-zeggen': 2 } }]);
  assert.ok(before.every((r) => r.elsewhereFrom.from === 'tour' && r.elsewhereFrom.asOf === null));

  // B's fifth answer to naam-op-cv: B's visit crosses the floor for it; two minutes on, A checks in again.
  await give(b.url, 'naam-op-cv', ['5']);
  await time.advance(LOOK_MS);
  await until(async () => (await counted(B.visit)) === 10, "B's fifth on the hub: its naam-op-cv shown");
  await time.advance(CHECK_IN_EVERY_MS);
  await until(async () => (await screen(a.url))[0].elsewhere.counts !== null, "B's naam-op-cv on A's screen");
  const after = await screen(a.url);
  assert.deepEqual(after[0].elsewhere, { total: 5, counts: { 4: 2, 5: 3 } }, "B's whole group, once it reaches the floor");

  // Subtraction: nothing any screen showed, nor any difference between two looks, is a group under 5.
  floorKept([...before, ...after, ...atB, ...(await screen(b.url))], 'a screen');
  QUESTIONS.forEach((q, i) => difference(before[i].elsewhere, after[i].elsewhere, `A's ${q} before and after B crossed the floor`));
  // The pillar's own group and the figures it received, against the hub's results of the two visits:
  // the rest of the tour is the other visit's group where that is shown, the hub's own rest of the
  // tour for this visit, and the whole tour is exactly this visit and that rest (nothing left over).
  for (const [pillar, other, shown] of [[A, B, after], [B, A, await screen(b.url)]] as const) {
    const onHub = await hubVisit(pillar.visit);
    const otherOnHub = await hubVisit(other.visit);
    for (const r of shown) {
      const theirs = otherOnHub.questions.find((x) => x.id === r.questionId)?.venue;
      assert.deepEqual(r.elsewhere, theirs?.counts ? theirs : { total: null, counts: null }, `${pillar.id} ${r.questionId}: the other visit's group, or nothing`);
      const q = onHub.questions.find((x) => x.id === r.questionId);
      if (!q) continue;
      assert.deepEqual(r.elsewhere, q.elsewhere, `${pillar.id} ${r.questionId}: the hub's rest of the tour`);
      assert.deepEqual(r.venue, q.venue, `${pillar.id} ${r.questionId}: this visit`);
      const parts = [r.venue, r.elsewhere].filter((g) => g.counts !== null).reduce((n, g) => n + g.total, 0);
      assert.equal(q.tour.counts === null ? 0 : q.tour.total, parts, `${pillar.id} ${r.questionId}: the whole tour less what the screen shows`);
    }
  }

  // One look in Chromium: a student at A answers grap-over-afkomst and reads B's answers as the tour's.
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await openKiosk(browser, a.url);
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).click();
  await page.getByRole('button', { name: /^Vraag 3/ }).click();
  await readQuestion(page);
  await page.getByRole('button', { name: 'Ik spreek hem later apart aan' }).click();
  await page.getByRole('region', { name: /Elders op de tour/ }).waitFor();
  await page.getByText('elders op de tour koos hetzelfde als jij').waitFor();
  assert.equal(await page.locator('.verdict-share').textContent(), '60%', "3 of B's 5");
  assert.equal(await page.getByText('eerdere bezoeken').count(), 0);
});
