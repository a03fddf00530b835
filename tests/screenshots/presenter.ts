// The presenter view for `npm run screenshots`: every state it can show at 1920x1080 (the
// projector), in each language of the bundled pack, from a real hub with the pack's lecture on
// it (tests/helpers/lecture-hub.ts), as DIR/presenter/<n>-<language>-<state>.png; the lecturer's page's
// presenter pictures (docs/lecturers.md: tests/screenshots/presenter-*.png) are made again from them.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { bundledPackDir } from '../../electron/kiosk/packs/bundled.ts';
import { pushLecture, startLectureHub } from '../helpers/lecture-hub.ts';
import { openPresenter, walkPresenter, type PresenterState } from '../helpers/presenter.ts';

/** The states docs/lecturers.md shows (in Dutch, and a chart in English), by the name of their picture. */
const README_STATES: Record<string, (s: PresenterState) => boolean> = {
  'presenter-overview': (s) => s.kind === 'overview',
  'presenter-guess': (s) => s.language === 'nl' && s.kind === 'guess' && s.question === 1,
  'presenter-chart': (s) => s.language === 'nl' && s.kind === 'chart' && s.question === 1,
  'presenter-insight': (s) => s.language === 'nl' && s.kind === 'chart, insight' && s.question === 1,
  'presenter-chart-en': (s) => s.language === 'en' && s.kind === 'chart' && s.question === 2,
  'presenter-too-few-here': (s) => s.language === 'nl' && s.kind === 'chart, this venue under the floor',
  'presenter-too-few-elsewhere': (s) => s.language === 'nl' && s.kind === 'chart, the rest of the tour under the floor',
  'presenter-too-few': (s) => s.language === 'nl' && s.kind === 'chart, nothing to show',
  'presenter-keys': (s) => s.language === 'nl' && s.kind === 'keys',
};

export async function presenterScreenshots(browser: Browser, out: string): Promise<void> {
  const dir = path.join(out, 'presenter');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(path.join(os.tmpdir(), 'olifant-presenter-'));
  const hub = await startLectureHub(work);
  try {
    const manifest = JSON.parse(readFileSync(path.join(bundledPackDir(), 'pack.json'), 'utf8'));
    const visit = { id: '2026-11-24-hva-amsterdam', name: 'Hogeschool van Amsterdam' };
    await pushLecture(hub, manifest, visit);
    const page = await openPresenter(browser, hub.url, { width: 1920, height: 1080 }, new RegExp(visit.name));
    let n = 0;
    await walkPresenter(page, manifest.languages, manifest.questions.map((q: { insight?: unknown }) => q.insight !== undefined), async (state) => {
      const name = `${state.language}-${state.kind}${state.question === null ? '' : `-${state.question}`}`.replace(/,? /g, '-');
      const file = path.join(dir, `${String(++n).padStart(2, '0')}-${name}.png`);
      // The overview is a page that scrolls: all of it, at the projector's width.
      await page.screenshot({ path: file, fullPage: state.kind === 'overview' });
      for (const [picture, wanted] of Object.entries(README_STATES)) if (wanted(state)) copyFileSync(file, new URL(`${picture}.png`, import.meta.url));
    });
    process.stdout.write(`${n} presenter states at 1920x1080 in ${dir}\n`);
    await page.close();
  } finally {
    await hub.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
