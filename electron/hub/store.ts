// The hub's database: every pillar's answers, venue visits and packs, the registered pillars,
// and a log of what was stored and refused. WAL with synchronous=FULL: once a batch is
// answered 200, it survives a crash or a power cut. Nothing is ever deleted or overwritten
// by a sync: an answer id stored once keeps its content; a venue visit keeps its highest
// revision; a pack version keeps its first manifest.

import type Database from 'better-sqlite3';
import path from 'node:path';
import { damageOf, migrate, openDatabase } from '../platform/sqlite.ts';
import { ANSWER_FIELDS, hourOf } from '../results/records.ts';
import { OFFERS_MIGRATION } from './offers.ts';
import { PART_TALLIES_MIGRATION, SummaryDeltas, TALLIES_MIGRATION, VISIT_SOURCES_MIGRATION } from '../results/tallies.ts';
import type { AnswerRecord, BatchResult, PackRecord, SyncRecord, VenueRecord } from '../api/sync.ts';
import { DayCounts, FLEET_MIGRATION, SHOWN_DAYS_MIGRATION } from './health.ts';

/** Each entry moves the schema one version up; never edit one that has shipped. */
export const MIGRATIONS: string[] = [
  `CREATE TABLE pillars (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     token_hash BLOB NOT NULL UNIQUE,
     public_key TEXT,
     revoked INTEGER NOT NULL DEFAULT 0,
     added_hour TEXT NOT NULL
   ) STRICT;
   CREATE TABLE answers (
     id TEXT PRIMARY KEY,
     pillar_id TEXT NOT NULL,
     venue_session_id TEXT NOT NULL,
     pack_id TEXT NOT NULL,
     pack_version INTEGER NOT NULL,
     question_id TEXT NOT NULL,
     value TEXT NOT NULL,
     language TEXT NOT NULL,
     hour TEXT NOT NULL,
     suspect TEXT
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX answers_by_question ON answers (question_id, venue_session_id);
   CREATE TABLE venues (
     id TEXT NOT NULL,
     pillar_id TEXT NOT NULL,
     name TEXT NOT NULL,
     started_hour TEXT NOT NULL,
     ended_hour TEXT,
     revision INTEGER NOT NULL,
     PRIMARY KEY (id, pillar_id)
   ) STRICT;
   CREATE TABLE packs (
     id TEXT NOT NULL,
     version INTEGER NOT NULL,
     manifest TEXT NOT NULL,
     PRIMARY KEY (id, version)
   ) STRICT;
   CREATE TABLE events (
     seq INTEGER PRIMARY KEY,
     hour TEXT NOT NULL,
     pillar_id TEXT,
     kind TEXT NOT NULL,
     detail TEXT NOT NULL
   ) STRICT;`,
  // The lecturer's pages look answers up by venue visit, and results count from tallies kept
  // by a trigger in the same transaction (answers are never changed or deleted).
  `CREATE INDEX answers_by_venue ON answers (venue_session_id, question_id);`,
  TALLIES_MIGRATION,
  // Lecturers sign in with a one-time link; their sessions are cookies. Only hashes are kept.
  `CREATE TABLE lecturers (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL,
     added_hour TEXT NOT NULL
   ) STRICT;
   CREATE TABLE signin_links (
     token_hash BLOB PRIMARY KEY,
     lecturer_id INTEGER NOT NULL REFERENCES lecturers (id),
     expires_at INTEGER NOT NULL,
     used INTEGER NOT NULL DEFAULT 0
   ) STRICT;
   CREATE TABLE sessions (
     token_hash BLOB PRIMARY KEY,
     lecturer_id INTEGER NOT NULL REFERENCES lecturers (id),
     expires_at INTEGER NOT NULL
   ) STRICT;`,
  // The index by venue visit halved the rate answers are taken in (its pages are random
  // writes), and the lecturer's pages count from the tallies: looking answers up by question
  // (answers_by_question) is enough for the rest.
  `DROP INDEX answers_by_venue;`,
  // A visit's pillars, hours and packs, kept as answers come (results/tallies.ts).
  VISIT_SOURCES_MIGRATION,
  // A pack record belongs to the pillar that sent it, and a visit's question texts come only
  // from the packs its own answers were given under (pillar, pack id, version). The packs an
  // older hub kept go to the pillars whose answers use them; one that no answer uses is kept
  // under no pillar (''), listed and removable, never shown.
  `CREATE TABLE pillar_packs (
     pillar_id TEXT NOT NULL,
     id TEXT NOT NULL,
     version INTEGER NOT NULL,
     manifest TEXT NOT NULL,
     PRIMARY KEY (pillar_id, id, version)
   ) STRICT;
   INSERT INTO pillar_packs SELECT DISTINCT s.pillar_id, p.id, p.version, p.manifest FROM packs p JOIN visit_sources s ON s.pack_id = p.id AND s.pack_version = p.version;
   INSERT INTO pillar_packs SELECT '', p.id, p.version, p.manifest FROM packs p WHERE NOT EXISTS (SELECT 1 FROM pillar_packs b WHERE b.id = p.id AND b.version = p.version);
   DROP TABLE packs;
   ALTER TABLE pillar_packs RENAME TO packs;
   CREATE VIEW visit_manifests AS
     SELECT s.venue_session_id, s.pillar_id, s.answers, p.id AS pack_id, p.version, p.manifest
     FROM visit_sources s JOIN packs p ON p.pillar_id = s.pillar_id AND p.id = s.pack_id AND p.version = s.pack_version;`,
  // When each pillar's answers last arrived is the newest of its log lines of a kind: found in
  // this index, not by reading a log that grows with every batch.
  `CREATE INDEX events_by_pillar ON events (pillar_id, kind, hour);`,
  // A batch's tallies and visit sources are added once per distinct key at the end of its
  // transaction (SummaryDeltas), not by a trigger per answer: a third of the cost of a batch.
  `DROP TRIGGER tally;
   DROP TRIGGER visit_source;`,
  // The fleet: each pillar's newest health record and its thinned history, and answers per pillar and day (health.ts).
  FLEET_MIGRATION,
  // Packs offered to chosen pillars, and each offer's state as its pillar reports it (offers.ts).
  OFFERS_MIGRATION,
  // The fleet's answers today per visit and question too, so that only the groups shown count (health.ts).
  SHOWN_DAYS_MIGRATION,
  // Tallies per pillar, and results count only the pillars' parts that reach the floor: two
  // pillars at one visit, the hub's group less one's own never leaves the other's small part.
  PART_TALLIES_MIGRATION,
];

