// A real hub for tests: the `olifant hub` command as a child process on loopback, with its
// own data folder, and pillars registered the way the tour organiser does it; and real pillars,
// `olifant serve` as child processes.

import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { CLI, startOlifant } from './cli.ts';

export const hubCommand = (dir: string, ...args: string[]) => spawnSync(process.execPath, [CLI, 'hub', ...args, '--data-dir', dir], { encoding: 'utf8', timeout: 30_000 });

/** Registers a pillar with the command and returns its token, from the JSON on the last line. */
export function addPillar(dir: string, id: string): string {
  const added = hubCommand(dir, 'add-pillar', id, '--name', `Zuil ${id}`);
  assert.equal(added.status, 0, added.stderr);
  const last = JSON.parse(added.stdout.trim().split('\n').at(-1)!) as { hubUrl: string; hubToken: string };
  assert.match(last.hubUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  return last.hubToken;
}

/** Starts `olifant hub --port 0` (with more options, if given) and returns the URL it printed. */
export const startHubProcess = (dir: string, ...options: string[]) => startOlifant('hub', '--port', '0', '--data-dir', dir, ...options);

/** Starts a pillar, `olifant serve` with a simulated board, on its data folder; returns the URL it printed. */
export const startPillarProcess = (dir: string) => startOlifant('serve', '--pillar', 'simulated', '--data-dir', dir);

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
