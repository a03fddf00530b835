// Finds Electron's executable. Since Electron 42 the npm package downloads it on first
// use; where that download is impossible, this says why instead of failing later.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appRoot } from '../core/platform/paths.ts';

/** The Electron executable, or why there is none. */
export function electronBinary(): { path: string } | { missing: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: appRoot(), encoding: 'utf8', timeout: 120_000 });
  if (probe.status === 0 && probe.stdout && existsSync(probe.stdout)) return { path: probe.stdout };
  const why = (probe.stderr || probe.error?.message || '').split('\n').find((l) => /error/i.test(l)) ?? 'unknown reason';
  return { missing: why.trim() };
}
