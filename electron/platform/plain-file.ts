// Reading a file from a USB stick: only a plain file, only up to a size, opened so that a
// FIFO or a device there can never hang the kiosk or the hub.

import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** Why a file on a stick was not read, in words for a refusal. */
export class NotReadable extends Error {
  override name = 'NotReadable';
}

/** A size limit in words: MiB from one up, else bytes. */
export const sizeInWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`);

/**
 * Opens a plain file of at most `max` bytes for reading: its descriptor (the caller closes it)
 * and size. Throws NotReadable when it is not a plain file or is larger, and the system's
 * error when it cannot be opened.
 */
export function openPlainFile(file: string, max: number): { fd: number; size: number } {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotReadable('it is not a plain file');
    if (stat.size > max) throw new NotReadable(`it is larger than ${sizeInWords(max)}`);
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The file's bytes, under the rules of openPlainFile(). */
export function readPlainFile(file: string, max: number): Buffer {
  const { fd } = openPlainFile(file, max);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
