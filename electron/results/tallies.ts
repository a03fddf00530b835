// The tallies and visit sources that results count from, kept as answers come (results never
// count the answers themselves again). Each store creates them in one of its own numbered
// migrations, from the frozen texts here: the tables the aggregates (aggregates.ts) read.
// Results count from `shown_tallies`: on a pillar its tallies whole (all its own), on the hub
// only the parts of the pillars whose own answers to a question at a visit reach the floor
// (PART_TALLIES_MIGRATION), so a pillar's own group is in the hub's in full or not at all.

import type Database from 'better-sqlite3';
import { MIN_GROUP } from './floor.ts';

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

/**
 * The pillar's tallies as results count them (`shown_tallies`): all of them, its own answers
 * alone. A migration of the pillar's database: frozen text, never edit.
 */
export const SHOWN_TALLIES_MIGRATION = `CREATE VIEW shown_tallies AS SELECT question_id, venue_session_id, value, n FROM tallies;`;

/**
 * A question's tallies at visits as results count them on the hub: per value, the answers of
 * the pillars whose own part of the question at the visit reaches the floor, the others' as 0
 * (the question stays listed, too few; nothing of such a part is told, not even its values).
 * Followed by a WHERE on p's columns, or none, then GROUP BY. Part of a migration's frozen
 * text (PART_TALLIES_MIGRATION): never edit; a new rule is a new migration and a new text.
 */
const SHOWN_PARTS = `SELECT question_id, venue_session_id, value,
            SUM(iif((SELECT SUM(w.n) FROM part_tallies w WHERE w.question_id = p.question_id AND w.venue_session_id = p.venue_session_id AND w.pillar_id = p.pillar_id) >= ${MIN_GROUP}, p.n, 0))
     FROM part_tallies p`;

/**
 * The hub's tallies per pillar (part_tallies: answers per question, visit, pillar and value,
 * suspect ones left out), and the tallies over all pillars become those results count from
 * (shown_tallies, SHOWN_PARTS; same columns, key and index): two pillars at one visit, the
 * hub's group less one pillar's own (its result screen, its stick files) is the other's part
 * in full, or nothing.
 * Both kept by SummaryDeltas. A migration of the hub's database: frozen text, never edit.
 */
export const PART_TALLIES_MIGRATION = `CREATE TABLE part_tallies (
     question_id TEXT NOT NULL,
     venue_session_id TEXT NOT NULL,
     pillar_id TEXT NOT NULL,
     value TEXT NOT NULL,
     n INTEGER NOT NULL,
     PRIMARY KEY (question_id, venue_session_id, pillar_id, value)
   ) STRICT, WITHOUT ROWID;
   INSERT INTO part_tallies SELECT question_id, venue_session_id, pillar_id, value, COUNT(*) FROM answers WHERE suspect IS NULL GROUP BY 1, 2, 3, 4;
   DELETE FROM tallies;
   INSERT INTO tallies ${SHOWN_PARTS} GROUP BY question_id, venue_session_id, value;
   ALTER TABLE tallies RENAME TO shown_tallies;`;

/**
 * The condition that a pillar's part of a question at a visit (three SQL expressions) reaches
 * the floor, so the hub counts it (PART_TALLIES_MIGRATION): on the hub's database.
 */
export const partShown = (question: string, visit: string, pillar: string) =>
  `(SELECT SUM(n) FROM part_tallies WHERE question_id = ${question} AND venue_session_id = ${visit} AND pillar_id = ${pillar}) >= ${MIN_GROUP}`;

/**
 * What each venue visit is made of, kept by a trigger in the same transaction as each answer:
 * per visit, pillar and pack version, the answers that count (suspect ones left out) and
 * their first and last hour. A visit's pillars, hours and question texts are read from here,
 * never from the answers. A migration of both the pillar's and the hub's database: frozen
 * text, never edit. Each store adds a `visit_manifests` view (venue_session_id, version,
 * manifest): the manifests of the packs a visit's answers were given under.
 */
