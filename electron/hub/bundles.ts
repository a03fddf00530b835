// Importing results bundles from USB sticks into the hub: a bundle is taken whole or not at
// all. Its signature must hold, its counts match, its records follow results-sync.md and
// belong to its pillar, and its key must be the one registered for that pillar. A revoked
// pillar's bundles are refused; a registered pillar without a key has its key set by the
// organiser, never by a bundle; only a pillar never registered has its key taken from its
// bundle, when the person importing confirms it.
// A bundle is read a line at a time inside one transaction, each record stored as it comes:
// any refusal, even the signature found wrong at the end, rolls all of it back.
// Importing twice, or overlapping bundles in any order, leaves each answer once.

import { closeSync } from 'node:fs';
import { NotReadable, openPlainFile, readPlainFile } from '../../content/plain-file.ts';
import { BundleError, type BundleHeader, readBundle } from '../results/bundle.ts';
import { MAX_HEALTH_FILE_BYTES, readHealthFile } from '../results/health-file.ts';
import type { HealthStore } from './health.ts';
import { PillarError, type Pillars } from './pillars.ts';
import { checkRecord, RecordError } from './records.ts';
import type { HubStore, StoreOutcome } from './store.ts';

/** Far more than a tour's answers from one pillar; a bigger file is not a bundle. */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;

type Imported = StoreOutcome & { pillarId: string };

/**
 * Whether the key of a pillar this hub never registered is taken: not at all; the bundle's
 * own (`olifant hub import --trust-new-pillar`); or only this exact key (confirmed on the page).
 */
export type NewPillarTrust = 'no' | 'bundle-key' | { key: string };

/** The start of a key, for a person to compare with what `olifant pillar id` prints. */
export const keyFingerprint = (key: string) => (key.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');

/** A bundle of a pillar this hub never registered, refused until its key is confirmed. */
export class NewPillarKey extends BundleError {
  readonly pillarId: string;
  readonly publicKey: string;

  constructor(name: string, pillarId: string, publicKey: string) {
    super(`${name} is refused, nothing of it was imported: pillar ${pillarId} was never registered on this hub and its key is new to this hub (it starts ${keyFingerprint(publicKey)})`);
    this.pillarId = pillarId;
    this.publicKey = publicKey;
  }
}

/** Whether the bundle's pillar and key may be taken; takes a never-registered pillar's key when trusted. */
function admit(header: Pick<BundleHeader, 'pillar_id' | 'public_key'>, name: string, pillars: Pillars, trust: NewPillarTrust): string {
  const pillarId = header.pillar_id;
  const known = pillars.get(pillarId);
  if (known?.revoked) throw new BundleError(`pillar ${pillarId} is revoked on this hub: its bundles are refused (\`olifant hub add-pillar ${pillarId} --key KEY\` registers it again)`);
  if (known && !known.public_key) {
    throw new BundleError(`pillar ${pillarId} is registered without its bundle key, so its bundles cannot be checked: set the key with \`olifant hub set-pillar-key ${pillarId} KEY\` (\`olifant pillar id\` on the pillar prints it)`);
  }
  if (known && known.public_key !== header.public_key) throw new BundleError(`it is signed with another key than the one registered for pillar ${pillarId}: it did not come from that pillar`);
  if (known) return pillarId;
  if (typeof trust === 'object' && trust.key !== header.public_key) {
    throw new BundleError(`the key confirmed (it starts ${keyFingerprint(trust.key)}) is not the one the bundle is signed with (it starts ${keyFingerprint(header.public_key)})`);
  }
  if (trust === 'no') throw new NewPillarKey(name, pillarId, header.public_key);
  pillars.trustNewKey(pillarId, header.public_key);
  return pillarId;
}

/**
 * Imports a bundle file (`olifant hub import`, or an upload on the hub's page named `name`):
 * whole, or refused with the reason. `chunkBytes` is how much is read at a time.
 */
export function importBundle(file: string, store: HubStore, pillars: Pillars, options: { trust: NewPillarTrust; name?: string; chunkBytes?: number }): Imported {
  const name = options.name ?? file;
  let opened: { fd: number; size: number };
  try {
    opened = openPlainFile(file, MAX_BUNDLE_BYTES);
  } catch (error) {
    if (error instanceof NotReadable) throw new BundleError(`${name} is refused, nothing of it was imported: ${error.message}`);
    throw new BundleError(`${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing of it was imported`);
  }
  try {
    // Immediate: the write lock is taken (or waited for) before the first read, never asked for midway.
    return store.db.transaction(() => {
      let pillarId = '';
      let intake: ReturnType<HubStore['intake']> | undefined;
      readBundle(opened.fd, opened.size, {
        header: (header) => {
          pillarId = admit(header, name, pillars, options.trust);
          intake = store.intake(pillarId);
        },
        record: (record, n) => {
          const checked = checkRecord(record, `record ${n}`);
          if (checked.type !== 'pack' && checked.pillar_id !== pillarId) throw new BundleError(`record ${n} belongs to another pillar than the bundle's (${pillarId})`);
          intake!.add(checked);
        },
      }, options.chunkBytes);
      return { ...intake!.done('bundle'), pillarId };
    }).immediate();
  } catch (error) {
    if (error instanceof NewPillarKey) throw error;
    if (error instanceof BundleError || error instanceof RecordError || error instanceof PillarError) throw new BundleError(`${name} is refused, nothing of it was imported: ${error.message}`);
    throw error;
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * Imports a health file from a stick (docs/results-sync-v2.md) by the rules of a bundle: whole,
 * signed, by the key registered for its pillar (never a new key: its bundle registers that).
 * Its record is kept as if it came with a check-in, unless a newer one is kept. Whether it was.
 */
export function importHealthFile(file: string, health: HealthStore, pillars: Pillars, name = file): { pillarId: string; kept: boolean } {
  const refused = (why: string) => new BundleError(`${name} is refused, nothing of it was kept: ${why}`);
  let bytes: Buffer;
  try {
    bytes = readPlainFile(file, MAX_HEALTH_FILE_BYTES);
  } catch (error) {
    throw refused(error instanceof NotReadable ? error.message : `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    const { header, record } = readHealthFile(bytes);
    if (!pillars.get(header.pillar_id)) throw new BundleError(`pillar ${header.pillar_id} is not registered on this hub: import its results bundle (beside it on the stick) first`);
    const pillarId = admit(header, name, pillars, 'no');
    return { pillarId, kept: health.fromStick(pillarId, record) };
  } catch (error) {
    if (error instanceof BundleError) throw refused(error.message);
    throw error;
  }
}
