// What the lecture files hold, from one place: a visit's results (with the privacy floor, from
// results/aggregates.ts) and its anonymous answers, only of questions whose group at this visit
// reaches the floor (raw answers of a small group would show what the charts hide).

import type Database from 'better-sqlite3';
import type { Text } from '../../content/types.ts';
import type { VisitResults } from '../api/lecture.ts';
import { visitResults, type SkippedPack } from '../results/aggregates.ts';
import { MIN_GROUP } from '../results/floor.ts';
import { localHour, REPORT_WORDS, type ReportLanguage, type ReportWords } from './words.ts';

export interface Lecture {
  results: VisitResults;
  language: ReportLanguage;
  words: ReportWords;
  /** The answers sheet: one row per answer, in the order of question, value, hour (never as they came). */
  answers: Array<Array<string | number>>;
  /** A text in the lecture's language, else the pack's first. */
  say: (text: Text | null) => string;
}

export function lecture(db: Database.Database, venueId: string, language: ReportLanguage = 'nl', skipped?: SkippedPack): Lecture {
  const results = visitResults(db, venueId, skipped);
  const words = REPORT_WORDS[language];
  const shown = results.questions.filter((q) => q.venue.total >= MIN_GROUP).map((q) => q.id);
  const rows = shown.length === 0 ? [] : (db
    .prepare(`SELECT question_id, value, language, hour, venue_session_id, pillar_id, pack_id, pack_version FROM answers
              WHERE venue_session_id = ? AND suspect IS NULL AND question_id IN (${shown.map(() => '?').join(', ')})
              ORDER BY question_id, value, hour, language`)
    .all(venueId, ...shown) as Array<Record<string, string | number>>);
  return {
    results,
    language,
    words,
    answers: rows.map((r) => [r.question_id, r.value, r.language, localHour(String(r.hour)), r.venue_session_id, r.pillar_id, r.pack_id, r.pack_version]),
    say: (text) => (text ? (text[language] ?? Object.values(text)[0] ?? '') : ''),
  };
}
