// The pillar's check-in with its hub (docs/results-sync-v2.md): after every round of the
// sender, at least every 2 minutes, and at once (at most once every 30 s) when the dispenser's
// state changes, it posts its health record, the visit it is at and its offer reports; the
// hub answers with the tour's figures and the packs offered, which go to their handlers. A
// check-in that fails waits for the next moment. A hub that does not know the route (404 or
// 405 without `sync`: a version-1 hub) gets no check-ins for 6 hours, or until the hub's
// address changes; batches go on as before (sender.ts). A check-in never replaces a batch.

import { Shape } from '../../../content/schema-check.ts';
import type { CheckIn, CheckInAnswer, HealthRecord, Offer, OfferReport, TourFigures } from '../../api/check-in.ts';
import { CHECK_IN_ANSWER } from '../../api/schemas/check-in.ts';
import { systemClock, type Clock, type Timer } from '../../../time/clock.ts';
import type { Logger } from '../../platform/log.ts';
import type { Settings } from '../settings/settings.ts';

/** At least this often. */
export const CHECK_IN_EVERY_MS = 2 * 60_000;
/** A change of the dispenser is told at once, but not more often than this. */
export const DISPENSER_CHANGE_GAP_MS = 30_000;
/** How long a hub taken for version 1 gets no check-ins. */
export const VERSION_1_PAUSE_MS = 6 * 3600_000;
/** A hub that has not answered in this long did not take the check-in (real time: the network's pace). */
const REQUEST_TIMEOUT_MS = 30_000;

const ANSWER = new Shape(CHECK_IN_ANSWER);

export interface CheckInDeps {
  settings: () => Settings;
  /** The pillar's health record as of now. */
  health: () => HealthRecord;
  /** The venue visit the pillar is at, or null between visits. */
  visit: () => string | null;
  /** The state of every offer the pillar knows and has not yet reported finished to this hub. */
  offerReports: () => OfferReport[];
  /** The hub stored this record (its error counts are told; the next record counts from here). */
  onStored: (health: HealthRecord) => void;
  /** The tour's figures for the visit the check-in named (null: none). */
  onTour: (figures: TourFigures | null) => void;
  /** The packs offered to this pillar, and the reports the hub took. */
  onOffers: (offers: Offer[], reported: OfferReport[]) => void;
  log: Logger;
  fetch?: typeof fetch;
  clock?: Clock;
}

/** What the pillar knows of its hub's version of the contract. */
export interface CheckInStatus {
  /** 2: the hub took a check-in; 1: it answered as a version-1 hub (no check-ins until `pausedUntil`); null: not known yet. */
  hubSpeaks: 1 | 2 | null;
  /** When the last check-in was answered 200 (UTC, to the minute); null: never since the start. */
  lastCheckIn: string | null;
  /** The hub's clock minus the pillar's at that check-in (ms, to the minute); null: not known. */
  hubClockAheadMs: number | null;
}

export class CheckIns {
  private readonly deps: CheckInDeps;
  private readonly fetch: typeof fetch;
  private readonly clock: Clock;
  private every: Timer | null = null;
  private later: Timer | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private lastAt = -Infinity;
  /** The hub taken for version 1, and until when. */
  private version1: { hubUrl: string; until: number } | null = null;
  private state: CheckInStatus = { hubSpeaks: null, lastCheckIn: null, hubClockAheadMs: null };
  private readonly stopping = new AbortController();

  constructor(deps: CheckInDeps) {
    this.deps = deps;
    this.fetch = deps.fetch ?? fetch;
    this.clock = deps.clock ?? systemClock;
  }

  start(): void {
    if (this.every) return;
    this.every = this.clock.setInterval(() => void this.now(), CHECK_IN_EVERY_MS);
    this.every.unref();
  }

  async stop(): Promise<void> {
    this.clock.clear(this.every);
    this.clock.clear(this.later);
    this.every = null;
    this.stopping.abort();
    await this.running;
  }

  status(): CheckInStatus {
    return { ...this.state };
  }

  /** A round of the sender ended (stored or not). */
  afterRound(): void {
    void this.now();
  }

  /** The dispenser's state changed: at once, or 30 s after the last check-in. */
  dispenserChanged(): void {
    const due = this.lastAt + DISPENSER_CHANGE_GAP_MS - this.clock.now();
    if (due <= 0) return void this.now();
    if (this.later) return;
    this.later = this.clock.setTimeout(() => {
      this.later = null;
      void this.now();
    }, due);
    this.later.unref();
  }

  /** Checks in now (one at a time: asked while one runs, one more follows). Resolves when done. */
  now(): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.once().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.now();
      }
    });
    return this.running;
  }

  private async once(): Promise<void> {
    const { hubUrl, hubToken, pillarId } = this.deps.settings();
    if (!hubUrl || !hubToken) return;
    if (this.version1 && (this.version1.hubUrl !== hubUrl || this.clock.now() >= this.version1.until)) this.version1 = null;
    if (this.version1) return;
    this.lastAt = this.clock.now();
    const health = this.deps.health();
    const reports = this.deps.offerReports();
    const body: CheckIn = { pillar_id: pillarId, health, visit: this.deps.visit(), offers: reports };
    let response: Response;
    try {
      response = await this.fetch(new URL('v2/check-in', hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`), {
        method: 'POST',
        headers: { authorization: `Bearer ${hubToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), this.stopping.signal]),
      });
    } catch {
      // Not arrived: the next moment checks in again. The sender says when the hub cannot be reached.
      return;
    }
    let answer: unknown = null;
    try {
      answer = await response.json();
    } catch {
      // no JSON: as good as no body
    }
    if (response.status === 200 && ANSWER.is(answer)) return this.took(answer, health, reports);
    const said = (answer as { error?: unknown } | null)?.error;
    const speaks = typeof (answer as { sync?: unknown } | null)?.sync === 'number';
    if ((response.status === 404 || response.status === 405) && !speaks) {
      this.version1 = { hubUrl, until: this.clock.now() + VERSION_1_PAUSE_MS };
      this.state = { ...this.state, hubSpeaks: 1 };
      this.deps.log('info', `the hub at ${hubUrl} speaks results sync version 1: answers go on as batches, without check-ins (asked again in 6 hours)`);
      return;
    }
    if ([400, 401, 403, 413].includes(response.status)) this.deps.log('warn', `the hub refused the check-in (HTTP ${response.status}${typeof said === 'string' ? `: ${said}` : ''})`);
  }

  private took(answer: CheckInAnswer, health: HealthRecord, reports: OfferReport[]): void {
    const now = this.clock.now();
    const minute = Math.floor(now / 60_000) * 60_000;
    this.state = { hubSpeaks: 2, lastCheckIn: new Date(now).toISOString().slice(0, 16) + 'Z', hubClockAheadMs: Date.parse(answer.hub_clock) - minute };
    this.deps.onStored(health);
    this.deps.onTour(answer.tour);
    this.deps.onOffers(answer.offers, reports);
  }
}
