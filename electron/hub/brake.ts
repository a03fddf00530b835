// The hub's slowdown on refused tokens: a pillar's token guessed again and again is answered
// ever more slowly, per client address (behind a proxy, the address the proxy names).

import { systemClock, type Clock } from '../../time/clock.ts';

/** Refused tokens from one address before its refusals slow down, and the slowest they get. */
const FREE_FAILURES = 3;
const MAX_FAILURE_DELAY_MS = 8000;
const FAILURE_MEMORY_MS = 15 * 60_000;

/** 401s from one address, answered after a delay that doubles past the first few. */
export class FailureBrake {
  private readonly failures = new Map<string, { count: number; last: number }>();
  private readonly clock: Clock;

  constructor(clock: Clock = systemClock) {
    this.clock = clock;
  }

  /** How long to hold back this refusal (ms): the address's failures in the last quarter of an hour, this one counted. */
  delayFor(address: string): number {
    const now = this.clock.now();
    const seen = this.failures.get(address);
    const count = seen && now - seen.last < FAILURE_MEMORY_MS ? seen.count + 1 : 1;
    this.failures.set(address, { count, last: now });
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
    return count <= FREE_FAILURES ? 0 : Math.min(MAX_FAILURE_DELAY_MS, 250 * 2 ** (count - FREE_FAILURES - 1));
  }
}
