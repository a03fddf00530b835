// Sends what waits in the outbox to the hub, in the background, as results-sync.md says:
// batches of at most 1000 records, marked sent only after the hub's 200; on any other
// answer, or none, the same records go again later, with exponential backoff and jitter from
// about 30 s up to 15 minutes, forever. A 401 or 403 stops sending until the hub's address
// or the token changes, and the operator is told in plain words. Nothing here ever delays
// an answer or a screen: the student's side only writes to the database.

import { readFileSync } from 'node:fs';
import { Shape } from '../../../content/schema-check.ts';
import { BATCH_RESULT } from '../../api/schemas/sync.ts';
import { systemClock, wait, type Clock } from '../../../time/clock.ts';
import { MAX_BATCH_RECORDS, type Batch, type BatchResult, type SyncRecord, type SyncStatus } from '../../api/sync.ts';
import { writeFileAtomic } from '../../platform/atomic.ts';
import type { Logger } from '../../platform/log.ts';
import type { Settings } from '../settings/settings.ts';
import type { Outbox } from './outbox.ts';

/** What a hub that stored a batch answers (results-sync.md). */
const HUB_ANSWER = new Shape(BATCH_RESULT);

const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 15 * 60_000;
/** How often an idle sender looks whether anything waits (new answers go out this soon). */
export const LOOK_MS = 5000;
/** A hub that has not answered in this long has not stored the batch. */
const REQUEST_TIMEOUT_MS = 30_000;

/** What one round of sending did. */
interface SendReport {
  sent: { answers: number; venues: number; packs: number };
  /** Why it stopped before everything was sent; null when nothing waits any more. */
  problem: string | null;
  /** The hub refused the token (401/403): no more tries until the settings change. */
  refused: boolean;
}

export interface SenderDeps {
  outbox: Outbox;
  settings: () => Settings;
  log: Logger;
  /** Where lastSuccess and lastProblem are kept between starts (sync-status.json); null: not kept. */
  statusFile: string | null;
  fetch?: typeof fetch;
  /** What the backoff and the looks wait on, and lastSuccess reads; tests hand in one they drive. */
  clock?: Clock;
  random?: () => number;
  /** Told when a round of sending ended, whatever it did (the check-in follows it). */
  onRound?: () => void;
}

/** The wait before try `failures + 1`: doubling from 30 s, at most 15 minutes, with jitter (never more than the cap). */
function retryDelay(failures: number, random: () => number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.75 + 0.25 * random()));
}

type Kept = { lastSuccess: string | null; lastProblem: string | null };

export class SyncSender {
  private readonly deps: SenderDeps;
  private readonly fetch: typeof fetch;
  private readonly clock: Clock;
  private readonly random: () => number;
  private kept: Kept = { lastSuccess: null, lastProblem: null };
  /** The hub and token a 401/403 came for: not tried again until either changes. */
  private refusedFor: string | null = null;
  private stopping = new AbortController();
  private loop: Promise<void> | null = null;
  private sending: Promise<SendReport> | null = null;

  constructor(deps: SenderDeps) {
    this.deps = deps;
    this.fetch = deps.fetch ?? fetch;
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? Math.random;
    if (deps.statusFile) {
      try {
        this.kept = { ...this.kept, ...(JSON.parse(readFileSync(deps.statusFile, 'utf8')) as Kept) };
      } catch {
        // no status kept yet (or a damaged one): it is made again at the next send
      }
    }
  }

  status(): SyncStatus {
    const { hubUrl, hubToken } = this.deps.settings();
    return { hubSet: hubUrl !== null && hubToken !== null, hubUrl, waiting: this.deps.outbox.waiting(), ...this.kept };
  }

