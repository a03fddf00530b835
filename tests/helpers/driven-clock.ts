// What time/clock.ts is in a process a test started on its driven clock (driven-time.ts swaps
// it in): the same module, but its systemClock is the clock the test drives.

import type { Clock } from '../../time/clock.ts';
import { drivenClock } from './driven-time.ts';

export * from '../../time/clock.ts';
export const systemClock: Clock = drivenClock();
