// The tallies and visit sources that results count from, kept as answers come (results never
// count the answers themselves again). Each store creates them in one of its own numbered
// migrations, from the frozen texts here: the tables the aggregates (aggregates.ts) read.

import type Database from 'better-sqlite3';

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
 * The tallies and visit sources of many answers at once, added at the end of the transaction
 * that stores them: per distinct key, not per answer. The hub's way (its batches are large; a
 * migration of the hub drops the two triggers); the kiosk's triggers do the same one answer at
 * a time, and these upserts say exactly what they say.
 */
export class SummaryDeltas {
  private readonly tallies = new Map<string, { question: string; visit: string; value: string; n: number }>();
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
    const tallyKey = `${a.question_id}\n${a.venue_session_id}\n${a.value}`;
    const tally = this.tallies.get(tallyKey) ?? { question: a.question_id, visit: a.venue_session_id, value: a.value, n: 0 };
    tally.n++;
    this.tallies.set(tallyKey, tally);
  }

  /** Adds them to the database, inside the caller's transaction. */
  flush(db: Database.Database): void {
    const tally = db.prepare('INSERT INTO tallies VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n');
    for (const t of this.tallies.values()) tally.run(t.question, t.visit, t.value, t.n);
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