/** What a batch or bundle did: stored new, accepted as duplicates, refused as conflicts (answer ids). */
export type StoreOutcome = BatchResult;

export interface PillarRow {
  id: string;
  name: string;
  public_key: string | null;
  revoked: number;
  added_hour: string;
}

export interface PackRow {
  pillar_id: string;
  id: string;
  version: number;
  manifest: string;
}

/** The database was written by a newer hub. */
class NewerHubDatabaseError extends Error {
  override name = 'NewerHubDatabaseError';
}

/** The database file is damaged: the hub does not start on it, and writes nothing into it. */
export class DamagedHubDatabaseError extends Error {
  override name = 'DamagedHubDatabaseError';
}

export class HubStore {
  readonly db: Database.Database;
  /** The hub's data folder. */
  readonly dir: string;
  /** The database file, in the data folder. */
  readonly file: string;
  private readonly insertAnswer: Database.Statement;
  private readonly getAnswer: Database.Statement;

  /** `checked`: the hub that opens a second connection has checked the file at its start. */
  constructor(dataDir: string, options: { checked?: boolean } = {}) {
    this.dir = dataDir;
    const file = path.join(dataDir, 'hub.sqlite');
    this.file = file;
    // Checked read-only before it is opened for writing: nothing is written into a damaged file.
    const damage = options.checked ? null : damageOf(file);
    if (damage) {
      throw new DamagedHubDatabaseError(
        `the hub's database ${file} is damaged (${damage}); nothing was written to it. ` +
          `Restore the data folder from a backup, or move hub.sqlite (with hub.sqlite-wal and hub.sqlite-shm, if there) out of ${dataDir} and keep it, ` +
          `then start the hub again: it starts an empty database, and importing each pillar's newest results bundle (every answer it holds) brings the answers back.`,
      );
    }
    this.db = openDatabase(file);
    // A season's answers are far more than SQLite's 2 MiB page cache: batches write into every part of the tables.
    this.db.pragma('cache_size = -65536');
    migrate(this.db, MIGRATIONS, (version) => new NewerHubDatabaseError(`The hub's database is from a newer version of Olifant (schema ${version}, this one knows ${MIGRATIONS.length}): update the app.`));
    this.insertAnswer = this.db.prepare(`INSERT INTO answers (${ANSWER_FIELDS.join(', ')}) VALUES (${ANSWER_FIELDS.map(() => '?').join(', ')}) ON CONFLICT(id) DO NOTHING`);
    this.getAnswer = this.db.prepare(`SELECT ${ANSWER_FIELDS.join(', ')} FROM answers WHERE id = ?`);
  }

  /** Stores checked records of one pillar in one transaction: all of them, or (on any error) none. */
  store(records: SyncRecord[], pillarId: string, kind: 'batch' | 'bundle'): StoreOutcome {
    // Immediate: the write lock is taken (or waited for) before the first read, never asked for midway.
    return this.db.transaction(() => {
      const intake = this.intake(pillarId);
      for (const record of records) intake.add(record);
      return intake.done(kind);
    }).immediate();
  }

