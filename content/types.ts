// The shape of a content pack (../shared/content-pack.md): types only, derived from its schema
// (pack-schema.ts), so the renderer can share them; the checks live in pack.ts.

export type { ChoiceAnswer, Pack, Question, ScaleAnswer, Text } from './pack-schema.ts';
