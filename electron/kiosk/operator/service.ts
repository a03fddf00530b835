// The operator's API: the service screen's view of the pillar, the venue visit, the answers,
// the content packs and the log, and what the crew may do about them. Every method but
// session, windowOpened, unlock and leave is refused here, in the service, while no operator session is
// open: hiding the screen from students is not the only guard. Plain Node: the same
// handlers behind Electron IPC and HTTP.

import type { CheckedPack, Pack } from '../../../content/pack.ts';
import type { Pillar, PillarStatus } from '../../../hardware/pillar.ts';
import type { Clock, Timer } from '../../../time/clock.ts';
import type { StickExport, SyncStatus } from '../../api/sync.ts';
import type { HubSettings } from '../sync/hub-file.ts';
import { DECLINE_OFFER, INSTALL_OFFER, INSTALL_STICK_PACK, requestOf, START_VENUE, TEST_DISPENSE, UNLOCK } from '../../api/schemas/requests.ts';
import type { OfferView, OperatorHandlers, Overview, PackSummary, PillarView, Problem, StickView, VenueVisit } from '../../api/operator.ts';
import { ApiError } from '../../api/errors.ts';
import { lastLines } from '../../platform/log.ts';
import { SettingsError } from '../settings/settings.ts';
import { VenueNameError } from '../venues/visits.ts';
import type { OperatorSession } from './session.ts';

/** How long the LED test shows the rainbow before the ring goes back to what it showed. */
const LED_TEST_MS = 3000;
const LOG_LINES = 50;

/** The venue visits, as the operator screen needs them (core/venues). */
interface VenueBook {
  current(): VenueVisit | null;
  /** Names of recent visits, newest first, each once. */
  recentNames(count: number): string[];
  start(name: string): VenueVisit;
  /** Answers that count (set-up taps left out): this venue visit, today, all. */
  counts(): Overview['answers'];
}

/** What is on a USB stick, and installing the pack found there (core/packs/stick.ts). */
interface StickDesk {
  view(): StickView;
  install(confirmRollback: boolean): Promise<CheckedPack>;
}

/** The packs a hub offered, to install or decline (packs/offers.ts). */
interface OfferDesk {
  views(): OfferView[];
  install(offerId: string, confirmRollback: boolean): Promise<CheckedPack>;
  decline(offerId: string): void;
}

interface OperatorDeps {
  session: OperatorSession;
  pillar: Pillar;
  pillarId: () => string;
  simulatedPillar: boolean;
  packs: { current(): CheckedPack; previous(): Pack | null; rollback(): Promise<CheckedPack> };
  venues: VenueBook;
  stick: StickDesk;
  offers: OfferDesk;
  /** Puts the LED ring back to what the kiosk shows (after the LED test). */
  restoreLed: () => void;
  sync: { status(): SyncStatus };
  /** This pillar's hub settings on the stick there is; null when there are none. */
  hubOnStick: () => HubSettings | null;
  /** Writes hub settings into settings.json (checked there). */
  setHub: (hub: HubSettings) => void;
  /** Writes the results bundle (and the running visit's lecture files) onto the stick there is. */
  exportResults: () => Promise<StickExport>;
  /** The log file, for the last lines; null when the log is not kept in a file. */
  logFile: string | null;
  /** What the LED test's rainbow is timed on. */
  clock: Clock;
}

function packSummary(pack: Pack): PackSummary {
  return { id: pack.id, version: pack.version, title: pack.title, questions: pack.questions.map((q) => ({ id: q.id, slot: q.slot })) };
}

/** The window's PIN session key a call carries, if any. */
const keyOf = (request: unknown) => (typeof request === 'object' && request !== null ? (request as { sessionKey?: unknown }).sessionKey : undefined);

const STACK_PROBLEM = { EMPTY: 'stack-empty', LOW: 'stack-low', JAM: 'stack-jammed', UNKNOWN: 'stack-unknown' } as const;

/** The pillar as the crew sees it: each stack with its question, and what needs doing. */
function pillarView(id: string, status: PillarStatus, pack: CheckedPack['pack'], simulated: boolean, venueSet: boolean): PillarView {
  const questionIn = (slot: number) => pack.questions.find((q) => q.slot === slot)?.id ?? null;
  const stacks = status.slots.map((state, i) => ({ slot: i + 1, state, questionId: questionIn(i + 1) }));
  const problems: Problem[] = [];
  if (simulated) problems.push({ code: 'simulated' });
  else if (status.link !== 'connected') problems.push({ code: 'no-board', detail: status.problem });
  for (const stack of stacks) {
    // A stack no question uses needs no cards.
    if (stack.state !== 'OK' && stack.questionId !== null) problems.push({ code: STACK_PROBLEM[stack.state], slot: stack.slot, questionId: stack.questionId });
  }
  if (status.gate === 'CARD') problems.push({ code: 'card-in-gate' });
  if (!venueSet) problems.push({ code: 'venue-not-set' });
  return { id, link: status.link, port: status.port, firmware: status.firmware, simulated, stacks, gate: status.gate, problems };
}

