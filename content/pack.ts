// Reads and checks a content pack exactly as ../shared/content-pack.md says. A pack that
// breaks any rule is refused whole, with a PackError that names the rule and the file.

import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import Type from 'typebox';
import path from 'node:path';
import { LANGUAGES as LANGUAGE_LIST, manifestSchema, type Pack } from './pack-schema.ts';
import { NotReadable, readPlainFileAsync } from './plain-file.ts';
import { Shape, type Refusal } from './schema-check.ts';
import { signatureIsTrusted } from './signing.ts';

export type { Pack, Question } from './types.ts';

export const PACK_FOLDER = 'olifant-pack';

/** The pack folder for a path that names either it or the drive holding it. */
export function packFolder(dirOrDrive: string): string {
  return path.basename(dirOrDrive) === PACK_FOLDER ? dirOrDrive : path.join(dirOrDrive, PACK_FOLDER);
}
/** The contract's limits on a pack's files (bytes): pack.json, pack.sig, one image, all images. */
export const PACK_LIMITS = {
  manifest: 256 * 1024,
  /** An Ed25519 signature in base64 is 88 characters; anything much longer is not one. */
  signature: 1024,
  image: 10 * 1024 * 1024,
  images: 100 * 1024 * 1024,
} as const;
const { manifest: MAX_MANIFEST, signature: MAX_SIGNATURE, image: MAX_IMAGE, images: MAX_IMAGES } = PACK_LIMITS;

/** The largest a file of a pack may be, by its path in the pack (pack.json, pack.sig, or an image), and the rule that says so. */
export const packFileLimit = (rel: string): { bytes: number; rule: string } =>
  rel === 'pack.json' ? { bytes: MAX_MANIFEST, rule: 'manifest size' } : rel === 'pack.sig' ? { bytes: MAX_SIGNATURE, rule: 'signing' } : { bytes: MAX_IMAGE, rule: 'image size' };

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

/** The manifest's own fields, none missing and none unknown: said before anything inside them. */
const FIELDS = new Shape(Type.Object(Object.fromEntries(Object.keys(manifestSchema([]).properties).map((key) => [key, Type.Unknown()])), { additionalProperties: false, description: 'an object' }));
const LANGUAGES = new Shape(LANGUAGE_LIST);
/** One compiled schema per set of languages a pack has (a tour has one or two). */
const manifests = new Map<string, Shape<ReturnType<typeof manifestSchema>>>();

/** The manifest checked against its schema, then the rules between its fields. Throws PackError. */
function checkShape(json: unknown): Pack {
  const fail = (refusal: Refusal) => new PackError('pack.json', refusal.rule, refusal.message);
  const languages = LANGUAGES.check(FIELDS.check(json, 'the manifest', fail).languages, 'languages', fail);
  const key = languages.join(' ');
  if (!manifests.has(key)) manifests.set(key, new Shape(manifestSchema(languages)));
  const pack = manifests.get(key)!.check(json, 'the manifest', fail);
  const seenSlots = new Set<number>();
  const seenIds = new Set<string>();
  for (const [i, q] of pack.questions.entries()) {
    if (seenSlots.has(q.slot)) throw new PackError('pack.json', 'slots', `two questions use slot ${q.slot}; each slot holds one question`);
    if (seenIds.has(q.id)) throw new PackError('pack.json', 'ids', `two questions have the id "${q.id}"`);
    seenSlots.add(q.slot);
    seenIds.add(q.id);
    const options = q.answer.type === 'choice' ? q.answer.options.map((o) => o.id) : [];
    if (new Set(options).size !== options.length) throw new PackError('pack.json', 'choice options', `questions[${i}].answer.options has two options with the same id`);
  }
  for (const file of Object.keys(pack.assets)) checkRelativePath(file, `assets["${file}"]`);
  // Windows (and macOS) file systems ignore case: two names that differ only in case are one file there.
  const folded = new Map<string, string>();
  for (const file of Object.keys(pack.assets)) {
    const other = folded.get(file.toLowerCase());
    if (other) throw new PackError('pack.json', 'paths', `assets lists "${other}" and "${file}", which are the same file where case does not count (Windows)`);
    folded.set(file.toLowerCase(), file);
  }
  const named: Array<[string, string | undefined]> = [['attract.image', pack.attract.image], ...pack.questions.map((q, i): [string, string | undefined] => [`questions[${i}].image`, q.image])];
  for (const [where, file] of named) {
    if (file === undefined) continue;
    checkRelativePath(file, where);
    if (!(file in pack.assets)) throw new PackError('pack.json', 'assets', `${file} is used as an image but not listed in assets`);
  }
  return pack;
}

/** Names Windows keeps for devices, with or without an extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Refuses (PackError, said of `inFile`) a path that could leave the pack folder or that Windows cannot hold. */
export function checkRelativePath(file: string, where: string, inFile = 'pack.json'): void {
  const bad =
    file === '' || file.includes('\\') || file.startsWith('/') || /^[a-zA-Z]:/.test(file) ||
    file.split('/').some((part) => part === '..' || part === '.' || part === '') || /[\x00-\x1f]/.test(file);
  if (bad) throw new PackError(inFile, 'paths', `${where}: "${file}" must be a relative path with / that stays inside ${PACK_FOLDER}/`);
  // Windows is a build target: a name it cannot hold, or holds as another file, is refused everywhere.
  for (const part of file.split('/')) {
    if (/[<>:"|?*]/.test(part) || /[. ]$/.test(part) || WINDOWS_DEVICE.test(part)) {
      throw new PackError(inFile, 'paths', `${where}: "${part}" is not a file name Windows can hold (no < > : " | ? *, no trailing dot or space, no device names like CON or NUL)`);
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
  return checkShape(json);
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

/**
 * Reads a plain file of at most `max` bytes (plain-file.ts: never a FIFO, a device or a link);
 * null when there is none. A larger file is refused as tooLarge says (it names the rule).
 */
async function readPlain(file: string, rel: string, max: number, tooLarge: (size: number) => PackError): Promise<Buffer | null> {
  try {
    return await readPlainFileAsync(file, max, { noLinks: true });
  } catch (error) {
    if (error instanceof NotReadable) throw error.reason === 'too-large' ? tooLarge(error.size) : new PackError(rel, 'files', `${rel} ${error.message.replace(/^it /, '')}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new PackError(rel, 'files', `${rel} cannot be read (${code ?? (error as Error).message})`);
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
