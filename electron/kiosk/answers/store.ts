// Every answer, anonymously, in one SQLite file. WAL with synchronous=FULL: once insert()
// returns, the answer survives a crash or a power cut. Nothing here can name a person:
// a random id, where and which pack, the question, the value, the language, and the hour (UTC).

import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import type { Logger } from '../../platform/log.ts';
import { damageOf, migrate, openDatabase } from '../../platform/sqlite.ts';
import { ANSWER_FIELDS, VENUE_FIELDS, type Answer, type UtcHour, type Venue } from '../../results/records.ts';
import { SHOWN_TALLIES_MIGRATION, TALLIES_MIGRATION, VISIT_SOURCES_MIGRATION } from '../../results/tallies.ts';

/** Each entry moves the schema one version up; never edit one that has shipped. */
export const MIGRATIONS: string[] = [
  `CREATE TABLE answers (
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
   ) STRICT;
   CREATE INDEX answers_by_question ON answers (question_id, venue_session_id);`,
  // No rowid: consecutive rowids were one student's answers, in any copy of the file. Rows
  // now lie in the order of their random ids; migrate() vacuums the old pages away.
  `CREATE TABLE answers_by_id (
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
   INSERT INTO answers_by_id SELECT * FROM answers ORDER BY id;
   DROP TABLE answers;
   ALTER TABLE answers_by_id RENAME TO answers;
   CREATE INDEX answers_by_question ON answers (question_id, venue_session_id);`,
  // Venue visits, as results-sync.md's venue records: the newest revision of an id wins.
  `CREATE TABLE venues (
     id TEXT NOT NULL,
     pillar_id TEXT NOT NULL,
     name TEXT NOT NULL,
     started_hour TEXT NOT NULL,
     ended_hour TEXT,
     revision INTEGER NOT NULL,
     PRIMARY KEY (id, pillar_id)
   ) STRICT;`,
  // What has reached the hub (results-sync.md): an answer once, a venue visit per revision,
  // and the manifests of the packs answers were given under, so the hub can show the questions.
  `ALTER TABLE answers ADD COLUMN sent INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX answers_unsent ON answers (id) WHERE sent = 0;
   ALTER TABLE venues ADD COLUMN sent_revision INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE packs (
     id TEXT NOT NULL,
     version INTEGER NOT NULL,
     manifest TEXT NOT NULL,
     sent INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (id, version)
   ) STRICT;`,
  // Answers per question, visit and value, counted as they come (suspect ones left out) by a
  // trigger in the same transaction: results never count the answers themselves again.
  TALLIES_MIGRATION,
  // A visit's pillars, hours and packs, kept as answers come; its question texts come from
  // the packs its answers were given under.
  `${VISIT_SOURCES_MIGRATION}
   CREATE VIEW visit_manifests AS
     SELECT s.venue_session_id, s.pillar_id, s.answers, p.id AS pack_id, p.version, p.manifest
     FROM visit_sources s JOIN packs p ON p.id = s.pack_id AND p.version = s.pack_version;`,
  // Results count from shown_tallies, as on the hub: here all the tallies, the pillar's own answers.
  SHOWN_TALLIES_MIGRATION,
];

/** The database was written by a newer Olifant, whose schema this one does not know. */
export class NewerDatabaseError extends Error {
  override name = 'NewerDatabaseError';
  constructor(version: number) {
    super(`The answer database is from a newer version of Olifant (schema ${version}, this one knows ${MIGRATIONS.length}): update the app.`);
  }
}

/**
 * The kiosk's store: a damaged database is moved aside as it is (with its -wal and -shm,
 * as `<file>.corrupt-<time>`) and a new one started, so students can go on answering.
 * A sound one is rewritten, so no copy of it shows in what order earlier answers came.
 */
export function openAnswerStore(file: string, log: Logger): AnswerStore {
  const problem = damageOf(file);
  if (problem) {
    const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    log('error', `The answer database ${file} is damaged (${problem}). It was moved to ${aside}, unchanged, and a new, empty answer database was started: students can go on answering. Keep the damaged file: the answers in it may still be recovered from it.`);
  }
  const store = new AnswerStore(file);
  try {
    // A migration has just rewritten it; else it is rewritten now.
    if (!store.rewritten && !store.rewrite()) log('warn', `the answer database ${file} is in use by another program, so its log could not be emptied at start; the answers are safe, and it is tried again at the next start`);
  } catch (error) {
    // A full disk (VACUUM needs room) must not stop the pillar: the answers are safe as they are.
    log('warn', `the answer database ${file} could not be rewritten at start (${(error as Error).message}); the answers are safe, and it is tried again at the next start`);
  }
  return store;
}

