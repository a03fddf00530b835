// A model of the pillar's controller board that speaks ../shared/pillar-protocol.md.
// One model serves both simulators: the in-process one (an in-memory link) and the
// stand-alone `olifant pillar-sim` on a serial port. Faults can be switched at any time.

import { systemClock, type Clock, type Timer } from '../time/clock.ts';
import { cleanField, encodeFrame, FrameDecoder } from './protocol.ts';

export type BoardSlotState = 'OK' | 'LOW' | 'EMPTY' | 'JAM';
export const LOW_BELOW = 15;
const REMEMBERED_IDS = 16;

export interface BoardFaults {
  /** Chance that a line from the host is lost before the board reads it. */
  lossIn: number;
  /** Chance that a line from the board is lost on the wire. */
  lossOut: number;
  /** Chance that one byte of a line from the host is damaged. */
  corruptIn: number;
  /** Chance that one byte of a line from the board is damaged. */
  corruptOut: number;
  /** Each line from the board is held back by a random time up to this many ms. */
  delayMs: number;
  /** Slots whose next dispense jams. */
  jamNext: Set<number>;
  /** The next dispense restarts the board after its ACK, before the card moves. */
  rebootNextDispense: boolean;
  /** The board stops answering (a hung controller). */
  silent: boolean;
}

export interface BoardOptions {
  slots?: number;
  stock?: number[];
  firmware?: string;
  /** How long moving one card takes. */
  dispenseMs?: number;
  /** A simulated student takes a waiting card after this long; null: only take() does. */
  autoTakeMs?: number | null;
  random?: () => number;
  /** What moving a card, a student taking it and a slow wire take their time on; the computer's clock unless told. */
  clock?: Clock;
}

export interface DispenseRecord {
  id: number;
  slot: number;
}

function slotState(stock: number, jammed: boolean): BoardSlotState {
  if (jammed) return 'JAM';
  if (stock <= 0) return 'EMPTY';
  return stock < LOW_BELOW ? 'LOW' : 'OK';
}

export class BoardModel {
  readonly firmware: string;
  readonly slots: number;
  readonly stock: number[];
  readonly jammed: boolean[];
  gate: 'CLEAR' | 'CARD' = 'CLEAR';
  presence = false;
  service = false;
  led: string[] = ['OFF'];
  readonly faults: BoardFaults = {
    lossIn: 0, lossOut: 0, corruptIn: 0, corruptOut: 0, delayMs: 0,
    jamNext: new Set(), rebootNextDispense: false, silent: false,
  };
  /** Every card that actually reached the gate, with the command id that moved it. */
  readonly dispensed: DispenseRecord[] = [];
  /** Every command body the board executed (not the repeats it answered from memory). */
  readonly executed: string[] = [];

  private readonly decoder = new FrameDecoder();
  private readonly memory = new Map<number, string | null>();
  private dispensing: { id: number; slot: number; timer: Timer } | null = null;
  private readonly timers = new Set<Timer>();
  private readonly dispenseMs: number;
  private readonly autoTakeMs: number | null;
  private readonly random: () => number;
  private readonly clock: Clock;
  private send: (line: string) => void = () => {};

  constructor(options: BoardOptions = {}) {
    this.slots = options.slots ?? 6;
    this.firmware = options.firmware ?? 'olifant-pillar/1.0.0';
    this.stock = Array.from({ length: this.slots }, (_, i) => options.stock?.[i] ?? 100);
    this.jammed = Array.from({ length: this.slots }, () => false);
    this.dispenseMs = options.dispenseMs ?? 400;
    this.autoTakeMs = options.autoTakeMs === undefined ? 1500 : options.autoTakeMs;
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? systemClock;
  }

  /** Connects the board's transmit side; the board then boots, like a board after a DTR reset. */
  attach(send: (line: string) => void, announce = true): void {
    this.send = send;
    if (announce) this.reboot();
  }

  detach(): void {
    this.send = () => {};
    this.cancelDispense();
  }

