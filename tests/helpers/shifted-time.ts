// A wall clock the test moves for the processes it starts (a hub, pillars): they run with
// `node --import` of this file and OLIFANT_TEST_TIME_FILE, and their Date (Date.now() and
// new Date(), so every clock.now() of the product's systemClock) reads the computer's time plus
// the milliseconds in that file, which the test moves with move(). Timers are not touched: what
// the product schedules still runs at its real pace. Only tests load this; the product's code
// knows nothing of it, and no build of the app contains it.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VARIABLE = 'OLIFANT_TEST_TIME_FILE';
const file = process.env[VARIABLE];

if (file) {
  const Real = Date;
  const offset = () => {
    try {
      return Number(readFileSync(file, 'utf8')) || 0;
    } catch {
      return 0;
    }
  };
  class ShiftedDate extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(Real.now() + offset());
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return Real.now() + offset();
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

/** A shared time for child processes: the node arguments and environment they start with, and how far it is moved on. */
export function shiftedTime(): { node: { args: string[]; env: NodeJS.ProcessEnv }; move(ms: number): void; offset(): number; close(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'olifant-time-'));
  const at = path.join(dir, 'offset');
  let moved = 0;
  writeFileSync(at, '0');
  return {
    node: { args: ['--import', import.meta.filename], env: { ...process.env, [VARIABLE]: at } },
    move: (ms) => {
      moved += ms;
      writeFileSync(at, String(moved));
    },
    offset: () => moved,
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