export class AnswerStore {
  /** For the modules that keep their own tables in this file (core/sync); answers go through the methods. */
  readonly db: Database.Database;
  private readonly insertStmt: Database.Statement;
  private readonly getStmt: Database.Statement;

  constructor(file: string) {
    this.db = openDatabase(file);
    try {
      const from = migrate(this.db, MIGRATIONS, (version) => new NewerDatabaseError(version));
      // Rewritten tables leave their old pages behind, in the file and in the WAL.
      if (from < MIGRATIONS.length) this.rewrite();
    } catch (error) {
      if (this.db.open) this.db.close();
      throw error;
    }
    this.insertStmt = this.db.prepare(
      // Only a repeated id is ignored: OR IGNORE would also drop an answer that breaks NOT NULL.
      `INSERT INTO answers (${ANSWER_FIELDS.join(', ')}) VALUES (${ANSWER_FIELDS.map((f) => '@' + f).join(', ')}) ON CONFLICT(id) DO NOTHING`,
    );
    this.getStmt = this.db.prepare(`SELECT ${ANSWER_FIELDS.join(', ')} FROM answers WHERE id = ?`);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private done = false;

  /** Whether this store has rewritten the file (a migration does). */
  get rewritten(): boolean {
    return this.done;
  }

  /**
   * Rewrites the file in id order and empties the WAL: SQLite places the rows in a page in
   * the order they came in, and old copies of pages linger until rewritten. False when another
   * connection kept the WAL from being emptied.
   */
  rewrite(): boolean {
    this.db.exec('VACUUM');
    this.done = true;
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    return result.busy === 0;
  }

  /** Stores an answer and returns once it is on disk. The same id twice stores it once. */
  insert(answer: Answer): { stored: boolean } {
    return { stored: this.insertStmt.run(answer).changes === 1 };
  }

  get(id: string): Answer | undefined {
    return this.getStmt.get(id) as Answer | undefined;
  }

  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  venue(id: string, pillarId: string): Venue | undefined {
    return this.db.prepare(`SELECT ${VENUE_FIELDS.join(', ')} FROM venues WHERE id = ? AND pillar_id = ?`).get(id, pillarId) as Venue | undefined;
  }

  /** Stores a venue visit, replacing the one with its id. */
  saveVenue(venue: Venue): void {
    this.db.prepare(`INSERT OR REPLACE INTO venues (${VENUE_FIELDS.join(', ')}) VALUES (${VENUE_FIELDS.map((f) => '@' + f).join(', ')})`).run(venue);
  }

  /** Every venue visit, the newest first. */
  venues(): Venue[] {
    return this.db.prepare(`SELECT ${VENUE_FIELDS.join(', ')} FROM venues ORDER BY started_hour DESC, id`).all() as Venue[];
  }

  /** The earliest hour of the answers at a venue visit; null when there are none. */
  firstHourAt(venueSessionId: string): UtcHour | null {
    return (this.db.prepare('SELECT MIN(hour) AS hour FROM answers WHERE venue_session_id = ?').get(venueSessionId) as { hour: UtcHour | null }).hour;
  }

  /** How many answers count (set-up taps, suspect "test", left out): at a venue visit, since an hour, and in all. */
  tally(venueSessionId: string, sinceHour: UtcHour): { visit: number; today: number; all: number } {
    return this.db
      .prepare(`SELECT COUNT(*) FILTER (WHERE venue_session_id = ?) AS visit, COUNT(*) FILTER (WHERE hour >= ?) AS today, COUNT(*) AS "all" FROM answers WHERE suspect IS NOT 'test'`)
      .get(venueSessionId, sinceHour) as { visit: number; today: number; all: number };
  }

  /** The hour of the newest answer that counts (from the visit sources, not the answers); null: none. */
  lastAnswerHour(): UtcHour | null {
    return (this.db.prepare('SELECT MAX(last_hour) AS hour FROM visit_sources').get() as { hour: UtcHour | null }).hour;
  }

  *all(): IterableIterator<Answer> {
    yield* this.db.prepare(`SELECT ${ANSWER_FIELDS.join(', ')} FROM answers ORDER BY hour, venue_session_id, question_id, id`).iterate() as IterableIterator<Answer>;
  }

  close(): void {
    this.db.close();
  }
}
