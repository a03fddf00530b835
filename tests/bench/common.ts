// What every bench group shares: its scratch folder, the figure's printed line, percentiles,
// a real hub process, a timed request.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLI } from '../helpers/cli.ts';

export const temp = mkdtempSync(path.join(os.tmpdir(), 'olifant-bench-'));
export const quiet = () => {};

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function print(name: string, value: number, unit: string): void {
  process.stdout.write(`${name} ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}\n`);
}

/** A real `olifant hub` process on a data folder; its URL and how to stop it (SIGTERM: it closes its database). */
export async function hubProcess(dir: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [CLI, 'hub', '--port', '0', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return {
    url: line.toString().trim(),
    pid: child.pid!,
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export const median = (values: number[]) => percentile(values, 50);

export async function timed(what: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await what();
  return performance.now() - t0;
}

/** A request the hub must answer 200; its body. */
export async function ok(response: Promise<Response>): Promise<Buffer> {
  const r = await response;
  const body = Buffer.from(await r.arrayBuffer());
  if (r.status !== 200) throw new Error(`${r.url}: the hub answered ${r.status} ${body.toString()}`);
  return body;
}
