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

/** A group as it may be shown: its distribution and its total only when it reaches the floor. */
export function floored(counts: Counts): Group {
  return counts.total >= MIN_GROUP ? { total: counts.total, counts: counts.counts } : NOT_SHOWN;
}

/** A group under the floor: nothing of it is told, not even its size. */
export const NOT_SHOWN: Group = { total: null, counts: null };

/** A group that reaches the floor: its distribution and its total. */
export type ShownGroup = Extract<Group, { total: number }>;

/** Of items each with a group (a chart's series, a legend's entries), those whose group is shown. */
export const withShownGroups = <T extends { group: Group }>(items: T[]): Array<T & { group: ShownGroup }> => items.filter((item): item is T & { group: ShownGroup } => item.group.counts !== null);
