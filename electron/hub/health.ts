// The pillars' health records on the hub (docs/results-sync-v2.md): the newest per pillar,
// which the fleet view reads, and the older ones thinned by this store on its clock: all of
// the last 24 hours, then the first of each hour for 30 days, then the first of each day.
// Answers are never thinned. Each answer stored also counts towards its pillar's answers of
// that day per visit and question (pillar_day_groups), so that "answers shown today" is a
// look-up, not a count of answers: those in its parts of groups that reach the privacy floor
// themselves (as the hub counts a visit), never all (all of a pillar's day, less the groups its
// one visit shows, would give away the others).

import type Database from 'better-sqlite3';
import type { HealthRecord } from '../api/check-in.ts';
import { systemClock, type Clock } from '../../time/clock.ts';

/** The hub's migration for the fleet: frozen text, never edit (store.ts lists it). */
export const FLEET_MIGRATION = `CREATE TABLE health_latest (
     pillar_id TEXT PRIMARY KEY,
     record TEXT NOT NULL,
     visit TEXT,
     via TEXT NOT NULL,
     contact_at INTEGER NOT NULL,
     clock_offset_ms INTEGER
   ) STRICT;
   CREATE TABLE health_history (
     pillar_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     record TEXT NOT NULL,
     PRIMARY KEY (pillar_id, at)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX health_history_by_age ON health_history (at);
   CREATE TABLE health_thinned (
     level TEXT PRIMARY KEY,
     done_to INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE pillar_days (
     pillar_id TEXT NOT NULL,
     day TEXT NOT NULL,
     answers INTEGER NOT NULL,
     PRIMARY KEY (pillar_id, day)
   ) STRICT, WITHOUT ROWID;
   INSERT INTO pillar_days SELECT pillar_id, substr(hour, 1, 10), COUNT(*) FROM answers WHERE suspect IS NULL GROUP BY pillar_id, substr(hour, 1, 10);
   CREATE INDEX venues_by_pillar ON venues (pillar_id, started_hour);`;

/**
 * The hub's migration for the fleet's answers today: per pillar and day, per visit and question,
 * so only the groups that are shown are counted (pillar_days counted them all). Frozen text.
 */
export const SHOWN_DAYS_MIGRATION = `CREATE TABLE pillar_day_groups (
     pillar_id TEXT NOT NULL,
     day TEXT NOT NULL,
     venue_session_id TEXT NOT NULL,
     question_id TEXT NOT NULL,
     answers INTEGER NOT NULL,
     PRIMARY KEY (pillar_id, day, venue_session_id, question_id)
   ) STRICT, WITHOUT ROWID;
   INSERT INTO pillar_day_groups SELECT pillar_id, substr(hour, 1, 10), venue_session_id, question_id, COUNT(*) FROM answers WHERE suspect IS NULL GROUP BY 1, 2, 3, 4;
   DROP TABLE pillar_days;`;

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** The thinning rule: past each age, one record per bucket (the first) is kept. */
export const THINNING = [
  { level: 'hourly', olderThanMs: DAY_MS, bucketMs: HOUR_MS },
  { level: 'daily', olderThanMs: 30 * DAY_MS, bucketMs: DAY_MS },
] as const;

/** How often the store thins, at most (on its clock). */
const THIN_EVERY_MS = 10 * 60_000;

/** How a record reached the hub: a check-in, or a health file from a stick. */
export type HealthVia = 'check-in' | 'stick';

export class HealthStore {
  private readonly db: Database.Database;
  private readonly clock: Clock;
  private thinnedAt = -Infinity;

  constructor(db: Database.Database, clock: Clock = systemClock) {
    this.db = db;
    this.clock = clock;
  }

