// The one reader of files someone else controls (a USB stick, a path given to the command):
// only a plain file, only up to a size, opened so that a FIFO or a device can never hang the
// kiosk or the hub, and, where asked, never through a link. Packs, bundles, hub files and key
// files are all read by it, synchronously or not. It lives in content/ (the lowest layer)
// because packs, which stand alone, are read by it too.

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** Why a file was not read, in words for a refusal: a link (where refused), not a plain file, or too large. */
export class NotReadable extends Error {
  override name = 'NotReadable';
  readonly reason: 'link' | 'not-plain' | 'too-large';
  /** The size found, for a file too large. */
  readonly size: number;
  constructor(reason: NotReadable['reason'], message: string, size = 0) {
    super(message);
    this.reason = reason;
    this.size = size;
  }
}

/** A size limit in words: MiB from one up, else bytes. */
export const sizeInWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`);

export interface PlainOptions {
  /** Refuse a file whose last path component is a link (where the platform can say so). */
  noLinks?: boolean;
}

const flags = (options: PlainOptions) => constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noLinks ? (constants.O_NOFOLLOW ?? 0) : 0);

const tooLarge = (size: number, max: number) => new NotReadable('too-large', `it is larger than ${sizeInWords(max)}`, size);

function opened(error: unknown): never {
  if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new NotReadable('link', 'it is a link, not a plain file');
  throw error;
}

function checkStat(stat: Stats, max: number): void {
  if (!stat.isFile()) throw new NotReadable('not-plain', 'it is not a plain file');
  if (stat.size > max) throw tooLarge(stat.size, max);
}

/**
 * Opens a plain file of at most `max` bytes for reading: its descriptor (the caller closes it)
 * and size. Throws NotReadable when it is not a plain file, is larger or is a refused link, and
 * the system's error when it cannot be opened.
 */
export function openPlainFile(file: string, max: number, options: PlainOptions = {}): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(file, flags(options));
  } catch (error) {
    opened(error);
  }
  try {
    const stat = fstatSync(fd);
    checkStat(stat, max);
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The file's bytes, under the rules of openPlainFile(); nothing past `max` is read, even of a file that grows. */
export function readPlainFile(file: string, max: number, options: PlainOptions = {}): Buffer {
  const { fd } = openPlainFile(file, max, options);
  try {
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length <= max; length += n) n = readSync(fd, buffer, length, buffer.length - length, length);
    if (length > max) throw tooLarge(length, max);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** readPlainFile() without blocking: for the images of a pack, up to 100 MiB, read in the kiosk's main process. */
export async function readPlainFileAsync(file: string, max: number, options: PlainOptions = {}): Promise<Buffer> {
  const handle = await open(file, flags(options)).catch(opened);
  try {
    checkStat(await handle.stat(), max);
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length <= max; length += n) n = (await handle.read(buffer, length, buffer.length - length, length)).bytesRead;
    if (length > max) throw tooLarge(length, max);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
