// Version 2 of the results sync (docs/results-sync-v2.md) as schemas: the check-in a pillar
// posts, the health record it carries (also in a health file beside a bundle), and the hub's
// answer with the tour's figures and the pack offers. The hub checks what arrives by them
// (Fastify's Ajv the check-in, schema-check.ts a health file); the pillar checks the answer,
// whose unknown fields it leaves alone (a newer hub may add some). api/check-in.ts derives
// the types.

import Type from 'typebox';
import { BUNDLE_KEY, HOUR } from './sync.ts';

const ID = Type.String({ pattern: '^[\\w.-]{1,80}$', description: 'an id of 1 to 80 letters, digits, dashes, underscores or dots' });
const PILLAR_ID = Type.String({ pattern: '^[\\w.-]{1,60}$', description: 'a pillar id' });
const PACK_ID = Type.String({ pattern: '^[a-z0-9-]{1,40}$', description: '1-40 characters of a-z, 0-9 and -' });
const TALLY = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'a whole number from 0 up' });
const COUNT = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'a whole number from 1 up' });
const UUID4 = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$', description: 'a random UUID (version 4, lower case)' });
/** UTC to the minute: a pillar's or the hub's clock, never a student's time. */
export const MINUTE = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z$', description: 'a UTC minute such as "2026-11-24T13:07Z"' });
const orNull = <T extends Parameters<typeof Type.Union>[0][number]>(type: T, description: string) => Type.Union([Type.Null(), type], { description });


/** How many kinds of error one record may count: the vocabulary's codes and the driver's reasons are far fewer. */
export const MAX_ERROR_KINDS = 40;

export const HEALTH_RECORD = Type.Object({
  type: Type.Literal('health', { description: '"health"' }),
  pillar_id: PILLAR_ID,
  clock: MINUTE,
  app_version: Type.String({ pattern: '^[\\w.+-]{1,40}$', description: 'a version such as "1.4.0"' }),
  pack: orNull(Type.Object({ id: PACK_ID, version: COUNT }, { additionalProperties: false }), 'null, or the running pack\'s { "id", "version" }'),
  dispenser: Type.Union([Type.Literal('ok'), Type.Literal('jammed'), Type.Literal('empty'), Type.Literal('no-link')], { description: '"ok", "jammed", "empty" or "no-link"' }),
  cards_left: orNull(TALLY, 'null, or a whole number from 0 up'),
  last_answer_hour: orNull(HOUR, 'null, or a UTC hour such as "2026-11-24T13:00Z"'),
  disk_free_mb: TALLY,
  uptime_minutes: TALLY,
  errors: Type.Record(Type.String({ pattern: '^[a-z0-9-]{1,40}$' }), TALLY, {
    maxProperties: MAX_ERROR_KINDS,
    description: `at most ${MAX_ERROR_KINDS} error kinds (lower case with dashes), each with a whole number from 0 up`,
  }),
}, { additionalProperties: false });

/** What a pillar says of an offer it heard of. */
export const OFFER_REPORT = Type.Object({
  offer_id: UUID4,
  state: Type.Union([Type.Literal('waiting'), Type.Literal('installed'), Type.Literal('refused'), Type.Literal('declined')], { description: '"waiting", "installed", "refused" or "declined"' }),
  reason: orNull(Type.String({ minLength: 1, maxLength: 500 }), 'null, or the reason in 1 to 500 characters'),
}, { additionalProperties: false });

/** How many offer reports one check-in may carry. */
export const MAX_OFFER_REPORTS = 50;

/** `POST /v2/check-in`: at most 64 KiB. */
export const CHECK_IN = Type.Object({
  pillar_id: PILLAR_ID,
  health: HEALTH_RECORD,
  visit: orNull(ID, 'null, or the id of the venue visit the pillar is at'),
  offers: Type.Array(OFFER_REPORT, { maxItems: MAX_OFFER_REPORTS, description: `a list of at most ${MAX_OFFER_REPORTS} offer reports` }),
}, { additionalProperties: false });

export const MAX_CHECK_IN_BYTES = 64 * 1024;

/** The rest of the tour for one question: both null under the floor. */
export const TOUR_QUESTION = Type.Object({
  pack_id: PACK_ID,
  question_id: ID,
  total: orNull(COUNT, 'null, or a whole number from 1 up'),
  counts: orNull(Type.Record(Type.String({ pattern: '^[\\w.-]{1,40}$' }), COUNT), 'null, or the count per answer value'),
});

/** The hub's figures for a visit: what the lecture calls the rest of the tour. */
export const TOUR_FIGURES = Type.Object({
  visit: ID,
  /** The hour of the newest answer the figures include; null when they include none. */
  as_of_hour: orNull(HOUR, 'null, or a UTC hour'),
  questions: Type.Array(TOUR_QUESTION),
});

/** One file of an offered pack's `olifant-pack/` folder. */
export const OFFER_FILE = Type.Object({
  path: Type.String({ minLength: 1, maxLength: 200, description: 'a path inside olifant-pack/' }),
  bytes: TALLY,
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: '64 lower-case hex digits' }),
});

/** A pack the hub offers this pillar. */
export const OFFER = Type.Object({
  offer_id: UUID4,
  pack_id: PACK_ID,
  version: COUNT,
  files: Type.Array(OFFER_FILE),
});

/**
 * The hub's 200 to a check-in. Not closed: a pillar takes from a newer hub's answer what it
 * understands and leaves the rest alone.
 */
export const CHECK_IN_ANSWER = Type.Object({
  sync: Type.Integer({ minimum: 2, description: 'the highest contract version the hub speaks, from 2 up' }),
  hub_clock: MINUTE,
  tour: orNull(TOUR_FIGURES, 'null, or the tour\'s figures'),
  offers: Type.Array(OFFER),
});

/** A health file's first line (`olifant-health/1`), beside a results bundle on a stick. */
export const HEALTH_FILE_HEADER = Type.Object({
  format: Type.Literal('olifant-health/1', { description: '"olifant-health/1"' }),
  pillar_id: PILLAR_ID,
  public_key: Type.String({ pattern: BUNDLE_KEY.source, description: 'an Ed25519 public key (base64 of its 32 bytes)' }),
  created_hour: HOUR,
}, { additionalProperties: false });
