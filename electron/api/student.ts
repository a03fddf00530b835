// The student's API: what the kiosk screens may ask of the app. The kiosk window's preload
// exposes exactly these methods over IPC; `olifant serve` carries the same over HTTP.
// Types only (plus the method list), so the renderer can import it.

import type { PillarStatus } from '../../hardware/pillar.ts';
import type { Question, Text } from '../../content/types.ts';
import type { Bridge, Client, Handlers } from './common.ts';

export type { PillarStatus } from '../../hardware/pillar.ts';
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

export interface KioskInfo {
  pack: KioskPack;
  idleSeconds: number;
  stillThereSeconds: number;
  pillar: PillarStatus;
  /** Set when the pillar is simulated (a developer's machine): said on screen, for the operator. */
  simulatedPillar: boolean;
  /** The operator is in (service door open or PIN accepted): the window shows the operator page. */
  operatorOpen: boolean;
}

export interface SubmitAnswer {
  /** Made by the UI once per answer, so a repeated request stores the answer once. */
  answerId: string;
  questionId: string;
  /** The step number (`"1"` to steps) for a scale, the option id for a choice. */
  value: string;
  language: string;
  /** How long the question was on screen before the tap. Used for the suspect flag, not stored. */
  shownMs: number;
}

export interface SubmitResult {
  stored: boolean;
  suspect: boolean;
}

export interface Group {
  total: number;
  /** Answers per value; null while the group is smaller than the privacy floor. */
  counts: Record<string, number> | null;
}

/** How others answered: this venue visit against the rest of the tour (never the whole tour, which would give away one by subtraction). */
export interface Results {
  questionId: string;
  venue: Group;
  elsewhere: Group;
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

export type Mood = 'attract' | 'in-use' | 'card-ready';

export type KioskEvent =
  | { type: 'presence'; present: boolean }
  | { type: 'card-taken' }
  | { type: 'pillar'; status: PillarStatus }
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
  results(request: { questionId: string }): Results;
  /** The card for a stored answer: once per answer id, whatever the number of requests. */
  dispenseCard(request: { answerId: string }): { status: CardStatus };
  setMood(request: { mood: Mood }): null;
}

export type StudentMethod = keyof StudentMethods;
export type StudentHandlers = Handlers<StudentMethods>;
export type StudentBridge = Bridge<StudentMethods, KioskEvent>;
export type StudentApi = Client<StudentMethods, KioskEvent>;

export const STUDENT_METHODS = ['kiosk', 'submitAnswer', 'results', 'dispenseCard', 'setMood'] as const satisfies readonly StudentMethod[];

/** IPC channel names of the kiosk window: `student:<method>` for calls, this one for events. */
export const STUDENT_CHANNEL = 'student';
export const STUDENT_EVENT_CHANNEL = 'student:event';
