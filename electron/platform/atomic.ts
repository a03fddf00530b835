// Files that are either old or new after a crash or a power cut, never half written:
// write a temporary file, flush it to disk, rename it over the old one, flush the folder.

import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export { writeProblem } from './errno.ts';

/** Flushes a folder's entries (a rename, a new file) to disk; a no-op where folders cannot be opened (Windows). */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a folder; the rename itself is still atomic
  } finally {
    closeSync(fd);
  }
}

/** Writes `data` to a flushed temporary file beside `file`, then hands it to `place` (which gives it its name); the temporary file never stays. */
function viaTemporary<T>(file: string, data: string | Buffer, mode: number | undefined, place: (temp: string) => T): T {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w', mode);
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return place(temp);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Writes `data` to `file` in one atomic, durable step. */
export function writeFileAtomic(file: string, data: string | Buffer, mode?: number): void {
  viaTemporary(file, data, mode, (temp) => renameSync(temp, file));
  syncFolder(path.dirname(file));
}

/** Creates `file` with `data` in one atomic, durable step, unless it exists already; says whether it did. */
export function createFileOnce(file: string, data: string | Buffer, mode?: number): boolean {
  const created = viaTemporary(file, data, mode, (temp) => {
    try {
      linkSync(temp, file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  });
  if (created) syncFolder(path.dirname(file));
  return created;
}
