// The tour organiser's API on the hub, on the hub's own machine: how the hub itself is doing,
// and the packs offered to pillars. Types only.

export interface HubHealth {
  /** How late the hub's event loop ran since the last look (ms): batches wait at least this long. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** The hub's resident memory, its reader threads included. */
  residentBytes: number;
  /** Reader threads running (the lecturer's reads). */
  readerThreads: number;
}

/** Why a pillar needs someone, most urgent first (the fleet view words each). */
export type FleetReason =
  | { code: 'jammed' | 'empty' | 'no-link' | 'no-health' }
  | { code: 'silent'; minutes: number }
  | { code: 'cards-low'; cards: number; below: number }
  | { code: 'clock-off'; minutes: number; ahead: boolean }
  | { code: 'old-app'; version: string; newest: string }
  | { code: 'old-pack'; pack: string; version: number; newest: number }
  | { code: 'offer-refused'; pack: string; version: number; reason: string };

/** One registered pillar as the fleet view shows it. */
export interface FleetPillar {
  id: string;
  name: string;
  /** The venue visit it is at (its check-in's, else its newest), and whether it is running. */
  visit: { id: string; name: string | null; startedHour: string | null; endedHour: string | null } | null;
  /** Its last contact: a check-in (UTC, to the minute), a health file from a stick (the minute it was made), or a batch (the hour); null: never. */
  lastContact: { at: string; via: 'check-in' | 'stick' | 'batch' } | null;
  /** Whether it sends health records (results sync version 2); a version-1 pillar does not. */
  reports: boolean;
  appVersion: string | null;
  pack: { id: string; version: number } | null;
  dispenser: 'ok' | 'jammed' | 'empty' | 'no-link' | null;
  cardsLeft: number | null;
  /**
   * Answers that count, given today (the hub's UTC day), in the groups that are shown (each
   * question at each visit with 5 answers or more): never all, which less the groups the
   * visit shows would give away the others.
   */
  answersToday: number;
  /** The newest pack offered to it (publish-pack) and what it did with it; null: none offered. */
  offer: { packId: string; version: number; state: OfferState } | null;
  /** Empty when it needs nobody. */
  reasons: FleetReason[];
}

/** `GET /v2/fleet` and `olifant hub fleet --json`: every registered pillar, those that need someone first. */
export interface FleetView {
  /** The hub's clock (UTC, to the minute). */
  asOf: string;
  pillars: FleetPillar[];
  /** Whether the page is on the hub's own machine (only there are bundles imported). */
  onHubMachine?: boolean;
}

/** A pack offer's state on the hub: `offered` until its pillar reports it (results-sync-v2.md). */
export type OfferState = 'offered' | 'waiting' | 'installed' | 'refused' | 'declined';

/** One offer of a pack to one pillar, as the organiser sees it. */
export interface OfferRow {
  offerId: string;
  pillarId: string;
  packId: string;
  version: number;
  state: OfferState;
  /** Why the pillar refused it, in the words its service screen shows; null otherwise. */
  reason: string | null;
  /** The hour (UTC) it was published or last reported. */
  changedHour: string;
}

/** GET /v2/offers: the pillars a pack can be offered to, and the offers, newest first. */
export interface OfferList {
  pillars: Array<{ id: string; name: string; revoked: boolean }>;
  offers: OfferRow[];
}
