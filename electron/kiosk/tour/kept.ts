// The newest tour figures the hub sent for the running venue visit (docs/results-sync-v2.md,
// "The tour's figures"), with when they came (the pillar's clock, to the minute): in the data
// folder (tour-figures.json, written whole), so that a restart or a hub out of reach keeps
// them; checked by their schema when read back; dropped once the crew starts another visit.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import { Shape } from '../../../content/schema-check.ts';
import type { TourFigures } from '../../api/check-in.ts';
import { MINUTE, TOUR_FIGURES } from '../../api/schemas/check-in.ts';
import { systemClock, type Clock } from '../../../time/clock.ts';
import { writeFileAtomic } from '../../platform/atomic.ts';
import type { Logger } from '../../platform/log.ts';
import type { Settings } from '../settings/settings.ts';

export const TOUR_FILE = 'tour-figures.json';

const KEPT = new Shape(Type.Object({ received: MINUTE, tour: TOUR_FIGURES }, { additionalProperties: false }));

/** Figures as kept: what the hub sent, and when it came (a UTC minute). */
export type ReceivedTour = Static<typeof KEPT.schema>;

/** A UTC minute, as the check-in writes the pillar's clock. */
const minuteOf = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

export class KeptTour {
  readonly file: string;
  private kept: ReceivedTour | null = null;
  private readonly settings: { current(): Settings; onChange(listener: (settings: Settings) => void): () => void };
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly stop: () => void;

  constructor(dataDir: string, settings: KeptTour['settings'], log: Logger, clock: Clock = systemClock) {
    this.file = path.join(dataDir, TOUR_FILE);
    this.settings = settings;
    this.log = log;
    this.clock = clock;
    this.kept = this.read();
    this.dropUnlessRunning(settings.current());
    this.stop = settings.onChange((next) => this.dropUnlessRunning(next));
  }

  /** The hub's figures from a check-in: kept when they are for the running visit (an answer to a check-in from before a visit changed is not). */
  receive(tour: TourFigures | null): void {
    if (tour === null || tour.visit !== this.settings.current().venueSessionId) return;
    this.kept = { received: minuteOf(this.clock.now()), tour };
    try {
      writeFileAtomic(this.file, JSON.stringify(this.kept) + '\n');
    } catch (error) {
      this.log('warn', `the tour's figures could not be kept in ${this.file} (${(error as Error).message}); they are shown until the kiosk restarts`);
    }
  }

  /** The newest figures for the running visit; null when the hub has sent none for it. */
  current(): ReceivedTour | null {
    return this.kept?.tour.visit === this.settings.current().venueSessionId ? this.kept : null;
  }

  close(): void {
    this.stop();
  }

  private read(): ReceivedTour | null {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log('warn', `${this.file} cannot be read (${(error as Error).message}); the tour's figures come again with the next check-in`);
      return null;
    }
    let refusal: string;
    try {
      const value: unknown = JSON.parse(text);
      const found = KEPT.refusal(value, 'the kept figures');
      if (found === null) return value as ReceivedTour;
      refusal = found.message;
    } catch (error) {
      refusal = `it is not JSON (${(error as Error).message})`;
    }
    this.log('warn', `${this.file} is removed: ${refusal}. The tour's figures come again with the next check-in`);
    this.remove();
    return null;
  }

  private dropUnlessRunning(settings: Settings): void {
    if (this.kept === null || this.kept.tour.visit === settings.venueSessionId) return;
    this.kept = null;
    this.remove();
  }

  private remove(): void {
    try {
      rmSync(this.file, { force: true });
    } catch (error) {
      this.log('warn', `${this.file} could not be removed (${(error as Error).message}); it is left alone, and not shown`);
    }
  }
}
