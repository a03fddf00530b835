// What the rest of the app knows of the pillar: one interface, whatever is behind it
// (the real controller board over serial, or the simulated board in-process).

export type SlotState = 'OK' | 'LOW' | 'EMPTY' | 'JAM' | 'UNKNOWN';
export type LinkState = 'connected' | 'connecting' | 'stopped';
export type LedMode = 'OFF' | 'SOLID' | 'PULSE' | 'RAINBOW';
export type Rgb = readonly [number, number, number];

export interface PillarStatus {
  link: LinkState;
  /** The serial port in use, or `simulated`. */
  port: string | null;
  firmware: string | null;
  slots: SlotState[];
  gate: 'CLEAR' | 'CARD' | 'UNKNOWN';
  serviceOpen: boolean;
  /** What is wrong, in words an operator understands; null when all is well. */
  problem: string | null;
}

export type DispenseFailure =
  | 'EMPTY' | 'JAM' | 'GATE_FULL' | 'BUSY' | 'BADSLOT' | 'BADCMD'
  /** The board restarted during the dispense: whether a card moved is unknown. */
  | 'REBOOTED'
  /** No board, or the link broke before the board answered. */
  | 'NO_LINK'
  /** The board acknowledged but never finished within the protocol's 3 s. */
  | 'TIMEOUT';

export type DispenseOutcome = { ok: true; slot: number } | { ok: false; slot: number; reason: DispenseFailure; text: string };

export type PillarEvent =
  | { type: 'presence'; present: boolean }
  | { type: 'taken' }
  | { type: 'slot'; slot: number; state: SlotState }
  | { type: 'service'; open: boolean }
  | { type: 'boot'; firmware: string }
  | { type: 'status'; status: PillarStatus };

export interface Pillar {
  start(): void;
  stop(): Promise<void>;
  status(): PillarStatus;
  dispense(slot: number): Promise<DispenseOutcome>;
  led(mode: LedMode, rgb?: Rgb): Promise<void>;
  subscribe(listener: (event: PillarEvent) => void): () => void;
}

/** How the driver tells its owner what an operator should know (the app passes its own log). */
export type PillarLog = (level: 'info' | 'warn' | 'error', message: string) => void;

/** A byte link to a board: a serial port, or an in-memory pipe to the simulated board. */
export interface Link {
  readonly name: string;
  write(data: string): void;
  close(): Promise<void>;
}

export interface LinkHandlers {
  data(chunk: Uint8Array | string): void;
  closed(reason: string): void;
}

/** Where boards may be found. Injectable, so tests can offer pseudo-terminals. */
export interface LinkSource {
  candidates(): Promise<string[]>;
  open(name: string, handlers: LinkHandlers): Promise<Link>;
}
