// Results bundles, as ../shared/results-sync.md says: one JSON Lines file per export, a
// header, every record the pillar has (so each bundle is complete by itself), and a last line
// with the Ed25519 signature of every byte before it. Written to a temporary name, flushed,
// renamed, the folder synced, then read back and verified: only then may the stick come out.
// The hub reads bundles with readBundle(): whole, or refused with the reason.

import { sign, verify } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SyncRecord } from '../../api/sync.ts';
import { publicKeyFromBase64 } from '../../../content/signing.ts';
import { hourOf } from '../answers/store.ts';
import { writeFileAtomic } from '../platform/atomic.ts';
import type { PillarKey } from './identity.ts';

const BUNDLE_FORMAT = 'olifant-results/1';
export const BUNDLE_FOLDER = 'olifant-results';
export const BUNDLE_EXTENSION = '.olifant-results';

interface BundleHeader {
  format: typeof BUNDLE_FORMAT;
  pillar_id: string;
  public_key: string;
  created_hour: string;
  counts: { answer: number; venue: number; pack: number };
}

/** A bundle that cannot be taken, with the reason in the organiser's words. */
export class BundleError extends Error {
  override name = 'BundleError';
}

/** `<pillar_id>-<YYYYMMDD-HHMM>.olifant-results` (UTC). */
function bundleName(pillarId: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${pillarId}-${stamp}${BUNDLE_EXTENSION}`;
}

/** The bundle's bytes: header, records, signature line. */
export function bundleBytes(pillarId: string, key: PillarKey, records: SyncRecord[], now: Date): Buffer {
  const counts = { answer: 0, venue: 0, pack: 0 };
  for (const r of records) counts[r.type]++;
  const header: BundleHeader = { format: BUNDLE_FORMAT, pillar_id: pillarId, public_key: key.publicKey, created_hour: hourOf(now), counts };
  const body = Buffer.from([header, ...records].map((line) => JSON.stringify(line) + '\n').join(''), 'utf8');
  const signature = sign(null, body, key.privateKey).toString('base64');
  return Buffer.concat([body, Buffer.from(JSON.stringify({ signature }) + '\n', 'utf8')]);
}

/** What a stick or disk failure means for the crew. */
export function writeFailure(error: NodeJS.ErrnoException): Error {
  if (error.code === 'ENOSPC' || error.code === 'EDQUOT') return new Error('The USB stick is full: the results were not written. Use a stick with more room, or make room on it, and try again.');
  if (error.code === 'ENOENT' || error.code === 'EIO' || error.code === 'ENODEV' || error.code === 'ENXIO') return new Error('The USB stick was taken out (or cannot be written) while the results were written: they are not on it. Put it back and try again.');
  if (error.code === 'EROFS' || error.code === 'EACCES' || error.code === 'EPERM') return new Error('The USB stick cannot be written (it is read-only, or locked): use another stick.');
  return new Error(`The results could not be written to the USB stick (${error.code ?? error.message}); try again.`);
}

/**
 * Writes a bundle to `file` (for a stick: <drive>/olifant-results/<bundleName>) and reads it
 * back to check it. On any failure nothing that looks complete stays behind.
 */
export function writeBundle(file: string, pillarId: string, key: PillarKey, records: SyncRecord[], now: Date): void {
  const bytes = bundleBytes(pillarId, key, records, now);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, bytes);
  } catch (error) {
    throw writeFailure(error as NodeJS.ErrnoException);
  }
  let back: Buffer;
  try {
    back = readFileSync(file);
  } catch (error) {
    throw writeFailure(error as NodeJS.ErrnoException);
  }
  if (!back.equals(bytes)) throw new Error('The results on the USB stick read back differently from what was written: the stick may be failing. Use another stick.');
}

/** Where a drive's bundle goes: <drive>/olifant-results/<pillar_id>-<YYYYMMDD-HHMM>.olifant-results. */
export const bundleOnDrive = (drive: string, pillarId: string, now: Date) => path.join(drive, BUNDLE_FOLDER, bundleName(pillarId, now));

/** A bundle checked whole: format, signature over every byte before the last line, counts, and every line parsed. */
export function readBundle(bytes: Buffer): { header: BundleHeader; records: unknown[] } {
  if (bytes.length === 0 || bytes[bytes.length - 1] !== 0x0a) throw new BundleError('the bundle does not end with its signature line: it was cut off (a stick pulled out while it was written?)');
  const lastStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
  if (lastStart === 0) throw new BundleError('the bundle has no header and records before its last line');
  let signature: unknown;
  try {
    signature = (JSON.parse(bytes.subarray(lastStart).toString('utf8')) as { signature?: unknown }).signature;
  } catch {
    signature = undefined;
  }
  if (typeof signature !== 'string') throw new BundleError('the last line is not the signature: the bundle was cut off or changed');
  const body = bytes.subarray(0, lastStart);
  const lines = body.toString('utf8').split('\n').slice(0, -1);
  let header: BundleHeader;
  let records: unknown[];
  try {
    [header, ...records] = lines.map((line) => JSON.parse(line) as unknown) as [BundleHeader, ...unknown[]];
  } catch (error) {
    throw new BundleError(`a line of the bundle is not JSON (${(error as Error).message})`);
  }
  if (header?.format !== BUNDLE_FORMAT) throw new BundleError(`the bundle's format is not "${BUNDLE_FORMAT}"`);
  let key;
  try {
    key = publicKeyFromBase64(String(header.public_key));
  } catch {
    throw new BundleError("the bundle's public_key is not an Ed25519 public key");
  }
  if (!verify(null, body, key, Buffer.from(signature, 'base64'))) throw new BundleError('the signature does not match the bundle: it was changed after it was written');
  const counts = { answer: 0, venue: 0, pack: 0 } as Record<string, number>;
  for (const r of records) counts[String((r as { type?: unknown })?.type)] = (counts[String((r as { type?: unknown })?.type)] ?? 0) + 1;
  const said = header.counts ?? {};
  if (Object.keys(counts).length !== 3 || counts.answer !== said.answer || counts.venue !== said.venue || counts.pack !== said.pack) {
    throw new BundleError(`the bundle's counts (${JSON.stringify(said)}) do not match its records (${JSON.stringify(counts)})`);
  }
  return { header, records };
}
