// The fleet view (docs/results-sync-v2.md): one row per registered pillar with its visit, last
// contact, pack, dispenser, cards left and answers shown today, and why it needs someone: a jammed
// or empty stack or a board it does not hear, few cards left, no contact for 2 hours during a
// venue visit, an app or pack older than the newest on the tour, a clock that is off; and the
// newest pack offered to it with what it did (a refusal needs someone until it runs that pack). Read
// from each pillar's newest health record, the venue records, the answers per day and the
// log's index: per pillar a few look-ups by key, so its cost grows with the pillars, never
// with the answers or the health records kept.

import type Database from 'better-sqlite3';
import type { FleetPillar, FleetReason, FleetView, OfferState } from '../api/organiser.ts';
import type { HealthRecord } from '../api/check-in.ts';
import { partShown } from '../results/tallies.ts';
import { minuteOf } from './check-in.ts';

export interface FleetRules {
  /** Fewer cards left than this needs someone. */
  cardsBelow: number;
  /** No contact for longer than this during a running venue visit (ms). */
  silentAfterMs: number;
  /** A pillar's clock further off the hub's than this at its last check-in (ms). */
  clockOffMs: number;
}

export const FLEET_RULES: FleetRules = { cardsBelow: 50, silentAfterMs: 2 * 3600_000, clockOffMs: 5 * 60_000 };

/** Most urgent first: a row's first reason places it. */
const URGENCY: FleetReason['code'][] = ['jammed', 'empty', 'no-link', 'silent', 'cards-low', 'clock-off', 'old-app', 'old-pack', 'offer-refused', 'no-health'];

interface Row {
  id: string;
  name: string;
  record: string | null;
  visit: string | null;
  via: 'check-in' | 'stick' | null;
  contact_at: number | null;
  clock_offset_ms: number | null;
  last_batch: string | null;
  today: number | null;
}

type Venue = { id: string; name: string; started_hour: string; ended_hour: string | null };
type NewestOffer = { pack_id: string; version: number; state: OfferState; reason: string | null };

