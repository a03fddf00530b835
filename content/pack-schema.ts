// pack.json as ../shared/content-pack.md writes it, as a schema: each rule the contract names
// is the `rule` of the field it is about, and its `description` says what is valid in words.
// Every text object holds exactly the pack's languages, so the schema is made for them: the
// languages are checked first (LANGUAGES), then the manifest against manifestSchema(languages).
// What a schema cannot say (two questions in one slot, an image not listed in assets, paths
// Windows cannot hold) pack.ts checks after it.

import Type, { type Static } from 'typebox';

export const FORMAT = 'olifant-pack/1';

const ID = { pattern: '^[a-z0-9-]{1,40}$', description: '1-40 characters of a-z, 0-9 and -', rule: 'ids' };
const FILE = Type.String({ description: 'a file path', rule: 'paths' });

/** `languages`: 1-4 distinct language codes, the first the default. */
export const LANGUAGES = Type.Array(Type.String({ pattern: '^[a-z]{2,3}$', description: 'a language code like "nl" or "en"', rule: 'languages' }), {
  minItems: 1,
  maxItems: 4,
  uniqueItems: true,
  description: 'a list of 1 to 4 language codes like "nl" or "en", none twice',
  rule: 'languages',
});

/** A text in every language of the pack and no other, each non-empty and at most `max` characters (the rule `lengthRule`). */
function text(languages: readonly string[], max: number | null, lengthRule = 'texts') {
  const one = Type.String({ pattern: '\\S', ...(max === null ? {} : { maxLength: max }), description: 'a non-empty text', rule: { maxLength: lengthRule, '*': 'texts' } });
  return Type.Object(Object.fromEntries(languages.map((code) => [code, one])) as Record<string, typeof one>, { additionalProperties: false });
}

function shapes(languages: readonly string[]) {
  const label = text(languages, 60, 'label length');
  const scale = Type.Object({
    type: Type.Literal('scale'),
    steps: Type.Integer({ minimum: 2, maximum: 7, description: 'a whole number from 2 to 7', rule: 'scale steps' }),
    min: label,
    max: label,
  }, { additionalProperties: false });
  const choice = Type.Object({
    type: Type.Literal('choice'),
    options: Type.Array(Type.Object({ id: Type.String(ID), label }, { additionalProperties: false }), {
      minItems: 2,
      maxItems: 6,
      description: 'a list of 2 to 6 options',
      rule: 'choice options',
    }),
  }, { additionalProperties: false });
  const question = Type.Object({
    id: Type.String(ID),
    slot: Type.Integer({ minimum: 1, maximum: 6, description: 'a whole number from 1 to 6', rule: 'slots' }),
    prompt: text(languages, 200, 'prompt length'),
    answer: Type.Union([scale, choice], { rule: 'answer type' }),
    insight: Type.Optional(text(languages, 400, 'insight length')),
    image: Type.Optional(FILE),
  }, { additionalProperties: false });
  // The format sets no length for the title and headline; only pack.json's own size bounds them.
  const manifest = Type.Object({
    format: Type.Literal(FORMAT, { description: `exactly "${FORMAT}"`, rule: 'format' }),
    id: Type.String(ID),
    version: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'a whole number from 1 up', rule: 'version' }),
    title: text(languages, null),
    languages: LANGUAGES,
    attract: Type.Object({ headline: text(languages, null), image: Type.Optional(FILE) }, { additionalProperties: false }),
    questions: Type.Array(question, { minItems: 1, maxItems: 6, description: 'a list of 1 to 6 questions', rule: 'questions' }),
    assets: Type.Record(Type.String(), Type.String({ pattern: '^[0-9a-f]{64}$', description: 'a SHA-256 of 64 lower-case hex digits', rule: 'assets' }), {
      description: 'an object of file paths and their SHA-256',
    }),
  }, { additionalProperties: false, description: 'an object' });
  return { manifest, question, scale, choice };
}

/** The manifest's schema for a pack in these languages. */
export const manifestSchema = (languages: readonly string[]) => shapes(languages).manifest;

type Shapes = ReturnType<typeof shapes>;
export type Text = Record<string, string>;
export type ScaleAnswer = Static<Shapes['scale']>;
export type ChoiceAnswer = Static<Shapes['choice']>;
export type Question = Static<Shapes['question']>;
export type Pack = Static<Shapes['manifest']>;
