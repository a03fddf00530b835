// Reads and checks a content pack exactly as ../shared/content-pack.md says. A pack that
// breaks any rule is refused whole, with a PackError that names the rule and the file.

import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { FORMAT } from './types.ts';
import { signatureIsTrusted } from './signing.ts';
import type { ChoiceAnswer, Pack, Question, ScaleAnswer, Text } from './types.ts';

export type { Pack, Question } from './types.ts';

export const PACK_FOLDER = 'olifant-pack';

/** The pack folder for a path that names either it or the drive holding it. */
export function packFolder(dirOrDrive: string): string {
  return path.basename(dirOrDrive) === PACK_FOLDER ? dirOrDrive : path.join(dirOrDrive, PACK_FOLDER);
}
const MAX_MANIFEST = 256 * 1024;
/** An Ed25519 signature in base64 is 88 characters; anything much longer is not one. */
const MAX_SIGNATURE = 1024;
const MAX_IMAGE = 10 * 1024 * 1024;
const MAX_IMAGES = 100 * 1024 * 1024;
const ID = /^[a-z0-9-]{1,40}$/;
const LANGUAGE = /^[a-z]{2,3}$/;

export class PackError extends Error {
  readonly rule: string;
  readonly file: string;
  constructor(file: string, rule: string, message: string) {
    super(`${file}: ${message} (rule: ${rule})`);
    this.rule = rule;
    this.file = file;
  }
}

// ---- the manifest ----

type Obj = Record<string, unknown>;

class ManifestChecker {
  private readonly languages: string[] = [];

  fail(rule: string, message: string): never {
    throw new PackError('pack.json', rule, message);
  }

