// Finds Electron's executable. Since Electron 42 the npm package downloads it on first
// use; where that download is impossible, this says why, in words, instead of failing later.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appRoot } from '../platform/paths.ts';

/** Errors that mean the download server could not be reached at all. */
const NO_CONNECTION = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH/;

/** The Electron executable, or why there is none, as a sentence (`env`: the download's settings, such as ELECTRON_MIRROR). */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): { path: string } | { missing: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: appRoot(), env, encoding: 'utf8', timeout: 120_000 });
  if (probe.status === 0 && probe.stdout && existsSync(probe.stdout)) return { path: probe.stdout };
  const output = `${probe.stdout ?? ''}\n${probe.stderr ?? ''}`;
  const error = (probe.stderr || probe.error?.message || '').split('\n').find((l) => /error/i.test(l))?.trim() ?? 'no reason given';
  if (!/Downloading Electron/.test(output)) return { missing: `Electron's program is not there (${error}).` };
  return {
    missing: NO_CONNECTION.test(output)
      ? `Electron's program could not be downloaded: its download server cannot be reached from here (${error}).`
      : `Electron's program could not be downloaded (${error}).`,
  };
}
