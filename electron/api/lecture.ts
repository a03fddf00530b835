// The lecturer's API on the hub: the tour at a glance, and one venue visit's results (with
// the privacy floor already applied). JSON over GET, for the presenter page. Types only.

import type { Text } from '../../content/types.ts';
import type { Group } from './student.ts';

export type { Group } from './student.ts';
export type { Text } from '../../content/types.ts';

export interface VisitSummary {
  id: string;
  name: string;
  pillars: string[];
  /** UTC hours. */
  startedHour: string | null;
  endedHour: string | null;
  /**
   * Its answers in the groups that are shown: to the questions where it reaches the privacy
   * floor. Never all its answers, which less the groups shown would give away those that are not.
   */
  answers: number;
}

export interface TourOverview {
  visits: VisitSummary[];
  /** The visits' answers in the groups that are shown (their sum). */
  answers: number;
  /** When each pillar's answers last arrived (a batch or a bundle), as a UTC hour; null: never. */
  pillars: Array<{ id: string; name: string; lastArrived: string | null }>;
}

export interface QuestionResult {
  id: string;
  slot: number | null;
  prompt: Text;
  insight: Text | null;
  values: Array<{ value: string; label: Text }>;
  venue: Group;
  elsewhere: Group;
  tour: Group;
  /** Half the sum of the differences in shares between this visit and the rest of the tour (0 to 1); null while either is not shown. */
  difference: number | null;
}

export interface VisitResults {
  visit: VisitSummary;
  languages: string[];
  questions: QuestionResult[];
}

/** The languages the lecture files and charts can be in (`?language=`, `olifant report --language`). */
export const LECTURE_LANGUAGES = ['nl', 'en', 'de', 'fr'] as const;
export type LectureLanguage = (typeof LECTURE_LANGUAGES)[number];

/** The venue visit answers carry until the crew starts the first one: answers from before any visit. */
export const BEFORE_ANY_VISIT = 'venue-not-set';

/** The lecture files a visit can be downloaded as (`lecture.<format>`); `zip` holds a PNG chart per question. */
export const LECTURE_FORMATS = ['pptx', 'xlsx', 'csv', 'zip'] as const;
export type LectureFormat = (typeof LECTURE_FORMATS)[number];
