// Importing results bundles from USB sticks into the hub: a bundle is taken whole or not at
// all. Its signature must hold, its counts match, its records follow results-sync.md and
// belong to its pillar, and its key must be the one registered for that pillar; a pillar's
// first key is taken only when the person importing says so (--trust-new-pillar).
// Importing twice, or overlapping bundles in any order, leaves each answer once.

import type { SyncRecord } from '../api/sync.ts';
import { NotReadable, readPlainFile } from '../core/platform/plain-file.ts';
import { BundleError, readBundle } from '../core/sync/bundle.ts';
import type { Pillars } from './pillars.ts';
import { checkRecord, RecordError } from './records.ts';
import type { HubStore, StoreOutcome } from './store.ts';

/** Far more than a tour's answers from one pillar; a bigger file is not a bundle. */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;

type Imported = StoreOutcome & { pillarId: string };

/** Imports a bundle file (`olifant hub import`). */
export function importBundle(file: string, store: HubStore, pillars: Pillars, options: { trustNewPillar: boolean }): Imported {
  let bytes: Buffer;
  try {
    bytes = readPlainFile(file, MAX_BUNDLE_BYTES);
  } catch (error) {
    if (error instanceof NotReadable) throw new BundleError(`${file} is refused, nothing of it was imported: ${error.message}`);
    throw new BundleError(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing of it was imported`);
  }
  return importBundleBytes(bytes, file, store, pillars, options);
}

/** Imports a bundle's bytes (a file, or an upload on the hub's page named `name`): whole, or refused with the reason. */
export function importBundleBytes(bytes: Buffer, name: string, store: HubStore, pillars: Pillars, options: { trustNewPillar: boolean }): Imported {
  try {
    const { header, records } = readBundle(bytes);
    const pillarId = String(header.pillar_id);
    const known = pillars.get(pillarId);
    if (known?.public_key && known.public_key !== header.public_key) {
      throw new BundleError(`it is signed with another key than the one registered for pillar ${pillarId}: it did not come from that pillar`);
    }
    if (!known?.public_key && !options.trustNewPillar) {
      throw new BundleError(`pillar ${pillarId}'s key is new to this hub. If the bundle came from that pillar's stick, import it again with --trust-new-pillar`);
    }
    const checked: SyncRecord[] = records.map((record, i) => checkRecord(record, `record ${i + 1}`));
    const foreign = checked.findIndex((r) => r.type !== 'pack' && r.pillar_id !== pillarId);
    if (foreign >= 0) throw new BundleError(`record ${foreign + 1} belongs to another pillar than the bundle's (${pillarId})`);
    return store.db.transaction(() => {
      if (!known?.public_key) pillars.trustKey(pillarId, String(header.public_key));
      return { ...store.store(checked, pillarId, 'bundle'), pillarId };
    })();
  } catch (error) {
    if (error instanceof BundleError || error instanceof RecordError) throw new BundleError(`${name} is refused, nothing of it was imported: ${error.message}`);
    throw error;
  }
}
