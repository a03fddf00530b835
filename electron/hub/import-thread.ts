// Imports an uploaded bundle on a thread of its own (import-worker.ts): the hub's event loop
// stays free for the pillars' batches and the lecturer's reads while a bundle of up to 1 GiB
// is read. Its transaction holds the database's write lock until it is done: a batch that
// arrives meanwhile waits a moment, then is answered 503 and sent again later.

import { Worker } from 'node:worker_threads';
import { BundleError } from '../core/sync/bundle.ts';
import { NewPillarKey, type NewPillarTrust } from './bundles.ts';
import type { StoreOutcome } from './store.ts';

const WORKER = new URL(import.meta.url.endsWith('.ts') ? './import-worker.ts' : './import-worker.js', import.meta.url);

type Answer =
  | { done: StoreOutcome & { pillarId: string } }
  | { newKey: { pillarId: string; publicKey: string } }
  | { refused: string }
  | { failed: { message: string; stack?: string } };

/** What importBundle() does, with the same refusals (BundleError, NewPillarKey), on its own thread. */
export async function importOnThread(dir: string, file: string, options: { trust: NewPillarTrust; name: string }): Promise<StoreOutcome & { pillarId: string }> {
  const worker = new Worker(WORKER, { workerData: { dir, file, ...options } });
  const answer = await new Promise<Answer>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the import thread ended without an answer (exit code ${code})`)));
  });
  await worker.terminate();
  if ('done' in answer) return answer.done;
  if ('newKey' in answer) throw new NewPillarKey(options.name, answer.newKey.pillarId, answer.newKey.publicKey);
  if ('refused' in answer) throw new BundleError(answer.refused);
  throw Object.assign(new Error(answer.failed.message), { stack: answer.failed.stack });
}
