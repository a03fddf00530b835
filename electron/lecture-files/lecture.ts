// What the lecture files hold, from one place: a visit's results (with the privacy floor, from
// results/aggregates.ts) and its anonymous answers, only of questions whose group at this visit
// reaches the floor, and of those only the pillars' parts that do (raw answers of a small group
// or part would show what the charts hide); and, per
// question, the other wordings it had in the pack versions whose answers its chart counts.

import type Database from 'better-sqlite3';
import { checkManifest } from '../../content/pack.ts';
import type { Text } from '../../content/types.ts';
import { BEFORE_ANY_VISIT, type VisitResults } from '../api/lecture.ts';
import type { Group } from '../api/student.ts';
import { REACHING_VISITS, visitResults, withRest, type SkippedPack } from '../results/aggregates.ts';
import { MIN_GROUP } from '../results/floor.ts';
import { localHour, REPORT_WORDS, type ReportLanguage, type ReportWords } from './words.ts';

/** A wording a question had in another pack version than the one its slide shows. */
export interface OtherWording {
  versions: number[];
  text: string;
}

export interface Lecture {
  /** The visit's results; the answers from before any visit are named so, in the lecture's language. */
  results: VisitResults;
  language: ReportLanguage;
  words: ReportWords;
  /** The answers sheet: one row per answer, in the order of question, value, hour (never as they came); the option's text beside its id. */
  answers: Array<Array<string | number>>;
  /** Per question (by id), the wordings other than its slide's in the pack versions its chart counts; none when it never changed. */
  otherWordings: Map<string, OtherWording[]>;
  /** A text in the lecture's language, else the pack's first. */
  say: (text: Text | null) => string;
  /** What the rest of the tour covers and as of when, for the first slide and sheet; null where all answers are (the hub). */
  covers: string | null;
}

/** The rest of the tour as a pillar knows it, for the files it writes to a stick. */
export interface RestOfTour {
  group: (questionId: string) => Group;
  /** The UTC hour of the hub's figures it is made of; null: it is the pillar's own earlier visits. */
  asOfHour: string | null;
}

/**
 * The prompts a question had, in the lecture's language, in the packs of the visits its chart
 * counts (this visit, and the others that reach the floor for it): from the visits' pack
 * records, never from the answers. Those that differ from `shown`, with their versions.
 */
function otherWordingsOf(db: Database.Database, venueId: string, questionId: string, shown: string, say: (text: Text) => string, skipped: SkippedPack): OtherWording[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT version, manifest FROM visit_manifests WHERE venue_session_id = ? OR ${REACHING_VISITS} ORDER BY version`,
    )
    .all(venueId, questionId, MIN_GROUP) as Array<{ version: number; manifest: string }>;
  const byText = new Map<string, Set<number>>();
  for (const row of rows) {
    let prompt: Text | undefined;
    try {
      prompt = checkManifest(JSON.parse(row.manifest)).questions.find((q) => q.id === questionId)?.prompt;
    } catch (error) {
      skipped(`pack version ${row.version} is skipped in the wordings of ${questionId}: its stored manifest is not a valid pack (${(error as Error).message})`);
    }
    const text = prompt && say(prompt);
    if (text && text !== shown) byText.set(text, (byText.get(text) ?? new Set()).add(row.version));
  }
  return [...byText].map(([text, versions]) => ({ text, versions: [...versions].sort((a, b) => a - b) }));
}

/**
 * Of a visit's answers, those of the pillars' parts that reach the floor (a question's answers
 * from one pillar), as its charts count them (shown_tallies): another pillar's few answers at
 * the same visit are left out, as from its chart. On a pillar, its own part is all of them.
 */
function shownParts<R extends Record<string, string | number>>(rows: R[]): R[] {
  const part = (r: R) => `${r.question_id}\n${r.pillar_id}`;
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(part(r), (sizes.get(part(r)) ?? 0) + 1);
  return rows.filter((r) => sizes.get(part(r))! >= MIN_GROUP);
}

/** The lecture of a visit from a database: its rest of the tour counted there, unless given (`rest`). */
export function lecture(db: Database.Database, venueId: string, language: ReportLanguage = 'nl', skipped: SkippedPack = () => {}, rest?: RestOfTour): Lecture {
  const counted = visitResults(db, venueId, skipped);
  const found = rest ? { ...counted, questions: counted.questions.map((q) => withRest(q, rest.group(q.id))) } : counted;
  const words = REPORT_WORDS[language];
  const say = (text: Text | null) => (text ? (text[language] ?? Object.values(text)[0] ?? '') : '');
  const results = venueId === BEFORE_ANY_VISIT ? { ...found, visit: { ...found.visit, name: words.beforeAnyVisit } } : found;
  const shown = results.questions.filter((q) => q.venue.counts !== null).map((q) => q.id);
  const rows = shownParts(shown.length === 0 ? [] : (db
    .prepare(`SELECT question_id, value, language, hour, venue_session_id, pillar_id, pack_id, pack_version FROM answers
              WHERE venue_session_id = ? AND suspect IS NULL AND question_id IN (${shown.map(() => '?').join(', ')})
              ORDER BY question_id, value, hour, language`)
    .all(venueId, ...shown) as Array<Record<string, string | number>>));
  const labels = new Map(results.questions.flatMap((q) => q.values.map((v) => [`${q.id}\n${v.value}`, say(v.label)] as const)));
  const otherWordings = new Map<string, OtherWording[]>();
  for (const q of results.questions) {
    const others = otherWordingsOf(db, venueId, q.id, say(q.prompt), say, skipped);
    if (others.length > 0) otherWordings.set(q.id, others);
  }
  return {
    results,
    language,
    words,
    answers: rows.map((r) => [r.question_id, r.value, labels.get(`${r.question_id}\n${r.value}`) ?? '', r.language, localHour(String(r.hour)), r.venue_session_id, r.pillar_id, r.pack_id, r.pack_version]),
    otherWordings,
    say,
    covers: rest ? words.restCovers(rest.asOfHour) : null,
  };
}

/** What a slide or sheet says of a question worded otherwise in other pack versions: the note, then each other wording; nothing when it never changed. */
export function wordingNotes(l: Lecture, questionId: string): { note: string; wordings: string[] } | null {
  const others = l.otherWordings.get(questionId);
  if (!others) return null;
  const versions = others.flatMap((o) => o.versions).sort((a, b) => a - b);
  return { note: l.words.wordingChanged(versions), wordings: others.flatMap((o) => o.versions.map((v) => l.words.wording(v, o.text))) };
}
