// The health file beside a results bundle on a stick (docs/results-sync-v2.md, "Health on a
// stick"): `<bundle's name stem>.olifant-health`, JSON Lines: a header, the pillar's health
// record, and the Ed25519 signature of every byte before it, made as a bundle's is (bundle.ts).
// The hub reads one whole (it is small) or refuses it with the reason in the organiser's words.

import { sizeInWords } from '../../content/plain-file.ts';
import { Shape } from '../../content/schema-check.ts';
import type { HealthFileHeader, HealthRecord } from '../api/check-in.ts';
import { HEALTH_FILE_HEADER, HEALTH_RECORD } from '../api/schemas/check-in.ts';
import { BUNDLE_EXTENSION, BundleError, signedLines, writeReadBack, type PillarKey } from './bundle.ts';
import { Ed25519StreamVerifier } from './ed25519-stream.ts';
import { hourOf } from './records.ts';

export const HEALTH_EXTENSION = '.olifant-health';
/** Far more than a health record; a bigger file is not a health file. */
export const MAX_HEALTH_FILE_BYTES = 64 * 1024;

const HEADER = new Shape(HEALTH_FILE_HEADER);
const RECORD = new Shape(HEALTH_RECORD);

/** The health file's name beside a bundle: the bundle's stem. */
export const healthFileBeside = (bundle: string) => bundle.slice(0, bundle.length - BUNDLE_EXTENSION.length) + HEALTH_EXTENSION;

export function healthFileBytes(key: PillarKey, record: HealthRecord, now: Date): Buffer {
  const header: HealthFileHeader = { format: 'olifant-health/1', pillar_id: record.pillar_id, public_key: key.publicKey, created_hour: hourOf(now) };
  return signedLines([header, record], key);
}

/** Writes the health file beside a bundle on a stick, and reads it back. */
export function writeHealthFile(bundle: string, key: PillarKey, record: HealthRecord, now: Date): string {
  const file = healthFileBeside(bundle);
  writeReadBack(file, healthFileBytes(key, record, now));
  return file;
}

/** A health file's header and record, its signature checked against its own key (the caller checks the key is the pillar's). */
export function readHealthFile(bytes: Buffer): { header: HealthFileHeader; record: HealthRecord } {
  if (bytes.length > MAX_HEALTH_FILE_BYTES) throw new BundleError(`it is larger than ${sizeInWords(MAX_HEALTH_FILE_BYTES)}, more than a health file can be`);
  if (bytes.length === 0 || bytes[bytes.length - 1] !== 0x0a) throw new BundleError('it does not end with its signature line: it was cut off');
  const lines = bytes.subarray(0, bytes.length - 1).toString('utf8').split('\n');
  if (lines.length !== 3) throw new BundleError(`it has ${lines.length} lines, not 3 (a header, the health record and the signature)`);
  const parsed = lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new BundleError(`line ${i + 1} is not JSON`);
    }
  });
  const header = HEADER.check(parsed[0], 'its header', (refusal) => new BundleError(refusal.message));
  const signature = (parsed[2] as { signature?: unknown } | null)?.signature;
  if (typeof signature !== 'string') throw new BundleError('the last line is not the signature: it was cut off or changed');
  const signed = bytes.subarray(0, bytes.length - 1 - Buffer.byteLength(lines[2]));
  const verifier = new Ed25519StreamVerifier(Buffer.from(header.public_key, 'base64'), Buffer.from(signature, 'base64'));
  verifier.update(signed);
  if (!verifier.verify()) throw new BundleError('the signature does not match the file: it was changed after it was written');
  const record = RECORD.check(parsed[1], 'the health record', (refusal) => new BundleError(refusal.message));
  if (record.pillar_id !== header.pillar_id) throw new BundleError(`its health record is pillar ${record.pillar_id}'s, not its header's ${header.pillar_id}`);
  return { header, record };
}
