// A clock the test drives for the processes it starts (a hub, pillars): they run with
// `node --import` of this file, and in them the product's systemClock (time/clock.ts) is a
// flowing TestClock, which Date reads too. The test moves every process's clock on with
// advance(): each fires what fell due, as a computer's clock does when it wakes (TestClock.skip:
// the replies of a pseudo-terminal or a hub still take their real time), and says so over its
// IPC channel. A process started later (a restarted pillar, `olifant hub fleet`) starts at the
// time the others have reached. Only tests load this: the swap is a module resolve hook, so the
// product's code has no test hook and no build of the app contains it. The hub's worker
// threads read no time and keep the computer's.

import type { ChildProcess } from 'node:child_process';
import { registerHooks } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import type { NodeStart } from './cli.ts';
import { TestClock } from './clock.ts';

/** The milliseconds a process's time is ahead of the computer's when it starts. */
const VARIABLE = 'OLIFANT_TEST_CLOCK_OFFSET';
const CLOCK = new URL('../../time/clock.ts', import.meta.url).href;
const SWAPPED = new URL('./driven-clock.ts', import.meta.url).href;

/** What the parent sends to move a process's clock to `offset` ahead of the computer's, and the process sends back once it has. */
interface Move {
  clockOffset: number;
}
const isMove = (message: unknown): message is Move => typeof (message as Move | null)?.clockOffset === 'number';

let driven: TestClock | null = null;

/** This process's driven clock, which driven-clock.ts exports as the systemClock. */
export function drivenClock(): TestClock {
  if (!driven) throw new Error(`time/clock.ts is swapped only in a process started with ${VARIABLE}`);
  return driven;
}

/** In a process started on a driven clock: the clock, Date on it, time/clock.ts swapped, and the parent's moves heard. */
function drive(offset: number): void {
  const RealDate = Date;
  const clock = new TestClock({ mode: 'flowing', start: RealDate.now() + offset });
  driven = clock;
  class DrivenDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return clock.now();
    }
  }
  globalThis.Date = DrivenDate as DateConstructor;
  registerHooks({
    resolve(specifier, context, next) {
      const resolved = next(specifier, context);
      return resolved.url === CLOCK && context.parentURL !== SWAPPED ? { ...resolved, url: SWAPPED } : resolved;
    },
  });
  let at = offset;
  process.on('message', (message) => {
    if (!isMove(message)) return;
    const by = message.clockOffset - at;
    at = message.clockOffset;
    void clock.skip(by).then(() => process.send?.(message));
  });
  // The channel does not keep the process alive: it ends as it would without it.
  process.channel?.unref();
}

const started = process.env[VARIABLE];
if (started !== undefined && isMainThread) drive(Number(started));

export interface DrivenTime {
  /** How a process starts on this clock: its node arguments, its environment (the time reached so far) and its IPC channel, taken. */
  readonly node: Required<NodeStart>;
  /** The processes' time (ms since the epoch), as Date.now(). */
  now(): number;
  /** Moves every running process's clock on by `ms`; resolves once each has fired what fell due. */
  advance(ms: number): Promise<void>;
}

/** A clock for the processes a test starts, which the test drives. */
export function drivenTime(): DrivenTime {
  const children = new Set<ChildProcess>();
  let offset = 0;
  const moved = (child: ChildProcess, to: number) => new Promise<void>((resolve) => {
    const done = () => {
      child.off('message', heard);
      child.off('exit', done);
      resolve();
    };
    const heard = (message: unknown) => isMove(message) && message.clockOffset === to && done();
    child.on('message', heard);
    child.once('exit', done);
    child.send({ clockOffset: to } satisfies Move, (error) => error && done());
  });
  return {
    get node() {
      return {
        args: ['--import', import.meta.filename],
        env: { ...process.env, [VARIABLE]: String(offset) },
        channel: (child: ChildProcess) => {
          children.add(child);
          child.once('exit', () => children.delete(child));
        },
      };
    },
    now: () => Date.now() + offset,
    advance: async (ms) => {
      offset += ms;
      await Promise.all([...children].map((child) => moved(child, offset)));
    },
  };
}
