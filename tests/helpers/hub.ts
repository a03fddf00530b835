// A real hub for tests: the `olifant hub` command as a child process on loopback, with its
// own data folder, and pillars registered the way the tour organiser does it.

import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { CLI } from './cli.ts';

export const hubCommand = (dir: string, ...args: string[]) => spawnSync(process.execPath, [CLI, 'hub', ...args, '--data-dir', dir], { encoding: 'utf8', timeout: 30_000 });

/** Registers a pillar with the command and returns its token, from the JSON on the last line. */
export function addPillar(dir: string, id: string): string {
  const added = hubCommand(dir, 'add-pillar', id, '--name', `Zuil ${id}`);
  assert.equal(added.status, 0, added.stderr);
  const last = JSON.parse(added.stdout.trim().split('\n').at(-1)!) as { hubUrl: string; hubToken: string };
  assert.match(last.hubUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  return last.hubToken;
}

/** Every hub a test file started: ended when the file's process ends, whether its tests passed, failed or were cut short. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

/** How a child process's node starts: its arguments before the command's, and its environment. */
export interface NodeStart {
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Starts an `olifant` command that prints its URL on its first line (the hub, `serve`), and returns that URL. */
export async function startOlifant(args: string[], node: NodeStart = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...(node.args ?? []), CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: node.env });
  started.add(child);
  child.once('exit', () => started.delete(child));
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: line.toString().trim(), child };
}

/** Starts `olifant hub --port 0` (with more options, if given) and returns the URL it printed. */
export const startHubProcess = (dir: string, ...options: string[]) => startOlifant(['hub', '--port', '0', '--data-dir', dir, ...options]);

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
