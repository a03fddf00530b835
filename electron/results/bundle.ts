// Results bundles, as ../shared/results-sync.md says: one JSON Lines file per export, a
// header, every record the pillar has (so each bundle is complete by itself), and a last line
// with the Ed25519 signature of every byte before it. Written to a temporary name, flushed,
// renamed, the folder synced, then read back and verified: only then may the stick come out.
// The hub reads bundles with readBundle(), a line at a time whatever their size: whole, or
// refused with the reason.

import { sign, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Static } from 'typebox';
import { Shape } from '../../content/schema-check.ts';
import { ApiError } from '../api/errors.ts';
import { BUNDLE_HEADER } from '../api/schemas/sync.ts';
import type { SyncRecord } from '../api/sync.ts';
import { writeFileAtomic } from '../platform/atomic.ts';
import { troubleOf } from '../platform/errno.ts';
import { Ed25519StreamVerifier } from './ed25519-stream.ts';
import { hourOf } from './records.ts';

export const BUNDLE_FOLDER = 'olifant-results';
export const BUNDLE_EXTENSION = '.olifant-results';

export type BundleHeader = Static<typeof BUNDLE_HEADER>;
const HEADER = new Shape(BUNDLE_HEADER);

/** The key a pillar signs its bundles with (core/sync/identity.ts keeps it in the data folder). */
export interface PillarKey {
  privateKey: KeyObject;
  /** base64 of the raw 32-byte public key, as bundles carry it. */
  publicKey: string;
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

/** JSON Lines signed by the pillar: each line, then one with the Ed25519 signature of every byte before it. */
export function signedLines(lines: unknown[], key: PillarKey): Buffer {
  const body = Buffer.from(lines.map((line) => JSON.stringify(line) + '\n').join(''), 'utf8');
  const signature = sign(null, body, key.privateKey).toString('base64');
  return Buffer.concat([body, Buffer.from(JSON.stringify({ signature }) + '\n', 'utf8')]);
}

/** The bundle's bytes: header, records, signature line. */
export function bundleBytes(pillarId: string, key: PillarKey, records: SyncRecord[], now: Date): Buffer {
  const counts = { answer: 0, venue: 0, pack: 0 };
  for (const r of records) counts[r.type]++;
  const header: BundleHeader = { format: 'olifant-results/1', pillar_id: pillarId, public_key: key.publicKey, created_hour: hourOf(now), counts };
  return signedLines([header, ...records], key);
}

/** What a stick or disk failure means for the crew. */
export function writeFailure(error: unknown): ApiError {
  const trouble = troubleOf(error);
  if (trouble === 'full') return new ApiError('storage', 'The USB stick is full: the results were not written. Use a stick with more room, or make room on it, and try again.');
  if (trouble === 'missing' || trouble === 'gone') return new ApiError('storage', 'The USB stick was taken out (or cannot be written) while the results were written: they are not on it. Put it back and try again.');
  if (trouble === 'read-only' || trouble === 'not-allowed') return new ApiError('storage', 'The USB stick cannot be written (it is read-only, or locked): use another stick.');
  return new ApiError('storage', `The results could not be written to the USB stick (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); try again.`);
}

/**
 * Writes a bundle to `file` (for a stick: <drive>/olifant-results/<bundleName>) and reads it
 * back to check it. On any failure nothing that looks complete stays behind.
 */
export function writeBundle(file: string, pillarId: string, key: PillarKey, records: SyncRecord[], now: Date): void {
  writeReadBack(file, bundleBytes(pillarId, key, records, now));
}

/** Writes `bytes` to `file` on a stick and reads them back: done only when they read back the same. */
export function writeReadBack(file: string, bytes: Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, bytes);
  } catch (error) {
    throw writeFailure(error);
  }
  let back: Buffer;
  try {
    back = readFileSync(file);
  } catch (error) {
    throw writeFailure(error);
  }
  if (!back.equals(bytes)) throw new ApiError('storage', 'The results on the USB stick read back differently from what was written: the stick may be failing. Use another stick.');
}

/** Where a drive's bundle goes: <drive>/olifant-results/<pillar_id>-<YYYYMMDD-HHMM>.olifant-results. */
export const bundleOnDrive = (drive: string, pillarId: string, now: Date) => path.join(drive, BUNDLE_FOLDER, bundleName(pillarId, now));

/** Bytes a line may have: a pack's manifest is the longest record by far. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;
/** The signature line is about a hundred bytes; a longer last line is not one. */
const MAX_SIGNATURE_LINE_BYTES = 4096;
/** How much of a bundle is read at a time. */
const CHUNK_BYTES = 1024 * 1024;

/** What the reader of a bundle does with its parts, in the order they come. */
export interface BundleTaker {
  /** The header, checked, before any record: a throw refuses the bundle at once. */
  header(header: BundleHeader): void;
  /** Each record in turn (`n` from 1). A throw refuses the bundle; the reason is told after the signature was checked. */
  record(record: unknown, n: number): void;
}

const cutOff = () => new BundleError('the bundle does not end with its signature line: it was cut off (a stick pulled out while it was written?)');

