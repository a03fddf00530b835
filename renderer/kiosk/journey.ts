// The student journey's rules as a pure reducer: attract loop, chooser, question, result,
// thanks; "still there?" after a quiet spell, back to the attract loop when the student walks
// away, the settle guard against double taps, the card's states, and a new content pack taken
// only at the attract loop. No React, no DOM, no timers: time comes in with the events, and
// nextDeadline() tells the driver when to send the next tick.

import type { CardStatus, KioskInfo, Mood, Results } from '../../electron/api/student.ts';
import { offeredLanguages } from '../shared/i18n.ts';

/** `none`: a question answered earlier in this journey, seen again: no second card. */
export type CardView = 'dispensing' | CardStatus | 'taken' | 'none';

/** No card this time: the question stays on screen longer, and the screen says so. */
export const noCardThisTime = (card: CardView): boolean => card === 'empty' || card === 'jammed' || card === 'unavailable';

export type View =
  | { kind: 'attract' }
  | { kind: 'choose' }
  | { kind: 'question'; questionId: string }
  | { kind: 'result'; questionId: string; value: string; results: Results | null; card: CardView; answerId: string | null }
  | { kind: 'thanks'; until: number };

/** Taps this soon after a screen change belong to the previous screen (a double tap). */
export const SETTLE_MS = 350;
/** The result screen's quiet spell before "still there?": shorter than the others, so the next student does not find it. */
export const RESULT_IDLE_MS = 25_000;
/** The result screen waits this many times longer when there is no card, so the question can be noted. */
export const NO_CARD_FACTOR = 2;
export const THANKS_MS = 6000;
/** After the presence sensor sees the student go, this long before the attract loop; a return cancels it. */
export const LEAVE_GRACE_MS = 8000;

export interface JourneyState {
  /** The pack and settings in use. */
  info: KioskInfo;
  /** A newer pack and settings, waiting for the next attract loop. */
  pendingInfo: KioskInfo | null;
  view: View;
  language: string;
  /** Question id to the value answered, in this journey. */
  answered: Record<string, string>;
  /** Someone is in front of the pillar (the presence sensor). */
  present: boolean;
  lastTouch: number;
  /** Screen taps before this are ignored; null once settled. */
  settleUntil: number | null;
  /** "Still there?" is shown and ends the journey at this time. */
  stillThereUntil: number | null;
  /** The presence sensor saw the student go at this time, mid-journey. */
  leftAt: number | null;
  /** This journey's card waits in the gate, whatever the screen. */
  cardInGate: boolean;
  /** A card of an earlier journey still waits in the gate: the LED ring keeps pulsing until it is taken, but this student is never told it is theirs. */
  earlierCardInGate: boolean;
  /** Answers of this journey whose card the pillar is still being asked for, whatever the screen. */
  cardsAsked: string[];
  /**
   * A card was taken before the page heard it had dropped (the take can overtake the dispense's
   * reply): the drop, when it is told, is of a card already gone.
   */
  takenUntold: boolean;
  /** The pillar's controller is connected: a card can come. Without it an answer's result says at once that none comes. */
  pillarConnected: boolean;
}

export type JourneyEvent =
  | { type: 'start'; now: number }
  | { type: 'pick'; questionId: string; now: number }
  | { type: 'back'; now: number }
  | { type: 'next'; now: number }
  | { type: 'done'; now: number }
  | { type: 'finish'; now: number }
  | { type: 'language'; code: string; now: number }
  | { type: 'touch'; now: number }
  | { type: 'stay'; now: number }
  | { type: 'answered'; questionId: string; value: string; answerId: string; now: number }
  | { type: 'results'; questionId: string; results: Results }
  | { type: 'card'; answerId: string; status: CardStatus }
  | { type: 'card-taken' }
  | { type: 'presence'; present: boolean; now: number }
  | { type: 'pillar'; connected: boolean }
  | { type: 'pack'; info: KioskInfo }
  | { type: 'tick'; now: number };

