// SQLite as Olifant keeps it, on the kiosk and on the hub: WAL with synchronous=FULL (a write
// that returned survives a crash or a power cut), and numbered migrations, each in its own
// transaction, never edited once shipped.

import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Why the database file cannot be used, or null when it is sound (or not there yet). */
export function damageOf(file: string): string | null {
  if (!existsSync(file)) return null;
  try {
    // Read-only: a damaged file is not written to, its WAL not checkpointed into it.
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const check = db.pragma('quick_check', { simple: true });
      return check === 'ok' ? null : String(check).trim().replace(/\s*\n\s*/g, '; ');
    } finally {
      db.close();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Extended codes too (SQLITE_CORRUPT_INDEX, ...): better-sqlite3 reports them.
    if (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return (error as Error).message;
    throw error;
  }
}

export function openDatabase(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Moves the schema up to the last migration; returns the version it was at. A database from
 * a newer app (a version beyond the list) is closed and refused with `newer`'s error.
 */
export function migrate(db: Database.Database, migrations: string[], newer: (version: number) => Error): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) {
    db.close();
    throw newer(from);
  }
  for (let v = from; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return from;
}
