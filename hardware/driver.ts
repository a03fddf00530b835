// The host side of ../shared/pillar-protocol.md: finds the board and keeps it, and is the
// kiosk's Pillar. Its commands go out one at a time, repeated when late (commands.ts); a
// silent board counts as a broken link, which is closed and found again, and a dispense it
// interrupted is asked about again by its id. A dispense the kiosk gave up on that still
// ends later is recorded (log, pillar status).

import { systemClock, type Clock, type Timer } from '../time/clock.ts';
import { Commands, type InFlight } from './commands.ts';
import { openPort, scanPorts } from './port-scan.ts';
import { FrameDecoder, type Decoded } from './protocol.ts';
import type {
  DispenseFailure, DispenseOutcome, LedMode, Link, LinkSource, LinkState, Pillar, PillarLog,
  PillarEvent, PillarStatus, Rgb, SlotState,
} from './pillar.ts';

export interface DriverOptions {
  log?: PillarLog;
  /** A command with no word from the board for this long is repeated (protocol: 300 ms). */
  retryMs?: number;
  /** Repeats of one command before the link counts as broken (protocol: 3). */
  maxRepeats?: number;
  /** PING this often while idle (protocol: at least every 2 s). */
  pingMs?: number;
  /** Pause between two scans for a board. */
  rescanMs?: number;
  /** How long a freshly opened port gets to answer HELLO (a DTR reset takes up to 2 s). */
  helloWindowMs?: number;
  /** A dispense finishes within this long after its ACK (protocol: 3 s). */
  dispenseMs?: number;
  /** A dispense caught by a broken link (or asked for while the link is down) waits this long for the board to come back. */
  parkMs?: number;
  /** What every time-out, repeat, PING and rescan waits on; the computer's clock unless told. */
  clock?: Clock;
}

class LinkBroken extends Error {}
/** The command never went out on the wire: it may be sent again, under a new id. */
class NotSent extends LinkBroken {}
class BoardRebooted extends Error {}

const SLOT_STATES = new Set(['OK', 'LOW', 'EMPTY', 'JAM']);
const FAILURES = new Set<DispenseFailure>(['EMPTY', 'JAM', 'GATE_FULL', 'BUSY', 'BADSLOT', 'BADCMD']);
const GARBAGE_LOG_EVERY_MS = 10_000;

export class PillarDriver implements Pillar {
  private readonly source: LinkSource;
  private readonly log: PillarLog;
  private readonly retryMs: number;
  private readonly maxRepeats: number;
  private readonly rescanMs: number;
  private readonly helloWindowMs: number;
  private readonly parkMs: number;
  private readonly clock: Clock;

  private running = false;
  private scanning = false;
  private link: Link | null = null;
  private state: LinkState = 'stopped';
  private readonly commands: Commands;
  /**
   * A dispense whose link broke before its final reply. The board remembers its id unless it
   * restarts, so after reconnecting the same id is asked again: the real outcome, never a
   * second card. If the board restarted meanwhile, the outcome is unknown and said so.
   */
  private parked: { flight: InFlight; rebooted: boolean; timer: Timer } | null = null;
  private readonly listeners = new Set<(event: PillarEvent) => void>();
  private desiredLed: Array<string | number> = ['OFF'];
  private garbage = { count: 0, loggedAt: 0 };
  private current: PillarStatus = {
    link: 'stopped', port: null, firmware: null, slots: [], gate: 'UNKNOWN', serviceOpen: false, problem: null,
  };

