// When the kiosk screen crashes or hangs: reload it, within a budget, so a screen that keeps
// failing is not reloaded forever. Plain logic (no Electron) so it is tested without a window.

import { systemClock, type Clock, type Timer } from '../../time/clock.ts';

/** A renderer that fails more often than this within the window is left alone (and logged). */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 10 * 60_000;
/** A screen that does not respond for this long is crashed on purpose, then reloaded. */
export const HUNG_RELOAD_MS = 10_000;

export interface RecoveryActions {
  reload(): void;
  /** Ends a hung renderer; its "gone" report follows and is counted there, once. */
  crash(): void;
  log(level: 'warn' | 'error', message: string): void;
  /** What the hang and the restart budget are timed on. */
  clock?: Clock;
}

export class ScreenRecovery {
  private readonly restarts: number[] = [];
  private hung: Timer | null = null;
  private readonly actions: Required<RecoveryActions>;

  constructor(actions: RecoveryActions) {
    this.actions = { clock: systemClock, ...actions };
  }

  /** The renderer process is gone (crashed, killed, or crashed by unresponsive()). */
  gone(reason: string): void {
    // A hang timer still waiting belongs to the renderer that is gone, not to the next one.
    this.responsive();
    const now = this.actions.clock.now();
    while (this.restarts.length && this.restarts[0] < now - RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      this.actions.log('error', `the kiosk screen failed again (${reason}); ${MAX_RESTARTS} restarts in 10 minutes, not restarting it: restart the computer`);
      return;
    }
    this.restarts.push(now);
    this.actions.log('warn', `the kiosk screen failed (${reason}); reloading it`);
    this.actions.reload();
  }

  unresponsive(): void {
    this.hung ??= this.actions.clock.setTimeout(() => {
      this.hung = null;
      this.actions.crash();
    }, HUNG_RELOAD_MS);
  }

  responsive(): void {
    this.actions.clock.clear(this.hung);
    this.hung = null;
  }
}
