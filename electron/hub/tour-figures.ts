// The tour's figures a pillar gets back with each check-in (docs/results-sync-v2.md): for the
// venue visit it is at, per question and answer value, what the lecture calls the rest of the
// tour, under the lecture's own rules (results/aggregates.ts: only the other visits that reach
// the floor for a question count, of them only the pillars' parts that do, and a question
// whose rest is under the floor goes without counts). So nothing a pillar receives can be subtracted into a group under the floor.
// Worked out from the tallies and visit sources, never from the answers; kept per visit, and
// worked out again only when answers that count arrived at another visit since, or a pack
// record came or went: a check-in that finds nothing new costs two small look-ups.

import type Database from 'better-sqlite3';
import type { TourFigures } from '../api/check-in.ts';
import { TOUR_QUESTION } from '../api/schemas/check-in.ts';
import { countAnswers, REACHING_VISITS } from '../results/aggregates.ts';
import { floored, MIN_GROUP } from '../results/floor.ts';
import { partShown } from '../results/tallies.ts';
import { Shape } from '../../content/schema-check.ts';

/** The visits whose figures are kept at once: far more than the pillars on tour. */
const KEPT_VISITS = 200;

const TOUR_ENTRY = new Shape(TOUR_QUESTION);

type Question = { pack_id: string; question_id: string };

export class TourFiguresCache {
  private readonly db: Database.Database;
  private readonly kept = new Map<string, { since: string; figures: TourFigures }>();
  private questions: { since: string; list: Question[] } | null = null;
  private readonly statements;

  constructor(db: Database.Database) {
    this.db = db;
    this.statements = {
      /** What changes the figures of `visit`: the answers that count at the other visits (the tallies and visit sources grow together). */
      elsewhere: db.prepare('SELECT coalesce(SUM(answers), 0) AS n FROM visit_sources WHERE venue_session_id <> ?').pluck(),
      /** What changes the questions: the pack records kept (a few per pillar), named. */
      packs: db.prepare("SELECT coalesce(group_concat(pillar_id || '/' || id || '/' || version, ' '), '') FROM packs").pluck(),
      /** Every question of every pack record the hub keeps, with its pack's id. */
      questions: db.prepare(
        `SELECT DISTINCT p.id AS pack_id, json_extract(q.value, '$.id') AS question_id
         FROM packs p, json_each(p.manifest, '$.questions') q
         WHERE json_valid(p.manifest) AND q.type = 'object' ORDER BY pack_id, question_id`,
      ),
      /**
       * The newest hour of an answer that counts at the other visits that reach the floor for a
       * question (hours are kept per visit and pillar): of the pillars' parts counted there.
       */
      newest: db.prepare(`SELECT MAX(last_hour) FROM visit_sources WHERE venue_session_id <> ? AND ${REACHING_VISITS} AND ${partShown('?', 'venue_session_id', 'pillar_id')}`).pluck(),
    };
  }

  /** The figures for a pillar at `visit`: the kept ones, unless answers that count arrived elsewhere since. */
  for(visit: string): TourFigures {
    const questions = this.questionList();
    const since = `${questions.since}/${this.statements.elsewhere.get(visit) as number}`;
    const kept = this.kept.get(visit);
    this.kept.delete(visit);
    const figures = kept?.since === since ? kept.figures : this.workOut(visit, questions.list);
    this.kept.set(visit, { since, figures });
    if (this.kept.size > KEPT_VISITS) this.kept.delete(this.kept.keys().next().value!);
    return figures;
  }

  /** The questions of the pack records, read again only when they changed; those a pillar could not take are left out. */
  private questionList(): { since: string; list: Question[] } {
    const since = this.statements.packs.get() as string;
    if (this.questions?.since !== since) {
      const rows = this.statements.questions.all() as Question[];
      this.questions = { since, list: rows.filter((q) => TOUR_ENTRY.is({ ...q, total: null, counts: null })) };
    }
    return this.questions;
  }

  private workOut(visit: string, questions: Question[]): TourFigures {
    const rest = new Map<string, { total: number | null; counts: Record<string, number> | null; newest: string | null }>();
    for (const id of new Set(questions.map((q) => q.question_id))) {
      const group = floored(countAnswers(this.db, id, { elsewhere: visit, minGroup: MIN_GROUP }));
      const shown = group.counts !== null;
      rest.set(id, { total: group.total, counts: group.counts, newest: shown ? (this.statements.newest.get(visit, id, MIN_GROUP, id) as string | null) : null });
    }
    const newest = [...rest.values()].map((r) => r.newest).filter((h) => h !== null).sort().at(-1) ?? null;
    return {
      visit,
      as_of_hour: newest,
      questions: questions.map((q) => {
        const { total, counts } = rest.get(q.question_id)!;
        return { pack_id: q.pack_id, question_id: q.question_id, total, counts };
      }),
    };
  }
}
