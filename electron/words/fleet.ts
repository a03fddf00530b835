// The fleet view's words (the hub's page and `olifant hub fleet`): why a pillar needs someone,
// and its dispenser, in one language. Shapes are named here by what they hold, not imported:
// the catalogues stand alone (electron/api/organiser.ts has the view's types).

import { say, type Language, type MessageKey } from './catalogue.ts';

/** A reason as the fleet view gives it: its code and what its words fill in. */
export interface ReasonShape {
  code: string;
  [value: string]: string | number | boolean;
}

/** Why a pillar needs someone, in plain words. */
export function reasonText(language: Language, reason: ReasonShape): string {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason)) if (key !== 'code') values[key] = typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
  return say(language, `fleet.reason.${reason.code}` as MessageKey, values);
}

/** The dispenser's state in words; unknown when the pillar never said. */
export const dispenserText = (language: Language, state: string | null) => (state === null ? say(language, 'fleet.unknown') : say(language, 'fleet.dispenser', { state }));

/** The newest pack offered to a pillar and what it did with it; none when nothing was offered. */
export const offerText = (language: Language, offer: { packId: string; version: number; state: string } | null) =>
  offer === null ? say(language, 'fleet.noOffer') : say(language, 'fleet.offer', { pack: offer.packId, version: offer.version, state: offer.state });

/** How the last contact came: a check-in, a USB stick, or answers (a batch). */
export const viaText = (language: Language, via: string) => say(language, 'fleet.via', { via: via === 'check-in' ? 'checkin' : via });
