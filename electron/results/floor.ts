// The privacy floor: no group of fewer than MIN_GROUP answers is shown, anywhere (the kiosk,
// the presenter, the lecture files, the hub). The number is written here alone; every screen,
// file and test that names it imports it. Imports nothing that needs Node, so the UI may too.

import type { Group } from '../api/student.ts';

/** Fewer answers than this in a group and its distribution is not shown. */
export const MIN_GROUP = 5;

/** Answers per value, and their total. */
export interface Counts {
  total: number;
  counts: Record<string, number>;
}

/** A group as it may be shown: its distribution only when it reaches the floor. */
export function floored(counts: Counts): Group {
  return { total: counts.total, counts: counts.total >= MIN_GROUP ? counts.counts : null };
}
