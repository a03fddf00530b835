// The records of ../shared/results-sync.md, the batch a pillar pushes and a bundle's header,
// as schemas: the hub checks what arrives by them (Fastify's Ajv the batch, schema-check.ts
// each record and header), and api/sync.ts derives the records' types from them. A pack
// record's manifest is then checked as a pack on a stick is (content/pack.ts).

import Type from 'typebox';

/** An id a record carries: a venue visit's, a question's, a pillar's as records name it. */
export const ID = Type.String({ pattern: '^[\\w.-]{1,80}$', description: 'an id of 1 to 80 letters, digits, dashes, underscores or dots' });
/**
 * A pillar's id where it is given: in <data dir>/pillar-id (or the settings.json it moved
 * from) on the pillar, and to `olifant hub add-pillar` on the hub.
 */
export const PILLAR_ID = Type.String({ pattern: '^[\\w.-]{1,60}$', description: "up to 60 letters, digits, dashes, underscores or dots, as the pillar's service screen shows it" });
/** UTC, rounded down to the hour: nothing finer is ever sent. */
export const HOUR = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:00Z$', description: 'a UTC hour such as "2026-11-24T13:00Z" (nothing finer is sent)' });
const COUNT = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'a whole number from 1 up' });
const TALLY = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'a whole number from 0 up' });

/** A bundle's key as its header carries it: base64 of the raw 32-byte Ed25519 public key, written exactly so. */
export const BUNDLE_KEY = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

export const ANSWER_RECORD = Type.Object({
  type: Type.Literal('answer'),
  id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$', description: 'a random UUID (version 4, lower case)' }),
  pillar_id: ID,
  venue_session_id: ID,
  pack_id: ID,
  pack_version: COUNT,
  question_id: ID,
  /** The step number for a scale, the option id for a choice. */
  value: Type.String({ pattern: '^[\\w.-]{1,40}$', description: 'a step number or an option id' }),
  language: Type.String({ pattern: '^[a-z]{2,3}$', description: 'a language code like "nl"' }),
  hour: HOUR,
  /** null, or why it is left out of every result shown (`too-fast`, `burst`, `test`). */
  suspect: Type.Union([Type.Null(), Type.String({ pattern: '^[a-z-]{1,20}$' })], { description: 'null, or a short reason such as "too-fast"' }),
}, { additionalProperties: false });

export const VENUE_RECORD = Type.Object({
  type: Type.Literal('venue'),
  id: ID,
  pillar_id: ID,
  name: Type.String({ minLength: 1, maxLength: 200, description: 'a name of 1 to 200 characters' }),
  started_hour: HOUR,
  ended_hour: Type.Union([Type.Null(), HOUR], { description: 'null, or a UTC hour such as "2026-11-24T13:00Z"' }),
  /** Rises with every change; the hub keeps the highest. */
  revision: COUNT,
}, { additionalProperties: false });

export const PACK_RECORD = Type.Object({
  type: Type.Literal('pack'),
  id: Type.String({ pattern: '^[a-z0-9-]{1,40}$', description: '1-40 characters of a-z, 0-9 and -' }),
  version: COUNT,
  /** The pack's pack.json object exactly as installed. */
  manifest: Type.Record(Type.String(), Type.Unknown(), { description: "the pack's pack.json object" }),
}, { additionalProperties: false });

export const SYNC_RECORD = Type.Union([ANSWER_RECORD, VENUE_RECORD, PACK_RECORD], { description: 'a record (an object)' });

/** `POST /v1/batches`. More than MAX_BATCH_RECORDS records is a 413 (the contract's), not a malformed batch: the hub counts them itself. */
export const BATCH = Type.Object({
  pillar_id: Type.String({ minLength: 1, maxLength: 60, description: 'a pillar id' }),
  records: Type.Array(Type.Unknown(), { description: 'a list of records' }),
}, { additionalProperties: false });

/** A results bundle's first line. */
export const BUNDLE_HEADER = Type.Object({
  format: Type.Literal('olifant-results/1', { description: '"olifant-results/1"' }),
  pillar_id: ID,
  public_key: Type.String({ pattern: BUNDLE_KEY.source, description: 'an Ed25519 public key (base64 of its 32 bytes)' }),
  created_hour: HOUR,
  counts: Type.Object({ answer: TALLY, venue: TALLY, pack: TALLY }, { additionalProperties: false, description: 'the number of answer, venue and pack records' }),
}, { additionalProperties: false });

/** A results bundle's last line: the Ed25519 signature of every byte before it. */
export const BUNDLE_SIGNATURE = Type.Object({ signature: Type.String({ description: 'an Ed25519 signature (base64)' }) }, { description: 'an object' });

/** The hub's 200 to a batch: the batch is on its disk. */
export const BATCH_RESULT = Type.Object({
  stored: TALLY,
  duplicates: TALLY,
  /** Ids of answers that came again with other content: refused, the stored ones unchanged. */
  conflicts: Type.Array(Type.String()),
});