/** Version texts compared part by part, numbers as numbers ("1.10.0" after "1.9.2"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] ?? '', pb[i] ?? ''];
    const numbers = /^\d+$/.test(x) && /^\d+$/.test(y);
    const order = numbers ? Number(x) - Number(y) : x.localeCompare(y);
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

export function fleetView(db: Database.Database, now: number, rules: FleetRules = FLEET_RULES): FleetView {
  const today = new Date(now).toISOString().slice(0, 10);
  // Each kind its own look-up of the newest in the index (events_by_pillar), as the lecturer's overview does.
  const rows = db
    .prepare(
      `SELECT p.id, p.name, h.record, h.visit, h.via, h.contact_at, h.clock_offset_ms,
         (SELECT MAX(hour) FROM events e WHERE e.pillar_id = p.id AND e.kind = 'batch') AS last_batch,
         (SELECT SUM(d.answers) FROM pillar_day_groups d WHERE d.pillar_id = p.id AND d.day = @today AND ${partShown('d.question_id', 'd.venue_session_id', 'd.pillar_id')}) AS today
       FROM pillars p LEFT JOIN health_latest h ON h.pillar_id = p.id WHERE p.revoked = 0 ORDER BY p.id`,
    )
    .all({ today }) as Row[];
  const named = db.prepare('SELECT id, name, started_hour, ended_hour FROM venues WHERE id = ? AND pillar_id = ?');
  const newest = db.prepare('SELECT id, name, started_hour, ended_hour FROM venues WHERE pillar_id = ? ORDER BY started_hour DESC LIMIT 1');
  // The pillar's offers by their index (offers_by_pillar): a pillar has a handful, however many the hub made.
  const offered = db.prepare('SELECT p.pack_id, p.version, o.state, o.reason FROM offers o JOIN offer_packs p ON p.folder = o.folder WHERE o.pillar_id = ? ORDER BY o.seq DESC LIMIT 1');
  const pillars = rows.map((row) => {
    const health = row.record === null ? null : (JSON.parse(row.record) as HealthRecord);
    const venue = (row.visit === null ? newest.get(row.id) : named.get(row.visit, row.id)) as Venue | undefined;
    const visit = venue
      ? { id: venue.id, name: venue.name, startedHour: venue.started_hour, endedHour: venue.ended_hour }
      : row.visit === null ? null : { id: row.visit, name: null, startedHour: null, endedHour: null };
    const offer = offered.get(row.id) as NewestOffer | undefined;
    const batchAt = row.last_batch === null ? null : Date.parse(row.last_batch);
    const contactAt = Math.max(row.contact_at ?? -Infinity, batchAt ?? -Infinity);
    const lastContact: FleetPillar['lastContact'] = !Number.isFinite(contactAt)
      ? null
      : row.contact_at !== null && row.contact_at >= (batchAt ?? -Infinity) ? { at: minuteOf(row.contact_at), via: row.via! } : { at: row.last_batch!, via: 'batch' };
    const pillar: FleetPillar = {
      id: row.id, name: row.name, visit, lastContact, reports: health !== null,
      appVersion: health?.app_version ?? null, pack: health?.pack ?? null, dispenser: health?.dispenser ?? null, cardsLeft: health?.cards_left ?? null,
      answersToday: row.today ?? 0, offer: offer ? { packId: offer.pack_id, version: offer.version, state: offer.state } : null, reasons: [],
    };
    return { pillar, contactAt, clockOffsetMs: row.via === 'check-in' ? row.clock_offset_ms : null, refusal: offer?.state === 'refused' ? offer.reason : null };
  });

  const reporting = pillars.map((p) => p.pillar).filter((p) => p.reports);
  const newestApp = reporting.map((p) => p.appVersion!).reduce<string | null>((a, b) => (a === null || compareVersions(b, a) > 0 ? b : a), null);
  const newestPack = new Map<string, number>();
  for (const { pack } of reporting) if (pack) newestPack.set(pack.id, Math.max(pack.version, newestPack.get(pack.id) ?? 0));

  for (const { pillar, contactAt, clockOffsetMs, refusal } of pillars) {
    const reasons = pillar.reasons;
    if (!pillar.reports) {
      if (pillar.lastContact) reasons.push({ code: 'no-health' });
      continue;
    }
    if (pillar.dispenser === 'jammed' || pillar.dispenser === 'empty' || pillar.dispenser === 'no-link') reasons.push({ code: pillar.dispenser });
    const during = pillar.visit !== null && pillar.visit.endedHour === null;
    if (during && now - contactAt > rules.silentAfterMs) reasons.push({ code: 'silent', minutes: Math.floor((now - contactAt) / 60_000) });
    if (pillar.cardsLeft !== null && pillar.cardsLeft < rules.cardsBelow && pillar.dispenser !== 'empty') reasons.push({ code: 'cards-low', cards: pillar.cardsLeft, below: rules.cardsBelow });
    if (clockOffsetMs !== null && Math.abs(clockOffsetMs) > rules.clockOffMs) reasons.push({ code: 'clock-off', minutes: Math.round(Math.abs(clockOffsetMs) / 60_000), ahead: clockOffsetMs > 0 });
    if (newestApp !== null && compareVersions(pillar.appVersion!, newestApp) < 0) reasons.push({ code: 'old-app', version: pillar.appVersion!, newest: newestApp });
    const pack = pillar.pack;
    if (pack && pack.version < newestPack.get(pack.id)!) reasons.push({ code: 'old-pack', pack: pack.id, version: pack.version, newest: newestPack.get(pack.id)! });
    // A refused offer needs someone until the pillar runs that pack (from a stick, say) or another is offered.
    const { offer } = pillar;
    const runs = offer !== null && pack !== null && pack.id === offer.packId && pack.version >= offer.version;
    if (offer?.state === 'refused' && !runs) reasons.push({ code: 'offer-refused', pack: offer.packId, version: offer.version, reason: refusal ?? '' });
  }
  const rank = (p: FleetPillar) => (p.reasons.length === 0 ? URGENCY.length : URGENCY.indexOf(p.reasons[0].code));
  const sorted = pillars.map((p) => p.pillar).sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
  return { asOf: minuteOf(now), pillars: sorted };
}
