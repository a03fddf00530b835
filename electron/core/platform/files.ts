// Files that are either wholly written or not at all, even across a power cut: the text
// goes to a temporary file, is synced, then takes its name, and the folder is synced.

import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

function syncFolder(file: string): void {
  const fd = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes the text to a synced temporary file beside `file`; returns its name. */
function writeTemporary(file: string, text: string): string {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/** Replaces `file` with the text in one step. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = writeTemporary(file, text);
  try {
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  syncFolder(file);
}

/** Creates `file` with the text in one step, unless it exists already; says whether it did. */
export function createFileOnce(file: string, text: string): boolean {
  const tmp = writeTemporary(file, text);
  try {
    linkSync(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(tmp, { force: true });
  }
  syncFolder(file);
  return true;
}
