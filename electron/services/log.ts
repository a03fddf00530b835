// One log for operators: a line per event on stderr and in <data dir>/olifant.log.

import { appendFileSync } from 'node:fs';
import type { Logger } from '../../hardware/pillar.ts';

export function createLogger(file: string | null, echo = true): Logger {
  return (level, message) => {
    const line = `${new Date().toISOString().slice(0, 19)}Z ${level.toUpperCase().padEnd(5)} ${message}\n`;
    if (echo) process.stderr.write(line);
    if (file) {
      try {
        appendFileSync(file, line);
      } catch {
        // a full or read-only disk must not stop the kiosk; stderr still has the line
      }
    }
  };
}
