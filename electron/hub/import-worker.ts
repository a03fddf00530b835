// A bundle uploaded on the hub's page, imported on a thread of its own with its own connection
// to the hub's database (import-thread.ts), so that the hub's event loop goes on answering
// reads and batches meanwhile. Answers with what the import did, or why it was refused.

import { parentPort, workerData } from 'node:worker_threads';
import { importBundle, NewPillarKey, type NewPillarTrust } from './bundles.ts';
import { BundleError } from '../results/bundle.ts';
import { Pillars } from './pillars.ts';
import { HubStore } from './store.ts';

const job = workerData as { dir: string; file: string; trust: NewPillarTrust; name: string };
const store = new HubStore(job.dir, { checked: true });
// Bundles are imported one at a time (import-thread.ts): only a batch in hand, or a command of
// the organiser's, can hold the lock, and only for a moment.
store.db.pragma('busy_timeout = 60000');
try {
  parentPort!.postMessage({ done: importBundle(job.file, store, new Pillars(store), { trust: job.trust, name: job.name }) });
} catch (error) {
  if (error instanceof NewPillarKey) parentPort!.postMessage({ newKey: { pillarId: error.pillarId, publicKey: error.publicKey } });
  else if (error instanceof BundleError) parentPort!.postMessage({ refused: error.message });
  else parentPort!.postMessage({ failed: { message: (error as Error).message, code: (error as { code?: string }).code, stack: (error as Error).stack } });
} finally {
  store.close();
}
