// A tour's records as pillars send them (results-sync.md): venue visits spread over pillars,
// half of them without a venue record (as an older pillar sends), the bundled pack's six
// questions answered with every kind of value, some answers suspect, and each pillar's pack
// record, a visit's answers arriving together. The same seed gives the same tour, byte for byte.

import type Database from 'better-sqlite3';
import type { AnswerRecord, PackRecord, SyncRecord, VenueRecord } from '../../electron/api/sync.ts';
import { defaultManifest } from './packs.ts';
import { mulberry32 } from './seeded.ts';

export interface TourShape {
  seed: number;
  pillars: number;
  visits: number;
  answers: number;
}

const hex = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');

/** Each pillar's records: its pack, its venue records, then its answers, in batches of `batch`. */
export function* tourBatches(shape: TourShape, batch = 1000): Generator<{ pillarId: string; records: SyncRecord[] }> {
  const random = mulberry32(shape.seed);
  const manifest = defaultManifest();
  const questions = manifest.questions as Array<{ id: string; answer: { type: string; steps?: number; options?: Array<{ id: string }> } }>;
  const valuesOf = questions.map((q) => (q.answer.type === 'scale' ? Array.from({ length: q.answer.steps! }, (_, i) => String(i + 1)) : q.answer.options!.map((o) => o.id)));
  const pillarIds = Array.from({ length: shape.pillars }, (_, p) => `pillar-${String(p).padStart(2, '0')}`);
  const visitOf = (v: number) => ({ id: visitId(v), pillar: pillarIds[v % shape.pillars] });
  for (const pillarId of pillarIds) {
    const pack: PackRecord = { type: 'pack', id: manifest.id, version: manifest.version, manifest };
    const venues: VenueRecord[] = [];
    for (let v = 0; v < shape.visits; v++) {
      const visit = visitOf(v);
      // Every other visit has no venue record: its hours come from its answers.
      if (visit.pillar === pillarId && v % 2 === 0) venues.push({ type: 'venue', id: visit.id, pillar_id: pillarId, name: `Hogeschool ${v}`, started_hour: `${visit.id.slice(0, 10)}T08:00Z`, ended_hour: v % 4 === 0 ? `${visit.id.slice(0, 10)}T17:00Z` : null, revision: 1 + (v % 3) });
    }
    yield { pillarId, records: [pack, ...venues] };
  }
  const pending = new Map<string, SyncRecord[]>();
  for (let i = 0; i < shape.answers; i++) {
    // The tour goes from visit to visit, and pillars send answers as they come: a visit's answers
    // arrive together. Most at the visit's own pillar, some at a second pillar beside it.
    const visit = visitOf(Math.floor((i * shape.visits) / shape.answers));
    const pillarId = random() < 0.9 ? visit.pillar : pillarIds[(pillarIds.indexOf(visit.pillar) + 1) % shape.pillars];
    const q = Math.floor(random() * questions.length);
    const values = valuesOf[q];
    const answer: AnswerRecord = {
      type: 'answer', id: `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`, pillar_id: pillarId, venue_session_id: visit.id,
      pack_id: manifest.id, pack_version: manifest.version, question_id: questions[q].id, value: values[Math.floor(random() * values.length)],
      language: random() < 0.8 ? 'nl' : 'en', hour: `${visit.id.slice(0, 10)}T${String(9 + Math.floor(random() * 8)).padStart(2, '0')}:00Z`, suspect: random() < 0.02 ? 'too-fast' : null,
    };
    const list = pending.get(pillarId) ?? [];
    list.push(answer);
    pending.set(pillarId, list);
    if (list.length === batch) {
      yield { pillarId, records: list };
      pending.delete(pillarId);
    }
  }
  for (const [pillarId, records] of pending) yield { pillarId, records };
}

const visitId = (v: number) => `2026-${String(1 + (v % 12)).padStart(2, '0')}-${String(1 + (v % 28)).padStart(2, '0')}-visit-${v}`;

/** Every venue visit id of the shape (a small tour may leave some without answers). */
export const tourVisitIds = (shape: TourShape) => Array.from({ length: shape.visits }, (_, v) => visitId(v));

/**
 * Writes a tour into a hub database whose schema an older hub made (the caller moves it up as
 * far as that hub went): the rows as that hub wrote them (its triggers keep its summaries), and
 * its log's hours fixed, so that what it answers can be compared figure for figure.
 */
export function fillOlderHub(db: Database.Database, shape: TourShape): void {
  const answer = db.prepare('INSERT INTO answers (id, pillar_id, venue_session_id, pack_id, pack_version, question_id, value, language, hour, suspect) VALUES (@id, @pillar_id, @venue_session_id, @pack_id, @pack_version, @question_id, @value, @language, @hour, @suspect)');
  const venue = db.prepare('INSERT INTO venues (id, pillar_id, name, started_hour, ended_hour, revision) VALUES (@id, @pillar_id, @name, @started_hour, @ended_hour, @revision)');
  const pack = db.prepare('INSERT OR IGNORE INTO packs (pillar_id, id, version, manifest) VALUES (?, ?, ?, ?)');
  const pillar = db.prepare('INSERT OR IGNORE INTO pillars (id, name, token_hash, added_hour) VALUES (?, ?, ?, ?)');
  const event = db.prepare('INSERT INTO events (hour, pillar_id, kind, detail) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    let n = 0;
    for (const { pillarId, records } of tourBatches(shape)) {
      pillar.run(pillarId, `Zuil ${pillarId}`, Buffer.from(pillarId.padEnd(32, '-')), '2026-09-01T08:00Z');
      for (const r of records) {
        if (r.type === 'answer') answer.run(r);
        else if (r.type === 'venue') venue.run(r);
        else pack.run(pillarId, r.id, r.version, JSON.stringify(r.manifest));
      }
      n++;
      event.run(`2026-11-${String(1 + (n % 28)).padStart(2, '0')}T${String(n % 24).padStart(2, '0')}:00Z`, pillarId, n % 3 === 0 ? 'bundle' : 'batch', `${records.length} record(s)`);
    }
  })();
}

/**
 * Writes a tour into a pillar's answer database whose schema an older kiosk made (4: before
 * the tallies and visit sources): its answers, venue visits and pack records as that kiosk
 * stored them, so that what the kiosk answers once upgraded can be compared figure for figure.
 */
export function fillOlderKiosk(db: Database.Database, shape: TourShape): void {
  const answer = db.prepare('INSERT INTO answers (id, pillar_id, venue_session_id, pack_id, pack_version, question_id, value, language, hour, suspect) VALUES (@id, @pillar_id, @venue_session_id, @pack_id, @pack_version, @question_id, @value, @language, @hour, @suspect)');
  const venue = db.prepare('INSERT OR REPLACE INTO venues (id, pillar_id, name, started_hour, ended_hour, revision) VALUES (@id, @pillar_id, @name, @started_hour, @ended_hour, @revision)');
  const pack = db.prepare('INSERT OR IGNORE INTO packs (id, version, manifest) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const { records } of tourBatches(shape)) {
      for (const r of records) {
        if (r.type === 'answer') answer.run(r);
        else if (r.type === 'venue') venue.run(r);
        else pack.run(r.id, r.version, JSON.stringify(r.manifest));
      }
    }
  })();
}
