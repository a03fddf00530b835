// A real hub for tests: the `olifant hub` command as a child process on loopback, with its
// own data folder, and pillars registered the way the tour organiser does it; and real pillars,
// `olifant serve` as child processes.

import { spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import { Pillars } from '../../electron/hub/pillars.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { CLI, startOlifant, type NodeStart } from './cli.ts';
import { tempDir } from './tmp.ts';

/** `olifant hub ARGS... --data-dir DIR`, run to its end; `node`: how its node starts (on a driven clock: driven-time.ts). */
export const hubCommandOn = (node: NodeStart, dir: string, ...args: string[]) => spawnSync(process.execPath, [...(node.args ?? []), CLI, 'hub', ...args, '--data-dir', dir], { encoding: 'utf8', timeout: 30_000, env: node.env });
export const hubCommand = (dir: string, ...args: string[]) => hubCommandOn({}, dir, ...args);

/**
 * Registers a pillar, as `olifant hub add-pillar` does, in this process (the command itself is
 * tested in hub-bundle-trust.test.ts); returns its token. The hub may be running on the folder.
 */
export function addPillar(dir: string, id: string): string {
  const store = new HubStore(dir);
  try {
    return new Pillars(store).add(id, `Zuil ${id}`);
  } finally {
    store.close();
  }
}

/** A hub in this process on loopback, for a test that needs its store at hand; closed after the test. */
export async function hubInProcess(t: TestContext): Promise<{ url: string; store: HubStore; pillars: Pillars }> {
  const store = new HubStore(tempDir());
  const pillars = new Pillars(store);
  const app = buildHub(store, pillars);
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(async () => (await app.close(), store.close()));
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, store, pillars };
}

/** Starts `olifant hub --port 0` (with more options, if given) and returns the URL it printed; `node`: how its node starts. */
export const startHubProcess = (dir: string, options: string[] = [], node: NodeStart = {}) => startOlifant(['hub', '--port', '0', '--data-dir', dir, ...options], node);

/** Starts a pillar, `olifant serve` with a simulated board, on its data folder; returns the URL it printed. */
export const startPillarProcess = (dir: string, node: NodeStart = {}) => startOlifant(['serve', '--pillar', 'simulated', '--data-dir', dir], node);

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
