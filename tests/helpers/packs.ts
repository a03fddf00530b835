// Builds content packs as real folders, the way the tour organiser's laptop would.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import path from 'node:path';
import { bundledPackDir } from '../../electron/kiosk/packs/bundled.ts';
import { generateSigningKey, signManifest } from '../../content/signing.ts';
import { tempDir } from './tmp.ts';

/** The smallest valid PNG: 1x1 pixel. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5dd3d7f0000000049454e44ae426082', 'hex');

export const KEY = generateSigningKey();

export function defaultManifest(): Record<string, any> {
  return JSON.parse(readFileSync(path.join(bundledPackDir(), 'pack.json'), 'utf8'));
}

export interface BuiltPack {
  /** The drive root (holds olifant-pack/). */
  drive: string;
  dir: string;
}

/** Writes a pack: the manifest (changed by `edit`), the files, and a signature by KEY. */
export function buildPack(edit: (m: Record<string, any>) => void = () => {}, files: Record<string, Buffer> = {}, options: { sign?: boolean; raw?: Buffer } = {}): BuiltPack {
  const drive = tempDir('olifant-usb-');
  const dir = path.join(drive, 'olifant-pack');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  const manifest = defaultManifest();
  for (const [file, bytes] of Object.entries(files)) {
    writeFileSync(path.join(dir, file), bytes);
    manifest.assets[file] = createHash('sha256').update(bytes).digest('hex');
  }
  edit(manifest);
  const raw = options.raw ?? Buffer.from(JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'pack.json'), raw);
  if (options.sign !== false) writeFileSync(path.join(dir, 'pack.sig'), signManifest(raw, KEY.privateKeyPem));
  return { drive, dir };
}

export const trust = { trustedKeys: [KEY.publicKey], allowUnsigned: false };

/** Manifests that break one rule of content-pack.md each: a name, the edit, the rule and the message expected. */
export const manifestRules: Array<[string, (m: any) => void, string, RegExp]> = [
  ['format', (m) => (m.format = 'olifant-pack/2'), 'format', /exactly "olifant-pack\/1"/],
  ['id', (m) => (m.id = 'Olifant Tour'), 'ids', /1-40 characters/],
  ['question id', (m) => (m.questions[0].id = 'x'.repeat(41)), 'ids', /questions\[0\]\.id/],
  ['option ids distinct', (m) => (m.questions[1].answer.options[1].id = m.questions[1].answer.options[0].id), 'choice options', /same id/],
  ['version', (m) => (m.version = 0), 'version', /whole number/],
  ['version type', (m) => (m.version = '7'), 'version', /whole number/],
  ['too many languages', (m) => (m.languages = ['nl', 'en', 'de', 'fr', 'es']), 'languages', /1 to 4/],
  ['duplicate language', (m) => (m.languages = ['nl', 'nl']), 'languages', /twice/],
  ['missing translation', (m) => delete m.questions[2].prompt.en, 'structure', /questions\[2\]\.prompt is missing "en"/],
  ['extra translation', (m) => (m.title.de = 'Der Elefant'), 'unknown fields', /title has an unknown field "de"/],
  ['empty text', (m) => (m.questions[0].insight.nl = '  '), 'texts', /non-empty/],
  ['prompt length', (m) => (m.questions[0].prompt.nl = 'a'.repeat(201)), 'prompt length', /201 characters; at most 200/],
  ['insight length', (m) => (m.questions[0].insight.en = 'a'.repeat(401)), 'insight length', /at most 400/],
  ['label length', (m) => (m.questions[0].answer.min.nl = 'a'.repeat(61)), 'label length', /at most 60/],
  ['no questions', (m) => (m.questions = []), 'questions', /1 to 6/],
  ['slot range', (m) => (m.questions[0].slot = 7), 'slots', /1 to 6/],
  ['slot twice', (m) => (m.questions[1].slot = m.questions[0].slot), 'slots', /two questions use slot 1/],
  ['question id twice', (m) => (m.questions[1].id = m.questions[0].id), 'ids', /two questions have the id/],
  ['answer type', (m) => (m.questions[0].answer.type = 'text'), 'answer type', /"scale" or "choice"/],
  ['steps', (m) => (m.questions[0].answer.steps = 8), 'scale steps', /2 to 7/],
  ['options count', (m) => (m.questions[1].answer.options = m.questions[1].answer.options.slice(0, 1)), 'choice options', /2 to 6/],
  ['unknown field', (m) => (m.questions[0].promt = m.questions[0].prompt), 'unknown fields', /unknown field "promt"/],
  ['image not listed', (m) => (m.questions[0].image = 'assets/x.png'), 'assets', /not listed in assets/],
  ['parent path', (m) => (m.questions[0].image = '../secret.png'), 'paths', /stays inside olifant-pack/],
  ['absolute path', (m) => (m.attract.image = '/etc/passwd'), 'paths', /relative path/],
  ['drive letter', (m) => (m.attract.image = 'C:/x.png'), 'paths', /relative path/],
  ['backslash', (m) => (m.assets['assets\\x.png'] = '0'.repeat(64)), 'paths', /relative path/],
  ['hash form', (m) => (m.assets['assets/x.png'] = 'ABC'), 'assets', /64 lower-case hex/],
  ['seven questions', (m) => m.questions.push({ ...m.questions[0], id: 'zevende', slot: 6 }), 'questions', /1 to 6/],
  ['Windows device name', (m) => (m.assets['assets/NUL.png'] = '0'.repeat(64)), 'paths', /device names/],
  ['Windows device name, any case', (m) => (m.assets['assets/con'] = '0'.repeat(64)), 'paths', /device names/],
  ['colon in a name', (m) => (m.assets['assets/a:b.png'] = '0'.repeat(64)), 'paths', /not a file name Windows can hold/],
  ['trailing dot', (m) => (m.assets['assets/x.png.'] = '0'.repeat(64)), 'paths', /trailing dot/],
  ['trailing space', (m) => (m.assets['assets /x.png'] = '0'.repeat(64)), 'paths', /trailing dot or space/],
  ['names that differ only in case', (m) => ((m.assets['assets/A.png'] = '0'.repeat(64)), (m.assets['assets/a.png'] = '1'.repeat(64))), 'paths', /same file where case does not count/],
];

/** The same trust as settings put it. */
export const trustSettings = { trustedKeys: [KEY.publicKey], allowUnsignedPacks: false };

/** Adds a language to a manifest: every text gets it, copied from `from` with a mark, so the texts can be told apart. */
export function addLanguage(manifest: Record<string, any>, code: string, from = 'en'): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    if (manifest.languages.every((l: string) => typeof obj[l] === 'string')) obj[code] = `${obj[from]} (${code})`;
    else Object.values(obj).forEach(walk);
  };
  walk({ title: manifest.title, attract: manifest.attract, questions: manifest.questions });
  manifest.languages.push(code);
}

/** Every file of a pack folder as a zip holds it below `root` (the hub page uploads one), with `more` entries beside. */
export function zipOf(dir: string, root = 'olifant-pack/', more: Record<string, Uint8Array> = {}): Buffer {
  const files = Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => {
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    return [`${root}${rel}`, new Uint8Array(readFileSync(path.join(dir, rel)))];
  }));
  return Buffer.from(zipSync({ ...files, ...more }));
}
