// Every distribution any screen or file shows (the kiosk, the presenter, the lecture files),
// with the privacy floor built in: no group of fewer than MIN_GROUP answers is shown, and no
// group can be worked out by subtraction. Only venue visits that reach the floor for a
// question count beyond their own: "elsewhere" is the other visits that do, and "the whole
// tour" every visit that does. So the tour minus elsewhere is this visit (shown, or not in
// either), and a small visit is never read off as a difference. A group under the floor tells
// not even its size, and a total over groups (a visit's answers, the tour's) counts only the
// groups shown: all its answers, less the groups shown, would give away the others. Suspect
// answers are left out.
// (Two looks at the same screen a few answers apart still differ by those answers: the price
// of showing results live.)
// Two pillars at one visit: the hub counts only the pillars' parts that reach the floor
// themselves (shown_tallies, tallies.ts), so a pillar's own group less nothing, or the hub's
// group less it, never leaves another's small part.
// Works on any database with the venues table, shown_tallies, the visit sources (tallies.ts)
// and a visit_manifests view: a pillar's or the hub's.

import type Database from 'better-sqlite3';
import type { QuestionResult, VisitResults, VisitSummary } from '../api/lecture.ts';
import type { Group } from '../api/student.ts';
import { checkManifest } from '../../content/pack.ts';
import type { Pack, Question, Text } from '../../content/types.ts';
import { floored, MIN_GROUP, type Counts } from './floor.ts';

/** Whose answers: one venue visit; the other visits that reach the floor; every visit that does. */
export type Scope = { venue: string } | { elsewhere: string; minGroup: number } | { tour: true; minGroup: number };


/**
 * The condition on a row's venue_session_id that its visit reaches the floor for a question:
 * bound to the question's id and the floor, in that order. Only these visits count beyond their own.
 */
export const REACHING_VISITS = 'venue_session_id IN (SELECT venue_session_id FROM shown_tallies WHERE question_id = ? GROUP BY venue_session_id HAVING SUM(n) >= ?)';

/**
 * Answers per value for one question, suspect answers left out; from the tallies the database
 * keeps as answers come, as results count them (shown_tallies). A value only a hidden part
 * gave counts 0 there: it is left out, as never given.
 */
export function countAnswers(db: Database.Database, questionId: string, scope: Scope): Counts {
  const count = 'SELECT value, SUM(n) AS n FROM shown_tallies WHERE question_id = ?';
  const values = 'GROUP BY value HAVING SUM(n) > 0';
  const rows = ('venue' in scope
    ? db.prepare(`${count} AND venue_session_id = ? ${values}`).all(questionId, scope.venue)
    : 'elsewhere' in scope
      ? db.prepare(`${count} AND venue_session_id <> ? AND ${REACHING_VISITS} ${values}`).all(questionId, scope.elsewhere, questionId, scope.minGroup)
      : db.prepare(`${count} AND ${REACHING_VISITS} ${values}`).all(questionId, questionId, scope.minGroup)) as Array<{ value: string; n: number }>;
  const counts: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    counts[row.value] = row.n;
    total += row.n;
  }
  return { total, counts };
}

/** The words of each answer value: a scale's steps (its ends named), or a choice's options. */
export function answerValues(question: Question): QuestionResult['values'] {
  const { answer } = question;
  if (answer.type === 'choice') return answer.options.map((o) => ({ value: o.id, label: o.label }));
  const named = (step: number, words: Text) => Object.fromEntries(Object.entries(words).map(([code, text]) => [code, `${step} ${text}`]));
  return Array.from({ length: answer.steps }, (_, i) => {
    const step = i + 1;
    const label = step === 1 ? named(1, answer.min) : step === answer.steps ? named(step, answer.max) : Object.fromEntries(Object.keys(answer.min).map((code) => [code, String(step)]));
    return { value: String(step), label };
  });
}

const shares = (group: Group) => (group.counts ? Object.fromEntries(Object.entries(group.counts).map(([v, n]) => [v, n / group.total])) : null);

