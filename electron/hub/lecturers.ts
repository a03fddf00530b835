// Lecturers on a hub that listens beyond this machine: the organiser gives each a one-time
// sign-in link (`olifant hub add-lecturer NAME`), valid for a week. Opening it shows a button;
// only pressing that (a POST) spends the link and starts a session, kept in an HttpOnly,
// SameSite=Strict cookie for 30 days. The organiser lists lecturers and ends their sessions
// (`olifant hub lecturers`, `olifant hub end-sessions`). Tokens are 32 random bytes, stored
// only as their SHA-256.

import { createHash, randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../../time/clock.ts';
import { hourOf } from '../results/records.ts';
import type { HubStore } from './store.ts';

export const LINK_MS = 7 * 24 * 3600_000;
export const SESSION_MS = 30 * 24 * 3600_000;
export const SESSION_COOKIE = 'olifant_session';

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const newToken = () => randomBytes(32).toString('base64url');

export class Lecturers {
  private readonly store: HubStore;
  private readonly clock: Clock;

  constructor(store: HubStore, clock: Clock = systemClock) {
    this.store = store;
    this.clock = clock;
  }

  /** Registers a lecturer and returns the token of their one-time sign-in link. */
  add(name: string): string {
    const clean = name.trim();
    if (clean.length === 0 || clean.length > 80) throw new Error("a lecturer's name is 1 to 80 characters");
    const db = this.store.db;
    const token = newToken();
    db.transaction(() => {
      const { lastInsertRowid } = db.prepare('INSERT INTO lecturers (name, added_hour) VALUES (?, ?)').run(clean, hourOf(new Date(this.clock.now())));
      db.prepare('INSERT INTO signin_links (token_hash, lecturer_id, expires_at) VALUES (?, ?, ?)').run(hashOf(token), lastInsertRowid, this.clock.now() + LINK_MS);
      this.store.event(null, 'lecturer', `"${clean}" was given a sign-in link`);
    })();
    return token;
  }

  /** Whether a sign-in link can still be used; it is not spent by asking. */
  linkValid(linkToken: string): boolean {
    return this.store.db.prepare('SELECT 1 FROM signin_links WHERE token_hash = ? AND used = 0 AND expires_at > ?').get(hashOf(linkToken), this.clock.now()) !== undefined;
  }

  /** Uses a sign-in link once: a new session's token, or null when the link is unknown, used or expired. */
  redeem(linkToken: string): string | null {
    const db = this.store.db;
    return db.transaction(() => {
      const link = db.prepare('SELECT lecturer_id FROM signin_links WHERE token_hash = ? AND used = 0 AND expires_at > ?').get(hashOf(linkToken), this.clock.now()) as { lecturer_id: number } | undefined;
      if (!link) return null;
      db.prepare('UPDATE signin_links SET used = 1 WHERE token_hash = ?').run(hashOf(linkToken));
      const session = newToken();
      db.prepare('INSERT INTO sessions (token_hash, lecturer_id, expires_at) VALUES (?, ?, ?)').run(hashOf(session), link.lecturer_id, this.clock.now() + SESSION_MS);
      return session;
    }).immediate();
  }

  /** Whether a session cookie's token is a live session. */
  signedIn(sessionToken: string | undefined): boolean {
    if (!sessionToken) return false;
    return this.store.db.prepare('SELECT 1 FROM sessions WHERE token_hash = ? AND expires_at > ?').get(hashOf(sessionToken), this.clock.now()) !== undefined;
  }

  /** Every lecturer, with their live sessions and unused sign-in links. */
  list(): LecturerRow[] {
    return this.store.db
      .prepare(
        `SELECT l.id, l.name, l.added_hour AS addedHour,
           (SELECT COUNT(*) FROM sessions s WHERE s.lecturer_id = l.id AND s.expires_at > @now) AS sessions,
           (SELECT COUNT(*) FROM signin_links k WHERE k.lecturer_id = l.id AND k.used = 0 AND k.expires_at > @now) AS links
         FROM lecturers l ORDER BY l.id`,
      )
      .all({ now: this.clock.now() }) as LecturerRow[];
  }

  /** Ends a lecturer's sessions and unused sign-in links (signing in again takes a new link); how many sessions ended, or null for an unknown id. */
  end(lecturerId: number): number | null {
    const db = this.store.db;
    return db.transaction(() => {
      const lecturer = db.prepare('SELECT name FROM lecturers WHERE id = ?').get(lecturerId) as { name: string } | undefined;
      if (!lecturer) return null;
      const ended = db.prepare('DELETE FROM sessions WHERE lecturer_id = ? AND expires_at > ?').run(lecturerId, this.clock.now()).changes;
      db.prepare('UPDATE signin_links SET used = 1 WHERE lecturer_id = ?').run(lecturerId);
      this.store.event(null, 'lecturer', `"${lecturer.name}": ${ended} session(s) and every unused sign-in link ended by the organiser`);
      return ended;
    })();
  }
}

export interface LecturerRow {
  id: number;
  name: string;
  addedHour: string;
  /** Live sessions (browsers signed in). */
  sessions: number;
  /** Sign-in links not used yet and not expired. */
  links: number;
}
