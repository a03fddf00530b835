// The student's API: what the kiosk screens may ask of the app. The kiosk window's preload
// exposes exactly these methods over IPC; `olifant serve` carries the same over HTTP.
// Types only (plus the method list), so the renderer can import it; the requests' types are
// derived from their schemas (schemas/requests.ts).

import type { Question, Text } from '../../content/types.ts';
import type { Static } from 'typebox';
import type { Bridge, Client, Handlers } from './common.ts';
import type { DISPENSE_CARD, RESULTS, SET_MOOD, SUBMIT_ANSWER } from './schemas/requests.ts';

export type { Question, Text } from '../../content/types.ts';

/** A content pack as the student screens show it. */
export interface KioskPack {
  id: string;
  version: number;
  title: Text;
  languages: string[];
  headline: Text;
  /** URL of the attract image, relative to the page; null when the pack has none (or is not served, as on a stick). */
  attractImage: string | null;
  questions: Array<Question & { imageUrl: string | null }>;
}

/** The pillar as the student's screens show it, and no more (its port, firmware and stacks are the operator's). */
export interface StudentPillar {
  /** The controller board is connected: a card can come. */
  connected: boolean;
  /** A card waits in the gate (from an earlier answer). */
  cardInGate: boolean;
}

export interface KioskInfo {
  pack: KioskPack;
  idleSeconds: number;
  stillThereSeconds: number;
  pillar: StudentPillar;
  /** Set when the pillar is simulated (a developer's machine): said on screen, for the operator. */
  simulatedPillar: boolean;
  /** The operator is in (service door open or PIN accepted): the window shows the operator page. */
  operatorOpen: boolean;
}

/** An answer as the screens send it (schemas/requests.ts). */
export type SubmitAnswer = Static<typeof SUBMIT_ANSWER>;

export interface SubmitResult {
  stored: boolean;
  suspect: boolean;
}

/**
 * A group of answers as any screen or file may show it: its answers per value and their
 * total; or, while it is smaller than the privacy floor, neither: not even how many it holds.
 */
export type Group = { total: number; counts: Record<string, number> } | { total: null; counts: null };

/** When the tour's figures are from, said once they are older than a few hours: their UTC hour, and its day where the pillar is. */
export interface AsOf {
  hour: string;
  day: 'today' | 'yesterday' | 'earlier';
}

/** Whose answers `elsewhere` holds, so the screen can say so. */
export type ElsewhereFrom =
  /** The rest of the tour, as the hub last sent it for this visit; `asOf` once that is older than a few hours, else null. */
  | { from: 'tour'; asOf: AsOf | null }
  /** This pillar's own earlier visits alone: it has no figures from a hub for this visit. */
  | { from: 'pillar' };

/** How others answered: this venue visit against the rest of the tour (never the whole tour, which would give away one by subtraction). */
export interface Results {
  questionId: string;
  venue: Group;
  elsewhere: Group;
  elsewhereFrom: ElsewhereFrom;
}

export type CardStatus =
  /** The card is in the gate: take it. */
  | 'take-card'
  /** This question's stack is empty. */
  | 'empty'
  /** This question's stack is jammed. */
  | 'jammed'
  /** An earlier card is still waiting in the gate. */
  | 'gate-full'
  /** No card this time: no pillar, the pillar did not finish, or the answer earns none. */
  | 'unavailable';

export type Mood = Static<typeof SET_MOOD>['mood'];

export type KioskEvent =
  | { type: 'presence'; present: boolean }
  | { type: 'card-taken' }
  | { type: 'pillar'; pillar: StudentPillar }
  /** Another content pack is running now: the screens take it (kiosk() again) at the next attract loop, never mid-journey. */
  | { type: 'pack-changed' }
  /** The operator came in (door opened, PIN accepted) or left: the window shows the operator page, or the attract loop again. */
  | { type: 'operator'; open: boolean }
  /**
   * From the carrier, not the app: events reach this page from now on. What happened before
   * (between the page's kiosk() and now, or while a stream was down) may have been missed,
   * so the page reads the kiosk's state again.
   */
  | { type: 'connected' };

export interface StudentMethods {
  kiosk(): KioskInfo;
  submitAnswer(request: SubmitAnswer): SubmitResult;
  results(request: Static<typeof RESULTS>): Results;
  /** The card for a stored answer: once per answer id, whatever the number of requests. */
  dispenseCard(request: Static<typeof DISPENSE_CARD>): { status: CardStatus };
  setMood(request: Static<typeof SET_MOOD>): null;
}

export type StudentMethod = keyof StudentMethods;
export type StudentHandlers = Handlers<StudentMethods>;
export type StudentBridge = Bridge<StudentMethods, KioskEvent>;
export type StudentApi = Client<StudentMethods, KioskEvent>;

export const STUDENT_METHODS = ['kiosk', 'submitAnswer', 'results', 'dispenseCard', 'setMood'] as const satisfies readonly StudentMethod[];

/** IPC channel names of the kiosk window: `student:<method>` for calls, this one for events. */
export const STUDENT_CHANNEL = 'student';
export const STUDENT_EVENT_CHANNEL = 'student:event';
