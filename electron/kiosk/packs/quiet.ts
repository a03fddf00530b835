// A quiet moment at the pillar: the attract loop on screen, nobody in front of the pillar (its
// presence sensor), and no crew at the service screen, for a while without a break. A pack a
// hub offered installs itself then, where the settings allow it (autoInstallOffers). Timed on
// the kiosk's clock.

import type { Clock, Timer } from '../../../time/clock.ts';

/** How long the pillar must have been quiet, without a break, before it counts as a quiet moment. */
export const QUIET_MS = 30_000;

/** Whether the pillar is quiet now, and word when that changes (the student service knows). */
export interface QuietSource {
  quiet(): boolean;
  onQuietChange(listener: (quiet: boolean) => void): () => void;
}

export class QuietMoment {
  private readonly clock: Clock;
  private readonly onQuiet: () => void;
  private readonly quietMs: number;
  /** When the pillar became quiet; null while it is not. */
  private since: number | null;
  private armed = false;
  /** A quiet moment counts from here at the earliest (a try that failed waits for a new one). */
  private from = -Infinity;
  private timer: Timer | null = null;
  private readonly stop: () => void;

  /** Calls `onQuiet` once per arm(), when the pillar has been quiet for `quietMs`. */
  constructor(source: QuietSource, clock: Clock, onQuiet: () => void, quietMs = QUIET_MS) {
    this.clock = clock;
    this.onQuiet = onQuiet;
    this.quietMs = quietMs;
    this.since = source.quiet() ? clock.now() : null;
    this.stop = source.onQuietChange((quiet) => {
      if (quiet === (this.since !== null)) return;
      this.since = quiet ? this.clock.now() : null;
      this.schedule();
    });
  }

  /**
   * Waits for the next quiet moment: at once if the pillar has been quiet long enough already,
   * unless `fresh`, when the quiet must last from now on (after a try that failed, say).
   */
  arm(fresh = false): void {
    if (fresh) this.from = this.clock.now();
    if (this.armed && !fresh) return;
    this.armed = true;
    this.schedule();
  }

  disarm(): void {
    this.armed = false;
    this.schedule();
  }

  close(): void {
    this.disarm();
    this.stop();
  }

  private schedule(): void {
    this.clock.clear(this.timer);
    this.timer = null;
    if (!this.armed || this.since === null) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.armed = false;
      this.onQuiet();
    }, Math.max(0, Math.max(this.since, this.from) + this.quietMs - this.clock.now()));
    this.timer.unref();
  }
}