export function initialJourney(info: KioskInfo, now: number): JourneyState {
  return {
    info,
    pendingInfo: null,
    view: { kind: 'attract' },
    language: offeredLanguages(info.pack.languages)[0],
    answered: {},
    present: false,
    lastTouch: now,
    settleUntil: null,
    stillThereUntil: null,
    leftAt: null,
    cardInGate: false,
    // At start (a reload, the operator page and back) the pillar itself says whether a card waits.
    earlierCardInGate: info.pillar.cardInGate,
    cardsAsked: [],
    takenUntold: false,
    pillarConnected: info.pillar.connected,
  };
}

export const inJourney = (view: View): boolean => view.kind === 'choose' || view.kind === 'question' || view.kind === 'result';

function go(state: JourneyState, view: View, now: number): JourneyState {
  return { ...state, view, settleUntil: now + SETTLE_MS, lastTouch: now };
}

/** Back to the attract loop for the next student, with the newest pack; a card left in the gate stays known, as nobody's. */
function reset(state: JourneyState, now: number): JourneyState {
  const fresh = initialJourney(state.pendingInfo ?? state.info, now);
  return { ...go(fresh, fresh.view, now), present: state.present, earlierCardInGate: state.cardInGate || state.earlierCardInGate, pillarConnected: state.pillarConnected };
}

/** How long the current screen may stay untouched before "still there?". */
function idleMs(state: JourneyState): number {
  const idle = state.info.idleSeconds * 1000;
  const { view } = state;
  if (view.kind !== 'result') return idle;
  return Math.min(idle, RESULT_IDLE_MS) * (noCardThisTime(view.card) ? NO_CARD_FACTOR : 1);
}

function idleDeadline(state: JourneyState): number | null {
  return inJourney(state.view) && state.stillThereUntil === null ? state.lastTouch + idleMs(state) : null;
}

/** The times at which the journey ends: the student left, "still there?" unanswered, the goodbye over. */
function endings(state: JourneyState): Array<number | null> {
  return [state.leftAt === null ? null : state.leftAt + LEAVE_GRACE_MS, state.stillThereUntil, state.view.kind === 'thanks' ? state.view.until : null];
}

/** When the next tick is due, or null when nothing waits on time. */
export function nextDeadline(state: JourneyState): number | null {
  const times = [state.settleUntil, idleDeadline(state), ...endings(state)].filter((t) => t !== null);
  return times.length > 0 ? Math.min(...times) : null;
}

function tick(state: JourneyState, now: number): JourneyState {
  const due = (t: number | null) => t !== null && now >= t;
  if (endings(state).some(due)) return reset(state, now);
  const settled = due(state.settleUntil) ? { ...state, settleUntil: null } : state;
  return due(idleDeadline(state)) ? { ...settled, stillThereUntil: now + state.info.stillThereSeconds * 1000 } : settled;
}

/** The answered question's result screen; a question answered earlier gets no second card, and none is promised while the pillar is not connected. */
function result(state: JourneyState, questionId: string, value: string, answerId: string | null, now: number): JourneyState {
  const card: CardView = answerId === null ? 'none' : state.pillarConnected ? 'dispensing' : 'unavailable';
  const cardsAsked = answerId !== null && card === 'dispensing' ? [...state.cardsAsked, answerId] : state.cardsAsked;
  return go({ ...state, cardsAsked }, { kind: 'result', questionId, value, results: null, card, answerId }, now);
}

