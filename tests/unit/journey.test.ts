// The journey's rules without a browser: the pure reducer behind the kiosk screens, with
// time handed in, ticked the way the driver does (at each nextDeadline).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KioskInfo } from '../../electron/api/student.ts';
import {
  LEAVE_GRACE_MS,
  RESULT_IDLE_MS,
  SETTLE_MS,
  THANKS_MS,
  cardToDispense,
  initialJourney,
  journey,
  moodOf,
  nextDeadline,
  resultsToFetch,
  type JourneyEvent,
  type JourneyState,
} from '../../renderer/kiosk/journey.ts';
import { offeredLanguages, strings } from '../../renderer/shared/i18n.ts';

function info(edit: { languages?: string[]; id?: string; idleSeconds?: number } = {}): KioskInfo {
  return {
    pack: { id: edit.id ?? 'pack-a', version: 1, title: {}, languages: edit.languages ?? ['nl', 'en'], headline: {}, attractImage: null, questions: [] },
    idleSeconds: edit.idleSeconds ?? 45,
    stillThereSeconds: 15,
    pillar: { connected: true, cardInGate: false },
    simulatedPillar: true,
    operatorOpen: false,
  };
}

const ANSWER = '00000000-0000-4000-8000-000000000001';

/** Events in order, with no ticks between them. */
function run(state: JourneyState, ...events: JourneyEvent[]): JourneyState {
  return events.reduce(journey, state);
}

/** Lets time pass until `now`, ticking at every deadline on the way, as the driver's timer does. */
function advance(state: JourneyState, now: number): JourneyState {
  for (let due = nextDeadline(state); due !== null && due <= now; due = nextDeadline(state)) state = journey(state, { type: 'tick', now: due });
  return state;
}

/** A student on the result screen of question q1 at time 1000, card still coming. */
function onResult(start = info()): JourneyState {
  return advance(
    run(
      initialJourney(start, 0),
      { type: 'start', now: 0 },
      { type: 'pick', questionId: 'q1', now: 400 },
      { type: 'answered', questionId: 'q1', value: '3', answerId: ANSWER, now: 1000 },
    ),
    1000 + SETTLE_MS,
  );
}

test('journey: a quiet spell asks "still there?", then the attract loop; "stay" keeps the journey', () => {
  let s = advance(run(initialJourney(info({ idleSeconds: 10 }), 0), { type: 'start', now: 0 }), 9_999);
  assert.equal(s.stillThereUntil, null);
  s = advance(s, 10_000);
  assert.equal(s.stillThereUntil, 25_000);
  s = advance(run(s, { type: 'stay', now: 12_000 }), 21_999);
  assert.deepEqual([s.view.kind, s.stillThereUntil], ['choose', null]);
  s = advance(s, 22_000);
  assert.equal(s.stillThereUntil, 37_000);
  s = advance(s, 37_000);
  assert.equal(s.view.kind, 'attract');
  assert.equal(nextDeadline(advance(s, 37_000 + SETTLE_MS)), null, 'the attract loop waits on nothing');
});

test('journey: a second tap of a double tap does not land on the new screen', () => {
  let s = run(initialJourney(info(), 0), { type: 'start', now: 0 }, { type: 'pick', questionId: 'q1', now: SETTLE_MS - 1 });
  assert.equal(s.view.kind, 'choose', 'the tap within the settle time is ignored');
  assert.equal(s.settleUntil, SETTLE_MS);
  s = advance(s, SETTLE_MS);
  assert.equal(s.settleUntil, null);
  s = run(s, { type: 'pick', questionId: 'q1', now: SETTLE_MS });
  assert.deepEqual(s.view, { kind: 'question', questionId: 'q1' });
  assert.equal(run(s, { type: 'back', now: SETTLE_MS + 10 }).view.kind, 'question');
});

test('journey: a card taken before the page hears it dropped is taken, not waited for', () => {
  // Over HTTP the board's TAKEN (server-sent events) can overtake the reply to the dispense call.
  let s = onResult();
  s = run(s, { type: 'card-taken' }, { type: 'card', answerId: ANSWER, status: 'take-card' });
  assert.equal(s.view.kind === 'result' && s.view.card, 'taken');
  assert.equal(s.cardInGate, false, 'no card waits in the gate');
  assert.equal(s.takenUntold, false);
  s = run(s, { type: 'next', now: 10_000 });
  assert.equal(s.cardInGate, false);
});

