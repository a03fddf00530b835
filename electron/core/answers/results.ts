// Every distribution any screen or file shows (the kiosk, the presenter, the lecture files),
// with the privacy floor built in: no group of fewer than MIN_GROUP answers is shown, and no
// group can be worked out by subtraction. Only venue visits that reach the floor for a
// question count beyond their own: "elsewhere" is the other visits that do, and "the whole
// tour" every visit that does. So the tour minus elsewhere is this visit (shown, or not in
// either), and a small visit is never read off as a difference. Suspect answers are left out.
// (Two looks at the same screen a few answers apart still differ by those answers: the price
// of showing results live.)
// Works on any database with the answers, venues and packs tables: a pillar's or the hub's.

import type Database from 'better-sqlite3';
import type { QuestionResult, TourOverview, VisitResults, VisitSummary } from '../../api/lecture.ts';
import type { Group, Results } from '../../api/student.ts';
import type { Pack, Question, Text } from '../../../content/types.ts';

export type { QuestionResult, VisitResults } from '../../api/lecture.ts';

/**
 * The tallies results count from: answers per question, visit and value, suspect ones left
 * out, kept by a trigger in the same transaction as each answer (answers are never changed or
 * deleted). A migration of both the pillar's and the hub's database: frozen text, never edit.
 */
export const TALLIES_MIGRATION = `CREATE TABLE tallies (
     question_id TEXT NOT NULL,
     venue_session_id TEXT NOT NULL,
     value TEXT NOT NULL,
     n INTEGER NOT NULL,
     PRIMARY KEY (question_id, venue_session_id, value)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX tallies_by_venue ON tallies (venue_session_id);
   INSERT INTO tallies SELECT question_id, venue_session_id, value, COUNT(*) FROM answers WHERE suspect IS NULL GROUP BY question_id, venue_session_id, value;
   CREATE TRIGGER tally AFTER INSERT ON answers WHEN NEW.suspect IS NULL BEGIN
     INSERT INTO tallies VALUES (NEW.question_id, NEW.venue_session_id, NEW.value, 1) ON CONFLICT DO UPDATE SET n = n + 1;
   END;`;

/** Fewer answers than this in a group and its distribution is not shown. */
export const MIN_GROUP = 5;

export interface Counts {
  total: number;
  counts: Record<string, number>;
}

/** Whose answers: one venue visit; the other visits that reach the floor; every visit that does. */
export type Scope = { venue: string } | { elsewhere: string; minGroup: number } | { tour: true; minGroup: number };

export function floored(counts: Counts): Group {
  return { total: counts.total, counts: counts.total >= MIN_GROUP ? counts.counts : null };
}

/** Answers per value for one question, suspect answers left out; from the tallies the database keeps as answers come. */
export function countAnswers(db: Database.Database, questionId: string, scope: Scope): Counts {
  const count = 'SELECT value, SUM(n) AS n FROM tallies WHERE question_id = ?';
  const reaching = `venue_session_id IN (SELECT venue_session_id FROM tallies WHERE question_id = ? GROUP BY venue_session_id HAVING SUM(n) >= ?)`;
  const rows = ('venue' in scope
    ? db.prepare(`${count} AND venue_session_id = ? GROUP BY value`).all(questionId, scope.venue)
    : 'elsewhere' in scope
      ? db.prepare(`${count} AND venue_session_id <> ? AND ${reaching} GROUP BY value`).all(questionId, scope.elsewhere, questionId, scope.minGroup)
      : db.prepare(`${count} AND ${reaching} GROUP BY value`).all(questionId, questionId, scope.minGroup)) as Array<{ value: string; n: number }>;
  const counts: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    counts[row.value] = row.n;
    total += row.n;
  }
  return { total, counts };
}

