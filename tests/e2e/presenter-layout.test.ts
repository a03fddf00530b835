// The presenter view, projected, holds the bundled pack and any pack the format allows: every
// state (the overview; each question hidden, with its insight, revealed, with its insight, under
// the floor; the keys; blank) in each language the pack has, measured on the rendered page of a
// real hub in Debian's Chromium. At 1920×1080: no text under 32 px; the chart's words are text of
// 32 px and more, the chart nearly the screen's width and at least half the screen below the
// question (beside the insight, still most of the width); the privacy floor's sentence at most
// once; and the kiosk's layout rules (nothing clipped, cut off, overflowing or over another text).
// At 1280×720 and 3840×2160 the same picture, in proportion.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { bundledPackDir } from '../../electron/kiosk/packs/bundled.ts';
import { launchChromium } from '../helpers/browser.ts';
import { extremePacks } from '../helpers/extreme-packs.ts';
import { pushLecture, startLectureHub } from '../helpers/lecture-hub.ts';
import { checkPresenter, measurePresenter, openPresenter, PRESENTER_MIN_TEXT_PX, scaleOf, stateLabel, walkPresenter, type PresenterMeasure, type PresenterState } from '../helpers/presenter.ts';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

interface Manifest {
  id: string;
  version: number;
  languages: string[];
  questions: Array<{ id: string; insight?: unknown; answer: { type: 'scale'; steps: number } | { type: 'choice'; options: Array<{ id: string }> } }>;
}

const VISIT = { id: '2026-11-24-hva-amsterdam', name: 'Hogeschool van Amsterdam' };
const readManifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'pack.json'), 'utf8')) as Manifest;

/** A hub with the pack's lecture on it; stopped after the file. */
async function hubWith(manifest: Manifest): Promise<string> {
  const hub = await startLectureHub();
  after(() => hub.stop());
  await pushLecture(hub, manifest, VISIT);
  return hub.url;
}

interface Measured {
  state: PresenterState;
  measure: PresenterMeasure;
  problems: string[];
}

/** Every state of the pack's lecture at this size, measured; what breaks the presenter's rules, said per state. */
async function auditAt(url: string, manifest: Manifest, size: { width: number; height: number }, languages = manifest.languages): Promise<Measured[]> {
  const page = await openPresenter(browser, url, size, new RegExp(VISIT.name));
  const floor = PRESENTER_MIN_TEXT_PX * scaleOf(size);
  const measured: Measured[] = [];
  await walkPresenter(
    page,
    languages,
    manifest.questions.map((q) => q.insight !== undefined),
    async (state) => {
      const measure = await measurePresenter(page);
      const problems = (await checkPresenter(page, state)).map((f) => `${f.rule} "${f.what}" (${f.detail})`);
      const { smallest, chart } = measure;
      if (smallest && smallest.px < floor - 0.05) problems.push(`the smallest text is ${smallest.px} px ("${smallest.what}"), at least ${floor}`);
      if (measure.floorSentences > 1) problems.push(`the privacy floor's sentence is on the screen ${measure.floorSentences} times`);
      if (state.kind.startsWith('chart') && !state.kind.includes('nothing to show')) {
        const beside = state.kind.endsWith('insight');
        if (!chart) problems.push('no chart');
        else {
          if (chart.smallestPx === null) problems.push("the chart's words are no text on the page (a picture): they cannot be measured");
          else if (chart.smallestPx < floor - 0.05) problems.push(`the chart's smallest text is ${chart.smallestPx} px, at least ${floor}`);
          if (chart.width < (beside ? 0.55 : 0.9)) problems.push(`the chart is ${chart.width} of the screen's width, at least ${beside ? 0.55 : 0.9}`);
          if (chart.belowQuestion < 0.5) problems.push(`the chart takes ${chart.belowQuestion} of the screen below the question, at least 0.5`);
        }
      }
      measured.push({ state, measure, problems });
    },
  );
  await page.close();
  return measured;
}

const said = (measured: Measured[]) =>
  measured
    .filter((m) => m.problems.length > 0)
    .map((m) => `${stateLabel(m.state)}:\n  ${m.problems.join('\n  ')}`)
    .join('\n');

/** Per kind of state: the smallest text and the chart's smallest shares over all of them, for the test's output. */
function summary(measured: Measured[]): string[] {
  const kinds = [...new Set(measured.map((m) => m.state.kind))];
  return kinds.map((kind) => {
    const of = measured.filter((m) => m.state.kind === kind);
    const px = (n: number) => `${Math.round(n * 10) / 10} px`;
    const smallest = Math.min(...of.map((m) => m.measure.smallest?.px ?? Infinity));
    const charts = of.flatMap((m) => (m.measure.chart ? [m.measure.chart] : []));
    const least = (key: 'width' | 'screen' | 'belowQuestion') => Math.min(...charts.map((c) => c[key]));
    const chart = charts.length ? `; chart at least ${least('width')} of the width, ${least('screen')} of the screen, ${least('belowQuestion')} of the screen below the question, its smallest text ${px(Math.min(...charts.map((c) => c.smallestPx ?? 0)))}` : '';
    return `${kind} (${of.length}): smallest text ${smallest === Infinity ? '-' : px(smallest)}${chart}`;
  });
}

const FULL_HD = { width: 1920, height: 1080 };
const bundled = readManifest(bundledPackDir());
const bundledHub = await hubWith(bundled);

test('the bundled pack, in Dutch and English: every presenter state at 1920x1080 reads from the back row, nothing clipped', async (t) => {
  const measured = await auditAt(bundledHub, bundled, FULL_HD);
  for (const line of summary(measured)) t.diagnostic(line);
  assert.deepEqual(said(measured), '');
});

for (const { name, pack } of extremePacks()) {
  const manifest = readManifest(pack.dir);
  test(`an extreme pack, ${name} (${manifest.languages.join(', ')}): every presenter state at 1920x1080 reads from the back row, nothing clipped`, async (t) => {
    const measured = await auditAt(await hubWith(manifest), manifest, FULL_HD);
    for (const line of summary(measured)) t.diagnostic(line);
    assert.deepEqual(said(measured), '');
  });
}

test('at 1280x720 and 3840x2160 every presenter state is the same picture as at 1920x1080, in proportion', async (t) => {
  const reference = await auditAt(bundledHub, bundled, FULL_HD, ['nl']);
  for (const size of [
    { width: 1280, height: 720 },
    { width: 3840, height: 2160 },
  ]) {
    const measured = await auditAt(bundledHub, bundled, size, ['nl']);
    assert.deepEqual(said(measured), '', `at ${size.width}x${size.height}`);
    const scale = scaleOf(size);
    for (const [i, m] of measured.entries()) {
      const at = `${stateLabel(m.state)} at ${size.width}x${size.height}`;
      const ref = reference[i];
      assert.equal(stateLabel(m.state), stateLabel(ref.state));
      if (m.measure.smallest) assert.ok(Math.abs(m.measure.smallest.px / scale - ref.measure.smallest!.px) < 0.5, `${at}: the smallest text is ${m.measure.smallest.px} px, ${ref.measure.smallest!.px} px at 1920x1080`);
      if (m.measure.chart) {
        for (const key of ['width', 'belowQuestion'] as const) assert.ok(Math.abs(m.measure.chart[key] - ref.measure.chart![key]) < 0.02, `${at}: the chart's ${key} share is ${m.measure.chart[key]}, ${ref.measure.chart![key]} at 1920x1080`);
      }
    }
    t.diagnostic(`${size.width}x${size.height}: ${measured.length} states in proportion`);
  }
});
