// The student's API: checks what the kiosk screens send, records answers, asks the pillar
// for one card per stored answer, drives the LED ring, and turns pillar events into kiosk
// events. Plain Node: the same handlers behind Electron IPC and HTTP.

import path from 'node:path';
import type { CheckedPack } from '../../../content/pack.ts';
import type { Question } from '../../../content/types.ts';
import type { Pillar, PillarStatus, Rgb } from '../../../hardware/pillar.ts';
import { ApiError } from '../../api/errors.ts';
import { DISPENSE_CARD, requestOf, RESULTS, SET_MOOD, SUBMIT_ANSWER } from '../../api/schemas/requests.ts';
import type { CardStatus, KioskEvent, KioskInfo, Mood, StudentHandlers, StudentPillar, SubmitAnswer } from '../../api/student.ts';
import { systemClock, type Clock } from '../../../time/clock.ts';
import { hourOf } from '../../results/records.ts';
import type { AnswerStore } from '../answers/store.ts';
import type { Logger } from '../../platform/log.ts';
import type { Settings } from '../settings/settings.ts';
import type { ReceivedTour } from '../tour/kept.ts';
import { resultsAt } from '../tour/rest.ts';
import { kioskPack } from './kiosk-pack.ts';

/** A tap this soon after the question appeared cannot have been a considered answer. */
export const TOO_FAST_MS = 700;
/** More answers than this within BURST_WINDOW_MS at one pillar looks like hammering. */
export const BURST_ANSWERS = 12;
export const BURST_WINDOW_MS = 60_000;

/** URL prefix under which the active pack's listed assets are served. */
export const PACK_ASSET_PREFIX = 'pack-assets/';

const LED_FOR: Record<Mood | 'service', [Parameters<Pillar['led']>[0], Rgb?]> = {
  attract: ['PULSE', [255, 150, 40]],
  'in-use': ['SOLID', [255, 200, 140]],
  'card-ready': ['PULSE', [60, 220, 120]],
  service: ['SOLID', [200, 30, 30]],
};

/** Card requests remembered per answer id; far more than a day of answers. */
const REMEMBERED_CARDS = 10_000;

/** What the student's screens show of the pillar: whether a card can come, and whether one waits. */
const studentPillar = (status: PillarStatus): StudentPillar => ({ connected: status.link === 'connected', cardInGate: status.gate === 'CARD' });

export interface StudentDeps {
  /** Read per call: the operator may change them while the kiosk runs. */
  settings: () => Settings;
  /** The running pack, read per call: a new pack replaces it without a restart, and the screens are told. */
  packs: { current(): CheckedPack; onChange(listener: () => void): () => void };
  store: AnswerStore;
  pillar: Pillar;
  /** The pillar is the simulator, not a real board: the screen says so for the operator. */
  simulatedPillar: boolean;
  /** Whether the operator is in (door open or PIN accepted): answers then are set-up taps, and counted for the service screen. */
  operator: { readonly open: boolean; onChange(listener: (open: boolean) => void): () => void; countTestAnswer(): void };
  log: Logger;
  /** The hub's newest figures for the running visit, if it sent any: the result screen's rest of the tour. */
  tour: { current(): ReceivedTour | null };
  /** When an answer came (its hour; hammering is counted per minute), and how old the tour's figures are. */
  clock?: Clock;
}

export class StudentService {
  private readonly deps: StudentDeps;
  private readonly clock: Clock;
  private readonly recent: number[] = [];
  /** One card request per answer id: a repeated request gets the first one's outcome. */
  private readonly cards = new Map<string, Promise<{ status: CardStatus }>>();
  private readonly listeners = new Set<(event: KioskEvent) => void>();
  private mood: Mood = 'attract';
  /** Someone in front of the pillar, as its presence sensor last said. */
  private present = false;
  private wasQuiet: boolean;
  private readonly quietListeners = new Set<(quiet: boolean) => void>();
  private readonly unsubscribe: Array<() => void>;

  constructor(deps: StudentDeps) {
    this.deps = deps;
    this.clock = deps.clock ?? systemClock;
    this.wasQuiet = this.quiet();
    this.unsubscribe = [deps.packs.onChange(() => this.emit({ type: 'pack-changed' })), deps.operator.onChange((open) => {
      this.emit({ type: 'operator', open });
      void this.refreshLed();
      this.quietMayHaveChanged();
    }), deps.pillar.subscribe((event) => {
      if (event.type === 'presence') {
        this.present = event.present;
        this.quietMayHaveChanged();
        this.emit({ type: 'presence', present: event.present });
      } else if (event.type === 'taken') this.emit({ type: 'card-taken' });
      else if (event.type === 'status') this.emit({ type: 'pillar', pillar: studentPillar(event.status) });
      else if (event.type === 'slot') deps.log(event.state === 'OK' ? 'info' : 'warn', `card stack ${event.slot} is now ${event.state}`);
    })];
  }