/** One question at one venue visit, against the rest of the tour: what the kiosk shows. */
export function venueAgainstElsewhere(db: Database.Database, questionId: string, venueSessionId: string): Results {
  return {
    questionId,
    venue: floored(countAnswers(db, questionId, { venue: venueSessionId })),
    elsewhere: floored(countAnswers(db, questionId, { elsewhere: venueSessionId, minGroup: MIN_GROUP })),
  };
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

/** Each question's newest texts: from the highest pack version that has it. */
function newestQuestions(db: Database.Database): { questions: Map<string, Question>; languages: string[] } {
  const packs = (db.prepare('SELECT manifest FROM packs ORDER BY version DESC').all() as Array<{ manifest: string }>).map((p) => JSON.parse(p.manifest) as Pack);
  const questions = new Map<string, Question>();
  for (const pack of packs) for (const q of pack.questions ?? []) if (!questions.has(q.id)) questions.set(q.id, q);
  return { questions, languages: packs[0]?.languages ?? ['nl'] };
}

/** Every question answered at a venue visit, with this visit, the rest of the tour and the whole tour. */
export function visitResults(db: Database.Database, venueId: string): VisitResults {
  const { questions: texts, languages } = newestQuestions(db);
  const ids = (db.prepare('SELECT DISTINCT question_id AS id FROM tallies WHERE venue_session_id = ?').all(venueId) as Array<{ id: string }>).map((r) => r.id);
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
  return { visit: visitSummary(db, venueId), languages, questions };
}

/** A venue visit at a glance: its name, the pillars there, its hours, the answers that count. */
function visitSummary(db: Database.Database, venueId: string): VisitSummary {
  const visits = db.prepare('SELECT pillar_id, name, started_hour, ended_hour FROM venues WHERE id = ? ORDER BY revision DESC').all(venueId) as Array<{ pillar_id: string; name: string; started_hour: string; ended_hour: string | null }>;
  const answers = (db.prepare('SELECT COALESCE(SUM(n), 0) AS n FROM tallies WHERE venue_session_id = ?').get(venueId) as { n: number }).n;
  // Only where no venue record tells (an answer from an older pillar): the first and last hour of its answers.
  const hours = visits.length > 0 ? null : (db.prepare('SELECT MIN(hour) AS first, MAX(hour) AS last FROM answers WHERE venue_session_id = ? AND suspect IS NULL').get(venueId) as { first: string | null; last: string | null });
  const pillars = visits.length > 0 ? [...new Set(visits.map((v) => v.pillar_id))] : (db.prepare('SELECT DISTINCT pillar_id FROM answers WHERE venue_session_id = ?').all(venueId) as Array<{ pillar_id: string }>).map((r) => r.pillar_id);
  return {
    id: venueId,
    name: visits[0]?.name ?? venueId,
    pillars,
    startedHour: hours ? hours.first : visits.map((v) => v.started_hour).sort()[0],
    endedHour: hours ? hours.last : visits.some((v) => v.ended_hour === null) ? null : visits.map((v) => v.ended_hour!).sort().at(-1)!,
    answers,
  };
}

/** Every venue visit with answers (newest first), the tour's answers, and when each pillar's answers last arrived (the hub's own log). */
export function tourOverview(db: Database.Database): TourOverview {
  const ids = (db.prepare('SELECT DISTINCT venue_session_id AS id FROM tallies').all() as Array<{ id: string }>).map((r) => r.id);
  const answers = (db.prepare('SELECT COALESCE(SUM(n), 0) AS n FROM tallies').get() as { n: number }).n;
  const pillars = db
    .prepare(`SELECT p.id, p.name, (SELECT MAX(hour) FROM events e WHERE e.pillar_id = p.id AND e.kind IN ('batch', 'bundle')) AS lastArrived FROM pillars p ORDER BY p.id`)
    .all() as TourOverview['pillars'];
  const visits = ids.map((id) => visitSummary(db, id)).sort((a, b) => (b.startedHour ?? '').localeCompare(a.startedHour ?? ''));
  return { visits, answers, pillars };
}