function differenceOf(venue: Group, elsewhere: Group): number | null {
  const a = shares(venue);
  const b = shares(elsewhere);
  if (!a || !b) return null;
  const values = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...values].reduce((sum, v) => sum + Math.abs((a[v] ?? 0) - (b[v] ?? 0)), 0) / 2;
}

/**
 * A question's result with its rest of the tour from elsewhere than this database (a pillar's
 * figures from the hub): the whole tour is then this visit, where it reaches the floor, and
 * that rest, as visitResults counts it where all the answers are.
 */
export function withRest(question: QuestionResult, elsewhere: Group): QuestionResult {
  const parts = [question.venue, elsewhere].filter((g) => g.counts !== null);
  const counts: Record<string, number> = {};
  for (const group of parts) for (const [value, n] of Object.entries(group.counts!)) counts[value] = (counts[value] ?? 0) + n;
  const tour = floored({ total: parts.reduce((n, g) => n + g.total, 0), counts });
  return { ...question, elsewhere, tour, difference: differenceOf(question.venue, elsewhere) };
}

/** Told of a stored pack manifest that is not a valid pack.json, which results skip. */
export type SkippedPack = (what: string) => void;

/**
 * Each question's newest texts among the packs the visit's answers were given under (its
 * pack ids and versions, from the pillars that gave them): never from another pack. A stored
 * manifest that breaks content-pack.md (kept by an older hub) is skipped, and said.
 */
function visitQuestions(db: Database.Database, venueId: string, skipped: SkippedPack): { questions: Map<string, Question>; languages: string[] } {
  const rows = db.prepare('SELECT pack_id, version, manifest FROM visit_manifests WHERE venue_session_id = ? ORDER BY version DESC, pack_id, answers DESC, pillar_id').all(venueId) as Array<{ pack_id: string; version: number; manifest: string }>;
  const packs: Pack[] = [];
  for (const row of rows) {
    try {
      packs.push(checkManifest(JSON.parse(row.manifest)));
    } catch (error) {
      skipped(`pack ${row.pack_id} version ${row.version} is skipped in the results of ${venueId}: its stored manifest is not a valid pack (${(error as Error).message})`);
    }
  }
  const questions = new Map<string, Question>();
  for (const pack of packs) for (const q of pack.questions) if (!questions.has(q.id)) questions.set(q.id, q);
  return { questions, languages: packs[0]?.languages ?? ['nl'] };
}

/** Every question answered at a venue visit, with this visit, the rest of the tour and the whole tour. */
export function visitResults(db: Database.Database, venueId: string, skipped: SkippedPack = () => {}): VisitResults {
  const { questions: texts, languages } = visitQuestions(db, venueId, skipped);
  const ids = (db.prepare('SELECT DISTINCT question_id AS id FROM shown_tallies WHERE venue_session_id = ?').all(venueId) as Array<{ id: string }>).map((r) => r.id);
  const questions = ids.map((id): QuestionResult => {
    const question = texts.get(id);
    const venue = floored(countAnswers(db, id, { venue: venueId }));
    const elsewhere = floored(countAnswers(db, id, { elsewhere: venueId, minGroup: MIN_GROUP }));
    const tour = floored(countAnswers(db, id, { tour: true, minGroup: MIN_GROUP }));
    const fallback = Object.fromEntries(languages.map((code) => [code, id]));
    return {
      id,
      slot: question?.slot ?? null,
      prompt: question?.prompt ?? fallback,
      insight: question?.insight ?? null,
      values: question ? answerValues(question) : [...new Set(Object.keys({ ...venue.counts, ...tour.counts }))].sort().map((value) => ({ value, label: Object.fromEntries(languages.map((code) => [code, value])) })),
      venue,
      elsewhere,
      tour,
      difference: differenceOf(venue, elsewhere),
    };
  });
  questions.sort((a, b) => (a.slot ?? 99) - (b.slot ?? 99) || a.id.localeCompare(b.id));
  return { visit: visitSummaries(db, venueId)[0] ?? NO_ANSWERS(venueId), languages, questions };
}