test('journey: card states, and a full gate asks again once the earlier card is taken', () => {
  let s = onResult();
  assert.equal(cardToDispense(s), ANSWER);
  assert.equal(resultsToFetch(s), 'q1');
  s = run(s, { type: 'card', answerId: 'another answer', status: 'take-card' });
  assert.equal(s.view.kind === 'result' && s.view.card, 'dispensing', "another answer's card is not this one");
  s = run(s, { type: 'card', answerId: ANSWER, status: 'gate-full' });
  assert.equal(cardToDispense(s), null);
  s = run(s, { type: 'card-taken' });
  assert.equal(cardToDispense(s), ANSWER, 'asked again');
  s = run(s, { type: 'card', answerId: ANSWER, status: 'take-card' }, { type: 'card-taken' });
  assert.equal(s.view.kind === 'result' && s.view.card, 'taken');
  s = run(s, { type: 'results', questionId: 'q1', results: { questionId: 'q1', venue: { total: null, counts: null }, elsewhere: { total: null, counts: null }, elsewhereFrom: { from: 'pillar' } } });
  assert.equal(resultsToFetch(s), null);
});

test('journey: answers and language belong to one journey; a question seen again gets no second card', () => {
  let s = run(onResult(), { type: 'next', now: 2000 }, { type: 'language', code: 'en', now: 2100 });
  s = advance(s, 2000 + SETTLE_MS);
  assert.deepEqual([s.answered, s.language], [{ q1: '3' }, 'en']);
  s = run(s, { type: 'pick', questionId: 'q1', now: 3000 });
  assert.deepEqual(s.view, { kind: 'result', questionId: 'q1', value: '3', results: null, card: 'none', answerId: null });
  assert.equal(cardToDispense(s), null);
  s = run(s, { type: 'finish', now: 3100 });
  assert.equal(s.view.kind, 'thanks');
  s = advance(s, 3100 + THANKS_MS - 1);
  assert.equal(s.view.kind, 'thanks');
  s = advance(s, 3100 + THANKS_MS);
  assert.deepEqual([s.view.kind, s.answered, s.language], ['attract', {}, 'nl'], 'the next student starts fresh');
  assert.equal(run(s, { type: 'language', code: 'es', now: 20_000 }).language, 'nl', 'only offered languages');
});

test('journey: "Klaar" with nothing answered goes straight back to the attract loop (no thanks for nothing); an answer that arrives after does not bring its screen back', () => {
  let s = run(initialJourney(info(), 0), { type: 'start', now: 0 }, { type: 'pick', questionId: 'q1', now: 400 }, { type: 'finish', now: 500 });
  assert.equal(s.view.kind, 'attract');
  s = run(s, { type: 'answered', questionId: 'q1', value: '3', answerId: ANSWER, now: 600 });
  assert.equal(s.view.kind, 'attract');
});

test('defect 4: the student walking away ends the journey after a short grace; a return or a touch keeps it', () => {
  let s = run(onResult(), { type: 'presence', present: true, now: 1500 }, { type: 'presence', present: false, now: 2000 });
  assert.equal(advance(s, 2000 + LEAVE_GRACE_MS - 1).view.kind, 'result');
  const left = advance(s, 2000 + LEAVE_GRACE_MS);
  assert.deepEqual([left.view.kind, left.answered], ['attract', {}], 'the next student does not see the answer');
  assert.equal(advance(run(s, { type: 'presence', present: true, now: 5000 }), 2000 + LEAVE_GRACE_MS).view.kind, 'result', 'back within the grace');
  assert.equal(advance(run(s, { type: 'touch', now: 5000 }), 2000 + LEAVE_GRACE_MS).view.kind, 'result', 'a touch: someone is there');
  s = run(initialJourney(info(), 0), { type: 'presence', present: false, now: 0 });
  assert.equal(nextDeadline(s), null, 'no journey, nothing to end');
});

