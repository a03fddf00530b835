// The handlers behind every API method, whatever carries them (Electron IPC or HTTP).
// Checks what the UI sends, records answers, asks the pillar for cards, drives the LED
// ring, and turns pillar events into kiosk events.

import path from 'node:path';
import type { CheckedPack } from '../../content/pack.ts';
import type { Question } from '../../content/types.ts';
import type { Logger, Pillar, Rgb } from '../../hardware/pillar.ts';
import {
  MIN_GROUP, type ApiFailure, type ApiHandlers, type CardStatus, type Group, type KioskEvent, type KioskInfo, type Mood,
  type SubmitAnswer,
} from '../api.ts';
import type { Settings } from './settings.ts';
import { hourOf, type AnswerStore, type Counts } from './storage.ts';

export class ApiError extends Error {
  readonly failure: ApiFailure;
  constructor(code: ApiFailure['code'], message: string) {
    super(message);
    this.failure = { code, message };
  }
}

/** A tap this soon after the question appeared cannot have been a considered answer. */
export const TOO_FAST_MS = 700;
/** More answers than this within BURST_WINDOW_MS at one pillar looks like hammering. */
export const BURST_ANSWERS = 12;
export const BURST_WINDOW_MS = 60_000;

/** URL prefix under which the active pack's listed assets are served. */
export const PACK_ASSET_PREFIX = 'pack-assets/';

const LED_FOR: Record<Mood | 'out-of-order', [Parameters<Pillar['led']>[0], Rgb?]> = {
  attract: ['PULSE', [255, 150, 40]],
  'in-use': ['SOLID', [255, 200, 140]],
  'card-ready': ['PULSE', [60, 220, 120]],
  'out-of-order': ['SOLID', [200, 30, 30]],
};

const ANSWER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function group(counts: Counts): Group {
  return { total: counts.total, counts: counts.total >= MIN_GROUP ? counts.counts : null };
}

export interface KioskDeps {
  settings: Settings;
  pack: CheckedPack;
  store: AnswerStore;
  pillar: Pillar;
  log: Logger;
  now?: () => number;
}

export class KioskService {
  private readonly deps: KioskDeps;
  private readonly now: () => number;
  private readonly recent: number[] = [];
  private readonly listeners = new Set<(event: KioskEvent) => void>();
  private mood: Mood = 'attract';
  private readonly unsubscribe: () => void;

  constructor(deps: KioskDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
    this.unsubscribe = deps.pillar.subscribe((event) => {
      if (event.type === 'presence') this.emit({ type: 'presence', present: event.present });
      else if (event.type === 'taken') this.emit({ type: 'card-taken' });
      else if (event.type === 'status') this.emit({ type: 'pillar', status: event.status });
      else if (event.type === 'service') void this.applyLed();
      else if (event.type === 'slot') deps.log(event.state === 'OK' ? 'info' : 'warn', `card stack ${event.slot} is now ${event.state}`);
    });
  }

