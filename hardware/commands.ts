// The host's commands to the board (../shared/pillar-protocol.md): one in flight at a time, each
// under its own id; a command whose ACK or reply is late is repeated with the same id (so the
// board never executes it twice) while repeats are left, then the board counts as silent; an
// ACKed dispense waits for its final reply, no repeats meanwhile; an idle line is PINGed.
// The driver (driver.ts) owns the link these go out on and what becomes of a broken one.

import type { Clock, Timer } from '../time/clock.ts';
import { encodeFrame } from './protocol.ts';
import type { Link } from './pillar.ts';

export interface CommandTiming {
  /** A command with no word from the board for this long is repeated. */
  retryMs: number;
  /** A dispense finishes within this long after its ACK. */
  dispenseMs: number;
  /** PING this often while idle. */
  pingMs: number;
  /** Repeats of a PING before the board counts as silent. */
  pingRepeats: number;
}

export interface CommandHooks {
  /** The link the commands go out on; none while it is being found again. */
  link(): Link | null;
  /** The link is up: an idle one is PINGed. */
  connected(): boolean;
  /** The board owed a word and stayed silent through every repeat. */
  silent(reason: string): void;
  /** The final reply of a dispense given up on (its board still ran it past the dispense time): the card or the jam is real. */
  lateDispense(slot: number, reply: string[]): void;
  /** A reply that is not the protocol's. */
  noise(what: string): void;
}

export interface Job {
  fields: Array<string | number>;
  repeats: number;
  resolve: (reply: string[]) => void;
  reject: (error: Error) => void;
}

export interface InFlight extends Job {
  id: number;
  line: string;
  /** Times the line went out on the current link: 1 + repeats. */
  sends: number;
  ackedAt: number | null;
  timer: Timer | null;
}

/** Dispenses given up on that are still watched for their late final reply. */
const GIVEN_UP_WATCHED = 16;

export class Commands {
  private readonly queue: Job[] = [];
  private inflight: InFlight | null = null;
  private nextId = 1;
  private pingTimer: Timer | null = null;
  /** The ids of the last dispenses given up on, with their slot. */
  private readonly givenUp = new Map<number, number>();
  private readonly clock: Clock;
  private readonly timing: CommandTiming;
  private readonly hooks: CommandHooks;

  constructor(clock: Clock, timing: CommandTiming, hooks: CommandHooks) {
    this.clock = clock;
    this.timing = timing;
    this.hooks = hooks;
  }

  /** The command waiting for the board's word, if any. */
  get current(): InFlight | null {
    return this.inflight;
  }

  /** Sends `fields` when the line is free; resolves with the board's final reply (OK or ERR). */
  exec(fields: Array<string | number>, repeats: number): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ fields, repeats, resolve, reject });
      this.pump();
    });
  }

  /** Sends the next command if the line is free, or (none waiting) schedules a PING. */
  pump(): void {
    if (this.inflight || !this.hooks.link()) return;
    const job = this.queue.shift();
    if (!job) {
      this.schedulePing();
      return;
    }
    this.clock.clear(this.pingTimer);
    const id = this.nextId;
    this.nextId = id >= 65535 ? 1 : id + 1;
    const flight: InFlight = { ...job, id, line: encodeFrame([id, ...job.fields]), sends: 0, ackedAt: null, timer: null };
    this.inflight = flight;
    this.transmit(flight, this.timing.retryMs);
  }

  /** Sends `flight` again now, under its own id, its repeats counted afresh (a new link, or a board just up). */
  resend(flight: InFlight): void {
    flight.sends = 0;
    this.inflight = flight;
    this.transmit(flight, this.timing.retryMs);
  }

  /** Stops waiting for the command in flight and returns it, to be settled by the caller. */
  abandon(): InFlight | null {
    const flight = this.inflight;
    this.clock.clear(flight?.timer);
    this.inflight = null;
    return flight;
  }

  /** The link is gone: the command in flight and those waiting are handed back, none sent; no PING. */
  clear(): { flight: InFlight | null; waiting: Job[] } {
    this.clock.clear(this.pingTimer);
    const flight = this.abandon();
    const waiting = [...this.queue];
    this.queue.length = 0;
    return { flight, waiting };
  }

  /** What the board said under a command's id (not 0: that is an event). */
  reply(id: number, rest: string[]): void {
    const flight = this.inflight;
    if (!flight || flight.id !== id) return this.lateWord(id, rest);
    if (rest[0] === 'ACK') {
      const now = this.clock.now();
      const { dispenseMs, retryMs } = this.timing;
      if (flight.ackedAt === null) {
        // The board is on it and owes its final reply within the dispense time: wait for it, no repeats meanwhile.
        flight.ackedAt = now;
        this.arm(flight, dispenseMs + retryMs);
      } else if (now - flight.ackedAt > dispenseMs + retryMs) {
        // Asked again past the dispense time, and still running: the board is stuck, not the wire.
        this.givenUp.set(flight.id, Number(flight.fields[1]));
        if (this.givenUp.size > GIVEN_UP_WATCHED) this.givenUp.delete(this.givenUp.keys().next().value!);
        this.settle(flight, ['ERR', 'TIMEOUT', `the board did not finish within ${dispenseMs / 1000} s`]);
      }
      return;
    }
    if (rest[0] !== 'OK' && rest[0] !== 'ERR') return this.hooks.noise(`unknown reply ${rest[0]}`);
    this.settle(flight, rest);
  }

  /** The board restarted: it has forgotten every id, so no late reply will come. */
  forgetIds(): void {
    this.givenUp.clear();
  }

  /** A word about a command no longer in flight: a late repeat of an answer already handled, or the end of a dispense given up on. */
  private lateWord(id: number, reply: string[]): void {
    const slot = this.givenUp.get(id);
    if (slot === undefined || reply[0] === 'ACK') return;
    this.givenUp.delete(id);
    this.hooks.lateDispense(slot, reply);
  }

  /** Sends the command's line (again) and waits `waitMs` for the board's next word about it. */
  private transmit(flight: InFlight, waitMs: number): void {
    flight.sends += 1;
    this.hooks.link()?.write(flight.line);
    this.arm(flight, waitMs);
  }

  private arm(flight: InFlight, waitMs: number): void {
    this.clock.clear(flight.timer);
    flight.timer = this.clock.setTimeout(() => this.silence(flight), waitMs);
  }

  /** The board owed a word and said nothing: repeat (same id) while repeats are left, then it is silent. */
  private silence(flight: InFlight): void {
    if (this.inflight !== flight) return;
    if (flight.sends > flight.repeats) {
      this.hooks.silent(`no reply to ${flight.fields[0]} after ${flight.repeats} repeats`);
      return;
    }
    this.transmit(flight, this.timing.retryMs);
  }

  private settle(flight: InFlight, reply: string[]): void {
    this.clock.clear(flight.timer);
    this.inflight = null;
    flight.resolve(reply);
    this.pump();
  }

  private schedulePing(): void {
    this.clock.clear(this.pingTimer);
    if (!this.hooks.connected()) return;
    this.pingTimer = this.clock.setTimeout(() => {
      if (this.hooks.connected() && !this.inflight && this.queue.length === 0) {
        this.exec(['PING'], this.timing.pingRepeats).catch(() => {});
      }
    }, this.timing.pingMs);
  }
}
