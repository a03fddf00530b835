// What a lecturer asks the hub for, as schemas: the visit, question, file and chart in a
// lecture route's path, and the lecture's language and a bundle upload's name and key in its
// query. The hub's Fastify routes check them (their `schema` option, as the batch's body); one
// that breaks its schema is refused (400) with the field and the rule in words
// (content/schema-check.ts), before anything is read.

import Type, { type Static, type TLiteral } from 'typebox';
import { LECTURE_FORMATS, LECTURE_LANGUAGES } from '../lecture.ts';
import { BUNDLE_KEY, ID } from './sync.ts';

/** One of the values, said as people read them: `"a", "b" or "c"`. */
function oneOf<const V extends readonly string[]>(values: V) {
  const said = values.map((v) => JSON.stringify(v));
  return Type.Union(values.map((v) => Type.Literal(v)) as Array<TLiteral<V[number]>>, { description: `${said.slice(0, -1).join(', ')} or ${said.at(-1)}` });
}

const VISIT = Type.String({ ...ID, description: 'a venue visit id: 1 to 80 letters, digits, dashes, underscores or dots' });

/** `/v1/lecture/visits/:id`. */
export const VISIT_PATH = Type.Object({ id: VISIT });
/** `/v1/lecture/visits/:id/lecture.:format`. */
export const FILE_PATH = Type.Object({ id: VISIT, format: oneOf(LECTURE_FORMATS) });
/** `/v1/lecture/visits/:id/questions/:question/chart.:image`. */
export const CHART_PATH = Type.Object({
  id: VISIT,
  question: Type.String({ ...ID, description: 'a question id: 1 to 80 letters, digits, dashes, underscores or dots' }),
  image: oneOf(['svg', 'png'] as const),
});
/** `?language=`: the lecture files' and charts' language, Dutch unless told. */
export const IN_LANGUAGE = Type.Object({ language: Type.Optional(oneOf(LECTURE_LANGUAGES)) });

/** `POST /v1/bundles?name=&trust-key=`: what the upload is called in the answer, and the new pillar's key the lecturer confirmed. */
export const BUNDLE_UPLOAD = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 260, description: 'a file name of up to 260 characters' })),
  'trust-key': Type.Optional(Type.String({ pattern: BUNDLE_KEY.source, description: 'a bundle key (base64 of an Ed25519 public key, ending in "=")' })),
});

export type VisitPath = Static<typeof VISIT_PATH>;
export type FilePath = Static<typeof FILE_PATH>;
export type ChartPath = Static<typeof CHART_PATH>;
export type InLanguage = Static<typeof IN_LANGUAGE>;
export type BundleUpload = Static<typeof BUNDLE_UPLOAD>;
