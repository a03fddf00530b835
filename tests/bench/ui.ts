// The student's screens: tap to frame, dropped frames, cold start (`npm run bench -- ui`).

import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { createKiosk } from '../../electron/kiosk/services.ts';
import { startServer } from '../../electron/kiosk/carriers/http.ts';
import { launchChromium } from '../helpers/browser.ts';
import { CLI } from '../helpers/cli.ts';
import { percentile, print, quiet, temp } from './common.ts';

/** In the page: from the tap (pointerdown, or a key) to the first animation frame that shows `selector`, and the frames dropped in the next 400 ms. */
export async function tapToFrame(page: Page, tap: () => Promise<void>, selector: string, eventType: 'pointerdown' | 'keydown' = 'pointerdown'): Promise<{ latency: number; dropped: number }> {
  await page.evaluate(`(() => {
    window.__bench = new Promise((resolve) => {
      addEventListener(${JSON.stringify(eventType)}, (event) => {
        const t0 = event.timeStamp;
        let latency = null;
        const frames = [];
        const step = (now) => {
          frames.push(now);
          if (latency === null && document.querySelector(${JSON.stringify(selector)})) latency = now - t0;
          if (now - t0 < 400 || latency === null) requestAnimationFrame(step);
          else {
            let dropped = 0;
            for (let i = 1; i < frames.length; i++) dropped += Math.max(0, Math.round((frames[i] - frames[i - 1]) / (1000 / 60)) - 1);
            resolve({ latency, dropped });
          }
        };
        requestAnimationFrame(step);
      }, { capture: true, once: true });
    });
  })()`);
  await tap();
  return (await page.evaluate('window.__bench')) as { latency: number; dropped: number };
}

export async function uiFigures(): Promise<void> {
  const app = await createKiosk({ dataDir: path.join(temp, 'ui'), pillar: 'simulated', log: quiet });
  const server = await startServer(app);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: /Raak me aan/ }).click();
    await page.getByRole('button', { name: /^Vraag 1/ }).waitFor();
    const latencies: number[] = [];
    const dropped: number[] = [];
    for (let i = 0; i < 30; i++) {
      await page.waitForTimeout(450);
      const card = (await page.getByRole('button', { name: /^Vraag 1/ }).boundingBox())!;
      const forth = await tapToFrame(page, () => page.mouse.click(card.x + 20, card.y + 20), '.screen-question');
      await page.waitForTimeout(450);
      const back = (await page.getByRole('button', { name: /Terug/ }).boundingBox())!;
      const again = await tapToFrame(page, () => page.mouse.click(back.x + 20, back.y + 20), '.screen-choose');
      for (const s of [forth, again]) {
        latencies.push(s.latency);
        dropped.push(s.dropped);
      }
    }
    print('tap_to_frame_p50', percentile(latencies, 50), 'ms');
    print('tap_to_frame_p95', percentile(latencies, 95), 'ms');
    print('transition_dropped_frames_mean', dropped.reduce((a, b) => a + b, 0) / dropped.length, 'frames');
    print('transition_dropped_frames_max', Math.max(...dropped), 'frames');

    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const child = spawn(process.execPath, [CLI, 'serve', '--pillar', 'simulated'], { env: { ...process.env, OLIFANT_DATA_DIR: path.join(temp, `cold-${i}`) }, stdio: ['ignore', 'pipe', 'ignore'] });
      const url = await new Promise<string>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(c.toString().trim())));
      const fresh = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
      const coldPage = await fresh.newPage();
      await coldPage.goto(url);
      await coldPage.getByRole('button', { name: /Raak me aan/ }).waitFor();
      starts.push(performance.now() - t0);
      await fresh.close();
      child.kill('SIGTERM');
    }
    print('cold_start_to_attract', percentile(starts, 50), 'ms');
  } finally {
    await browser.close();
    await server.close();
    await app.close();
  }
}
