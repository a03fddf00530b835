// One log for operators: a line per event on stderr and in <data dir>/olifant.log.
// A tour lasts months: past MAX_LOG_BYTES the file moves to olifant.log.1 (one kept).

import { appendFileSync, closeSync, fstatSync, openSync, readSync, renameSync, statSync } from 'node:fs';

export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, message: string) => void;

export const MAX_LOG_BYTES = 5 * 1024 * 1024;

export function createLogger(file: string | null, echo = true): Logger {
  return (level, message) => {
    const line = `${new Date().toISOString().slice(0, 19)}Z ${level.toUpperCase().padEnd(5)} ${message}\n`;
    if (echo) process.stderr.write(line);
    if (!file) return;
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, line);
    } catch {
      // a full or read-only disk must not stop the kiosk; stderr still has the line
    }
  };
}

/** The last `count` lines of a log file, oldest first; none when it is not there. Reads only its tail. */
export function lastLines(file: string, count: number, tailBytes = 64 * 1024): string[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - tailBytes);
    const buffer = Buffer.alloc(size - start);
    readSync(fd, buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n').filter((line) => line !== '');
    // A tail that starts mid-line drops that partial line.
    return (start > 0 ? lines.slice(1) : lines).slice(-count);
  } finally {
    closeSync(fd);
  }
}
