// Every distribution a student sees, with the privacy floor built in: no group of fewer
// than MIN_GROUP answers is shown, and no group can be worked out by subtraction. So a
// venue is compared with the rest of the tour ("elsewhere"), never with a total that
// contains it; and "elsewhere" counts only venue visits that reach the floor themselves,
// or a small visit could be read off as elsewhere-at-one-venue minus the other's own figures.
// (Two looks at the same screen a few answers apart still differ by those answers: the
// price of showing results live.)

import type { Group, Results } from '../../api/student.ts';
import type { AnswerStore, Counts } from './store.ts';

/** Fewer answers than this in a group and its distribution is not shown. */
export const MIN_GROUP = 5;

export function floored(counts: Counts): Group {
  return { total: counts.total, counts: counts.total >= MIN_GROUP ? counts.counts : null };
}

/** One question at one venue visit, against the rest of the tour; suspect answers left out. */
export function venueAgainstElsewhere(store: AnswerStore, questionId: string, venueSessionId: string): Results {
  return {
    questionId,
    venue: floored(store.counts(questionId, { venue: venueSessionId })),
    elsewhere: floored(store.counts(questionId, { except: venueSessionId, venuesOfAtLeast: MIN_GROUP })),
  };
}