/**
 * A visit's answers in the groups that are shown: to the questions where it reaches the floor.
 * Bound to the visit and the floor. Never all its answers: that total less the groups shown
 * would give away the sum of those that are not (6 answers to five questions and 2 to a sixth
 * read "32", and 32 − 30 = 2). From the tallies of the one visit, so it grows with its questions.
 */
const SHOWN_ANSWERS = 'SELECT coalesce(SUM(n), 0) FROM (SELECT SUM(n) AS n FROM shown_tallies WHERE venue_session_id = ? GROUP BY question_id HAVING SUM(n) >= ?)';

/**
 * Venue visits at a glance (every visit, or the one named), from the visit sources, the venue
 * records and the visit's tallies: its name, the pillars there, its hours, its answers in the
 * groups that are shown (SHOWN_ANSWERS). Only the venue records of pillars with answers at the
 * visit count, and its name is that of the pillar with the most of them: another pillar's
 * record never renames a visit it has no part in, nor one where others gave more answers.
 * Visits without answers that count are left out; one whose groups are all under the floor is
 * listed, with 0 answers shown (each question it has says it has too few).
 */
export function visitSummaries(db: Database.Database, venueId?: string): VisitSummary[] {
  const one = venueId === undefined ? [] : [venueId];
  const sources = db
    .prepare(
      `SELECT venue_session_id AS visit, pillar_id, SUM(answers) AS answers, MIN(first_hour) AS first, MAX(last_hour) AS last FROM visit_sources
       ${venueId === undefined ? '' : 'WHERE venue_session_id = ?'} GROUP BY venue_session_id, pillar_id`,
    )
    .all(...one) as Array<{ visit: string; pillar_id: string; answers: number; first: string | null; last: string | null }>;
  const records = db.prepare(`SELECT id, pillar_id, name, started_hour, ended_hour FROM venues ${venueId === undefined ? '' : 'WHERE id = ?'}`).all(...one) as Array<{ id: string; pillar_id: string; name: string; started_hour: string; ended_hour: string | null }>;
  const recordOf = new Map(records.map((v) => [`${v.id}\n${v.pillar_id}`, v]));
  const shownAnswers = db.prepare(SHOWN_ANSWERS).pluck();
  const byVisit = new Map<string, typeof sources>();
  for (const source of sources) byVisit.set(source.visit, [...(byVisit.get(source.visit) ?? []), source]);
  const summaries: VisitSummary[] = [];
  for (const [id, visitSources] of byVisit) {
    if (visitSources.every((s) => s.answers === 0)) continue;
    visitSources.sort((a, b) => b.answers - a.answers || a.pillar_id.localeCompare(b.pillar_id));
    const visits = visitSources.flatMap((s) => recordOf.get(`${id}\n${s.pillar_id}`) ?? []);
    // Only where no venue record tells (an answer from an older pillar): the first and last hour of its answers.
    const hours = visits.length > 0 ? null : { first: visitSources.map((s) => s.first).filter((h) => h !== null).sort()[0] ?? null, last: visitSources.map((s) => s.last).filter((h) => h !== null).sort().at(-1) ?? null };
    summaries.push({
      id,
      name: visits[0]?.name ?? id,
      pillars: visitSources.map((s) => s.pillar_id).sort(),
      startedHour: hours ? hours.first : visits.map((v) => v.started_hour).sort()[0],
      endedHour: hours ? hours.last : visits.some((v) => v.ended_hour === null) ? null : visits.map((v) => v.ended_hour!).sort().at(-1)!,
      answers: shownAnswers.get(id, MIN_GROUP) as number,
    });
  }
  return summaries;
}

/** A visit that has no answers that count: nothing to show. */
const NO_ANSWERS = (id: string): VisitSummary => ({ id, name: id, pillars: [], startedHour: null, endedHour: null, answers: 0 });
