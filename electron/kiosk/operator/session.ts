// Whether the operator is in: the service door is open (the board's SERVICE,1), or the PIN
// was accepted on a pillar without a door switch. The operator's API refuses every call but
// these while nobody is in, and answers given meanwhile are set-up taps (suspect "test"),
// counted for the service screen. Closing the door ends the session, a PIN session too: the
// pillar goes back to the students.
//
// A PIN session belongs to the window that typed the PIN: it gets a key, kept only in that
// page's memory, and only calls carrying it are let in. A window without it asking to come in
// (the kiosk window reloaded or restarted, so the one that opened the session is gone) ends the
// session, and gets the PIN pad.

import { randomUUID } from 'node:crypto';
import type { Pillar } from '../../../hardware/pillar.ts';
import type { Clock } from '../../../time/clock.ts';
import type { SessionState } from '../../api/operator.ts';
import { PinPad } from './pin.ts';

export class OperatorSession {
  private door: boolean;
  /** The PIN session's key, held by the window that opened it; null: no PIN session. */
  private pinKey: string | null = null;
  /** Answers stored as set-up taps since the session opened. */
  private testAnswers = 0;
  private readonly pad: PinPad;
  private readonly pinHash: () => string | null;
  private readonly listeners = new Set<(open: boolean) => void>();
  private readonly unsubscribe: () => void;

  constructor(pillar: Pillar, pinHash: () => string | null, clock?: Clock) {
    this.pinHash = pinHash;
    this.pad = new PinPad(clock);
    this.door = pillar.status().serviceOpen;
    this.unsubscribe = pillar.subscribe((event) => {
      if (event.type !== 'service' || event.open === this.door) return;
      const was = this.open;
      this.door = event.open;
      if (!event.open) this.pinKey = null;
      this.changed(was);
    });
  }

  get open(): boolean {
    return this.door || this.pinKey !== null;
  }

  /** The session as a window sees it: open for it when the door is, or when it holds the PIN session's key. */
  state(key?: unknown): SessionState {
    const open = this.admits(key);
    return {
      open,
      via: this.door ? 'door' : open ? 'pin' : null,
      pinSet: this.pinHash() !== null,
      lockedForSeconds: Math.ceil(this.pad.lockedForMs() / 1000),
      testAnswers: open ? this.testAnswers : 0,
    };
  }

  /** Whether a call may use the session: the door is open, or the call carries the PIN session's key. */
  admits(key: unknown): boolean {
    return this.door || (this.pinKey !== null && key === this.pinKey);
  }

  /** A window's operator page has loaded. Without the PIN session's key, the window that opened that session is gone: it ends. */
  claim(key: unknown): SessionState {
    if (this.pinKey !== null && key !== this.pinKey) this.leave();
    return this.state(key);
  }

  /** Tries a PIN from the pad; the state says whether it opened (with the key for this window alone), or how long the pad is locked. */
  unlock(pin: string): SessionState & { wrong: boolean; key: string | null } {
    const was = this.open;
    const result = this.pad.try(pin, this.pinHash());
    if (result.ok) this.pinKey = randomUUID();
    this.changed(was);
    const key = result.ok ? this.pinKey : null;
    return { ...this.state(key), wrong: !result.ok && result.reason === 'wrong', key };
  }

  /** Ends a PIN session; a door session ends only when the door closes. */
  leave(): void {
    const was = this.open;
    this.pinKey = null;
    this.changed(was);
  }

  /** An answer was stored as a set-up tap while the session is open: the service screen counts them. */
  countTestAnswer(): void {
    if (this.open) this.testAnswers++;
  }

  onChange(listener: (open: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private changed(was: boolean): void {
    if (this.open === was) return;
    if (this.open) this.testAnswers = 0;
    for (const listener of this.listeners) listener(this.open);
  }
}
