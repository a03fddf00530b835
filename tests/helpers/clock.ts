// A clock tests drive (time/clock.ts's Clock): what the product schedules on it happens when the
// test moves time on, in order, each timer at the time it was due, never after a real wait.
//
// - paused (the default): time stands still until advance() or runUntil() moves it.
// - flowing: time runs as the computer's does, and advance() jumps it on: for real parts whose
//   own pace counts (a pseudo-terminal), while a wait that is not the point is skipped.
// - instant: every wait passes at once (time jumps to the next timer on the next turn of the
//   event loop): for a week of backoff while real requests go back and forth.

import { performance } from 'node:perf_hooks';
import type { Clock, Timer } from '../../time/clock.ts';

interface Scheduled extends Timer {
  at: number;
  seq: number;
  every: number | null;
  fn: () => void;
  kept: boolean;
}

export interface TestClockOptions {
  /** The time it is at first (ms since the epoch); the computer's time unless told. */
  start?: number;
  mode?: 'paused' | 'flowing' | 'instant';
  /** Told of every timer set, with its length: for a test of the waits asked for (a backoff, say). */
  onSchedule?: (ms: number) => void;
}

/** Lets what a timer started run on: promises and setImmediate callbacks (an in-memory link), until none are left. */
async function settle(): Promise<void> {
  let turns = 0;
  do await new Promise((resolve) => setImmediate(resolve));
  while (process.getActiveResourcesInfo().includes('Immediate') && ++turns < 10_000);
}

export class TestClock implements Clock {
  readonly mode: NonNullable<TestClockOptions['mode']>;
  private readonly onSchedule: (ms: number) => void;
  private readonly timers = new Set<Scheduled>();
  private seq = 0;
  /** The clock's time at `realAt` (performance.now()); a flowing clock has run on since. */
  private at: number;
  private realAt = performance.now();
  /** A flowing clock's real timer, for its next timer. */
  private real: NodeJS.Timeout | null = null;
  /** advance() or runUntil() is moving time: no real timer meanwhile. */
  private driven = false;

  constructor(options: TestClockOptions = {}) {
    this.at = options.start ?? Date.now();
    this.mode = options.mode ?? 'paused';
    this.onSchedule = options.onSchedule ?? (() => {});
  }

  now(): number {
    // Whole milliseconds, as Date.now() gives them.
    return this.mode === 'flowing' ? Math.floor(this.at + (performance.now() - this.realAt)) : this.at;
  }

  setTimeout(fn: () => void, ms: number): Timer {
    return this.schedule(fn, ms, null);
  }

  setInterval(fn: () => void, ms: number): Timer {
    return this.schedule(fn, ms, Math.max(1, ms));
  }

  clear(timer: Timer | null | undefined): void {
    if (timer && this.timers.delete(timer as Scheduled)) this.rearm();
  }

  /** Timers and intervals waiting to fire. */
  get pending(): number {
    return this.timers.size;
  }

  /**
   * Moves time on by `ms`: every timer due on the way fires in order, the clock showing the time
   * it was due, and what it starts (promises, an in-memory link's bytes) runs before the next.
   */
  async advance(ms: number): Promise<void> {
    const target = this.now() + ms;
    await this.driving(async () => {
      for (let next = this.earliest(); next && next.at <= target; next = this.earliest()) await this.fire(next);
      this.set(Math.max(target, this.now()));
    });
  }

  /**
   * Moves time on from timer to timer until `check()` holds; fails when no timer is left, or
   * none before `withinMs` on the clock (what was asked for did not happen in that time).
   */
  async runUntil(check: () => boolean, what: string, withinMs = 24 * 3600_000): Promise<void> {
    const end = this.now() + withinMs;
    await this.driving(async () => {
      await settle();
      while (!check()) {
        const next = this.earliest();
        if (!next || next.at > end) throw new Error(`${what} did not happen within ${withinMs} ms on the test clock (${next ? 'the next timer is later' : 'no timer is left'})`);
        await this.fire(next);
      }
    });
  }

  /**
   * Moves time on by `ms` at once, as a computer's clock after a sleep: every timer due by then
   * fires once, in order, at the new time (an interval goes on from there). For a process with
   * real parts (a pseudo-terminal, the network): advance() would fire a reply's time-out before
   * the reply, which takes real time, could come.
   */
  async skip(ms: number): Promise<void> {
    this.set(this.now() + ms);
    const now = this.now();
    const due = [...this.timers].filter((t) => t.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const timer of due) {
      if (!this.timers.has(timer)) continue;
      if (timer.every === null) this.timers.delete(timer);
      else timer.at = now + timer.every;
      timer.fn();
    }
    this.rearm();
    await settle();
  }

  /** Forgets every timer (a test's clock after the test). */
  stop(): void {
    this.timers.clear();
    this.rearm();
  }

  private async driving(move: () => Promise<void>): Promise<void> {
    this.driven = true;
    this.rearm();
    try {
      await move();
    } finally {
      this.driven = false;
      this.rearm();
    }
  }

  private schedule(fn: () => void, ms: number, every: number | null): Scheduled {
    const timer: Scheduled = { at: this.now() + Math.max(0, ms), seq: this.seq++, every, fn, kept: true, unref: () => ((timer.kept = false), this.rearm()) };
    this.timers.add(timer);
    this.onSchedule(ms);
    if (this.mode === 'instant') setImmediate(() => this.jump());
    this.rearm();
    return timer;
  }

  private earliest(): Scheduled | undefined {
    let first: Scheduled | undefined;
    for (const t of this.timers) if (!first || t.at < first.at || (t.at === first.at && t.seq < first.seq)) first = t;
    return first;
  }

  private set(time: number): void {
    this.at = time;
    this.realAt = performance.now();
  }

  /** Fires one timer with the clock at its time (never back), then lets what it started run. */
  private async fire(timer: Scheduled): Promise<void> {
    this.ring(timer);
    await settle();
  }

  private ring(timer: Scheduled): void {
    if (timer.at > this.now()) this.set(timer.at);
    if (timer.every === null) this.timers.delete(timer);
    else timer.at += timer.every;
    timer.fn();
  }

  /** An instant clock: time jumps to the next timer, which fires (an interval's next round comes as its own jump). */
  private jump(): void {
    const next = this.earliest();
    if (!next) return;
    this.ring(next);
    if (next.every !== null && this.timers.has(next)) setImmediate(() => this.jump());
  }

  /** A flowing clock keeps one real timer, for its next timer; the others need none. */
  private rearm(): void {
    if (this.real) clearTimeout(this.real);
    this.real = null;
    const next = this.mode === 'flowing' && !this.driven ? this.earliest() : undefined;
    if (!next) return;
    this.real = setTimeout(() => {
      this.real = null;
      this.due();
    }, Math.max(0, next.at - this.now()));
    if (![...this.timers].some((t) => t.kept)) this.real.unref();
  }

  /** A flowing clock's real timer: whatever is due by now fires, in order. */
  private due(): void {
    for (let next = this.earliest(); next && next.at <= this.now(); next = this.earliest()) this.ring(next);
    this.rearm();
  }
}
