// The pillar's health record (docs/results-sync-v2.md): the app's version, the running pack,
// the dispenser's state and the cards left, the hour of the newest answer, the free disk of
// the data folder, the minutes since the start, and the errors of each kind since the hub
// last stored a record. Nothing of a student's finer than the hour, and nothing else of theirs.
// It watches the pillar: each card that leaves a stack is counted (cards.ts), each failed
// dispense and each lost link is an error of its kind, and a change of the dispenser's state
// is told (the check-in goes at once).

import { statfsSync } from 'node:fs';
import path from 'node:path';
import type { CheckedPack } from '../../../content/pack.ts';
import type { DispenseOutcome, Pillar, PillarStatus, SlotState } from '../../../hardware/pillar.ts';
import type { Clock } from '../../../time/clock.ts';
import type { DispenserState, HealthRecord } from '../../api/check-in.ts';
import { MAX_ERROR_KINDS } from '../../api/schemas/check-in.ts';
import { appVersion } from '../../platform/paths.ts';
import type { Logger } from '../../platform/log.ts';
import type { Settings } from '../settings/settings.ts';
import { CardCount, refilled } from './cards.ts';

export interface HealthDeps {
  pillar: Pillar;
  packs: { current(): CheckedPack };
  settings: () => Settings;
  /** The hour of the newest answer that counts; null: none yet. */
  lastAnswerHour: () => string | null;
  dataDir: string;
  clock: Clock;
  log: Logger;
}

const MIB = 1024 * 1024;

/** An error kind as the record names it: lower case with dashes (`GATE_FULL` is `gate-full`). */
export const errorKind = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'unknown';

/** The dispenser as the fleet sees it: no board, a jammed or an empty stack the pack uses, or all well. */
export function dispenserState(status: PillarStatus, stacks: Array<{ state: SlotState }>): DispenserState {
  if (status.link !== 'connected') return 'no-link';
  if (stacks.some((s) => s.state === 'JAM')) return 'jammed';
  if (stacks.some((s) => s.state === 'EMPTY')) return 'empty';
  return 'ok';
}

export class PillarHealth {
  private readonly deps: HealthDeps;
  private readonly startedAt: number;
  private readonly cards: CardCount;
  private readonly errors = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private slots: SlotState[];
  private link: PillarStatus['link'];
  private dispenser: DispenserState;
  private stackCards: number | null;
  private readonly stops: Array<() => void> = [];

  constructor(deps: HealthDeps) {
    this.deps = deps;
    this.startedAt = deps.clock.now();
    this.cards = new CardCount(path.join(deps.dataDir, 'cards.json'), deps.log);
    const status = deps.pillar.status();
    this.slots = status.slots;
    this.link = status.link;
    this.dispenser = dispenserState(status, this.stacks(status));
    this.stops.push(deps.pillar.subscribe((event) => {
      if (event.type === 'status') this.watch(event.status);
    }));
    this.stackCards = deps.settings().stackCards;
  }

  /** Every settings change (services.ts): setting the cards in a full stack says the crew has just filled them. */
  settingsChanged(next: Settings): void {
    if (next.stackCards !== null && next.stackCards !== this.stackCards) this.cards.filled([1, 2, 3, 4, 5, 6]);
    this.stackCards = next.stackCards;
  }

  /** The pillar as the rest of the kiosk uses it: each dispense watched. */
  watched(): Pillar {
    const pillar = this.deps.pillar;
    return {
      start: () => pillar.start(),
      stop: () => pillar.stop(),
      status: () => pillar.status(),
      led: (mode, rgb) => pillar.led(mode, rgb),
      subscribe: (listener) => pillar.subscribe(listener),
      dispense: async (slot) => this.dispensed(await pillar.dispense(slot)),
    };
  }

  /** Told when the dispenser's state changes. */
  onDispenserChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One more error of a kind (an error vocabulary's code, a driver's failure reason). */
  countError(kind: string): void {
    const name = errorKind(kind);
    if (!this.errors.has(name) && this.errors.size >= MAX_ERROR_KINDS) return;
    this.errors.set(name, (this.errors.get(name) ?? 0) + 1);
  }

  /** The record as of now. */
  record(): HealthRecord {
    const { settings, packs, clock, dataDir } = this.deps;
    const now = clock.now();
    const status = this.deps.pillar.status();
    const stacks = this.stacks(status);
    const running = packs.current().pack;
    return {
      type: 'health',
      pillar_id: settings().pillarId,
      clock: new Date(now).toISOString().slice(0, 16) + 'Z',
      app_version: appVersion(),
      pack: { id: running.id, version: running.version },
      dispenser: dispenserState(status, stacks),
      cards_left: this.cards.left(stacks, settings().stackCards),
      last_answer_hour: this.deps.lastAnswerHour(),
      disk_free_mb: freeMib(dataDir),
      uptime_minutes: Math.max(0, Math.floor((now - this.startedAt) / 60_000)),
      errors: Object.fromEntries(this.errors),
    };
  }

  /** The hub stored `sent`: its errors are told, the next record counts those since. */
  stored(sent: HealthRecord): void {
    for (const [kind, n] of Object.entries(sent.errors)) {
      const left = (this.errors.get(kind) ?? 0) - n;
      if (left > 0) this.errors.set(kind, left);
      else this.errors.delete(kind);
    }
  }

  close(): void {
    for (const stop of this.stops) stop();
    this.listeners.clear();
  }

  /** The stacks the running pack's questions use, with the board's state of each. */
  private stacks(status: PillarStatus): Array<{ slot: number; state: SlotState }> {
    return this.deps.packs.current().pack.questions.map((q) => ({ slot: q.slot, state: status.slots[q.slot - 1] ?? 'UNKNOWN' }));
  }

  private dispensed(outcome: DispenseOutcome): DispenseOutcome {
    if (outcome.ok) this.cards.dispensed(outcome.slot);
    else this.countError(outcome.reason);
    return outcome;
  }

  private watch(status: PillarStatus): void {
    const filled = status.slots.flatMap((state, i) => (refilled(this.slots[i], state) ? [i + 1] : []));
    if (filled.length > 0) this.cards.filled(filled);
    if (this.link === 'connected' && status.link !== 'connected') this.countError('link-lost');
    this.slots = status.slots;
    this.link = status.link;
    const dispenser = dispenserState(status, this.stacks(status));
    if (dispenser === this.dispenser) return;
    this.dispenser = dispenser;
    for (const listener of this.listeners) listener();
  }
}

/** Free space on the data folder's drive, in whole MiB (0 when it cannot be read). */
function freeMib(dir: string): number {
  try {
    const fs = statfsSync(dir);
    return Math.floor((Number(fs.bavail) * Number(fs.bsize)) / MIB);
  } catch {
    return 0;
  }
}
