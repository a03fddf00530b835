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
