// Whether the operator is in: the service door is open (the board's SERVICE,1), or the PIN
// was accepted on a pillar without a door switch. The operator's API refuses every call but
// these while nobody is in, and answers given meanwhile are set-up taps (suspect "test").
// Closing the door ends the session, a PIN session too: the pillar goes back to the students.

import type { Pillar } from '../../../hardware/pillar.ts';
import type { SessionState } from '../../api/operator.ts';
import { PinPad } from './pin.ts';

export class OperatorSession {
  private door: boolean;
  private pin = false;
  private readonly pad: PinPad;
  private readonly pinHash: () => string | null;
  private readonly listeners = new Set<(open: boolean) => void>();
  private readonly unsubscribe: () => void;

  constructor(pillar: Pillar, pinHash: () => string | null, now: () => number = Date.now) {
    this.pinHash = pinHash;
    this.pad = new PinPad(now);
    this.door = pillar.status().serviceOpen;
    this.unsubscribe = pillar.subscribe((event) => {
      if (event.type !== 'service' || event.open === this.door) return;
      const was = this.open;
      this.door = event.open;
      if (!event.open) this.pin = false;
      this.changed(was);
    });
  }

  get open(): boolean {
    return this.door || this.pin;
  }

  state(): SessionState {
    return {
      open: this.open,
      via: this.door ? 'door' : this.pin ? 'pin' : null,
      pinSet: this.pinHash() !== null,
      lockedForSeconds: Math.ceil(this.pad.lockedForMs() / 1000),
    };
  }

  /** Tries a PIN from the pad; the state says whether it opened, or how long the pad is locked. */
  unlock(pin: string): SessionState & { wrong: boolean } {
    const was = this.open;
    const result = this.pad.try(pin, this.pinHash());
    if (result.ok) this.pin = true;
    this.changed(was);
    return { ...this.state(), wrong: !result.ok && result.reason === 'wrong' };
  }

  /** Ends a PIN session; a door session ends only when the door closes. */
  leave(): void {
    const was = this.open;
    this.pin = false;
    this.changed(was);
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
    for (const listener of this.listeners) listener(this.open);
  }
}
