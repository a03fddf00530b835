// A pack the tour organiser publishes, taken into the hub's data folder: from a pack folder
// (or the drive holding it), or from a zip of it (the hub's page uploads one). Only the pack's
// own files are taken (pack.json, pack.sig, the assets it lists), checked with every rule of
// content-pack.md (and, given keys, its signature by one of them); a pack without a signature
// is refused, for a hub offers only signed packs. What is kept is the files as they were given.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { checkPack, PACK_FOLDER, PACK_LIMITS, packFileLimit, packFolder, PackError, parseManifest, type CheckedPack } from '../../content/pack.ts';
import { copyPack, writePackFile } from '../../content/pack-copy.ts';
import { NotReadable, readPlainFile, sizeInWords } from '../../content/plain-file.ts';

/** A zip of a pack: its images at most, with room for the zip's own bookkeeping. */
export const MAX_PACK_ZIP = PACK_LIMITS.images + 28 * 1024 * 1024;

/** One file of a published pack, as an offer lists it (results-sync-v2.md). */
export interface PackFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Reads the zip's entries that `wanted` names, none larger than it allows; a zip that is not one is a PackError. */
function unzipped(zip: Uint8Array, name: string, wanted: (entry: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(zip, { filter: wanted });
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new PackError(name, 'zip', `not a zip of a content pack that can be read (${(error as Error).message})`);
  }
}

/** Writes the pack's own files from a zip (its olifant-pack folder, or the pack at the zip's root) into `to`; `name` is what the organiser calls the zip. */
async function unzipPack(file: string, to: string, name: string): Promise<void> {
  let zip: Buffer;
  try {
    zip = readPlainFile(file, MAX_PACK_ZIP);
  } catch (error) {
    if (error instanceof NotReadable) throw new PackError(name, 'zip', `${error.message}${error.reason === 'too-large' ? ', more than a pack can be' : ''}`);
    throw error;
  }
  const roots = [`${PACK_FOLDER}/`, ''];
  const found = unzipped(zip, name, (entry) => roots.some((root) => entry.name === `${root}pack.json` && entry.originalSize <= PACK_LIMITS.manifest));
  const root = roots.find((r) => found[`${r}pack.json`] !== undefined);
  if (root === undefined) throw new PackError('pack.json', 'structure', `${name} holds no ${PACK_FOLDER}/pack.json (nor a pack.json at its root) of at most ${sizeInWords(PACK_LIMITS.manifest)}`);
  // The manifest's paths are checked (no .., no absolute path, no name Windows cannot hold) before any is written.
  const manifest = Buffer.from(found[`${root}pack.json`]);
  const wanted = new Set(['pack.json', 'pack.sig', ...Object.keys(parseManifest(manifest).assets)]);
  const files = unzipped(zip, name, (entry) => {
    const rel = entry.name.slice(root.length);
    if (!entry.name.startsWith(root) || !wanted.has(rel)) return false;
    const limit = packFileLimit(rel);
    if (entry.originalSize > limit.bytes) throw new PackError(rel, limit.rule, `${rel} is ${sizeInWords(entry.originalSize)} in ${name}; it may be at most ${sizeInWords(limit.bytes)}`);
    return true;
  });
  for (const [entry, bytes] of Object.entries(files)) await writePackFile(to, entry.slice(root.length), Buffer.from(bytes));
}

/** Each of the pack's own files as it lies in `dir`, with its size and SHA-256. */
function filesOf(checked: CheckedPack): PackFile[] {
  const rels = ['pack.json', ...(checked.signature === null ? [] : ['pack.sig']), ...Object.keys(checked.pack.assets)];
  return rels.map((rel) => {
    const bytes = readFileSync(path.join(checked.dir, ...rel.split('/')));
    return { path: rel, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

/**
 * Takes the pack at `source` (a pack folder, the drive holding one, or a zip, called `name`) into
 * `to` (a new olifant-pack folder) and checks it there; its files and the pack. Throws PackError naming the
 * rule and the file for a pack that may not be offered.
 */
export async function takePack(source: string, to: string, trustedKeys: string[], name = path.basename(source)): Promise<{ checked: CheckedPack; files: PackFile[] }> {
  const trust = { trustedKeys, allowUnsigned: trustedKeys.length === 0 };
  if (statSync(source, { throwIfNoEntry: false })?.isFile()) await unzipPack(source, to, name);
  else await copyPack(await checkPack(packFolder(source), trust), to);
  const checked = await checkPack(to, trust);
  if (checked.signature === null) throw new PackError('pack.sig', 'signing', 'the pack has no pack.sig: a hub offers only signed packs (sign it with `olifant pack sign`)');
  if (Buffer.from(checked.signature.trim(), 'base64').length !== 64) throw new PackError('pack.sig', 'signing', 'pack.sig is not an Ed25519 signature (88 characters of base64): sign the pack again with `olifant pack sign`');
  return { checked, files: filesOf(checked) };
}
