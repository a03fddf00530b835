// The records of ../shared/results-sync.md as the hub takes them in: answers, venue visits
// and packs, each checked field by field (a pack's manifest by content-pack.md's rules). A record that breaks a rule is refused with the
// rule in words; the caller refuses the whole batch or bundle then (all of it or none).

import { PackError, parseManifest } from '../../content/pack.ts';
import type { AnswerRecord, PackRecord, SyncRecord, VenueRecord } from '../api/sync.ts';
import { ANSWER_FIELDS } from '../results/records.ts';

/** A record that breaks results-sync.md, with the rule in words. */
export class RecordError extends Error {
  override name = 'RecordError';
}

const ID = /^[\w.-]{1,80}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** UTC, rounded down to the hour: nothing finer is ever sent. */
const HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}:00Z$/;
const VENUE_FIELDS = ['type', 'id', 'pillar_id', 'name', 'started_hour', 'ended_hour', 'revision'];
const PACK_FIELDS = ['type', 'id', 'version', 'manifest'];

function fields(record: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(record)) if (!allowed.includes(key)) throw new RecordError(`${where} has an unknown field "${key}"`);
  for (const key of allowed) if (!(key in record)) throw new RecordError(`${where} has no "${key}"`);
}

function text(value: unknown, rule: RegExp, what: string): string {
  if (typeof value !== 'string' || !rule.test(value)) throw new RecordError(`${what} must match ${rule.source}`);
  return value;
}

const count = (value: unknown, what: string): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new RecordError(`${what} must be a whole number from 1 up`);
  return value;
};

/** The record checked; `where` names it in the refusal (e.g. `records[12]`). */
export function checkRecord(value: unknown, where: string): SyncRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordError(`${where} is not an object`);
  const r = value as Record<string, unknown>;
  if (r.type === 'answer') {
    fields(r, ['type', ...ANSWER_FIELDS], where);
    text(r.id, UUID_V4, `${where}.id`);
    text(r.pillar_id, ID, `${where}.pillar_id`);
    text(r.venue_session_id, ID, `${where}.venue_session_id`);
    text(r.pack_id, ID, `${where}.pack_id`);
    count(r.pack_version, `${where}.pack_version`);
    text(r.question_id, ID, `${where}.question_id`);
    text(r.value, /^[\w.-]{1,40}$/, `${where}.value`);
    text(r.language, /^[a-z]{2,3}$/, `${where}.language`);
    text(r.hour, HOUR, `${where}.hour`);
    if (r.suspect !== null) text(r.suspect, /^[a-z-]{1,20}$/, `${where}.suspect`);
    return r as unknown as AnswerRecord;
  }
  if (r.type === 'venue') {
    fields(r, VENUE_FIELDS, where);
    text(r.id, ID, `${where}.id`);
    text(r.pillar_id, ID, `${where}.pillar_id`);
    if (typeof r.name !== 'string' || r.name.length === 0 || r.name.length > 200) throw new RecordError(`${where}.name must be 1 to 200 characters`);
    text(r.started_hour, HOUR, `${where}.started_hour`);
    if (r.ended_hour !== null) text(r.ended_hour, HOUR, `${where}.ended_hour`);
    count(r.revision, `${where}.revision`);
    return r as unknown as VenueRecord;
  }
  if (r.type === 'pack') {
    fields(r, PACK_FIELDS, where);
    text(r.id, /^[a-z0-9-]{1,40}$/, `${where}.id`);
    count(r.version, `${where}.version`);
    if (typeof r.manifest !== 'object' || r.manifest === null || Array.isArray(r.manifest)) throw new RecordError(`${where}.manifest must be the pack's pack.json object`);
    // By the rules a pack on a stick is checked by (content-pack.md), its size included.
    let pack;
    try {
      pack = parseManifest(Buffer.from(JSON.stringify(r.manifest), 'utf8'));
    } catch (error) {
      if (error instanceof PackError) throw new RecordError(`${where}.manifest is not a valid pack (content-pack.md): ${error.message}`);
      throw error;
    }
    if (pack.id !== r.id || pack.version !== r.version) throw new RecordError(`${where} is pack ${String(r.id)} version ${String(r.version)}, but its manifest is ${pack.id} version ${pack.version}`);
    return r as unknown as PackRecord;
  }
  throw new RecordError(`${where}.type must be "answer", "venue" or "pack"`);
}
