// Debian's Chromium driven by Playwright (never a downloaded browser).

import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.OLIFANT_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