  onEvent(listener: (event: KioskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  /** Where a pack asset URL points on disk; null for anything the pack does not list. */
  assetFile(urlPath: string): string | null {
    if (!urlPath.startsWith(PACK_ASSET_PREFIX)) return null;
    const file = urlPath.slice(PACK_ASSET_PREFIX.length);
    if (!(file in this.deps.pack.pack.assets)) return null;
    return path.join(this.deps.pack.dir, ...file.split('/'));
  }

  readonly handlers: ApiHandlers = {
    kiosk: (): KioskInfo => {
      const { pack } = this.deps.pack;
      const url = (file: string | undefined) => (file ? PACK_ASSET_PREFIX + file : null);
      return {
        pack: {
          id: pack.id,
          version: pack.version,
          title: pack.title,
          languages: pack.languages,
          headline: pack.attract.headline,
          attractImage: url(pack.attract.image),
          questions: pack.questions.map((q) => ({ ...q, imageUrl: url(q.image) })),
        },
        idleSeconds: this.deps.settings.idleSeconds,
        stillThereSeconds: this.deps.settings.stillThereSeconds,
        pillar: this.deps.pillar.status(),
      };
    },

    submitAnswer: (request: SubmitAnswer) => {
      const r = this.object(request);
      if (typeof r.answerId !== 'string' || !ANSWER_ID.test(r.answerId)) throw new ApiError('bad-request', 'answerId must be a random UUID');
      const question = this.question(r.questionId);
      const value = r.value;
      const valid = question.answer.type === 'scale'
        ? typeof value === 'string' && /^[1-9]$/.test(value) && Number(value) <= question.answer.steps
        : question.answer.options.some((o) => o.id === value);
      if (!valid) throw new ApiError('bad-request', `${JSON.stringify(value)} is not an answer to question ${question.id}`);
      if (typeof r.language !== 'string' || !this.deps.pack.pack.languages.includes(r.language)) throw new ApiError('bad-request', `language ${JSON.stringify(r.language)} is not in the pack`);
      const shownMs = typeof r.shownMs === 'number' && Number.isFinite(r.shownMs) ? r.shownMs : 0;

      const now = this.now();
      while (this.recent.length > 0 && this.recent[0] < now - BURST_WINDOW_MS) this.recent.shift();
      const suspect = shownMs < TOO_FAST_MS ? 'too-fast' : this.recent.length >= BURST_ANSWERS ? 'burst' : null;
      const { settings, pack } = this.deps;
      let stored: boolean;
      try {
        ({ stored } = this.deps.store.insert({
          id: r.answerId,
          pillar_id: settings.pillarId,
          venue_session_id: settings.venueSessionId,
          pack_id: pack.pack.id,
          pack_version: pack.pack.version,
          question_id: question.id,
          value: value as string,
          language: r.language,
          hour: hourOf(new Date(now)),
          suspect,
        }));
      } catch (error) {
        this.deps.log('error', `could not store an answer: ${(error as Error).message}. Check the free disk space of the data folder.`);
        throw new ApiError('storage', 'the answer could not be saved');
      }
      if (stored) this.recent.push(now);
      return { stored, suspect: suspect !== null };
    },

    results: (request) => {
      const question = this.question(this.object(request).questionId);
      const { store, settings } = this.deps;
      return {
        questionId: question.id,
        venue: group(store.counts(question.id, settings.venueSessionId)),
        tour: group(store.counts(question.id)),
      };
    },

    dispenseCard: (request) => {
      const question = this.question(this.object(request).questionId);
      return this.dispense(question);
    },

    setMood: (request) => {
      const mood = this.object(request).mood;
      if (mood !== 'attract' && mood !== 'in-use' && mood !== 'card-ready') throw new ApiError('bad-request', `unknown mood ${JSON.stringify(mood)}`);
      this.mood = mood;
      void this.applyLed();
      return null;
    },

    pillarStatus: () => this.deps.pillar.status(),
  };

  private async dispense(question: Question): Promise<{ status: CardStatus }> {
    const outcome = await this.deps.pillar.dispense(question.slot);
    if (outcome.ok) return { status: 'take-card' };
    const status: CardStatus =
      outcome.reason === 'EMPTY' ? 'empty' : outcome.reason === 'JAM' ? 'jammed' : outcome.reason === 'GATE_FULL' ? 'gate-full' : 'unavailable';
    return { status };
  }

  private applyLed(): Promise<void> {
    const [mode, rgb] = LED_FOR[this.deps.pillar.status().serviceOpen ? 'out-of-order' : this.mood];
    return this.deps.pillar.led(mode, rgb);
  }

  private object(request: unknown): Record<string, unknown> {
    if (typeof request !== 'object' || request === null) throw new ApiError('bad-request', 'the request must be an object');
    return request as Record<string, unknown>;
  }

  private question(id: unknown): Question {
    const question = this.deps.pack.pack.questions.find((q) => q.id === id);
    if (!question) throw new ApiError('bad-request', `no question ${JSON.stringify(id)} in the current pack`);
    return question;
  }

  private emit(event: KioskEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