export const VISIT_SOURCES_MIGRATION = `CREATE TABLE visit_sources (
     venue_session_id TEXT NOT NULL,
     pillar_id TEXT NOT NULL,
     pack_id TEXT NOT NULL,
     pack_version INTEGER NOT NULL,
     answers INTEGER NOT NULL,
     first_hour TEXT,
     last_hour TEXT,
     PRIMARY KEY (venue_session_id, pillar_id, pack_id, pack_version)
   ) STRICT, WITHOUT ROWID;
   INSERT INTO visit_sources
     SELECT venue_session_id, pillar_id, pack_id, pack_version, COUNT(*) FILTER (WHERE suspect IS NULL),
            MIN(hour) FILTER (WHERE suspect IS NULL), MAX(hour) FILTER (WHERE suspect IS NULL)
     FROM answers GROUP BY venue_session_id, pillar_id, pack_id, pack_version;
   CREATE TRIGGER visit_source AFTER INSERT ON answers BEGIN
     INSERT INTO visit_sources VALUES (NEW.venue_session_id, NEW.pillar_id, NEW.pack_id, NEW.pack_version, NEW.suspect IS NULL,
       iif(NEW.suspect IS NULL, NEW.hour), iif(NEW.suspect IS NULL, NEW.hour))
     ON CONFLICT DO UPDATE SET answers = answers + excluded.answers,
       first_hour = min(coalesce(first_hour, excluded.first_hour), coalesce(excluded.first_hour, first_hour)),
       last_hour = max(coalesce(last_hour, excluded.last_hour), coalesce(excluded.last_hour, last_hour));
   END;`;

/**
 * The hub's tallies (per pillar) and visit sources of many answers at once, added at the end of the transaction
 * that stores them: per distinct key, not per answer. The hub's way (its batches are large; a
 * migration of the hub drops the two triggers); the kiosk's triggers do the same one answer at
 * a time, and these upserts say exactly what they say.
 */
export class SummaryDeltas {
  private readonly tallies = new Map<string, { question: string; visit: string; pillar: string; value: string; n: number }>();
  private readonly sources = new Map<string, { visit: string; pillar: string; pack: string; version: number; answers: number; first: string | null; last: string | null }>();

  /** A newly stored answer (not one that was already there). */
  add(a: { venue_session_id: string; pillar_id: string; pack_id: string; pack_version: number; question_id: string; value: string; hour: string; suspect: string | null }): void {
    const counts = a.suspect === null;
    const sourceKey = `${a.venue_session_id}\n${a.pillar_id}\n${a.pack_id}\n${a.pack_version}`;
    const source = this.sources.get(sourceKey) ?? { visit: a.venue_session_id, pillar: a.pillar_id, pack: a.pack_id, version: a.pack_version, answers: 0, first: null, last: null };
    this.sources.set(sourceKey, source);
    if (!counts) return;
    source.answers++;
    if (source.first === null || a.hour < source.first) source.first = a.hour;
    if (source.last === null || a.hour > source.last) source.last = a.hour;
    const tallyKey = `${a.question_id}\n${a.venue_session_id}\n${a.pillar_id}\n${a.value}`;
    const tally = this.tallies.get(tallyKey) ?? { question: a.question_id, visit: a.venue_session_id, pillar: a.pillar_id, value: a.value, n: 0 };
    tally.n++;
    this.tallies.set(tallyKey, tally);
  }

  /** Adds them to the database, inside the caller's transaction. */
  flush(db: Database.Database): void {
    const tally = db.prepare('INSERT INTO part_tallies VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n');
    for (const t of this.tallies.values()) tally.run(t.question, t.visit, t.pillar, t.value, t.n);
    // Each question at a visit that got answers: its shown tallies worked out again from its parts (a part that reaches the floor now counts whole).
    const clear = db.prepare('DELETE FROM shown_tallies WHERE question_id = ? AND venue_session_id = ?');
    const shown = db.prepare(`INSERT INTO shown_tallies ${SHOWN_PARTS} WHERE p.question_id = ? AND p.venue_session_id = ? GROUP BY value`);
    for (const key of new Set([...this.tallies.values()].map((t) => `${t.question}\n${t.visit}`))) {
      const [question, visit] = key.split('\n');
      clear.run(question, visit);
      shown.run(question, visit);
    }
    const source = db.prepare(
      `INSERT INTO visit_sources VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET answers = answers + excluded.answers,
         first_hour = min(coalesce(first_hour, excluded.first_hour), coalesce(excluded.first_hour, first_hour)),
         last_hour = max(coalesce(last_hour, excluded.last_hour), coalesce(excluded.last_hour, last_hour))`,
    );
    for (const s of this.sources.values()) source.run(s.visit, s.pillar, s.pack, s.version, s.answers, s.first, s.last);
    this.tallies.clear();
    this.sources.clear();
  }
}
