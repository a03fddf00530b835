// Real folders on disk for tests, removed afterwards.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

export function tempDir(prefix = 'olifant-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  // A process a test started may still be writing its last lines as it stops: a folder found not empty is tried again.
  after(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10 }));
  return dir;
}

/** A data folder with a settings file, as an operator would leave it. */
export function dataDir(settings: Record<string, unknown> = {}): string {
  const dir = tempDir('olifant-data-');
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ pillarId: 'pillar-test', venueSessionId: 'venue-test', ...settings }));
  return dir;
}

/** How long a test waits for something to happen before it fails: a deadline for a machine ten times slower than ours, never a duration a test waits out. */
export const DEADLINE_MS = 60_000;

/**
 * Waits until check() is true, polling; fails after the limit with the message. This poll is the
 * one place in the tests that waits on a timer (tests/unit/no-sleeps.test.ts).
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, limitMs = DEADLINE_MS): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
