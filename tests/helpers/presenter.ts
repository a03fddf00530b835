// The lecturer's presenter page in Chromium, walked through every state it can show, and each
// state measured: the kiosk's layout rules (nothing clipped, cut off, overflowing or over
// another text) with the presenter's floor of 32 px at 1920×1080 (in proportion at other
// sizes), the smallest text, and the share of the screen the chart takes. For the layout
// audit's tests and `npm run screenshots`.

import type { Browser, Page } from 'playwright-core';
import type { LayoutFinding } from '../../renderer/kiosk/audit/report.ts';
import type { PresenterMeasure } from '../../renderer/presenter/measured.ts';
import { screenWords } from '../../renderer/presenter/words.ts';
import { checkPage, pageSource } from './audit.ts';

export type { PresenterMeasure } from '../../renderer/presenter/measured.ts';

/** The presenter's type floor at 1920×1080; a screen of another size scales it (its smaller side decides). */
export const PRESENTER_MIN_TEXT_PX = 32;
/** The overview's buttons and links, for a mouse or a touchpad: 44 px at 1920×1080. */
const OVERVIEW_MIN_TARGET_PX = 44;

export const scaleOf = (size: { width: number; height: number }) => Math.min(size.width / 1920, size.height / 1080);

export interface PresenterState {
  /** `overview`; `guess` or one of the charts (chartKind), each alone or `…, insight`; `keys`; `blank`. */
  kind: string;
  language: string;
  /** 1-based; null on the overview. */
  question: number | null;
}

export const stateLabel = (s: PresenterState) => `${s.language} ${s.kind}${s.question === null ? '' : ` ${s.question}`}`;

/** A new page on the presenter's overview with `visit` chosen, its fonts in, motion reduced (the elephant stands still). */
export async function openPresenter(browser: Browser, url: string, size: { width: number; height: number }, visit: RegExp): Promise<Page> {
  const page = await browser.newPage({ viewport: size, reducedMotion: 'reduce' });
  await page.goto(`${url}/presenter/`);
  await page.getByRole('button', { name: visit }).click();
  await page.getByRole('button', { name: 'Presenteer' }).waitFor();
  await page.evaluate('document.fonts.ready');
  return page;
}

/** Which chart is shown: both groups, or one of them (or both) under the privacy floor. */
async function chartKind(page: Page): Promise<string> {
  if ((await page.locator('.chart.empty').count()) > 0) return 'chart, nothing to show';
  if ((await page.locator('.chart .bar.venue').count()) === 0) return 'chart, this venue under the floor';
  if ((await page.locator('.chart .bar.elsewhere').count()) === 0) return 'chart, the rest of the tour under the floor';
  return 'chart';
}

/**
 * From the overview (with a visit chosen), through presenter mode in each language of the
 * visit (`languages`, in the order L goes through them) and each of its questions (whether each
 * has an insight, in the visit's order): the question hidden, with its insight, revealed, with
 * its insight; then the keys and the blank screen; at last back to the overview. `at` is called on
 * each state, the page showing it.
 */
export async function walkPresenter(page: Page, languages: string[], insights: boolean[], at: (state: PresenterState) => Promise<void>): Promise<void> {
  const press = async (key: string, shown: string) => {
    await page.keyboard.press(key);
    await page.locator(shown).waitFor();
  };
  const gone = async (key: string, selector: string) => {
    await page.keyboard.press(key);
    await page.locator(selector).waitFor({ state: 'detached' });
  };
  await at({ kind: 'overview', language: 'nl', question: null });
  await page.getByRole('button', { name: 'Presenteer' }).click();
  // Hyphenation's patterns are in.
  await page.locator('main.presenter[data-ready]').waitFor();
  for (const [l, language] of languages.entries()) {
    if (l > 0) {
      await press('l', `main.presenter[lang="${language}"]`);
      for (let q = insights.length; q > 1; q--) await press('PageUp', `main.presenter[data-question="${q - 1}"]`);
      // A pack of one question: still revealed from the language before.
      if ((await page.locator('main.presenter[data-revealed]').count()) > 0) await gone('Enter', 'main.presenter[data-revealed]');
    }
    for (const [i, insight] of insights.entries()) {
      const q = i + 1;
      if (q > 1) await press('ArrowRight', `main.presenter[data-question="${q}"]:not([data-revealed])`);
      const state = (kind: string) => ({ kind, language, question: q });
      await at(state('guess'));
      if (insight) {
        await press('i', '.insight');
        await at(state('guess, insight'));
        await gone('i', '.insight');
      }
      await press('Enter', 'main.presenter[data-revealed] .chart');
      const chart = await chartKind(page);
      await at(state(chart));
      if (insight) {
        await press('i', '.insight');
        await at(state(`${chart}, insight`));
        await gone('i', '.insight');
      }
    }
    const last = { language, question: insights.length };
    await press('?', '[role="dialog"]');
    await at({ kind: 'keys', ...last });
    await gone('?', '[role="dialog"]');
    await press('b', 'main.presenter.blank');
    await at({ kind: 'blank', ...last });
    await gone('b', 'main.presenter.blank');
  }
  await press('Escape', '.overview');
}

/** The presenter's own measures (renderer/presenter/measure.ts), run in the page. */
const MEASURE_FILE = new URL('../../renderer/presenter/measure.ts', import.meta.url);
/** The privacy floor's sentence in each language of the projected screen. */
const FLOOR_SENTENCES = ['nl', 'en', 'de', 'fr'].map((language) => screenWords(language).floor);

export async function measurePresenter(page: Page): Promise<PresenterMeasure> {
  return page.evaluate(`(() => {\n${await pageSource(MEASURE_FILE)}\nreturn measurePresenter(${JSON.stringify(FLOOR_SENTENCES)});\n})()`) as Promise<PresenterMeasure>;
}

/**
 * The layout rules on the state shown, at the presenter's floors for this page's size. The
 * overview is a page that scrolls: it is measured whole, on a window as tall as the page (its
 * type follows the width, so it stays the same).
 */
export async function checkPresenter(page: Page, state: PresenterState): Promise<LayoutFinding[]> {
  const size = page.viewportSize()!;
  const scale = scaleOf(size);
  const limits = { minTextPx: PRESENTER_MIN_TEXT_PX * scale, minTargetPx: OVERVIEW_MIN_TARGET_PX * scale };
  if (state.kind !== 'overview') return checkPage(page, limits);
  const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  try {
    return await checkPage(page, limits);
  } finally {
    await page.setViewportSize(size);
  }
}
