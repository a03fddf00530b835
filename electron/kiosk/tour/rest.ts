// What the pillar shows as the rest of the tour, on its result screen and in the lecture files
// it writes to a stick: the hub's figures for the running visit when it has them (the lecture's
// own rest of the tour, floor and all), else what it knows itself, its own earlier visits that
// reach the floor, said as such. Figures older than a few hours say when they are from.

import type Database from 'better-sqlite3';
import type { AsOf, ElsewhereFrom, Group, Results } from '../../api/student.ts';
import { countAnswers } from '../../results/aggregates.ts';
import { floored, MIN_GROUP, NOT_SHOWN } from '../../results/floor.ts';
import { hourOf } from '../../results/records.ts';
import type { ReceivedTour } from './kept.ts';

/** Figures the hub sent longer ago than this say when they are from. */
export const STALE_MS = 3 * 3600_000;

/** The day of `hour` seen from `now`, where the pillar stands (its own time zone). */
function dayOf(hour: Date, now: Date): AsOf['day'] {
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  return hour.toDateString() === now.toDateString() ? 'today' : hour.toDateString() === yesterday.toDateString() ? 'yesterday' : 'earlier';
}

/** When the figures came, once that is longer ago than STALE_MS; else null. */
export function staleness(received: ReceivedTour, now: number): AsOf | null {
  const came = new Date(received.received);
  if (now - came.getTime() <= STALE_MS) return null;
  const hour = hourOf(came);
  return { hour, day: dayOf(new Date(hour), new Date(now)) };
}

/**
 * One question's rest of the tour at `visit`: from the hub's figures (a question they do not
 * name has no answers elsewhere that count), else from this pillar's own earlier visits.
 */
export function restOfTour(db: Database.Database, questionId: string, visit: string, received: ReceivedTour | null, now: number): { group: Group; from: ElsewhereFrom } {
  if (received === null) return { group: floored(countAnswers(db, questionId, { elsewhere: visit, minGroup: MIN_GROUP })), from: { from: 'pillar' } };
  const sent = received.tour.questions.find((q) => q.question_id === questionId);
  const group: Group = sent?.counts && sent.total !== null ? { total: sent.total, counts: sent.counts } : NOT_SHOWN;
  return { group, from: { from: 'tour', asOf: staleness(received, now) } };
}

/** What the result screen shows for one question: this visit's answers here, against the rest of the tour. */
export function resultsAt(db: Database.Database, questionId: string, visit: string, received: ReceivedTour | null, now: number): Results {
  const rest = restOfTour(db, questionId, visit, received, now);
  return { questionId, venue: floored(countAnswers(db, questionId, { venue: visit })), elsewhere: rest.group, elsewhereFrom: rest.from };
}