  /** Takes checked records of one pillar one at a time, inside the caller's transaction; done() logs what they did and says it. */
  intake(pillarId: string): { add(record: SyncRecord): void; done(kind: 'batch' | 'bundle'): StoreOutcome } {
    const outcome: StoreOutcome = { stored: 0, duplicates: 0, conflicts: [] };
    const summaries = new SummaryDeltas();
    const days = new DayCounts();
    let records = 0;
    return {
      add: (record) => {
        records++;
        if (record.type === 'answer') this.answer(record, outcome, summaries, days);
        else if (record.type === 'venue') this.venue(record);
        else this.pack(record, pillarId);
      },
      done: (kind) => {
        summaries.flush(this.db);
        days.flush(this.db);
        if (outcome.conflicts.length > 0) this.event(pillarId, 'conflict', `${kind}: ${outcome.conflicts.length} answer(s) with a stored id and other content refused, stored answers unchanged: ${outcome.conflicts.join(', ')}`);
        this.event(pillarId, kind, `${records} record(s): ${outcome.stored} answer(s) stored, ${outcome.duplicates} already there`);
        return outcome;
      },
    };
  }

  private answer(record: AnswerRecord, outcome: StoreOutcome, summaries: SummaryDeltas, days: DayCounts): void {
    if (this.insertAnswer.run(ANSWER_FIELDS.map((f) => record[f])).changes === 1) {
      outcome.stored++;
      summaries.add(record);
      days.add(record);
      return;
    }
    const stored = this.getAnswer.get(record.id) as Record<string, unknown>;
    if (ANSWER_FIELDS.every((f) => stored[f] === record[f])) outcome.duplicates++;
    else outcome.conflicts.push(record.id);
  }

  /** The highest revision of a visit wins; a lower or equal one changes nothing. */
  private venue(record: VenueRecord): void {
    this.db
      .prepare(
        `INSERT INTO venues (id, pillar_id, name, started_hour, ended_hour, revision) VALUES (@id, @pillar_id, @name, @started_hour, @ended_hour, @revision)
         ON CONFLICT(id, pillar_id) DO UPDATE SET name = excluded.name, started_hour = excluded.started_hour, ended_hour = excluded.ended_hour, revision = excluded.revision
         WHERE excluded.revision > venues.revision`,
      )
      .run({ id: record.id, pillar_id: record.pillar_id, name: record.name, started_hour: record.started_hour, ended_hour: record.ended_hour, revision: record.revision });
  }

  /** A pillar's pack version is kept as first received; another manifest under the same version is logged, not stored. */
  private pack(record: PackRecord, pillarId: string): void {
    const manifest = JSON.stringify(record.manifest);
    const stored = this.db.prepare('SELECT manifest FROM packs WHERE pillar_id = ? AND id = ? AND version = ?').get(pillarId, record.id, record.version) as { manifest: string } | undefined;
    if (!stored) this.db.prepare('INSERT INTO packs (pillar_id, id, version, manifest) VALUES (?, ?, ?, ?)').run(pillarId, record.id, record.version, manifest);
    else if (stored.manifest !== manifest) this.event(pillarId, 'conflict', `pack ${record.id} version ${record.version} arrived with another manifest than the one stored; the stored one is kept`);
  }

  /** Every pack record kept, per pillar ('' for those an older hub kept that no answer uses). */
  packs(): PackRow[] {
    return this.db.prepare('SELECT pillar_id, id, version, manifest FROM packs ORDER BY pillar_id, id, version').all() as PackRow[];
  }

  /** Removes one pillar's pack record (answers stay; their results show question ids until the pack comes again). */
  removePack(pillarId: string, id: string, version: number): boolean {
    const removed = this.db.prepare('DELETE FROM packs WHERE pillar_id = ? AND id = ? AND version = ?').run(pillarId, id, version).changes === 1;
    if (removed) this.event(pillarId || null, 'pack', `pack record ${id} version ${version} removed by the organiser`);
    return removed;
  }

  event(pillarId: string | null, kind: string, detail: string): void {
    this.db.prepare('INSERT INTO events (hour, pillar_id, kind, detail) VALUES (?, ?, ?, ?)').run(hourOf(new Date()), pillarId, kind, detail);
  }

  events(): Array<{ hour: string; pillar_id: string | null; kind: string; detail: string }> {
    return this.db.prepare('SELECT hour, pillar_id, kind, detail FROM events ORDER BY seq').all() as Array<{ hour: string; pillar_id: string | null; kind: string; detail: string }>;
  }

  answerCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