  /** Bytes from the host. */
  receive(chunk: Uint8Array | string): void {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
    for (const line of text.split(/(?<=\n)/)) {
      if (this.faults.silent || this.chance(this.faults.lossIn)) continue;
      const bytes = this.chance(this.faults.corruptIn) ? this.damage(line) : line;
      for (const frame of this.decoder.push(bytes)) {
        if (frame.ok) this.command(frame.fields);
        else this.transmit(['0', 'ERR', 'FRAME', frame.reason]);
      }
    }
  }

  reboot(): void {
    this.cancelDispense();
    this.memory.clear();
    this.transmit(['0', 'EVT', 'BOOT', this.firmware]);
  }

  take(): void {
    if (this.gate !== 'CARD') return;
    this.gate = 'CLEAR';
    this.transmit(['0', 'EVT', 'TAKEN']);
  }

  setPresence(present: boolean): void {
    this.presence = present;
    this.transmit(['0', 'EVT', 'PRESENCE', present ? '1' : '0']);
  }

  setService(open: boolean): void {
    this.service = open;
    this.transmit(['0', 'EVT', 'SERVICE', open ? '1' : '0']);
  }

  setStock(slot: number, cards: number): void {
    this.changeSlot(slot, () => { this.stock[slot - 1] = cards; });
  }

  jam(slot: number): void {
    this.changeSlot(slot, () => { this.jammed[slot - 1] = true; });
  }

  clearJam(slot: number): void {
    this.changeSlot(slot, () => { this.jammed[slot - 1] = false; });
  }

  slotState(slot: number): BoardSlotState {
    return slotState(this.stock[slot - 1], this.jammed[slot - 1]);
  }

