// Reading a file from a USB stick: only a plain file, only up to a size, opened so that a
// FIFO or a device there can never hang the kiosk or the hub.

import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** Why a file on a stick was not read, in words for a refusal. */
export class NotReadable extends Error {
  override name = 'NotReadable';
}

/** The file's bytes; throws NotReadable when it is not a plain file or is larger than `max`, and the system's error when it cannot be opened. */
export function readPlainFile(file: string, max: number): Buffer {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotReadable('it is not a plain file');
    if (stat.size > max) throw new NotReadable(`it is larger than ${max >= 1024 * 1024 ? `${max / 1024 / 1024} MiB` : `${max} bytes`}`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