  onEvent(listener: (event: KioskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    for (const stop of this.unsubscribe) stop();
    this.listeners.clear();
    this.quietListeners.clear();
  }

  /** The attract loop on screen, nobody in front of the pillar, no crew at the service screen (packs/quiet.ts waits for it to last). */
  quiet(): boolean {
    return this.mood === 'attract' && !this.present && !this.deps.operator.open;
  }

  onQuietChange(listener: (quiet: boolean) => void): () => void {
    this.quietListeners.add(listener);
    return () => this.quietListeners.delete(listener);
  }

  private quietMayHaveChanged(): void {
    const quiet = this.quiet();
    if (quiet === this.wasQuiet) return;
    this.wasQuiet = quiet;
    for (const listener of this.quietListeners) listener(quiet);
  }

  /** Where a pack asset URL points on disk; null for anything the pack does not list. */
  assetFile(urlPath: string): string | null {
    if (!urlPath.startsWith(PACK_ASSET_PREFIX)) return null;
    const file = urlPath.slice(PACK_ASSET_PREFIX.length);
    const { pack, dir } = this.deps.packs.current();
    if (!Object.hasOwn(pack.assets, file)) return null;
    return path.join(dir, ...file.split('/'));
  }

  readonly handlers: StudentHandlers = {
    kiosk: (): KioskInfo => {
      const { pack } = this.deps.packs.current();
      const settings = this.deps.settings();
      const url = (file: string | undefined) => (file ? PACK_ASSET_PREFIX + file : null);
      return {
        pack: kioskPack(pack, url),
        idleSeconds: settings.idleSeconds,
        stillThereSeconds: settings.stillThereSeconds,
        pillar: studentPillar(this.deps.pillar.status()),
        simulatedPillar: this.deps.simulatedPillar,
        operatorOpen: this.deps.operator.open,
      };
    },

    submitAnswer: (request: SubmitAnswer) => {
      const r = requestOf(SUBMIT_ANSWER, request);
      const { pack } = this.deps.packs.current();
      const question = this.question(r.questionId);
      const value = r.value;
      const valid = question.answer.type === 'scale'
        ? /^[1-9]$/.test(value) && Number(value) <= question.answer.steps
        : question.answer.options.some((o) => o.id === value);
      if (!valid) throw new ApiError('bad-request', `${JSON.stringify(value)} is not an answer to question ${question.id}`);
      if (!pack.languages.includes(r.language)) throw new ApiError('bad-request', `language ${JSON.stringify(r.language)} is not in the pack`);
      const shownMs = Number.isFinite(r.shownMs) ? r.shownMs : 0;

      const now = this.clock.now();
      while (this.recent.length > 0 && this.recent[0] < now - BURST_WINDOW_MS) this.recent.shift();
      const suspect = this.deps.operator.open ? 'test' : shownMs < TOO_FAST_MS ? 'too-fast' : this.recent.length >= BURST_ANSWERS ? 'burst' : null;
      const settings = this.deps.settings();
      let stored: boolean;
      try {
        ({ stored } = this.deps.store.insert({
          id: r.answerId,
          pillar_id: settings.pillarId,
          venue_session_id: settings.venueSessionId,
          pack_id: pack.id,
          pack_version: pack.version,
          question_id: question.id,
          value,
          language: r.language,
          hour: hourOf(new Date(now)),
          suspect,
        }));
      } catch (error) {
        this.deps.log('error', `could not store an answer: ${(error as Error).message}. Check the free disk space of the data folder.`);
        throw new ApiError('storage', 'the answer could not be saved');
      }
      if (stored) this.recent.push(now);
      if (stored && suspect === 'test') this.deps.operator.countTestAnswer();
      return { stored, suspect: suspect !== null };
    },

    results: (request) => {
      const question = this.question(requestOf(RESULTS, request).questionId);
      return resultsAt(this.deps.store.db, question.id, this.deps.settings().venueSessionId, this.deps.tour.current(), this.clock.now());
    },

    dispenseCard: (request) => {
      const { answerId } = requestOf(DISPENSE_CARD, request);
      let card = this.cards.get(answerId);
      if (!card) {
        card = this.cardFor(answerId);
        this.cards.set(answerId, card);
        if (this.cards.size > REMEMBERED_CARDS) this.cards.delete(this.cards.keys().next().value!);
        // Nothing moved while an earlier card waits in the gate: asking again once it is taken is allowed.
        const forget = () => this.cards.get(answerId) === card && this.cards.delete(answerId);
        card.then(({ status }) => status === 'gate-full' && forget(), forget);
      }
      return card;
    },

    setMood: (request) => {
      this.mood = requestOf(SET_MOOD, request).mood;
      this.quietMayHaveChanged();
      void this.refreshLed();
      return null;
    },
  };

  /** The card of a stored answer's question; none for an answer that looked like hammering (a set-up tap's card is a test dispense). */
  private async cardFor(answerId: string): Promise<{ status: CardStatus }> {
    const answer = this.deps.store.get(answerId);
    if (!answer) throw new ApiError('bad-request', 'no stored answer has that id');
    const question = this.deps.packs.current().pack.questions.find((q) => q.id === answer.question_id);
    if ((answer.suspect !== null && answer.suspect !== 'test') || !question) return { status: 'unavailable' };
    const outcome = await this.deps.pillar.dispense(question.slot);
    if (outcome.ok) return { status: 'take-card' };
    const status: CardStatus =
      outcome.reason === 'EMPTY' ? 'empty' : outcome.reason === 'JAM' ? 'jammed' : outcome.reason === 'GATE_FULL' ? 'gate-full' : 'unavailable';
    return { status };
  }

  /** Sets the LED ring to what the kiosk shows now: the journey's mood, or the service colour while the operator is in. */
  refreshLed(): Promise<void> {
    const [mode, rgb] = LED_FOR[this.deps.operator.open ? 'service' : this.mood];
    return this.deps.pillar.led(mode, rgb);
  }

  private question(id: string): Question {
    const question = this.deps.packs.current().pack.questions.find((q) => q.id === id);
    if (!question) throw new ApiError('bad-request', `no question ${JSON.stringify(id)} in the current pack`);
    return question;
  }

  private emit(event: KioskEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
