// The records of ../shared/results-sync.md as the hub takes them in: answers, venue visits
// and packs, each checked by its schema (api/schemas/sync.ts), a pack's manifest then by
// content-pack.md's rules. A record that breaks a rule is refused with the field and the rule
// in words; the caller refuses the whole batch or bundle then (all of it or none).

import { PackError, parseManifest } from '../../content/pack.ts';
import { Shape } from '../../content/schema-check.ts';
import type { SyncRecord } from '../api/sync.ts';
import { SYNC_RECORD } from '../api/schemas/sync.ts';

/** A record that breaks results-sync.md, with the field and the rule in words. */
export class RecordError extends Error {
  override name = 'RecordError';
}

const RECORD = new Shape(SYNC_RECORD);

/** The record checked; `where` names it in the refusal (e.g. `records[12]`). */
export function checkRecord(value: unknown, where: string): SyncRecord {
  const record = RECORD.check(value, where, (refusal) => new RecordError(refusal.message));
  if (record.type !== 'pack') return record;
  // By the rules a pack on a stick is checked by (content-pack.md), its size included.
  let pack;
  try {
    pack = parseManifest(Buffer.from(JSON.stringify(record.manifest), 'utf8'));
  } catch (error) {
    if (error instanceof PackError) throw new RecordError(`${where}.manifest is not a valid pack (content-pack.md): ${error.message}`);
    throw error;
  }
  if (pack.id !== record.id || pack.version !== record.version) throw new RecordError(`${where} is pack ${record.id} version ${record.version}, but its manifest is ${pack.id} version ${pack.version}`);
  return record;
}