  /** Sends in the background until stop(). */
  start(): void {
    if (this.loop) return;
    this.stopping = new AbortController();
    this.loop = this.run(this.stopping.signal);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    this.loop = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      const { hubUrl, hubToken } = this.deps.settings();
      const target = hubUrl && hubToken ? `${hubUrl} ${hubToken}` : null;
      const waiting = this.deps.outbox.waiting();
      if (target === null || target === this.refusedFor || waiting.answers + waiting.venues + waiting.packs === 0) {
        if (target !== this.refusedFor) this.refusedFor = null;
        await wait(this.clock, LOOK_MS, signal);
        continue;
      }
      const report = await this.send();
      if (report.problem === null) failures = 0;
      else if (!report.refused) await wait(this.clock, retryDelay(++failures, this.random), signal);
    }
  }

  /** Sends everything that waits, batch by batch, until done or a batch is not stored. One round at a time. */
  send(): Promise<SendReport> {
    this.sending ??= this.round().finally(() => {
      this.sending = null;
      this.deps.onRound?.();
    });
    return this.sending;
  }

  private async round(): Promise<SendReport> {
    const { hubUrl, hubToken, pillarId } = this.deps.settings();
    const report: SendReport = { sent: { answers: 0, venues: 0, packs: 0 }, problem: null, refused: false };
    if (!hubUrl || !hubToken) return { ...report, problem: 'No hub is set: set hubUrl and hubToken (from `olifant hub add-pillar`) in the settings.' };
    let size = MAX_BATCH_RECORDS;
    for (;;) {
      const records = this.deps.outbox.next(size);
      if (records.length === 0) return report;
      const outcome = await this.post(hubUrl, hubToken, pillarId, records);
      if ('stored' in outcome) {
        this.deps.outbox.markSent(records);
        for (const r of records) report.sent[r.type === 'answer' ? 'answers' : r.type === 'venue' ? 'venues' : 'packs']++;
        if (outcome.conflicts.length > 0) this.deps.log('error', `the hub refused ${outcome.conflicts.length} answer(s) it holds with other content (${outcome.conflicts.slice(0, 3).join(', ')}…); the hub's copies stay as they are`);
        this.keep({ lastSuccess: new Date(this.clock.now()).toISOString().slice(0, 16) + 'Z', lastProblem: null });
        continue;
      }
      if (outcome.status === 413 && size > 1) {
        size = Math.ceil(size / 2);
        continue;
      }
      report.refused = outcome.status === 401 || outcome.status === 403;
      if (report.refused) this.refusedFor = `${hubUrl} ${hubToken}`;
      report.problem = outcome.problem;
      this.keep({ ...this.kept, lastProblem: outcome.problem });
      this.deps.log(report.refused ? 'error' : 'warn', `sending answers to the hub: ${outcome.problem}`);
      return report;
    }
  }

  private async post(hubUrl: string, token: string, pillarId: string, records: SyncRecord[]): Promise<BatchResult | { status: number; problem: string }> {
    let response: Response;
    try {
      response = await this.fetch(new URL('v1/batches', hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ pillar_id: pillarId, records } satisfies Batch),
        // Given up after a while, and at once when the kiosk stops. The while is real time, not
        // the clock's: a deadline on the network's own pace, which a driven clock must not cut short.
        signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), this.stopping.signal]),
      });
    } catch (error) {
      const reason = (error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      return { status: 0, problem: `The hub at ${hubUrl} cannot be reached (${reason}). The answers wait here and are sent when it can.` };
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // a cut-off or non-JSON answer: not stored, as far as the pillar knows
    }
    const error = (body as { error?: unknown } | null)?.error;
    const said = typeof error === 'string' ? `: ${error}` : '';
    if (response.status === 200 && HUB_ANSWER.is(body)) return body;
    if (response.status === 401) return { status: 401, problem: `The hub does not know this pillar's token${said}. Ask the tour organiser for a new one (olifant hub add-pillar) and set it as hubToken.` };
    if (response.status === 403) return { status: 403, problem: `The hub says this token is another pillar's${said}. Check hubToken and the pillar id the hub was given.` };
    return { status: response.status, problem: `The hub did not store the answers (HTTP ${response.status}${said}); they are sent again later.` };
  }

  private keep(kept: Kept): void {
    this.kept = kept;
    if (!this.deps.statusFile) return;
    try {
      writeFileAtomic(this.deps.statusFile, JSON.stringify(kept) + '\n');
    } catch (error) {
      this.deps.log('warn', `could not keep the sync status in ${this.deps.statusFile}: ${(error as Error).message}`);
    }
  }
}