/** Up to `length` bytes from `position`; fewer only where the file ends. */
function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    let n: number;
    try {
      n = readSync(fd, buffer, got, length - got, position + got);
    } catch (error) {
      throw new BundleError(`the bundle could not be read to its end (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): was the stick taken out?`);
    }
    if (n === 0) break;
    got += n;
  }
  return buffer.subarray(0, got);
}

/** Where the last line starts, and the signature it holds (undefined when it is not a signature line). */
function signatureLine(fd: number, size: number): { lastStart: number; signature: unknown } {
  const tailStart = Math.max(0, size - MAX_SIGNATURE_LINE_BYTES - 1);
  const tail = readAt(fd, size - tailStart, tailStart);
  if (tail.length === 0 || tail[tail.length - 1] !== 0x0a) throw cutOff();
  const newline = tail.length >= 2 ? tail.lastIndexOf(0x0a, tail.length - 2) : -1;
  if (newline < 0 && tailStart === 0) throw new BundleError('the bundle has no header and records before its last line');
  if (newline < 0) return { lastStart: size, signature: undefined };
  try {
    return { lastStart: tailStart + newline + 1, signature: (JSON.parse(tail.subarray(newline + 1).toString('utf8')) as { signature?: unknown }).signature };
  } catch {
    return { lastStart: tailStart + newline + 1, signature: undefined };
  }
}

/**
 * Reads a bundle from the open file `fd` of `size` bytes, `chunkBytes` at a time and never
 * more than a line at once, so that its size does not matter: the last line (the signature)
 * first, then the header, then each record, handed to `take` as it comes. The signature is
 * checked as the bytes go by, so whether they are the pillar's is known only at the end:
 * the caller takes records inside a transaction and rolls it back when this throws.
 */
export function readBundle(fd: number, size: number, take: BundleTaker, chunkBytes = CHUNK_BYTES): BundleHeader {
  const { lastStart, signature } = signatureLine(fd, size);
  if (typeof signature !== 'string') throw new BundleError('the last line is not the signature: the bundle was cut off or changed');
  let header: BundleHeader | undefined;
  let verifier: Ed25519StreamVerifier | undefined;
  // Bytes read before the header's key was known, hashed once it is (at most a line and a chunk).
  let unhashed: Buffer[] = [];
  let line: Buffer[] = [];
  let lineBytes = 0;
  let records = 0;
  let failure: unknown;
  const counts = { answer: 0, venue: 0, pack: 0 } as Record<string, number>;
  const parse = (bytes: Buffer) => {
    try {
      return JSON.parse(bytes.toString('utf8')) as unknown;
    } catch (error) {
      throw new BundleError(`a line of the bundle is not JSON (${(error as Error).message})`);
    }
  };
  const takeHeader = (bytes: Buffer) => {
    header = HEADER.check(parse(bytes), "the bundle's header", (refusal) => new BundleError(refusal.message));
    verifier = new Ed25519StreamVerifier(Buffer.from(header.public_key, 'base64'), Buffer.from(signature, 'base64'));
    take.header(header);
  };
  const takeRecord = (bytes: Buffer) => {
    const record = parse(bytes);
    const type = String((record as { type?: unknown })?.type);
    counts[type] = (counts[type] ?? 0) + 1;
    take.record(record, ++records);
  };
  for (let position = 0; position < lastStart; ) {
    const chunk = readAt(fd, Math.min(chunkBytes, lastStart - position), position);
    if (chunk.length === 0) throw cutOff();
    position += chunk.length;
    for (let start = 0; start < chunk.length && failure === undefined; ) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline < 0 ? chunk.length : newline;
      lineBytes += end - start;
      if (lineBytes > MAX_LINE_BYTES) {
        if (!header) throw new BundleError(`the bundle's first line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB: it is not a header`);
        failure = new BundleError(`record ${records + 1} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB: it is not a record`);
        line = [];
        break;
      }
      line.push(chunk.subarray(start, end));
      start = end + 1;
      if (newline < 0) break;
      const bytes = line.length === 1 ? line[0] : Buffer.concat(line);
      line = [];
      lineBytes = 0;
      if (!header) {
        takeHeader(bytes);
        continue;
      }
      try {
        takeRecord(bytes);
      } catch (error) {
        // Read on to the end: a record changed on the way is told as the changed bundle it is.
        failure = error;
      }
    }
    if (verifier) {
      for (const bytes of unhashed) verifier.update(bytes);
      unhashed = [];
      verifier.update(chunk);
    } else unhashed.push(chunk);
  }
  if (!header || !verifier) throw new BundleError('the bundle has no header and records before its last line');
  if (!verifier.verify()) throw new BundleError('the signature does not match the bundle: it was changed after it was written');
  if (failure !== undefined) throw failure;
  const said = header.counts;
  if (Object.keys(counts).length !== 3 || counts.answer !== said.answer || counts.venue !== said.venue || counts.pack !== said.pack) {
    throw new BundleError(`the bundle's counts (${JSON.stringify(said)}) do not match its records (${JSON.stringify(counts)})`);
  }
  return header;
}