  object(value: unknown, where: string, required: string[], optional: string[] = []): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail('structure', `${where} must be an object`);
    const obj = value as Obj;
    for (const key of Object.keys(obj)) {
      if (!required.includes(key) && !optional.includes(key)) this.fail('unknown fields', `${where} has an unknown field "${key}"`);
    }
    for (const key of required) if (!(key in obj)) this.fail('structure', `${where} is missing "${key}"`);
    return obj;
  }

  id(value: unknown, where: string): string {
    if (typeof value !== 'string' || !ID.test(value)) this.fail('ids', `${where} must be 1-40 characters of a-z, 0-9 and -, not ${JSON.stringify(value)}`);
    return value;
  }

  integer(value: unknown, where: string, min: number, max: number, rule: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(rule, `${where} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
    }
    return value;
  }

  setLanguages(value: unknown): string[] {
    if (!Array.isArray(value) || value.length < 1 || value.length > 4) this.fail('languages', 'languages must list 1 to 4 language codes');
    for (const code of value) {
      if (typeof code !== 'string' || !LANGUAGE.test(code)) this.fail('languages', `languages has ${JSON.stringify(code)}, which is not a language code like "nl" or "en"`);
    }
    if (new Set(value).size !== value.length) this.fail('languages', 'languages lists a language twice');
    this.languages.push(...(value as string[]));
    return value as string[];
  }

  text(value: unknown, where: string, maxLength: number, rule: string): Text {
    const obj = this.object(value, where, this.languages);
    for (const code of this.languages) {
      const s = obj[code];
      if (typeof s !== 'string' || s.trim() === '') this.fail('texts', `${where}.${code} must be a non-empty text`);
      if ([...s].length > maxLength) this.fail(rule, `${where}.${code} is ${[...s].length} characters; at most ${maxLength} are allowed`);
    }
    return obj as Text;
  }

  file(value: unknown, where: string): string {
    if (typeof value !== 'string') this.fail('paths', `${where} must be a file path`);
    checkRelativePath(value, where);
    return value;
  }

  answer(value: unknown, where: string): ScaleAnswer | ChoiceAnswer {
    const type = (value as Obj | null)?.type;
    if (type === 'scale') {
      const a = this.object(value, where, ['type', 'steps', 'min', 'max']);
      return {
        type,
        steps: this.integer(a.steps, `${where}.steps`, 2, 7, 'scale steps'),
        min: this.text(a.min, `${where}.min`, 60, 'label length'),
        max: this.text(a.max, `${where}.max`, 60, 'label length'),
      };
    }
    if (type === 'choice') {
      const a = this.object(value, where, ['type', 'options']);
      if (!Array.isArray(a.options) || a.options.length < 2 || a.options.length > 6) this.fail('choice options', `${where}.options must hold 2 to 6 options`);
      const options = a.options.map((o, i) => {
        const opt = this.object(o, `${where}.options[${i}]`, ['id', 'label']);
        return { id: this.id(opt.id, `${where}.options[${i}].id`), label: this.text(opt.label, `${where}.options[${i}].label`, 60, 'label length') };
      });
      if (new Set(options.map((o) => o.id)).size !== options.length) this.fail('choice options', `${where}.options has two options with the same id`);
      return { type, options };
    }
    return this.fail('answer type', `${where}.type must be "scale" or "choice", not ${JSON.stringify(type)}`);
  }

  question(value: unknown, where: string): Question {
    const q = this.object(value, where, ['id', 'slot', 'prompt', 'answer'], ['insight', 'image']);
    const question: Question = {
      id: this.id(q.id, `${where}.id`),
      slot: this.integer(q.slot, `${where}.slot`, 1, 6, 'slots'),
      prompt: this.text(q.prompt, `${where}.prompt`, 200, 'prompt length'),
      answer: this.answer(q.answer, `${where}.answer`),
    };
    if ('insight' in q) question.insight = this.text(q.insight, `${where}.insight`, 400, 'insight length');
    if ('image' in q) question.image = this.file(q.image, `${where}.image`);
    return question;
  }

  pack(value: unknown): Pack {
    const m = this.object(value, 'the manifest', ['format', 'id', 'version', 'title', 'languages', 'attract', 'questions', 'assets']);
    if (m.format !== FORMAT) this.fail('format', `format must be exactly "${FORMAT}", not ${JSON.stringify(m.format)}`);
    const id = this.id(m.id, 'id');
    const version = this.integer(m.version, 'version', 1, Number.MAX_SAFE_INTEGER, 'version');
    const languages = this.setLanguages(m.languages);
    // The format sets no length for the title and headline; only pack.json's own size bounds them.
    const title = this.text(m.title, 'title', Infinity, 'texts');
    const a = this.object(m.attract, 'attract', ['headline'], ['image']);
    const attract: Pack['attract'] = { headline: this.text(a.headline, 'attract.headline', Infinity, 'texts') };
    if ('image' in a) attract.image = this.file(a.image, 'attract.image');
    if (!Array.isArray(m.questions) || m.questions.length < 1 || m.questions.length > 6) this.fail('questions', 'questions must hold 1 to 6 questions');
    const questions = m.questions.map((q, i) => this.question(q, `questions[${i}]`));
    const seenSlots = new Set<number>();
    const seenIds = new Set<string>();
    for (const q of questions) {
      if (seenSlots.has(q.slot)) this.fail('slots', `two questions use slot ${q.slot}; each slot holds one question`);
      if (seenIds.has(q.id)) this.fail('ids', `two questions have the id "${q.id}"`);
      seenSlots.add(q.slot);
      seenIds.add(q.id);
    }
    if (typeof m.assets !== 'object' || m.assets === null || Array.isArray(m.assets)) this.fail('structure', 'assets must be an object of file paths and their SHA-256');
    const assetsObj = m.assets as Obj;
    const assets: Record<string, string> = {};
    for (const [file, hash] of Object.entries(assetsObj)) {
      checkRelativePath(file, `assets["${file}"]`);
      if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) this.fail('assets', `assets["${file}"] must be a SHA-256 of 64 lower-case hex digits`);
      assets[file] = hash;
    }
    // Windows (and macOS) file systems ignore case: two names that differ only in case are one file there.
    const folded = new Map<string, string>();
    for (const file of Object.keys(assets)) {
      const other = folded.get(file.toLowerCase());
      if (other) this.fail('paths', `assets lists "${other}" and "${file}", which are the same file where case does not count (Windows)`);
      folded.set(file.toLowerCase(), file);
    }
    const named = [attract.image, ...questions.map((q) => q.image)].filter((f): f is string => f !== undefined);
    for (const file of named) {
      if (!(file in assets)) this.fail('assets', `${file} is used as an image but not listed in assets`);
    }
    return { format: FORMAT, id, version, title, languages, attract, questions, assets };
  }
}

/** Names Windows keeps for devices, with or without an extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function checkRelativePath(file: string, where: string): void {
  const bad =
    file === '' || file.includes('\\') || file.startsWith('/') || /^[a-zA-Z]:/.test(file) ||
    file.split('/').some((part) => part === '..' || part === '.' || part === '') || /[\x00-\x1f]/.test(file);
  if (bad) throw new PackError('pack.json', 'paths', `${where}: "${file}" must be a relative path with / that stays inside ${PACK_FOLDER}/`);
  // Windows is a build target: a name it cannot hold, or holds as another file, is refused everywhere.
  for (const part of file.split('/')) {
    if (/[<>:"|?*]/.test(part) || /[. ]$/.test(part) || WINDOWS_DEVICE.test(part)) {
      throw new PackError('pack.json', 'paths', `${where}: "${part}" is not a file name Windows can hold (no < > : " | ? *, no trailing dot or space, no device names like CON or NUL)`);
    }
  }
}

/** Checks the manifest's bytes; returns the pack. Throws PackError. */
export function parseManifest(bytes: Buffer): Pack {
  if (bytes.length > MAX_MANIFEST) throw new PackError('pack.json', 'manifest size', `pack.json is ${bytes.length} bytes; at most ${MAX_MANIFEST} are allowed`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PackError('pack.json', 'encoding', 'pack.json is not UTF-8 text');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PackError('pack.json', 'JSON', `pack.json is not valid JSON: ${(error as Error).message}`);
  }
  return checkManifest(json);
}