  /** Sends bytes that are not the protocol at all. */
  garbage(bytes: number): void {
    const junk = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i++) junk[i] = Math.floor(this.random() * 256);
    this.send(junk.toString('latin1'));
  }

  dispose(): void {
    this.cancelDispense();
    for (const t of this.timers) this.clock.clear(t);
    this.timers.clear();
    this.detach();
  }

  private command(fields: string[]): void {
    const id = Number(fields[0]);
    if (!/^\d+$/.test(fields[0]) || id < 1 || id > 65535) {
      this.transmit(['0', 'ERR', 'FRAME', 'BADID']);
      return;
    }
    if (this.memory.has(id)) {
      const remembered = this.memory.get(id);
      this.transmitBody(remembered ?? `${id},ACK`);
      return;
    }
    this.executed.push(fields.join(','));
    const [, name, ...args] = fields;
    switch (name) {
      case 'HELLO':
        return this.finish(id, ['OK', 'HELLO', this.firmware, this.slots]);
      case 'PING':
        return this.finish(id, ['OK', 'PONG']);
      case 'STATUS': {
        const states = this.stock.map((_, i) => this.slotState(i + 1));
        return this.finish(id, ['OK', 'STATUS', ...states, this.gate]);
      }
      case 'LED':
        return this.ledCommand(id, args);
      case 'DISPENSE':
        return this.dispense(id, args);
      default:
        return this.finish(id, ['ERR', 'BADCMD', `unknown command ${cleanField(name ?? '')}`.slice(0, 60)]);
    }
  }

  private ledCommand(id: number, args: string[]): void {
    const [mode, ...rgb] = args;
    const modes = ['OFF', 'SOLID', 'PULSE', 'RAINBOW'];
    const colourOk = rgb.length === 0 || (rgb.length === 3 && rgb.every((c) => /^\d{1,3}$/.test(c) && Number(c) <= 255));
    if (!modes.includes(mode) || !colourOk) return this.finish(id, ['ERR', 'BADCMD', 'bad LED arguments']);
    this.led = args;
    this.finish(id, ['OK', 'LED']);
  }

  private dispense(id: number, args: string[]): void {
    if (args.length !== 1 || !/^\d+$/.test(args[0])) return this.finish(id, ['ERR', 'BADCMD', 'DISPENSE takes one slot number']);
    const slot = Number(args[0]);
    if (slot < 1 || slot > this.slots) return this.finish(id, ['ERR', 'BADSLOT', `slot ${slot} does not exist`]);
    // A well-formed dispense is acknowledged at once; what stops it comes as the final reply
    // (the protocol's example: `$4,ACK` then `$4,ERR,EMPTY,...`). Bad arguments get no ACK.
    this.remember(id, null);
    this.transmit([id, 'ACK']);
    if (this.dispensing) return this.finish(id, ['ERR', 'BUSY', 'another dispense is in progress']);
    if (this.gate === 'CARD') return this.finish(id, ['ERR', 'GATE_FULL', 'a card is waiting in the gate']);
    if (this.jammed[slot - 1]) return this.finish(id, ['ERR', 'JAM', `slot ${slot} is jammed`]);
    if (this.stock[slot - 1] <= 0) return this.finish(id, ['ERR', 'EMPTY', `slot ${slot} is empty`]);
    if (this.faults.rebootNextDispense) {
      this.faults.rebootNextDispense = false;
      this.later(Math.min(this.dispenseMs, 50), () => this.reboot());
      return;
    }
    const timer = this.clock.setTimeout(() => {
      this.timers.delete(timer);
      this.dispensing = null;
      if (this.faults.jamNext.delete(slot)) {
        this.changeSlot(slot, () => { this.jammed[slot - 1] = true; });
        this.finish(id, ['ERR', 'JAM', `card from slot ${slot} did not reach the gate`]);
        return;
      }
      this.changeSlot(slot, () => { this.stock[slot - 1] -= 1; });
      this.gate = 'CARD';
      this.dispensed.push({ id, slot });
      this.finish(id, ['OK', 'DISPENSE', slot]);
      if (this.autoTakeMs !== null) this.later(this.autoTakeMs, () => this.take());
    }, this.dispenseMs);
    this.timers.add(timer);
    this.dispensing = { id, slot, timer };
  }

  private changeSlot(slot: number, change: () => void): void {
    const before = this.slotState(slot);
    change();
    const after = this.slotState(slot);
    if (after !== before) this.transmit(['0', 'EVT', 'SLOT', slot, after]);
  }

  private finish(id: number, reply: Array<string | number>): void {
    const body = [id, ...reply].join(',');
    this.remember(id, body);
    this.transmitBody(body);
  }

  private remember(id: number, reply: string | null): void {
    this.memory.delete(id);
    this.memory.set(id, reply);
    while (this.memory.size > REMEMBERED_IDS) this.memory.delete(this.memory.keys().next().value as number);
  }

  private cancelDispense(): void {
    if (!this.dispensing) return;
    this.clock.clear(this.dispensing.timer);
    this.timers.delete(this.dispensing.timer);
    this.dispensing = null;
  }

  private transmit(fields: Array<string | number>): void {
    this.transmitBody(fields.join(','));
  }

  private transmitBody(body: string): void {
    if (this.faults.silent || this.chance(this.faults.lossOut)) return;
    let line = encodeFrame(body.split(','));
    if (this.chance(this.faults.corruptOut)) line = this.damage(line);
    const delay = this.faults.delayMs > 0 ? Math.floor(this.random() * this.faults.delayMs) : 0;
    if (delay === 0) this.send(line);
    else this.later(delay, () => this.send(line));
  }

  private later(ms: number, fn: () => void): void {
    const timer = this.clock.setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private chance(p: number): boolean {
    return p > 0 && this.random() < p;
  }

  /** Flips one random bit of one random byte, as a noisy wire would. */
  private damage(line: string): string {
    const i = Math.floor(this.random() * line.length);
    const flipped = String.fromCharCode((line.charCodeAt(i) ^ (1 << Math.floor(this.random() * 7))) & 0xff);
    return line.slice(0, i) + flipped + line.slice(i + 1);
  }
}
