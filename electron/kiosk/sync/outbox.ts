// What waits to reach the hub, as results-sync.md's records: answers not yet sent, venue
// visits whose newest revision was not sent, and the manifests of the packs answers were
// given under. Kept in the answer database, so nothing is lost between starts; marked sent
// only after the hub said it stored them.

import type { CheckedPack } from '../../../content/pack.ts';
import { Shape } from '../../../content/schema-check.ts';
import { PACK_RECORD } from '../../api/schemas/sync.ts';
import type { SyncRecord, Waiting } from '../../api/sync.ts';
import { ANSWER_FIELDS, type Answer, type Venue } from '../../results/records.ts';
import type { AnswerStore } from '../answers/store.ts';

const PACK = new Shape(PACK_RECORD);

export class Outbox {
  private readonly store: AnswerStore;

  constructor(store: AnswerStore) {
    this.store = store;
  }

  /** Keeps a pack's manifest (once per id and version), to send along with its answers. */
  recordPack({ pack, manifest }: CheckedPack): void {
    this.store.db.prepare('INSERT INTO packs (id, version, manifest) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(pack.id, pack.version, manifest.toString('utf8'));
  }

  waiting(): Waiting {
    const count = (sql: string) => (this.store.db.prepare(sql).get() as { n: number }).n;
    return {
      answers: count('SELECT COUNT(*) AS n FROM answers WHERE sent = 0'),
      venues: count('SELECT COUNT(*) AS n FROM venues WHERE sent_revision < revision'),
      packs: count('SELECT COUNT(*) AS n FROM packs WHERE sent = 0'),
    };
  }

  /** Up to `limit` records that wait: venue visits and packs first (few), then answers in id order (random, so no order links them). */
  next(limit: number): SyncRecord[] {
    const venues = this.venues('WHERE sent_revision < revision', limit);
    const packs = this.packs('WHERE sent = 0', limit - venues.length);
    return [...venues, ...packs, ...this.answers('WHERE sent = 0', limit - venues.length - packs.length)];
  }

  /** Every record the pillar has, sent or not (a results bundle is complete by itself). */
  everything(): SyncRecord[] {
    return [...this.venues(''), ...this.packs(''), ...this.answers('')];
  }

  // LIMIT -1: no limit.
  private venues(where: string, limit = -1): SyncRecord[] {
    const rows = this.store.db.prepare(`SELECT id, pillar_id, name, started_hour, ended_hour, revision FROM venues ${where} LIMIT ?`).all(limit) as Venue[];
    return rows.map((v) => ({ type: 'venue', ...v }));
  }

  private packs(where: string, limit = -1): SyncRecord[] {
    const rows = this.store.db.prepare(`SELECT id, version, manifest FROM packs ${where} LIMIT ?`).all(limit) as Array<{ id: string; version: number; manifest: string }>;
    // Kept as installed (a checked pack.json), and read back by the record's schema all the same.
    return rows.map((p) => PACK.check({ type: 'pack', id: p.id, version: p.version, manifest: JSON.parse(p.manifest) }, `the pack record ${p.id} version ${p.version} in the answer database`, (refusal) => new Error(refusal.message)));
  }

  private answers(where: string, limit = -1): SyncRecord[] {
    const rows = this.store.db.prepare(`SELECT ${ANSWER_FIELDS.join(', ')} FROM answers ${where} ORDER BY id LIMIT ?`).all(limit) as Answer[];
    return rows.map((a) => ({ type: 'answer', ...a }));
  }

  /** Marks records the hub stored: answers and packs for good, a venue visit at the revision sent. */
  markSent(records: SyncRecord[]): void {
    const db = this.store.db;
    const answer = db.prepare('UPDATE answers SET sent = 1 WHERE id = ?');
    const venue = db.prepare('UPDATE venues SET sent_revision = ? WHERE id = ? AND pillar_id = ? AND sent_revision < ?');
    const pack = db.prepare('UPDATE packs SET sent = 1 WHERE id = ? AND version = ?');
    db.transaction(() => {
      for (const r of records) {
        if (r.type === 'answer') answer.run(r.id);
        else if (r.type === 'venue') venue.run(r.revision, r.id, r.pillar_id, r.revision);
        else pack.run(r.id, r.version);
      }
    })();
  }
}
