// Every screen of the student journey for a pack, in every language it offers, reached
// through the journey's own rules and filled with the longest texts each screen can show:
// the awake attract loop, the chooser (fresh and all answered), each question, each result
// (both groups shown, the longest answer as the student's own, a card out and no card),
// "still there?" and the goodbye with a card left in the gate.

import type { KioskInfo, Question, Results } from '../../../electron/api/student.ts';
import type { ScreenName } from './report.ts';
import { offeredLanguages } from '../../shared/i18n.ts';
import { initialJourney, journey, type JourneyEvent, type JourneyState } from '../journey.ts';

export interface AuditScreen {
  screen: ScreenName;
  language: string;
  state: JourneyState;
}

/** The answer with the longest words: the worst case for the student's own mark. */
function longestAnswer(question: Question, language: string): string {
  const { answer } = question;
  if (answer.type === 'choice') return answer.options.reduce((a, b) => (b.label[language].length > a.label[language].length ? b : a)).id;
  return answer.max[language].length > answer.min[language].length ? String(answer.steps) : '1';
}

/** Both groups over the privacy floor, with shares of every width (down to 0 %); the tour's figures old enough to say their date and hour (the most lines). */
function fullResults(question: Question): Results {
  const values = question.answer.type === 'choice' ? question.answer.options.map((o) => o.id) : Array.from({ length: question.answer.steps }, (_, i) => String(i + 1));
  const counts = (weight: (i: number) => number) => Object.fromEntries(values.map((v, i) => [v, weight(i)]));
  const venue = counts((i) => (i === 1 ? 0 : 7 + 3 * i));
  const elsewhere = counts((i) => 100 * (values.length - i));
  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  return {
    questionId: question.id,
    venue: { total: total(venue), counts: venue },
    elsewhere: { total: total(elsewhere), counts: elsewhere },
    elsewhereFrom: { from: 'tour', asOf: { hour: '2026-11-22T13:00Z', day: 'earlier' } },
  };
}

/** A journey event without its time: the audit's clock adds it. */
type Untimed<E> = E extends { now: number } ? Omit<E, 'now'> : E;

export function auditScreens(info: KioskInfo, start: number): AuditScreen[] {
  const screens: AuditScreen[] = [];
  let now = start;
  // Each step a second apart, so no tap falls in the settle time of the one before.
  const step = (state: JourneyState, event: Untimed<JourneyEvent>) => journey(state, { ...event, now: (now += 1000) } as JourneyEvent);
  const questions = [...info.pack.questions].sort((a, b) => a.slot - b.slot);
  for (const language of offeredLanguages(info.pack.languages)) {
    // Shown as they rest: settled, so every control takes taps.
    const show = (screen: ScreenName, state: JourneyState) => screens.push({ screen, language, state: { ...state, settleUntil: null } });
    const attract = { ...step(initialJourney(info, now), { type: 'presence', present: true }), language };
    show({ kind: 'attract' }, attract);
    const chooser = step(attract, { type: 'start' });
    show({ kind: 'chooser' }, chooser);
    const answered: Record<string, string> = {};
    let lastResult = chooser;
    for (const question of questions) {
      const asked = step(chooser, { type: 'pick', questionId: question.id });
      show({ kind: 'question', slot: question.slot }, asked);
      const value = longestAnswer(question, language);
      answered[question.id] = value;
      const answerId = `audit-${question.id}`;
      const result = step(step(asked, { type: 'answered', questionId: question.id, value, answerId }), { type: 'results', questionId: question.id, results: fullResults(question) });
      lastResult = step(result, { type: 'card', answerId, status: 'take-card' });
      show({ kind: 'result-card', slot: question.slot }, lastResult);
      show({ kind: 'result-no-card', slot: question.slot }, step(result, { type: 'card', answerId, status: 'unavailable' }));
    }
    show({ kind: 'chooser-answered' }, { ...chooser, answered });
    // Quiet since the chooser showed: "still there?", counting down from now.
    show({ kind: 'still-there' }, journey({ ...chooser, lastTouch: Date.now() - info.idleSeconds * 1000 }, { type: 'tick', now: Date.now() }));
    show({ kind: 'goodbye' }, step(lastResult, { type: 'finish' }));
  }
  return screens;
}