test('defect 4: the result screen asks "still there?" sooner than the other screens, and later without a card', () => {
  const s = onResult(info({ idleSeconds: 120 }));
  assert.equal(nextDeadline(s), 1000 + RESULT_IDLE_MS);
  assert.equal(advance(s, 1000 + RESULT_IDLE_MS).stillThereUntil, 1000 + RESULT_IDLE_MS + 15_000);
  const noCard = run(s, { type: 'card', answerId: ANSWER, status: 'empty' });
  assert.equal(nextDeadline(noCard), 1000 + 2 * RESULT_IDLE_MS);
  assert.equal(nextDeadline(onResult(info({ idleSeconds: 10 }))), 1000 + 10_000, 'a shorter idle setting still counts');
});

test('defect 11: the chooser hint counts the pack\'s questions in every language', () => {
  const hints = (n: number) => ['nl', 'en', 'de', 'fr'].map((code) => strings(code).chooseHint(n));
  assert.deepEqual(hints(6), [
    'Zes vragen. Beantwoord er één, of allemaal. Anoniem.',
    'Six questions. Answer one, or all of them. Anonymously.',
    'Sechs Fragen. Beantworte eine oder alle. Anonym.',
    'Six questions. Réponds à une, ou à toutes. Anonymement.',
  ]);
  assert.deepEqual(hints(3).map((h) => h.split(' ')[0]), ['Drie', 'Three', 'Drei', 'Trois']);
  assert.deepEqual(hints(1), ['Eén vraag. Anoniem.', 'One question. Anonymously.', 'Eine Frage. Anonym.', 'Une question. Anonymement.']);
});

test('defect 11: a pack language without kiosk words is not offered (no second "English" button)', () => {
  assert.deepEqual(offeredLanguages(['es', 'nl', 'en']), ['nl', 'en']);
  assert.deepEqual(offeredLanguages(['es']), ['es'], 'a pack in one such language still shows, in English words');
  const s = initialJourney(info({ languages: ['es', 'nl', 'en'] }), 0);
  assert.equal(s.language, 'nl');
  assert.equal(run(s, { type: 'start', now: 0 }, { type: 'language', code: 'es', now: 10 }).language, 'nl');
});

test('a card left in the gate on "Klaar": the goodbye says so, the ring stays green until it is taken', () => {
  let s = run(onResult(), { type: 'card', answerId: ANSWER, status: 'take-card' });
  assert.deepEqual([s.cardInGate, moodOf(s)], [true, 'card-ready']);
  s = run(s, { type: 'next', now: 2000 });
  assert.deepEqual([s.cardInGate, moodOf(s)], [true, 'card-ready'], 'on the chooser too');
  const second = '00000000-0000-4000-8000-000000000002';
  s = run(s, { type: 'pick', questionId: 'q2', now: 2400 }, { type: 'answered', questionId: 'q2', value: '1', answerId: second, now: 2800 }, { type: 'card', answerId: second, status: 'gate-full' });
  assert.deepEqual([s.cardInGate, moodOf(s)], [true, 'card-ready'], 'the first card still waits behind a full gate');
  s = run(s, { type: 'finish', now: 3200 });
  assert.deepEqual([s.view.kind, s.cardInGate, moodOf(s)], ['thanks', true, 'card-ready']);
  s = run(s, { type: 'card-taken' });
  assert.deepEqual([s.view.kind, s.cardInGate, moodOf(s)], ['thanks', false, 'in-use']);
  // Left behind: the next student is never told it is theirs, but the ring pulses on until it is taken.
  const left = advance(run(onResult(), { type: 'card', answerId: ANSWER, status: 'take-card' }, { type: 'finish', now: 2000 }), 2000 + THANKS_MS);
  assert.deepEqual([left.view.kind, left.cardInGate, left.earlierCardInGate, moodOf(left)], ['attract', false, true, 'card-ready']);
  const next = run(left, { type: 'start', now: 20_000 }, { type: 'finish', now: 21_000 });
  assert.deepEqual([next.view.kind, next.cardInGate, moodOf(next)], ['attract', false, 'card-ready'], 'nothing answered: no goodbye, and no word of a card that is not theirs');
  const taken = run(next, { type: 'card-taken' });
  assert.deepEqual([taken.earlierCardInGate, moodOf(taken)], [false, 'attract']);
});