export class OperatorService {
  private readonly deps: OperatorDeps;
  private ledTest: Timer | null = null;

  constructor(deps: OperatorDeps) {
    this.deps = deps;
  }

  close(): void {
    this.deps.clock.clear(this.ledTest);
  }

  /** Lets in a call while the door is open, or one from the window that opened the PIN session. */
  private guard(request: unknown): void {
    if (!this.deps.session.admits(keyOf(request))) throw new ApiError('forbidden', 'Open the service door, or enter the PIN, first.');
  }

  readonly handlers: OperatorHandlers = {
    session: (request) => this.deps.session.state(keyOf(request)),

    windowOpened: (request) => this.deps.session.claim(keyOf(request)),

    unlock: (request) => {
      return this.deps.session.unlock(requestOf(UNLOCK, request).pin);
    },

    leave: () => {
      this.deps.session.leave();
      return null;
    },

    overview: (request) => {
      this.guard(request);
      const running = this.deps.packs.current();
      const venue = this.deps.venues.current();
      const before = this.deps.packs.previous();
      return {
        session: this.deps.session.state(keyOf(request)),
        pillar: pillarView(this.deps.pillarId(), this.deps.pillar.status(), running.pack, this.deps.simulatedPillar, venue !== null),
        venue: { current: venue, recent: this.deps.venues.recentNames(8) },
        answers: this.deps.venues.counts(),
        packs: { running: packSummary(running.pack), previous: before && packSummary(before) },
        stick: this.deps.stick.view(),
        offers: this.deps.offers.views(),
        sync: this.deps.sync.status(),
        hubOnStick: this.hubUrlOnStick(),
        log: this.deps.logFile ? lastLines(this.deps.logFile, LOG_LINES).reverse() : [],
      };
    },

    testDispense: async (request) => {
      this.guard(request);
      const { slot } = requestOf(TEST_DISPENSE, request);
      const outcome = await this.deps.pillar.dispense(slot);
      return outcome.ok ? { ok: true, text: null } : { ok: false, text: outcome.text };
    },

    testLed: async (request) => {
      this.guard(request);
      this.deps.clock.clear(this.ledTest);
      await this.deps.pillar.led('RAINBOW');
      this.ledTest = this.deps.clock.setTimeout(() => {
        this.ledTest = null;
        this.deps.restoreLed();
      }, LED_TEST_MS);
      return null;
    },

    rescanPillar: async (request) => {
      this.guard(request);
      await this.deps.pillar.stop();
      this.deps.pillar.start();
      return null;
    },

    startVenue: (request) => {
      this.guard(request);
      const { name } = requestOf(START_VENUE, request);
      try {
        return this.deps.venues.start(name);
      } catch (error) {
        // A name refused, or a settings.json that cannot be changed, is said in words; a disk that fails is `storage`.
        throw error instanceof VenueNameError || error instanceof SettingsError ? new ApiError('bad-request', error.message) : error;
      }
    },

    installStickPack: async (request) => {
      this.guard(request);
      const confirm = requestOf(INSTALL_STICK_PACK, request).confirmRollback;
      return packSummary((await this.refusedInWords(() => this.deps.stick.install(confirm))).pack);
    },

    installOffer: async (request) => {
      this.guard(request);
      const { offerId, confirmRollback } = requestOf(INSTALL_OFFER, request);
      return packSummary((await this.refusedInWords(() => this.deps.offers.install(offerId, confirmRollback))).pack);
    },

    declineOffer: async (request) => {
      this.guard(request);
      const { offerId } = requestOf(DECLINE_OFFER, request);
      await this.refusedInWords(async () => this.deps.offers.decline(offerId));
      return null;
    },

    rollbackPack: async (request) => {
      this.guard(request);
      return packSummary((await this.refusedInWords(() => this.deps.packs.rollback())).pack);
    },

    useHubOnStick: (request) => {
      this.guard(request);
      const hub = this.deps.hubOnStick();
      if (!hub) throw new ApiError('bad-request', 'There is no hub for this pillar on the USB stick (made with `olifant hub add-pillar PILLAR_ID --stick DRIVE`).');
      try {
        this.deps.setHub(hub);
      } catch (error) {
        throw new ApiError('storage', (error as Error).message);
      }
      return { hubUrl: hub.hubUrl };
    },

    exportResults: async (request) => {
      this.guard(request);
      try {
        return await this.deps.exportResults();
      } catch (error) {
        throw new ApiError('storage', (error as Error).message);
      }
    },
  };

  private hubUrlOnStick(): { hubUrl: string } | null {
    const hub = this.deps.hubOnStick();
    return hub && { hubUrl: hub.hubUrl };
  }

  /** A pack refused or a stick or disk failure reaches the screen in the store's own words. */
  private async refusedInWords<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // A stick or disk failure, or another install running, keeps its own code (api/errors.ts).
      throw error instanceof ApiError ? error : new ApiError('bad-request', (error as Error).message);
    }
  }
}
