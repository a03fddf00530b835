// SQLite as Olifant keeps it, on the kiosk and on the hub: WAL with synchronous=FULL (a write
// that returned survives a crash or a power cut), and numbered migrations, each in its own
// transaction, never edited once shipped.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

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
