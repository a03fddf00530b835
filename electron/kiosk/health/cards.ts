// How many cards are left, as far as the pillar can tell: the board says only OK, LOW (fewer
// than about 15), EMPTY or JAM per stack. So each stack's cards are counted down from a full
// stack (the `stackCards` setting) since it was last filled: when the board reports it OK
// again after EMPTY or LOW, or when the crew sets `stackCards` (they have just filled them).
// A stack not counted since it was filled is not known. The counts are kept in the data folder
// (cards.json, written whole), so a restart does not forget them.

import { readFileSync } from 'node:fs';
import type { SlotState } from '../../../hardware/pillar.ts';
import { writeFileAtomic } from '../../platform/atomic.ts';
import type { Logger } from '../../platform/log.ts';

/** Per stack (1 to 6): cards dispensed since it was filled; missing: not counted since. */
type Counts = Record<string, number>;

export class CardCount {
  private readonly file: string;
  private readonly log: Logger;
  private counts: Counts = {};

  constructor(file: string, log: Logger) {
    this.file = file;
    this.log = log;
    try {
      const kept = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (typeof kept === 'object' && kept !== null) {
        for (const [slot, n] of Object.entries(kept)) if (/^[1-9]$/.test(slot) && Number.isInteger(n) && (n as number) >= 0) this.counts[slot] = n as number;
      }
    } catch {
      // nothing counted yet (or a damaged file): every stack is unknown until it is filled
    }
  }

  /** A card left stack `slot` (a student's or a test's). */
  dispensed(slot: number): void {
    if (this.counts[slot] === undefined) return;
    this.counts[slot]++;
    this.save();
  }

  /** The stacks were filled (all of them, or those named): counted from a full stack again. */
  filled(slots: number[]): void {
    for (const slot of slots) this.counts[slot] = 0;
    this.save();
  }

  /**
   * The fewest cards left in the stacks the running pack uses: 0 when one is empty, null when
   * a stack (or a full stack's size) is not known.
   */
  left(stacks: Array<{ slot: number; state: SlotState }>, stackCards: number | null): number | null {
    if (stacks.some((s) => s.state === 'EMPTY')) return 0;
    if (stackCards === null || stacks.length === 0) return null;
    let fewest = Infinity;
    for (const { slot } of stacks) {
      const used = this.counts[slot];
      if (used === undefined) return null;
      fewest = Math.min(fewest, Math.max(0, stackCards - used));
    }
    return fewest;
  }

  private save(): void {
    try {
      writeFileAtomic(this.file, JSON.stringify(this.counts) + '\n');
    } catch (error) {
      this.log('warn', `could not keep the card counts in ${this.file}: ${(error as Error).message}`);
    }
  }
}

/** Whether a stack going from `before` to `after` was filled by the crew, as the board sees it. */
export const refilled = (before: SlotState | undefined, after: SlotState) => after === 'OK' && (before === 'EMPTY' || before === 'LOW');