  /** Keeps a pillar's health record from a check-in: the newest, and in the history. */
  fromCheckIn(pillarId: string, health: HealthRecord, visit: string | null): void {
    const now = this.clock.now();
    const offset = Date.parse(health.clock) - now;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO health_latest (pillar_id, record, visit, via, contact_at, clock_offset_ms) VALUES (?, ?, ?, 'check-in', ?, ?)
           ON CONFLICT (pillar_id) DO UPDATE SET record = excluded.record, visit = excluded.visit, via = excluded.via, contact_at = excluded.contact_at, clock_offset_ms = excluded.clock_offset_ms`,
        )
        .run(pillarId, JSON.stringify(health), visit, now, offset);
      this.keep(pillarId, now, health);
    }).immediate();
    this.thinSoon(now);
  }

  /**
   * Keeps a record from a health file, unless a newer one (by the pillar's clock) is kept:
   * its pillar was last heard of when it wrote the record. Whether it was kept.
   */
  fromStick(pillarId: string, health: HealthRecord): boolean {
    const made = Date.parse(health.clock);
    const kept = this.db.transaction(() => {
      const newest = this.latest(pillarId);
      if (newest && Date.parse(newest.record.clock) >= made) return false;
      this.db
        .prepare(
          `INSERT INTO health_latest (pillar_id, record, visit, via, contact_at, clock_offset_ms) VALUES (?, ?, ?, 'stick', ?, NULL)
           ON CONFLICT (pillar_id) DO UPDATE SET record = excluded.record, visit = excluded.visit, via = excluded.via, contact_at = max(health_latest.contact_at, excluded.contact_at), clock_offset_ms = NULL`,
        )
        .run(pillarId, JSON.stringify(health), newest?.visit ?? null, made);
      this.keep(pillarId, made, health);
      return true;
    }).immediate();
    this.thinSoon(this.clock.now());
    return kept;
  }

  /** The newest record of a pillar, with how and when it came. */
  latest(pillarId: string): { record: HealthRecord; visit: string | null; via: HealthVia; contactAt: number; clockOffsetMs: number | null } | undefined {
    const row = this.db.prepare('SELECT record, visit, via, contact_at, clock_offset_ms FROM health_latest WHERE pillar_id = ?').get(pillarId) as
      | { record: string; visit: string | null; via: HealthVia; contact_at: number; clock_offset_ms: number | null }
      | undefined;
    return row && { record: JSON.parse(row.record) as HealthRecord, visit: row.visit, via: row.via, contactAt: row.contact_at, clockOffsetMs: row.clock_offset_ms };
  }

  /** A pillar's kept records, oldest first, with when each came (ms). */
  history(pillarId: string): Array<{ at: number; record: HealthRecord }> {
    return (this.db.prepare('SELECT at, record FROM health_history WHERE pillar_id = ? ORDER BY at').all(pillarId) as Array<{ at: number; record: string }>).map((r) => ({ at: r.at, record: JSON.parse(r.record) as HealthRecord }));
  }

  private keep(pillarId: string, at: number, health: HealthRecord): void {
    this.db.prepare('INSERT OR REPLACE INTO health_history (pillar_id, at, record) VALUES (?, ?, ?)').run(pillarId, at, JSON.stringify(health));
  }

  private thinSoon(now: number): void {
    if (now - this.thinnedAt < THIN_EVERY_MS) return;
    this.thin(now);
  }

  /**
   * Thins the history as of `now`: each level looks only at the records that passed its age
   * since it last ran (it keeps how far it got), so a thinning costs what arrived since.
   */
  thin(now = this.clock.now()): number {
    this.thinnedAt = now;
    let removed = 0;
    this.db.transaction(() => {
      for (const { level, olderThanMs, bucketMs } of THINNING) {
        const from = (this.db.prepare('SELECT done_to FROM health_thinned WHERE level = ?').get(level) as { done_to: number } | undefined)?.done_to ?? 0;
        const to = now - olderThanMs;
        if (to <= from) continue;
        // A record goes when an earlier one of its pillar is kept in the same bucket: the first stays.
        removed += this.db
          .prepare(
            `DELETE FROM health_history WHERE at >= @from AND at < @to AND EXISTS (
               SELECT 1 FROM health_history h WHERE h.pillar_id = health_history.pillar_id
                 AND h.at >= health_history.at - (health_history.at % @bucket) AND h.at < health_history.at)`,
          )
          .run({ from, to, bucket: bucketMs }).changes;
        this.db.prepare('INSERT INTO health_thinned (level, done_to) VALUES (?, ?) ON CONFLICT (level) DO UPDATE SET done_to = excluded.done_to').run(level, to);
      }
    }).immediate();
    return removed;
  }
}

/** Answers per pillar and day (UTC), visit and question, added at the end of the transaction that stores them. */
export class DayCounts {
  private readonly counts = new Map<string, number>();

  /** A newly stored answer that counts (suspect ones do not). */
  add(answer: { pillar_id: string; hour: string; venue_session_id: string; question_id: string; suspect: string | null }): void {
    if (answer.suspect !== null) return;
    const key = `${answer.pillar_id}\n${answer.hour.slice(0, 10)}\n${answer.venue_session_id}\n${answer.question_id}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  flush(db: Database.Database): void {
    const add = db.prepare('INSERT INTO pillar_day_groups (pillar_id, day, venue_session_id, question_id, answers) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET answers = answers + excluded.answers');
    for (const [key, n] of this.counts) add.run(...key.split('\n'), n);
    this.counts.clear();
  }
}
