// The `olifant` command as tests and the bench run it: its source, under this Node.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

export const CLI = path.join(import.meta.dirname, '..', '..', 'electron', 'cli', 'olifant.ts');

/** Every process a test file started: ended when the file's process ends, whether its tests passed, failed or were cut short. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

/** How a child process's node starts: its arguments before the command's, its environment, and who takes its IPC channel (none unless asked). */
export interface NodeStart {
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Given the child as it starts, with an IPC channel to it (a clock the test drives: driven-time.ts). */
  channel?: (child: ChildProcess) => void;
}

/** Starts `olifant ARGS...` as a child process and returns the first line it printed (a URL: the hub, `serve`). */
export async function startOlifant(args: string[], node: NodeStart = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...(node.args ?? []), CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit', ...(node.channel ? ['ipc' as const] : [])], env: node.env });
  node.channel?.(child);
  started.add(child);
  child.once('exit', () => started.delete(child));
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: line.toString().trim(), child };
}
