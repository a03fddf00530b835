// The one clock every timer of the product reads: what time it is, and when to call back.
// In production it is the system's; tests hand in their own (tests/helpers/clock.ts) and drive
// it, so that a 15 s lockout, a driver's time-outs or a week of backoff take no time at all.
// It stands below everything (hardware, content, the app) and imports nothing.

/** A timer a clock has set; only that clock clears it. */
export interface Timer {
  /** The timer does not keep the process alive by itself (Node's own unref). */
  unref(): void;
}

export interface Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
  /** Calls `fn` once, `ms` from now. */
  setTimeout(fn: () => void, ms: number): Timer;
  /** Calls `fn` every `ms`, from `ms` from now, until cleared. */
  setInterval(fn: () => void, ms: number): Timer;
  /** Stops a timer or an interval this clock set; nothing, or a timer already done, is fine. */
  clear(timer: Timer | null | undefined): void;
}

/** The computer's own clock and timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clear: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
};

/** Resolves `ms` from now on the clock, or at once when the signal aborts. */
export function wait(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clock.clear(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = clock.setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