/** Checks a manifest already parsed (a pack record from a pillar, a stored one); returns the pack. Throws PackError. */
export function checkManifest(json: unknown): Pack {
  return new ManifestChecker().pack(json);
}

// ---- files ----

type ImageKind = 'png' | 'jpeg' | 'webp';

export function imageKind(head: Buffer): ImageKind | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export interface TrustOptions {
  trustedKeys: string[];
  allowUnsigned: boolean;
}

export interface CheckedPack {
  pack: Pack;
  /** The folder the pack was read from (the `olifant-pack` folder itself). */
  dir: string;
  manifest: Buffer;
  /** pack.sig as read, or null when there is none. */
  signature: string | null;
  signed: boolean;
}

/** Opening never waits on a FIFO or device, and never follows a last-component link (where the platform can say so). */
const OPEN_PLAIN = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * Reads a plain file of at most `max` bytes; null when there is none. A FIFO, a device, a
 * link or a larger file is refused (tooLarge names the rule), and nothing past `max` is read.
 */
async function readPlain(file: string, rel: string, max: number, tooLarge: (size: number) => PackError): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(file, OPEN_PLAIN);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw new PackError(rel, 'files', `${rel} is a link, not a plain file`);
    throw new PackError(rel, 'files', `${rel} cannot be read (${code})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new PackError(rel, 'files', `${rel} is not a plain file`);
    if (info.size > max) throw tooLarge(info.size);
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length <= max; length += n) n = (await handle.read(buffer, length, buffer.length - length, length)).bytesRead;
    if (length > max) throw tooLarge(length);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/**
 * Reads one listed asset of a pack folder: a plain file inside the folder (a link may point
 * within it), at most 10 MiB, never waiting on a FIFO or device. Throws PackError.
 */
export async function readAsset(dir: string, file: string, realDir?: string): Promise<Buffer> {
  const missing = () => new PackError(file, 'files', `${file} is listed in assets but is not in the pack`);
  let real: string;
  try {
    real = await realpath(path.join(dir, ...file.split('/')));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw missing();
    throw new PackError(file, 'files', `${file} cannot be read (${code})`);
  }
  const inside = realDir ?? (await realpath(dir));
  if (real !== inside && !real.startsWith(inside + path.sep)) throw new PackError(file, 'paths', `${file} is a link that leads outside ${PACK_FOLDER}/`);
  const bytes = await readPlain(real, file, MAX_IMAGE, (size) => new PackError(file, 'image size', `${file} is ${(size / 1048576).toFixed(1)} MiB; an image may be at most 10 MiB`));
  if (!bytes) throw missing();
  return bytes;
}

/**
 * Reads and checks a whole pack folder: manifest, signature, every asset's hash and kind.
 * Throws PackError naming the rule and the file.
 */
export async function checkPack(dir: string, trust: TrustOptions): Promise<CheckedPack> {
  const manifest = await readPlain(path.join(dir, 'pack.json'), 'pack.json', MAX_MANIFEST, (size) => new PackError('pack.json', 'manifest size', `pack.json is ${size} bytes; at most ${MAX_MANIFEST} are allowed`));
  if (!manifest) throw new PackError('pack.json', 'structure', `there is no pack.json in ${dir}`);

  // The signature first: nothing of an untrusted manifest is interpreted before it is checked.
  const signature = (await readPlain(path.join(dir, 'pack.sig'), 'pack.sig', MAX_SIGNATURE, () => new PackError('pack.sig', 'signing', 'pack.sig is far too large to be a signature')))?.toString('utf8') ?? null;
  const signed = signature !== null && signatureIsTrusted(manifest, signature, trust.trustedKeys);
  if (!signed && !trust.allowUnsigned) {
    throw signature === null
      ? new PackError('pack.sig', 'signing', 'the pack has no pack.sig, and this kiosk only accepts signed packs')
      : new PackError('pack.sig', 'signing', 'pack.sig is not a valid signature of pack.json by a key this kiosk trusts');
  }
  const pack = parseManifest(manifest);

  const realDir = await realpath(dir);
  let total = 0;
  for (const [file, hash] of Object.entries(pack.assets)) {
    const bytes = await readAsset(dir, file, realDir);
    total += bytes.length;
    if (total > MAX_IMAGES) throw new PackError(file, 'image size', 'the images together are over 100 MiB');
    if (createHash('sha256').update(bytes).digest('hex') !== hash) throw new PackError(file, 'files', `${file} does not match its SHA-256 in pack.json (damaged or changed after signing)`);
    if (!imageKind(bytes)) throw new PackError(file, 'images', `${file} is not a PNG, JPEG or WebP image`);
  }
  return { pack, dir, manifest, signature, signed };
}
