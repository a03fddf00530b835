// The one typed API between the kiosk UI and everything else. The Electron preload exposes
// it over IPC; `olifant serve` exposes the same methods over HTTP on 127.0.0.1. Types only
// (plus the method list), so the renderer can import it.

import type { PillarStatus } from '../hardware/pillar.ts';
import type { Question, Text } from '../content/types.ts';

export type { PillarStatus } from '../hardware/pillar.ts';
export type { Question, Text } from '../content/types.ts';

/** Fewer answers than this in a group and its distribution is not shown. */
export const MIN_GROUP = 5;

export interface KioskInfo {
  pack: {
    id: string;
    version: number;
    title: Text;
    languages: string[];
    headline: Text;
    /** URL of the attract image, relative to the page; null when the pack has none. */
    attractImage: string | null;
    questions: Array<Question & { imageUrl: string | null }>;
  };
  idleSeconds: number;
  stillThereSeconds: number;
  pillar: PillarStatus;
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
  /** Answers per value; null while the group is smaller than MIN_GROUP. */
  counts: Record<string, number> | null;
}

export interface Results {
  questionId: string;
  venue: Group;
  tour: Group;
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
  /** No card this time: the pillar is not reachable or did not finish. */
  | 'unavailable';

export type Mood = 'attract' | 'in-use' | 'card-ready';

export type KioskEvent =
  | { type: 'presence'; present: boolean }
  | { type: 'card-taken' }
  | { type: 'pillar'; status: PillarStatus };

export interface ApiMethods {
  kiosk(): KioskInfo;
  submitAnswer(request: SubmitAnswer): SubmitResult;
  results(request: { questionId: string }): Results;
  dispenseCard(request: { questionId: string }): { status: CardStatus };
  setMood(request: { mood: Mood }): null;
  pillarStatus(): PillarStatus;
}

export type MethodName = keyof ApiMethods;

/** What serves the methods: the same signatures, free to answer later. */
export type ApiHandlers = {
  [K in MethodName]: (...args: Parameters<ApiMethods[K]>) => ReturnType<ApiMethods[K]> | Promise<ReturnType<ApiMethods[K]>>;
};

export const METHOD_NAMES = ['kiosk', 'submitAnswer', 'results', 'dispenseCard', 'setMood', 'pillarStatus'] as const satisfies readonly MethodName[];

/** What the UI holds: every method returns a promise; events arrive through onEvent. */
export type OlifantApi = {
  [K in MethodName]: (...args: Parameters<ApiMethods[K]>) => Promise<ReturnType<ApiMethods[K]>>;
} & {
  onEvent(listener: (event: KioskEvent) => void): () => void;
};

/** An error the UI may show or act on; `code` is stable, `message` is for people. */
export interface ApiFailure {
  code: 'bad-request' | 'storage' | 'internal';
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

/** What the Electron preload puts on `window.olifant`: one method per IPC message. */
export type OlifantBridge = {
  [K in MethodName]: (...args: Parameters<ApiMethods[K]>) => Promise<Outcome<ReturnType<ApiMethods[K]>>>;
} & {
  onEvent(listener: (event: KioskEvent) => void): () => void;
};

/** IPC channel names: `olifant:<method>` for calls, this one for events. */
export const EVENT_CHANNEL = 'olifant:event';
