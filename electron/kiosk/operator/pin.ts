// The operator's PIN, for pillars without a door switch: at least 5 digits, kept only as a
// salted scrypt hash, compared in constant time. Wrong PINs lock the pad for 15 s, doubling
// with each further miss, until a right PIN resets the count.

import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { PIN_HASH } from '../../api/schemas/settings.ts';
import { systemClock, type Clock } from '../../../time/clock.ts';

const MIN_PIN_DIGITS = 5;
export const FIRST_LOCKOUT_MS = 15_000;
/** scrypt's cost: slow enough that a stolen hash is hard to brute-force, quick enough for a kiosk. */
const COST = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** `scrypt$<salt base64>$<hash base64>`, as stored in settings. */
export function hashPin(pin: string): string {
  if (!new RegExp(`^\\d{${MIN_PIN_DIGITS},12}$`).test(pin)) throw new Error(`a PIN is ${MIN_PIN_DIGITS} to 12 digits`);
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(pin, salt, KEY_LENGTH, COST).toString('base64')}`;
}

export function isPinHash(value: unknown): value is string {
  return typeof value === 'string' && PIN_HASH.test(value);
}

function matches(pin: string, stored: string): boolean {
  const [, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash, 'base64');
  return timingSafeEqual(scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, COST), expected);
}

type PinResult = { ok: true } | { ok: false; reason: 'wrong' | 'locked' | 'no-pin'; lockedForMs: number };

/** The PIN pad's memory: misses and the lockout they earned. */
export class PinPad {
  private misses = 0;
  private lockedUntil = 0;
  private readonly clock: Clock;

  constructor(clock: Clock = systemClock) {
    this.clock = clock;
  }

  /** How long the pad stays locked; 0 when it takes a PIN. */
  lockedForMs(): number {
    return Math.max(0, this.lockedUntil - this.clock.now());
  }

  /** Checks a PIN against the stored hash (null: no PIN set, so the pad opens nothing). */
  try(pin: unknown, stored: string | null): PinResult {
    const now = this.clock.now();
    if (now < this.lockedUntil) return { ok: false, reason: 'locked', lockedForMs: this.lockedUntil - now };
    if (stored === null) return { ok: false, reason: 'no-pin', lockedForMs: 0 };
    if (typeof pin === 'string' && /^\d{1,12}$/.test(pin) && matches(pin, stored)) {
      this.misses = 0;
      return { ok: true };
    }
    this.misses += 1;
    const lockedForMs = FIRST_LOCKOUT_MS * 2 ** (this.misses - 1);
    this.lockedUntil = now + lockedForMs;
    return { ok: false, reason: 'wrong', lockedForMs };
  }
}
