// Seeded randomness for tests: the same seed gives the same faults, so a failure can be
// replayed. The seed comes from OLIFANT_SEED, else it is drawn, and it is always printed.

import { randomInt } from 'node:crypto';

/** mulberry32: small, fast, and good enough to decide which lines a simulated wire loses. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random source; `say` prints how to replay it (a test's diagnostic, or the console). */
export function seededRandom(say: (message: string) => void): () => number {
  const seed = process.env.OLIFANT_SEED ? Number(process.env.OLIFANT_SEED) : randomInt(2 ** 31);
  say(`random seed ${seed} (replay with OLIFANT_SEED=${seed})`);
  return mulberry32(seed);
}
