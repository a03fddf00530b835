// A pack a hub offers, fetched into a folder of the pillar's own shaped as `olifant-pack/`
// (results-sync-v2.md, "Pack offers"): the offer's list is checked against content-pack.md's
// limits first (paths that stay inside the pack, sizes, hashes written as they must be), then
// each file is fetched, never more bytes than offered, and kept only when its size and SHA-256
// are the offer's. What is then in the folder is checked as a pack from a USB stick is, by the
// pack store. A file that breaks a rule is a PackError, in the words the service screen shows;
// a hub that cannot be reached now is NotFetched, and the offer is fetched again later.

import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { checkRelativePath, PACK_LIMITS, packFileLimit, PackError } from '../../../content/pack.ts';
import { writePackFile } from '../../../content/pack-copy.ts';
import { sizeInWords } from '../../../content/plain-file.ts';
import type { Offer } from '../../api/check-in.ts';

/** An offer's id as the hub makes it: a random UUID (version 4). It names the offer's folder. */
export const OFFER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** More files than a pack's 256 KiB manifest could list. */
const MAX_FILES = 4096;

/** Where the refusals of an offer's list are said to be. */
const OFFER = 'the offer';

/** The hub could not give a file now (no network, a busy hub): nothing is refused, the offer is fetched again later. */
export class NotFetched extends Error {
  override name = 'NotFetched';
}

/** Refuses (PackError) an offer whose id or list of files breaks the contract's rules or limits. */
export function checkOffer(offer: Offer): void {
  if (!OFFER_ID.test(offer.offer_id)) throw new PackError(OFFER, 'offer', `the offer's id "${offer.offer_id.slice(0, 40)}" is not a random UUID, as a hub makes it`);
  if (offer.files.length > MAX_FILES) throw new PackError(OFFER, 'offer', `the offer lists ${offer.files.length} files; a pack has far fewer`);
  const seen = new Set<string>();
  let images = 0;
  for (const [i, file] of offer.files.entries()) {
    checkRelativePath(file.path, `files[${i}].path`, OFFER);
    // Windows (and macOS) file systems ignore case: two names that differ only in case are one file there.
    if (seen.has(file.path.toLowerCase())) throw new PackError(OFFER, 'paths', `the offer lists "${file.path}" twice (where case does not count)`);
    seen.add(file.path.toLowerCase());
    const limit = packFileLimit(file.path);
    if (!Number.isSafeInteger(file.bytes) || file.bytes < 0) throw new PackError(OFFER, 'offer', `files[${i}].bytes is not a number of bytes`);
    if (file.bytes > limit.bytes) throw new PackError(file.path, limit.rule, `${file.path} is offered with ${sizeInWords(file.bytes)}; it may be at most ${sizeInWords(limit.bytes)}`);
    if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new PackError(OFFER, 'offer', `files[${i}].sha256 is not a SHA-256 of 64 lower-case hex digits`);
    if (file.path !== 'pack.json' && file.path !== 'pack.sig') images += file.bytes;
  }
  if (images > PACK_LIMITS.images) throw new PackError(OFFER, 'image size', 'the images offered are together over 100 MiB');
  if (!seen.has('pack.json')) throw new PackError('pack.json', 'structure', 'the offer lists no pack.json');
}

/** Reads a hub's answer for one file: at most `bytes` bytes, or a PackError as soon as there are more. */
async function bytesOf(response: Response, rel: string, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of response.body ?? []) {
      length += chunk.length;
      if (length > bytes) throw new PackError(rel, 'offer files', `${rel} is larger than the ${bytes} bytes the hub offered`);
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new NotFetched(`${rel} was cut off on its way from the hub (${(error as Error).message})`);
  }
  return Buffer.concat(chunks, length);
}

/** What asks the hub for one file of the offer (GET /v2/offers/<id>/files/<path>); throws NotFetched when the hub cannot be reached. */
export type FileGetter = (rel: string) => Promise<Response>;

/**
 * Fetches every file of a checked offer into `dir` (made anew: the olifant-pack folder of a
 * staging folder), each of exactly the offered size and SHA-256. Throws PackError for a file
 * that is not what was offered (the offer is refused), NotFetched when the hub could not give
 * it now; `dir` is then left half-filled, to be made anew by the next try or removed.
 */
export async function stageOffer(offer: Offer, dir: string, get: FileGetter): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of offer.files) {
    const response = await get(file.path);
    // 404: the hub says the file is not in the offer it made (or is gone from it): the offer cannot be had whole.
    if (response.status === 404) throw new PackError(file.path, 'offer files', `the hub did not give ${file.path}, which its offer lists (HTTP 404)`);
    if (response.status !== 200) throw new NotFetched(`the hub answered HTTP ${response.status} for ${file.path}`);
    const bytes = await bytesOf(response, file.path, file.bytes);
    if (bytes.length !== file.bytes) throw new PackError(file.path, 'offer files', `${file.path} is ${bytes.length} bytes, where the hub offered ${file.bytes}`);
    if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) throw new PackError(file.path, 'offer files', `${file.path} does not match the SHA-256 the hub offered (changed on the hub, or on its way)`);
    await writePackFile(dir, file.path, bytes);
  }
}