export function journey(state: JourneyState, event: JourneyEvent): JourneyState {
  const { view } = state;
  // Screen taps while the screen is settling belong to the one before it.
  const settling = 'now' in event && state.settleUntil !== null && event.now < state.settleUntil;
  switch (event.type) {
    case 'start':
      return view.kind === 'attract' && !settling ? go(state, { kind: 'choose' }, event.now) : state;
    case 'pick': {
      if (view.kind !== 'choose' || settling) return state;
      const value = state.answered[event.questionId];
      return value === undefined ? go(state, { kind: 'question', questionId: event.questionId }, event.now) : result(state, event.questionId, value, null, event.now);
    }
    case 'back':
    case 'next':
      return (view.kind === 'question' || view.kind === 'result') && !settling ? go(state, { kind: 'choose' }, event.now) : state;
    case 'done':
      return view.kind === 'thanks' && !settling ? reset(state, event.now) : state;
    case 'finish':
      if (!inJourney(view)) return state;
      // Nothing answered: no thanks for nothing, straight back to the attract loop.
      return Object.keys(state.answered).length === 0 ? reset(state, event.now) : go(state, { kind: 'thanks', until: event.now + THANKS_MS }, event.now);
    case 'language':
      return offeredLanguages(state.info.pack.languages).includes(event.code) ? { ...state, language: event.code, lastTouch: event.now } : state;
    case 'touch':
      // A touch proves someone is there, whatever the sensor said.
      return { ...state, lastTouch: event.now, leftAt: null };
    case 'stay':
      return { ...state, stillThereUntil: null, lastTouch: event.now };
    case 'answered':
      if (view.kind !== 'question' || view.questionId !== event.questionId) return state;
      return result({ ...state, answered: { ...state.answered, [event.questionId]: event.value } }, event.questionId, event.value, event.answerId, event.now);
    case 'results':
      return view.kind === 'result' && view.questionId === event.questionId ? { ...state, view: { ...view, results: event.results } } : state;
    case 'card': {
      // The card of an answer of this journey is real wherever the student has gone since; one of a
      // journey before that drops now is in the gate all the same, as nobody's.
      if (!state.cardsAsked.includes(event.answerId)) return event.status === 'take-card' ? { ...state, earlierCardInGate: true } : state;
      const gone = event.status === 'take-card' && state.takenUntold;
      const status = gone ? 'taken' : event.status;
      const known = { ...state, cardsAsked: state.cardsAsked.filter((id) => id !== event.answerId), cardInGate: state.cardInGate || status === 'take-card', takenUntold: false };
      if (view.kind !== 'result' || view.answerId !== event.answerId || view.card !== 'dispensing') return known;
      return { ...known, view: { ...view, card: status } };
    }
    case 'card-taken': {
      // Nothing known in the gate while a card is asked for: the one taken is that card, whose drop is yet to be told.
      const untold = !state.cardInGate && !state.earlierCardInGate && state.cardsAsked.length > 0;
      const taken = { ...state, cardInGate: false, earlierCardInGate: false, takenUntold: state.takenUntold || untold };
      if (view.kind !== 'result') return taken;
      // A card taken from a full gate makes room for this student's card: ask again.
      if (view.card === 'take-card') return { ...taken, view: { ...view, card: 'taken' } };
      if (view.card === 'gate-full' && view.answerId) return { ...taken, cardsAsked: [...taken.cardsAsked, view.answerId], view: { ...view, card: 'dispensing' } };
      return taken;
    }
    case 'presence':
      return { ...state, present: event.present, leftAt: !event.present && inJourney(view) ? (state.leftAt ?? event.now) : null };
    case 'pillar':
      return event.connected === state.pillarConnected ? state : { ...state, pillarConnected: event.connected };
    case 'pack':
      return view.kind === 'attract'
        ? { ...state, info: event.info, pendingInfo: null, language: offeredLanguages(event.info.pack.languages)[0] }
        : { ...state, pendingInfo: event.info };
    case 'tick':
      return tick(state, event.now);
  }
}

/** The LED ring: a green pulse while a card waits in the gate, whoever's it is and whatever the screen. */
export function moodOf(state: JourneyState): Mood {
  if (state.cardInGate || state.earlierCardInGate) return 'card-ready';
  return state.view.kind === 'attract' ? 'attract' : 'in-use';
}

/** The answer whose card the driver should ask the pillar for now, if any. */
export function cardToDispense(state: JourneyState): string | null {
  const { view } = state;
  return view.kind === 'result' && view.card === 'dispensing' ? view.answerId : null;
}

/** The question whose results the driver should fetch now, if any. */
export function resultsToFetch(state: JourneyState): string | null {
  const { view } = state;
  return view.kind === 'result' && view.results === null ? view.questionId : null;
}
