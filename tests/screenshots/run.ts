// `npm run screenshots [-- DIR]`: every screen of the student journey for the bundled pack,
// in each of its languages, at 1080x1920 (the pillar) and 1920x1080, as PNG files in DIR
// (default `screenshots/`), for people to look at. Each screen is rendered by the layout
// audit page with the real kiosk components, and photographed once its entrance is over.
// Then the lecture's slides (slides.ts), every state of the presenter view (presenter.ts) and
// the hub's fleet view (fleet.ts).

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKiosk } from '../../electron/kiosk/services.ts';
import { startServer } from '../../electron/kiosk/carriers/http.ts';
import { openAudit, screenLabel, showScreen, SIZES } from '../helpers/audit.ts';
import { launchChromium } from '../helpers/browser.ts';
import { fleetScreenshot } from './fleet.ts';
import { presenterScreenshots } from './presenter.ts';
import { slideScreenshots } from './slides.ts';

const out = path.resolve(process.argv[2] ?? 'screenshots');
/** Long enough for every entrance (the words fading in, the bars growing) to end. */
const SETTLE_MS = 900;

const data = mkdtempSync(path.join(os.tmpdir(), 'olifant-screenshots-'));
const app = await createKiosk({ dataDir: data, pillar: 'simulated', log: () => {} });
const server = await startServer(app);
const browser = await launchChromium();
try {
  const { pack } = await app.student.handlers.kiosk();
  for (const size of SIZES) {
    const dir = path.join(out, size.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const page = await openAudit(browser, server.url, size);
    const names = await showScreen(page, pack, 0);
    for (let i = 0; i < names.length; i++) {
      if (i > 0) await showScreen(page, pack, i);
      await page.waitForTimeout(SETTLE_MS);
      const file = `${String(i + 1).padStart(2, '0')}-${names[i].language}-${screenLabel(names[i].screen).replace(' ', '-')}.png`;
      await page.screenshot({ path: path.join(dir, file) });
    }
    process.stdout.write(`${names.length} screens at ${size.width}x${size.height} in ${dir}\n`);
    await page.close();
  }
  await slideScreenshots(out);
  await presenterScreenshots(browser, out);
  await fleetScreenshot(browser, out);
} finally {
  await browser.close();
  await server.close();
  await app.close();
  rmSync(data, { recursive: true, force: true });
}