test('a card that comes out after the student tapped on is still theirs; one from a journey before is not', () => {
  let s = run(onResult(), { type: 'next', now: 1500 }, { type: 'card', answerId: ANSWER, status: 'take-card' });
  assert.deepEqual([s.view.kind, s.cardInGate, moodOf(s)], ['choose', true, 'card-ready']);
  s = run(s, { type: 'finish', now: 2000 });
  assert.deepEqual([s.view.kind, s.cardInGate], ['thanks', true], 'the goodbye mentions it');
  const next = advance(run(onResult(), { type: 'finish', now: 1500 }), 1500 + THANKS_MS);
  const late = run(next, { type: 'start', now: 9000 }, { type: 'card', answerId: ANSWER, status: 'take-card' });
  assert.deepEqual([late.view.kind, late.cardInGate], ['choose', false], 'the next student is not told about a card that is not theirs');
  assert.deepEqual([late.earlierCardInGate, moodOf(late)], [true, 'card-ready'], 'but it is in the gate: the ring pulses until it is taken');
});

test('a kiosk that starts while a card waits in the gate (a reload) pulses green until it is taken', () => {
  const waiting = info();
  const s = initialJourney({ ...waiting, pillar: { ...waiting.pillar, cardInGate: true } }, 0);
  assert.deepEqual([s.cardInGate, s.earlierCardInGate, moodOf(s)], [false, true, 'card-ready']);
  assert.equal(moodOf(run(s, { type: 'card-taken' })), 'attract');
});

test('with the pillar\'s controller not connected, the result says at once that no card comes, and none is asked for; connected again, cards come', () => {
  const down = info();
  const start = initialJourney({ ...down, pillar: { ...down.pillar, connected: false } }, 0);
  const answered = (s: JourneyState, now: number) =>
    run(s, { type: 'start', now }, { type: 'pick', questionId: 'q1', now: now + 1000 }, { type: 'answered', questionId: 'q1', value: '3', answerId: ANSWER, now: now + 2000 });
  let s = answered(start, 0);
  assert.equal(s.view.kind === 'result' && s.view.card, 'unavailable', 'no "your card is on its way" first');
  assert.equal(cardToDispense(s), null, 'the pillar is not asked');
  assert.deepEqual(s.cardsAsked, []);
  s = advance(run(s, { type: 'pillar', connected: true }, { type: 'finish', now: 3000 }), 3000 + THANKS_MS);
  assert.equal(s.view.kind, 'attract');
  s = answered(s, 10_000);
  assert.equal(cardToDispense(s), ANSWER, 'the board is back (a pillar event, kept over the attract loop): the card is asked for');
  assert.equal(run(s, { type: 'pillar', connected: false }).pillarConnected, false);
});

test('pack-changed: the new pack waits for the attract loop, never mid-journey', () => {
  const next = info({ id: 'pack-b', languages: ['en', 'nl'] });
  let s = run(onResult(), { type: 'pack', info: next });
  assert.deepEqual([s.info.pack.id, s.language, s.answered], ['pack-a', 'nl', { q1: '3' }]);
  s = run(s, { type: 'finish', now: 2000 }, { type: 'done', now: 3000 });
  assert.deepEqual([s.view.kind, s.info.pack.id, s.language, s.pendingInfo], ['attract', 'pack-b', 'en', null]);
  const idle = run(initialJourney(info(), 0), { type: 'pack', info: next });
  assert.deepEqual([idle.info.pack.id, idle.language], ['pack-b', 'en'], 'at once when nobody is using the kiosk');
});

test('every kiosk string in every language the kiosk offers: none falls back to English', () => {
  const english = strings('en');
  // Words that are the same in English and that language, where that is right.
  const same: Record<string, string[]> = { nl: ['groupShare'], de: ['groupShare'], fr: ['question'] };
  const texts = (t: ReturnType<typeof strings>): Record<string, string> => {
    const flat: Record<string, string> = {};
    for (const [key, value] of Object.entries(t)) {
      if (typeof value === 'function') flat[key] = String((value as (n: number) => string)(3));
      else if (typeof value === 'object') for (const [k, v] of Object.entries(value as Record<string, string>)) flat[`${key}.${k}`] = v;
      else flat[key] = value as string;
    }
    return flat;
  };
  const en = texts(english);
  for (const code of ['nl', 'de', 'fr']) {
    const own = texts(strings(code));
    assert.deepEqual(Object.keys(own).sort(), Object.keys(en).sort(), `${code} has every string`);
    const borrowed = Object.keys(en).filter((key) => own[key] === en[key] && !same[code].includes(key));
    assert.deepEqual(borrowed, [], `${code} shows no English`);
  }
});