  constructor(source: LinkSource, options: DriverOptions = {}) {
    this.source = source;
    this.log = options.log ?? (() => {});
    this.retryMs = options.retryMs ?? 300;
    this.maxRepeats = options.maxRepeats ?? 3;
    this.rescanMs = options.rescanMs ?? 250;
    this.helloWindowMs = options.helloWindowMs ?? 2500;
    this.parkMs = options.parkMs ?? 10_000;
    this.clock = options.clock ?? systemClock;
    const timing = { retryMs: this.retryMs, dispenseMs: options.dispenseMs ?? 3000, pingMs: options.pingMs ?? 1000, pingRepeats: this.maxRepeats };
    this.commands = new Commands(this.clock, timing, {
      link: () => this.link,
      connected: () => this.isConnected(),
      silent: (reason) => this.broken(reason),
      lateDispense: (slot, reply) => this.lateDispense(slot, reply),
      noise: (what) => this.noise(what),
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.update({ link: 'connecting' });
    void this.scan();
  }

  async stop(): Promise<void> {
    this.running = false;
    const link = this.link;
    this.drop(new LinkBroken('the kiosk stopped'));
    this.unpark(new LinkBroken('the kiosk stopped'));
    this.update({ link: 'stopped', problem: null });
    await link?.close().catch(() => {});
  }

  status(): PillarStatus {
    return { ...this.current, slots: [...this.current.slots] };
  }

  subscribe(listener: (event: PillarEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispense(slot: number): Promise<DispenseOutcome> {
    const fail = (reason: DispenseFailure, text: string): DispenseOutcome => ({ ok: false, slot, reason, text });
    let reply: string[] | null = null;
    while (reply === null) {
      // A link that is being found again gets a moment; a board that stays away means no card.
      if (!(await this.connectedWithin(this.parkMs))) return fail('NO_LINK', this.current.problem ?? 'the pillar controller is not connected');
      try {
        reply = await this.commands.exec(['DISPENSE', slot], this.maxRepeats);
      } catch (error) {
        if (error instanceof NotSent && this.running) continue;
        if (error instanceof BoardRebooted) {
          this.log('warn', `the pillar controller restarted while dispensing from slot ${slot}; not retried, a card may or may not have come out`);
          return fail('REBOOTED', 'the pillar controller restarted during the dispense');
        }
        return fail('NO_LINK', (error as Error).message);
      }
    }
    if (reply[0] === 'OK' && reply[1] === 'DISPENSE') {
      this.update({ gate: 'CARD' });
      return { ok: true, slot };
    }
    const code = reply[0] === 'ERR' ? reply[1] : 'BADCMD';
    const reason: DispenseFailure = code === 'TIMEOUT' || FAILURES.has(code as DispenseFailure) ? (code as DispenseFailure) : 'BADCMD';
    if (reason === 'EMPTY' || reason === 'JAM') this.setSlot(slot, reason);
    if (reason === 'GATE_FULL') this.update({ gate: 'CARD' });
    if (reason !== 'GATE_FULL') this.log('warn', `dispense from slot ${slot} failed: ${reason} ${reply[2] ?? ''}`.trim());
    return fail(reason, reply[2] ?? reason);
  }

  /** True once the link is up, waiting up to `ms` while it is being found again; false when stopped or not back in time. */
  private connectedWithin(ms: number): Promise<boolean> {
    if (this.state === 'connected') return Promise.resolve(true);
    if (!this.running) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        this.clock.clear(timer);
        stop();
        resolve(ok);
      };
      const timer = this.clock.setTimeout(() => done(false), ms);
      const stop = this.subscribe((event) => {
        if (event.type === 'status' && event.status.link !== 'connecting') done(event.status.link === 'connected');
      });
    });
  }

  /** The final reply of a dispense the kiosk gave up on: the card (or the jam) is real, so it is recorded. */
  private lateDispense(slot: number, reply: string[]): void {
    if (reply[0] === 'OK' && reply[1] === 'DISPENSE') {
      this.log('warn', `a card from stack ${slot} came out late, after the kiosk had given up on it; it is waiting in the gate`);
      this.update({ gate: 'CARD', problem: `A card from stack ${slot} came out late and is waiting in the gate.` });
    } else if (reply[0] === 'ERR' && (reply[1] === 'JAM' || reply[1] === 'EMPTY')) {
      this.log('warn', `the dispense from stack ${slot} the kiosk had given up on ended late: ${reply[1]}`);
      this.setSlot(slot, reply[1]);
    }
  }

  async led(mode: LedMode, rgb?: Rgb): Promise<void> {
    this.desiredLed = rgb ? [mode, ...rgb.map((c) => Math.max(0, Math.min(255, Math.round(c))))] : [mode];
    if (this.state !== 'connected') return;
    await this.commands.exec(['LED', ...this.desiredLed], this.maxRepeats).catch(() => {});
  }

  // ---- finding and keeping a board ----

  private isConnected(): boolean {
    return this.state === 'connected';
  }

  private async scan(): Promise<void> {
    if (this.scanning) return;
    this.scanning = true;
    try {
      await scanPorts({
        source: this.source, clock: this.clock, log: this.log, rescanMs: this.rescanMs,
        running: () => this.running,
        connected: () => this.isConnected(),
        probe: (name, unopened) => this.probe(name, unopened),
        problem: (problem) => this.update({ problem }),
      });
    } finally {
      this.scanning = false;
    }
  }

  /** Opens `name` and asks for HELLO; a port that cannot be opened is named in `unopened`, with why. */
  private async probe(name: string, unopened: string[]): Promise<boolean> {
    const decoder = new FrameDecoder();
    let link: Link | null = null;
    link = await openPort(this.source, name, {
      data: (chunk) => {
        if (this.link === link && link) for (const frame of decoder.push(chunk)) this.onFrame(frame);
      },
      closed: (reason) => {
        if (this.link === link && link) this.broken(`the port closed: ${reason}`);
      },
    }, this.log, unopened);
    if (!link) return false;
    this.link = link;
    let hello: string[];
    try {
      hello = await this.commands.exec(['HELLO'], Math.ceil(this.helloWindowMs / this.retryMs));
    } catch {
      hello = [];
    }
    if (hello[0] !== 'OK' || hello[1] !== 'HELLO' || this.link !== link) {
      if (this.link === link) this.drop(new LinkBroken(`${name} did not answer HELLO`));
      await link.close().catch(() => {});
      return false;
    }
    const slots = Number(hello[3]);
    this.update({
      link: 'connected', port: name, firmware: hello[2] ?? null, problem: null,
      slots: Array.from({ length: Number.isInteger(slots) && slots > 0 && slots <= 64 ? slots : 6 }, () => 'UNKNOWN' as SlotState),
    });
    this.log('info', `pillar controller ${hello[2]} connected on ${name}`);
    this.unpark();
    void this.resync();
    return true;
  }

  /** After connecting or a BOOT: learn the stock and gate again, and restore the LED ring. */
  private async resync(): Promise<void> {
    try {
      const reply = await this.commands.exec(['STATUS'], this.maxRepeats);
      if (reply[0] === 'OK' && reply[1] === 'STATUS') {
        const states = reply.slice(2, -1).map((s) => (SLOT_STATES.has(s) ? (s as SlotState) : 'UNKNOWN'));
        const gate = reply.at(-1);
        this.update({ slots: states, gate: gate === 'CARD' || gate === 'CLEAR' ? gate : 'UNKNOWN' });
      }
      await this.commands.exec(['LED', ...this.desiredLed], this.maxRepeats);
    } catch {
      // a broken link is already being handled; a reboot starts another resync
    }
  }

  private broken(reason: string): void {
    if (!this.link) return;
    const link = this.link;
    const wasConnected = this.state === 'connected';
    this.drop(new LinkBroken(reason));
    void link.close().catch(() => {});
    if (!wasConnected) return;
    this.log('warn', `lost the pillar controller on ${link.name}: ${reason}`);
    this.update({
      link: 'connecting', gate: 'UNKNOWN',
      problem: `Lost the connection to the pillar controller (${reason}). Check the USB cable; the kiosk keeps trying to reconnect.`,
    });
    if (this.running) void this.scan();
  }

  /** Forgets the link and fails everything that was waiting on it (a dispense is parked instead). */
  private drop(error: Error): void {
    this.link = null;
    if (this.state === 'connected') this.state = 'connecting';
    const { flight, waiting } = this.commands.clear();
    if (flight && flight.fields[0] === 'DISPENSE' && this.running) this.park(flight);
    else flight?.reject(error);
    for (const job of waiting) job.reject(new NotSent(error.message));
  }

  private park(flight: InFlight): void {
    const timer = this.clock.setTimeout(() => this.unpark(new LinkBroken('the pillar controller did not come back in time')), this.parkMs);
    this.parked = { flight, rebooted: false, timer };
  }

  /** Settles a parked dispense: with an error, or (none given) by asking the board again. */
  private unpark(error?: Error): void {
    const parked = this.parked;
    if (!parked) return;
    this.parked = null;
    this.clock.clear(parked.timer);
    if (error) return parked.flight.reject(error);
    if (parked.rebooted) return parked.flight.reject(new BoardRebooted());
    this.log('info', `asking the pillar controller again about the dispense it was doing (id ${parked.flight.id})`);
    this.commands.resend(parked.flight); // a new link: the repeats start again
  }

  // ---- what the board says ----

  private onFrame(frame: Decoded): void {
    if (!frame.ok) return this.noise(`damaged line (${frame.reason})`);
    const [idText, ...rest] = frame.fields;
    if (!/^\d{1,5}$/.test(idText)) return this.noise('line without a message id');
    const id = Number(idText);
    if (id === 0) return this.onEvent(rest);
    this.commands.reply(id, rest);
  }

  private onEvent(fields: string[]): void {
    const [kind, name, ...args] = fields;
    if (kind === 'ERR' && name === 'FRAME') return; // the board got a damaged line from us; our repeat covers it
    if (kind !== 'EVT') return this.noise(`unknown event ${kind}`);
    switch (name) {
      case 'BOOT':
        return this.onBoot(args[0] ?? 'unknown');
      case 'PRESENCE':
        if (args[0] === '1' || args[0] === '0') this.emit({ type: 'presence', present: args[0] === '1' });
        return;
      case 'TAKEN':
        this.update({ gate: 'CLEAR' });
        this.emit({ type: 'taken' });
        return;
      case 'SLOT': {
        const slot = Number(args[0]);
        if (Number.isInteger(slot) && slot >= 1 && slot <= this.current.slots.length && SLOT_STATES.has(args[1])) {
          this.setSlot(slot, args[1] as SlotState);
          this.emit({ type: 'slot', slot, state: args[1] as SlotState });
        }
        return;
      }
      case 'SERVICE':
        if (args[0] === '1' || args[0] === '0') {
          const open = args[0] === '1';
          this.log('info', `service door ${open ? 'opened' : 'closed'}`);
          this.update({ serviceOpen: open });
          this.emit({ type: 'service', open });
        }
        return;
      default:
        return this.noise(`unknown event ${name}`);
    }
  }

  private onBoot(firmware: string): void {
    const flight = this.commands.current;
    if (this.parked) this.parked.rebooted = true;
    this.commands.forgetIds();
    if (flight && flight.fields[0] === 'HELLO') {
      this.commands.resend(flight); // the board just came up: ask again now
      return;
    }
    if (this.state !== 'connected') return;
    this.log('warn', `the pillar controller restarted (firmware ${firmware})`);
    this.commands.abandon()?.reject(new BoardRebooted());
    this.update({ firmware, gate: 'UNKNOWN', slots: this.current.slots.map(() => 'UNKNOWN') });
    this.emit({ type: 'boot', firmware });
    void this.resync();
    this.commands.pump();
  }

  private noise(what: string): void {
    this.garbage.count += 1;
    const now = this.clock.now();
    if (now - this.garbage.loggedAt < GARBAGE_LOG_EVERY_MS) return;
    this.log('warn', `ignored ${this.garbage.count} unreadable line(s) from the pillar controller, latest: ${what}`);
    this.garbage = { count: 0, loggedAt: now };
  }

  private setSlot(slot: number, state: SlotState): void {
    const slots = [...this.current.slots];
    slots[slot - 1] = state;
    this.update({ slots });
  }

  private update(change: Partial<PillarStatus>): void {
    if (change.link) this.state = change.link;
    this.current = { ...this.current, ...change };
    this.emit({ type: 'status', status: this.status() });
  }

  private emit(event: PillarEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log('error', `a pillar event listener failed: ${(error as Error).message}`);
      }
    }
  }
}

