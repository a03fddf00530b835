// Real folders on disk for tests, removed afterwards.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];
// Removed as the test file's process ends: after every test's and every file's `after` hooks, so
// after the processes those hooks stop (a hub, a pillar) have written their last lines. (Hooks run
// in the order they were made: a folder's own hook, made before the process that used it, ran
// before that process was stopped.)
process.on('exit', () => {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      // Left behind, said: a folder is the test's scaffolding, not what it tests.
      process.stderr.write(`a test folder was left behind: ${dir} (${(error as Error).message})\n`);
    }
  }
});

/** A new folder below `parent`, removed when the test file's process ends. */
export function tempDir(prefix = 'olifant-test-', parent = os.tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, prefix));
  made.push(dir);
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
 * one place in the tests that waits on a timer (tests/unit/no-sleeps.test.ts). A wait that took
 * more than a quarter of its limit is said on stderr: a deadline coming near, seen before it fails.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, limitMs = DEADLINE_MS): Promise<void> {
  const start = Date.now();
  const end = start + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const took = Date.now() - start;
  if (took > limitMs / 4) process.stderr.write(`a slow wait: ${what} took ${took} ms of its ${limitMs} ms\n`);
}
