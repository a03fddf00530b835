// The one way a shape is checked: a TypeBox schema (JSON Schema, the TypeScript type derived
// from it) and a refusal in plain words that names the field and the rule it breaks. Every
// shape Olifant takes in uses it: packs (pack-schema.ts), and settings, sync records, bundles
// and API requests (electron/api/schemas/). The hub's Fastify routes hand the errors of their
// own Ajv to refusalOf() too: Ajv and TypeBox report errors alike (keyword, paths, params).
// It lives in content/, the lowest layer, because content stands alone and checks packs with it.
//
// A schema node may carry, besides JSON Schema:
//   description  what a valid value is, in the user's words ("a whole number from 1 to 6");
//   rule         the contract's name for the rule (content-pack.md's "slots"), or one per
//                keyword ({ maxLength: 'prompt length', '*': 'texts' }).

import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import Value from 'typebox/value';

/** A refusal: which field, which rule, and the whole of it in words. */
export interface Refusal {
  /** Where the value is, e.g. `questions[0].slot`, or the whole value's name. */
  field: string;
  /** The contract's name for the rule (packs), else the keyword's: `unknown fields`, `structure`, ... */
  rule: string;
  /** `<field> must be <is>, not <value>`, `<field> is missing "x"`, `<field> has an unknown field "x"`, ... */
  message: string;
}

/** An error as TypeBox and Ajv both report it. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

type Node = Record<string, unknown>;

const decode = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');
const segments = (pointer: string) => pointer.replace(/^#/, '').split('/').filter((s) => s !== '').map(decode);

/** The schema node a schemaPath points at (TypeBox's names the node, Ajv's the keyword inside it). */
function nodeAt(root: TSchema, schemaPath: string): Node {
  let at: unknown = root;
  let node = root as unknown as Node;
  for (const segment of segments(schemaPath)) {
    at = (at as Node)[segment];
    if (typeof at !== 'object' || at === null) break;
    if (!Array.isArray(at)) node = at as Node;
  }
  return node;
}

function valueAt(value: unknown, instancePath: string): unknown {
  let at = value;
  for (const segment of segments(instancePath)) at = (at as Node | undefined)?.[segment];
  return at;
}

/** `/questions/0/slot` as people read it: `questions[0].slot`, after `where` (the whole value's name). */
function fieldName(where: string, instancePath: string): string {
  // A first name of letters, digits and dashes is said as it is written (a query's `trust-key`).
  const part = (s: string, i: number) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 && /^[A-Za-z_$][\w$-]*$/.test(s) ? s : !/^[A-Za-z_$][\w$]*$/.test(s) ? `[${JSON.stringify(s)}]` : i === 0 ? s : `.${s}`);
  const path = segments(instancePath).map(part).join('');
  if (path === '') return where;
  if (where === '' || where.startsWith('the ')) return path;
  return path.startsWith('[') ? `${where}${path}` : `${where}.${path}`;
}

/** A value as a refusal quotes it: short, and JSON so that `"7"` and `7` differ. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  if (text.length <= 60) return text;
  return Array.isArray(value) ? `a list of ${value.length}` : `${text.slice(0, 57)}...`;
}

function ruleOf(node: Node, keyword: string, fallback: string): string {
  const rule = node.rule;
  if (typeof rule === 'string') return rule;
  if (typeof rule === 'object' && rule !== null) return (rule as Record<string, string>)[keyword] ?? (rule as Record<string, string>)['*'] ?? fallback;
  return fallback;
}

/** What the branches of a union of objects told apart by one constant field (`type`) are called, or null. */
function discriminator(branches: Node[]): string | null {
  const first = branches[0]?.properties as Record<string, Node> | undefined;
  for (const key of Object.keys(first ?? {})) {
    if (branches.every((b) => (b.properties as Record<string, Node> | undefined)?.[key]?.const !== undefined)) return key;
  }
  return null;
}

/** How many steps into the value a schemaPath goes (`properties/x` and `items` one each, `anyOf/0` none). */
function instanceDepth(schemaPath: string): number {
  const parts = segments(schemaPath);
  let depth = 0;
  for (let i = 0; i < parts.length; i++) {
    if (['properties', 'patternProperties'].includes(parts[i])) (depth++, i++);
    else if (['items', 'additionalProperties'].includes(parts[i])) depth++;
    else if (['anyOf', 'oneOf', 'allOf'].includes(parts[i])) i++;
  }
  return depth;
}

/**
 * Words for the first error. An error inside a union (`anyOf`) is narrowed first: the branch
 * the value's discriminator (`type`) picks is checked on its own, so that what is said is about
 * that branch; a value no branch is for is told which values the discriminator may have.
 */
