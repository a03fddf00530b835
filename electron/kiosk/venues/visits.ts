// Venue visits: the pillar's stay at one venue, started by the crew on the service screen or
// with `olifant venue start`. A visit's id is the local date and the venue's name
// (`2026-11-24-hva-amsterdam`); it is stored in the database (with the hour it started and
// ended, and a revision that rises with every change, as results-sync.md asks) and written to
// settings.json as venueSessionId, which every answer carries from then on, at once.

import { Shape } from '../../../content/schema-check.ts';
import { BEFORE_ANY_VISIT } from '../../api/lecture.ts';
import { VENUE_NAME } from '../../api/schemas/requests.ts';
import { systemClock, type Clock } from '../../../time/clock.ts';
import type { VenueVisit } from '../../api/operator.ts';
import { hourOf, type Venue } from '../../results/records.ts';
import type { AnswerStore } from '../answers/store.ts';
import type { Settings, SettingsStore } from '../settings/settings.ts';

const NAME = new Shape(VENUE_NAME);
/** settings' venueSessionId allows 80 characters: the date and a dash take 11. */
const MAX_SLUG = 80 - 11;

/** A venue name that cannot be used, in the crew's words. */
export class VenueNameError extends Error {
  override name = 'VenueNameError';
}

/** The name as it is kept: trimmed to one line, then checked by its schema (VENUE_NAME). */
function cleanName(name: string): string {
  return NAME.check(name.trim().replace(/\s+/g, ' '), "the venue's name", (refusal) => new VenueNameError(`${refusal.message[0].toUpperCase()}${refusal.message.slice(1)}.`));
}

/** `2026-11-24-hva-amsterdam`: the local date (the venue's day), and the name without accents or marks. */
export function visitId(name: string, date: Date): string {
  const slug = cleanName(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  if (slug === '') throw new VenueNameError("The venue's name needs at least one letter or digit.");
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${slug}`;
}

const asVisit = (venue: Venue): VenueVisit => ({ id: venue.id, name: venue.name, startedHour: venue.started_hour, endedHour: venue.ended_hour });

export class VenueVisits {
  private readonly store: AnswerStore;
  private readonly settings: SettingsStore;
  private readonly clock: Clock;

  constructor(store: AnswerStore, settings: SettingsStore, clock: Clock = systemClock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  private now(): Date {
    return new Date(this.clock.now());
  }

  /**
   * Makes sure the running visit (settings' venueSessionId) is a stored visit: an older kiosk,
   * or an edited settings.json, may name one the database does not have. It starts at its
   * first answer's hour.
   */
  reconcile(settings: Settings = this.settings.current()): void {
    const id = settings.venueSessionId;
    if (id === BEFORE_ANY_VISIT || this.store.venue(id, settings.pillarId)) return;
    const started = this.store.firstHourAt(id) ?? hourOf(this.now());
    this.store.saveVenue({ id, pillar_id: settings.pillarId, name: id, started_hour: started, ended_hour: null, revision: 1 });
  }

  /** The running visit; null until the crew starts one. */
  current(): VenueVisit | null {
    const { venueSessionId, pillarId } = this.settings.current();
    const venue = this.store.venue(venueSessionId, pillarId);
    return venue ? asVisit(venue) : null;
  }

  /** Every visit of this pillar, the newest first. */
  list(): VenueVisit[] {
    const { pillarId } = this.settings.current();
    return this.store.venues().filter((v) => v.pillar_id === pillarId).map(asVisit);
  }

  /** Names of recent visits, newest first, each once: for "pick a recent one". */
  recentNames(count: number): string[] {
    return [...new Set(this.list().map((v) => v.name))].slice(0, count);
  }

  /**
   * Ends the running visit and starts one at the named venue (the same name the same day
   * takes that visit up again), then points the settings at it: the next answer carries it.
   */
  start(name: string): VenueVisit {
    const now = this.now();
    const id = visitId(name, now);
    const clean = cleanName(name);
    const { venueSessionId, pillarId } = this.settings.current();
    const hour = hourOf(now);
    const visit = this.store.transaction(() => {
      const running = this.store.venue(venueSessionId, pillarId);
      if (running && running.id !== id && running.ended_hour === null) this.store.saveVenue({ ...running, ended_hour: hour, revision: running.revision + 1 });
      const again = this.store.venue(id, pillarId);
      const next: Venue = again
        ? { ...again, name: clean, ended_hour: null, revision: again.revision + 1 }
        : { id, pillar_id: pillarId, name: clean, started_hour: hour, ended_hour: null, revision: 1 };
      this.store.saveVenue(next);
      // Last, inside the transaction: settings that cannot be written (a broken settings.json) undo it all.
      this.settings.update({ venueSessionId: id });
      return next;
    });
    return asVisit(visit);
  }

  /** Answers that count (set-up taps left out): this visit, today (the local day), all. */
  counts(): { visit: number; today: number; all: number } {
    const now = this.now();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    return this.store.tally(this.settings.current().venueSessionId, hourOf(midnight));
  }
}
