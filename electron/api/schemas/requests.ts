// What the student's and the operator's screens send, as schemas: each handler checks its
// request by them (core/errors.ts requestOf), whichever carrier brought it, and the request
// types of api/student.ts and api/operator.ts are derived from them. requestOf() checks one. Fields beyond these are
// let through (and ignored), as they always were; what depends on the running pack (is the
// question in it, is the value one of its answers) the handler checks after.

import Type, { type Static, type TSchema } from 'typebox';
import { Shape } from '../../../content/schema-check.ts';
import { ApiError } from '../errors.ts';

const object = <P extends Parameters<typeof Type.Object>[0]>(properties: P) => Type.Object(properties, { description: 'an object' });

/** A UUID as crypto.randomUUID() makes it. */
const ANSWER_ID = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'a random UUID (lower case), made once per answer' });
const QUESTION_ID = Type.String({ description: 'the id of a question in the running pack' });

export const SUBMIT_ANSWER = object({
  /** Made by the UI once per answer, so a repeated request stores the answer once. */
  answerId: ANSWER_ID,
  questionId: QUESTION_ID,
  /** The step number (`"1"` to steps) for a scale, the option id for a choice. */
  value: Type.String({ description: 'a step number or an option id, as text' }),
  language: Type.String({ description: 'a language code of the running pack' }),
  /** How long the question was on screen before the tap. Used for the suspect flag, not stored. */
  shownMs: Type.Number({ description: 'the milliseconds the question was on screen' }),
});

export const RESULTS = object({ questionId: QUESTION_ID });
export const DISPENSE_CARD = object({ answerId: ANSWER_ID });
export const SET_MOOD = object({
  mood: Type.Union([Type.Literal('attract'), Type.Literal('in-use'), Type.Literal('card-ready')], { description: '"attract", "in-use" or "card-ready"' }),
});

/**
 * What every operator call carries: the key of this window's PIN session, when it opened one
 * (unlock gives it; the API client adds it to each call). A door session needs none.
 */
export const WINDOW_KEY = object({ sessionKey: Type.Optional(Type.Union([Type.Null(), Type.String()], { description: 'null, or the key unlock gave this window' })) });
export const UNLOCK = Type.Intersect([WINDOW_KEY, object({ pin: Type.String({ description: 'the digits typed, as text' }) })], { description: 'an object' });
export const TEST_DISPENSE = Type.Intersect([WINDOW_KEY, object({ slot: Type.Integer({ minimum: 1, maximum: 6, description: 'a stack number from 1 to 6' }) })], { description: 'an object' });
export const START_VENUE = Type.Intersect([WINDOW_KEY, object({ name: Type.String({ description: "the venue's name, as typed" }) })], { description: 'an object' });
/**
 * A venue's name as it is kept (kiosk/venues/visits.ts), once trimmed to one line: what the
 * service screen and `olifant venue start` are given. The hub takes up to 200 (VENUE_RECORD).
 */
export const VENUE_NAME = Type.String({ minLength: 1, maxLength: 80, pattern: '^\\P{Cc}*$', description: 'a name of 1 to 80 letters, digits, spaces and punctuation' });
export const INSTALL_STICK_PACK = Type.Intersect([WINDOW_KEY, object({ confirmRollback: Type.Boolean({ description: 'true or false' }) })], { description: 'an object' });
const OFFER_ID = Type.String({ description: 'the id of a pack offer the service screen shows' });
export const INSTALL_OFFER = Type.Intersect([WINDOW_KEY, object({ offerId: OFFER_ID, confirmRollback: Type.Boolean({ description: 'true or false' }) })], { description: 'an object' });
export const DECLINE_OFFER = Type.Intersect([WINDOW_KEY, object({ offerId: OFFER_ID })], { description: 'an object' });

const shapes = new WeakMap<TSchema, Shape<TSchema>>();

/** The request checked by its schema, or a bad-request refusal naming the field and the rule. */
export function requestOf<T extends TSchema>(schema: T, request: unknown): Static<T> {
  if (!shapes.has(schema)) shapes.set(schema, new Shape(schema));
  return shapes.get(schema)!.check(request, 'the request', (refusal) => new ApiError('bad-request', refusal.message)) as Static<T>;
}