function explain(root: TSchema, errors: readonly SchemaError[], value: unknown, where: string): Refusal {
  const error = errors[0];
  const union = /^(.*?)\/(anyOf|oneOf)\/\d+(\/|$)/.exec(error.schemaPath);
  if (!union) return words(root, error, value, where);
  const node = nodeAt(root, union[1]);
  const branches = node[union[2]] as Node[];
  const instancePath = `/${segments(error.instancePath).slice(0, instanceDepth(union[1])).join('/')}`.replace(/^\/$/, '');
  const at = valueAt(value, instancePath);
  const field = fieldName(where, instancePath);
  const key = discriminator(branches);
  const picked = key === null ? undefined : branches.find((b) => (b.properties as Record<string, Node>)[key].const === (at as Node | undefined)?.[key]);
  if (picked) return refusalOf(picked as TSchema, Value.Errors(picked as TSchema, at) as unknown as SchemaError[], at, field)!;
  if (key !== null && typeof at === 'object' && at !== null && !Array.isArray(at)) {
    const allowed = branches.map((b) => JSON.stringify((b.properties as Record<string, Node>)[key].const));
    const is = `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`;
    const keyField = fieldName(where, `${instancePath}/${key}`);
    return { field: keyField, rule: ruleOf(node, 'const', 'structure'), message: `${keyField} must be ${is}, not ${shown((at as Node)[key])}` };
  }
  return words(root, { keyword: 'anyOf', schemaPath: union[1], instancePath, params: {} }, value, where);
}

function words(root: TSchema, error: SchemaError, value: unknown, where: string): Refusal {
  const node = nodeAt(root, error.schemaPath);
  const at = valueAt(value, error.instancePath);
  const field = fieldName(where, error.instancePath);
  const named = field === '' ? 'it' : field;
  if (error.keyword === 'required') {
    const missing = (error.params.requiredProperties as string[] | undefined)?.[0] ?? (error.params.missingProperty as string);
    return { field: fieldName(where, `${error.instancePath}/${missing}`), rule: 'structure', message: `${named} is missing "${missing}"` };
  }
  // additionalProperties: false fails once per extra field (keyword "boolean") before the object's own error.
  if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) {
    const parts = segments(error.instancePath);
    return words(root, { ...error, keyword: 'additionalProperties', schemaPath: error.schemaPath.replace(/\/additionalProperties$/, ''), instancePath: parts.slice(0, -1).map((p) => `/${p}`).join(''), params: { additionalProperties: [parts.at(-1)] } }, value, where);
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params.additionalProperties as string[] | string | undefined) ?? '';
    const key = Array.isArray(extra) ? extra[0] : extra || String(error.params.additionalProperty);
    return { field: fieldName(where, `${error.instancePath}/${key}`), rule: 'unknown fields', message: `${named} has an unknown field "${key}"` };
  }
  const rule = ruleOf(node, error.keyword, 'structure');
  if (error.keyword === 'maxLength' && typeof at === 'string') {
    return { field, rule, message: `${named} is ${[...at].length} characters; at most ${String(error.params.limit)} are allowed` };
  }
  if (error.keyword === '~refine') return { field, rule, message: `${named} ${String(error.params.message)}` };
  const is = typeof node.description === 'string' ? node.description : node.type === 'object' ? 'an object' : node.type === 'array' ? 'a list' : null;
  if (is === null) return { field, rule, message: `${named} ${error.message ?? `breaks the rule "${error.keyword}"`}, not ${shown(at)}` };
  return { field, rule, message: `${named} must be ${is}, not ${shown(at)}` };
}

/** The refusal for errors a validator (TypeBox's, or Fastify's Ajv) reported about `value`; null when there are none. */
export function refusalOf(schema: TSchema, errors: readonly SchemaError[], value: unknown, where = ''): Refusal | null {
  return errors.length === 0 ? null : explain(schema, errors, value, where);
}

/** A schema compiled once, checking values and wording refusals. */
export class Shape<T extends TSchema> {
  readonly schema: T;
  private readonly validator;

  constructor(schema: T) {
    this.schema = schema;
    this.validator = Compile(schema);
  }

  is(value: unknown): value is Static<T> {
    return this.validator.Check(value);
  }

  /** Why `value` is refused (named `where`: `records[12]`, `the manifest`), or null when it fits. */
  refusal(value: unknown, where = ''): Refusal | null {
    if (this.validator.Check(value)) return null;
    return refusalOf(this.schema, this.validator.Errors(value) as unknown as SchemaError[], value, where);
  }

  /** The value, typed; or throws what `fail` makes of the refusal. */
  check(value: unknown, where: string, fail: (refusal: Refusal) => Error): Static<T> {
    const refusal = this.refusal(value, where);
    if (refusal) throw fail(refusal);
    return value as Static<T>;
  }
}
