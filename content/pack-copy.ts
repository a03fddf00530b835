// A checked pack copied into a folder of one's own, as content-pack.md's "Installing" asks:
// pack.json and pack.sig as they were checked, then each listed asset read again as a plain
// file inside the pack (never a FIFO, or a link out of it), each flushed to disk; nothing else
// from where it came. The kiosk installs this way from a stick or a hub's offer; the hub keeps
// a published pack this way. The copy is to be checked again by whoever made it.

import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { readAsset, type CheckedPack } from './pack.ts';

/** Writes one file of a pack below `to` (its folders made), flushed to disk before it returns. */
export async function writePackFile(to: string, rel: string, bytes: Buffer | string): Promise<void> {
  const file = path.join(to, ...rel.split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface CopyWords {
  /** Each asset, before it is copied. */
  onFile?: (rel: string) => void;
  /** What a failure to read the source becomes (a stick pulled out, say). */
  readFailed?: (error: Error) => Error;
  /** What a failure to write the copy becomes (a full disk, say). */
  writeFailed?: (error: unknown) => Error;
}

/** Copies the checked pack's own files (and nothing else) into the folder `to`, which must not hold them yet. */
export async function copyPack(checked: CheckedPack, to: string, words: CopyWords = {}): Promise<void> {
  const put = async (rel: string, bytes: Buffer | string) => {
    try {
      await writePackFile(to, rel, bytes);
    } catch (error) {
      throw words.writeFailed ? words.writeFailed(error) : error;
    }
  };
  await put('pack.json', checked.manifest);
  if (checked.signature !== null) await put('pack.sig', checked.signature);
  for (const rel of Object.keys(checked.pack.assets)) {
    words.onFile?.(rel);
    let bytes: Buffer;
    try {
      bytes = await readAsset(checked.dir, rel);
    } catch (error) {
      throw words.readFailed ? words.readFailed(error as Error) : error;
    }
    await put(rel, bytes);
  }
}
