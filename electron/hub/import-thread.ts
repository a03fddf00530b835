// Imports an uploaded bundle on a thread of its own (import-worker.ts): the hub's event loop
// stays free for the pillars' batches and the lecturer's reads while a bundle of up to 1 GiB
// is read. Bundles are imported one at a time; while one is, its transaction holds the
// database's write lock, and the hub answers batches 503 at once (they are sent again later).
// An import whose request is given up (its deadline) is ended, and its transaction rolled back.

import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { BundleError } from '../results/bundle.ts';
import { NewPillarKey, type NewPillarTrust } from './bundles.ts';
import type { StoreOutcome } from './store.ts';

const WORKER = new URL(import.meta.url.endsWith('.ts') ? './import-worker.ts' : './import-worker.js', import.meta.url);

type Answer =
  | { done: StoreOutcome & { pillarId: string } }
  | { newKey: { pillarId: string; publicKey: string } }
  | { refused: string }
  | { failed: { message: string; code?: string; stack?: string } };

/** Imports one bundle at a time, each on its own thread. */
export class BundleImports {
  private queue: Promise<unknown> = Promise.resolve();
  private running = 0;

  /** Whether a bundle is being imported (or waits to be): the database's write lock is, or will be, its. */
  get busy(): boolean {
    return this.running > 0;
  }

  /** What importBundle() does, with the same refusals (BundleError, NewPillarKey), on its own thread, after the imports before it. */
  run(dir: string, file: string, options: { trust: NewPillarTrust; name: string; signal?: AbortSignal }): Promise<StoreOutcome & { pillarId: string }> {
    this.running++;
    const turn = this.queue.then(() => importOnThread(dir, file, options));
    this.queue = turn.catch(() => {});
    return turn.finally(() => this.running--);
  }
}

async function importOnThread(dir: string, file: string, options: { trust: NewPillarTrust; name: string; signal?: AbortSignal }): Promise<StoreOutcome & { pillarId: string }> {
  options.signal?.throwIfAborted();
  const worker = new Worker(WORKER, { workerData: { dir, file, trust: options.trust, name: options.name } });
  const exited = once(worker, 'exit');
  const end = () => void worker.terminate();
  options.signal?.addEventListener('abort', end, { once: true });
  let answer: Answer;
  try {
    answer = await new Promise<Answer>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      void exited.then(([code]) => reject(options.signal?.aborted ? options.signal.reason : new Error(`the import thread ended without an answer (exit code ${code})`)));
    });
    // The thread closes its connection and ends by itself.
    await exited;
  } finally {
    options.signal?.removeEventListener('abort', end);
  }
  if ('done' in answer) return answer.done;
  if ('newKey' in answer) throw new NewPillarKey(options.name, answer.newKey.pillarId, answer.newKey.publicKey);
  if ('refused' in answer) throw new BundleError(answer.refused);
  throw Object.assign(new Error(answer.failed.message), { code: answer.failed.code, stack: answer.failed.stack });
}
