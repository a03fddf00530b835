// Debian's Chromium driven by Playwright (never a downloaded browser).

import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { SETTLE_MS } from '../../renderer/kiosk/journey.ts';
import { DEADLINE_MS } from './tmp.ts';

export const CHROMIUM = process.env.OLIFANT_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * The kiosk at `url` in a new page whose clock the test drives (Playwright's clock: time flows as
 * usual, and the test jumps it on where the kiosk would make a person wait), ready for taps. Every
 * wait on the page has the tests' deadline for a machine ten times slower.
 */
export async function openKiosk(browser: Browser, url: string, options: BrowserContextOptions = { viewport: { width: 540, height: 960 }, hasTouch: true }): Promise<Page> {
  const page = await browser.newPage(options);
  page.setDefaultTimeout(DEADLINE_MS);
  await page.clock.install();
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  return page;
}

/** A person reads before tapping; quicker taps are flagged as hammering (and get no card). */
export const READ_MS = 800;

/** The question on screen is read: the page's clock moves on by a reading's time, at once. */
export async function readQuestion(page: Page): Promise<void> {
  // The question screen notes when it was shown as it appears: only then may the clock move on.
  await page.locator('.screen-question').waitFor();
  await page.clock.fastForward(READ_MS);
}

/**
 * The screen has settled: a tap now is the student's, not a double tap's second (the kiosk ignores
 * taps this soon after a screen change). The page's clock moves on by that guard's time, at once.
 */
export async function settled(page: Page): Promise<void> {
  await page.clock.fastForward(SETTLE_MS);
  await page.locator('.kiosk:not(.settling)').waitFor();
}
