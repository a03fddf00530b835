// What an answer and a venue visit are, as a pillar stores them, sends them (results-sync.md's
// records, without their type) and the hub keeps them; and the hour, the finest time any of
// them carries. Both stores write and read their rows by these fields.

import type { AnswerRecord, VenueRecord } from '../api/sync.ts';

/** A stored answer: results-sync.md's answer record, without its type. */
export type Answer = Omit<AnswerRecord, 'type'>;

/** A venue visit: a pillar's stay at one venue (results-sync.md's venue record, without its type). */
export type Venue = Omit<VenueRecord, 'type'>;

/** An answer's fields, in the order of the stores' columns and the CSV's. */
export const ANSWER_FIELDS = [
  'id', 'pillar_id', 'venue_session_id', 'pack_id', 'pack_version', 'question_id', 'value', 'language', 'hour', 'suspect',
] as const;

/** A venue visit's fields, in the order of the stores' columns. */
export const VENUE_FIELDS = ['id', 'pillar_id', 'name', 'started_hour', 'ended_hour', 'revision'] as const;

/** An hour in UTC, written with its `Z`: `2026-11-22T14:00Z` is 15:00 in Amsterdam in winter. */
export type UtcHour = string;

/** The hour a time falls in (UTC): nothing finer is ever stored or sent. */
export function hourOf(time: Date): UtcHour {
  return time.toISOString().slice(0, 13) + ':00Z';
}
