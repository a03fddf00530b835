// The operator's API: what the service screen may ask of the app. Its own surface, apart
// from the student's: its own IPC channels (`operator:<method>`, only from the operator
// page), its own HTTP path (/api/operator/, only to this machine), and every method but
// the first four is refused until the service door is open or the PIN accepted.
// Types only (plus the method lists), so the renderer can import it.

import type { LinkState, SlotState } from '../../hardware/pillar.ts';
import type { Text } from '../../content/types.ts';
import type { Static } from 'typebox';
import type { Bridge, Client, Handlers } from './common.ts';
import type { DECLINE_OFFER, INSTALL_OFFER, INSTALL_STICK_PACK, START_VENUE, TEST_DISPENSE, UNLOCK, WINDOW_KEY } from './schemas/requests.ts';
import type { KioskPack } from './student.ts';
import type { StickExport, SyncStatus } from './sync.ts';

export type { SlotState } from '../../hardware/pillar.ts';

export interface SessionState {
  open: boolean;
  /** How the operator got in: the service door, or the PIN pad. */
  via: 'door' | 'pin' | null;
  /** Whether a PIN is set (`olifant operator pin`); without one only the door opens the screen. */
  pinSet: boolean;
  /** Seconds the PIN pad stays locked after wrong PINs; 0 when it takes a PIN. */
  lockedForSeconds: number;
  /** Answers given on the pillar since the session opened, stored as set-up taps (suspect "test"): they count nowhere. */
  testAnswers: number;
}

/** The key of this window's PIN session, which every operator call carries (schemas/requests.ts). */
export type WindowKey = Static<typeof WINDOW_KEY>;

/** Something the crew should do something about; the screen words it (Dutch or English) with what to do. */
export type Problem =
  | { code: 'no-board'; detail: string | null }
  | { code: 'simulated' }
  | { code: 'stack-empty' | 'stack-low' | 'stack-jammed' | 'stack-unknown'; slot: number; questionId: string | null }
  | { code: 'card-in-gate' }
  | { code: 'venue-not-set' };

export interface PillarView {
  /** This pillar's id: the hub knows it by this (`olifant hub add-pillar`). */
  id: string;
  link: LinkState;
  port: string | null;
  firmware: string | null;
  simulated: boolean;
  /** Each stack with the question whose cards belong in it (null: no question uses it). */
  stacks: Array<{ slot: number; state: SlotState; questionId: string | null }>;
  gate: 'CLEAR' | 'CARD' | 'UNKNOWN';
  problems: Problem[];
}

export interface VenueVisit {
  id: string;
  name: string;
  /** UTC hours, e.g. `2026-11-24T08:00Z`. */
  startedHour: string;
  endedHour: string | null;
}

export interface PackSummary {
  id: string;
  version: number;
  title: Text;
  questions: Array<{ id: string; slot: number }>;
}

/** A USB stick: where it is mounted, and its name (the file system's label) when it has one. */
export interface StickName {
  drive: string;
  label: string | null;
}

/**
 * What is on a USB stick, as far as content packs go. With none, the `usbRoots` folders that
 * have nothing mounted on or below them, so the crew can be told what that setting expects.
 */
export type StickView =
  | { kind: 'none'; unmountedRoots: string[] }
  | ({ kind: 'checking' } & StickName)
  | ({ kind: 'no-pack' } & StickName)
  | ({ kind: 'refused'; message: string } & StickName)
  | ({ kind: 'found'; preview: PackPreview } & StickName);

/** A pack on a stick, next to the running one: everything the crew checks before installing it. */
export interface PackPreview {
  id: string;
  title: Text;
  languages: string[];
  headline: Text;
  /** The running pack's version when it has the same id, else null (another pack). */
  versionFrom: number | null;
  versionTo: number;
  /** Same id and a version that is not higher: installing it needs a second confirmation. */
  rollback: boolean;
  /** This very pack is the one running (just installed from this stick, say): nothing to install. */
  running: boolean;
  replaces: { id: string; version: number };
  questions: Array<{ id: string; slot: number; text: Text; answers: Text[] }>;
  /** The pack as the student screens would show it: the preview measures every screen with it (LAYOUT_AUDIT_PAGE). */
  screens: KioskPack;
  changes: { added: string[]; removed: string[]; changed: string[] };
  assetBytes: number;
}

/** A content pack a hub offered this pillar, as the service screen shows it. */
export type OfferView = { offerId: string; packId: string; version: number } & (
  | { kind: 'fetching' }
  /** Refused: `message` names the rule broken, as for a stick's pack; the hub is told. */
  | { kind: 'refused'; message: string }
  /** Fetched and valid: previewed as a stick's pack; `autoInstall`: it installs itself at the next quiet moment. */
  | { kind: 'waiting'; preview: PackPreview; autoInstall: boolean }
);

export interface Overview {
  session: SessionState;
  pillar: PillarView;
  venue: { current: VenueVisit | null; recent: string[] };
  /** Answers that count (set-up taps left out): this venue visit, today, and all on this pillar. */
  answers: { visit: number; today: number; all: number };
  packs: { running: PackSummary; previous: PackSummary | null };
  stick: StickView;
  /** Content packs a hub offered, not yet installed or declined. */
  offers: OfferView[];
  /** Sending answers to the hub. */
  sync: SyncStatus;
  /** A hub for this pillar on the USB stick (`olifant hub add-pillar ID --stick DRIVE`), to use with one tap; null: none. */
  hubOnStick: { hubUrl: string } | null;
  /** The newest log lines first, at most 50. */
  log: string[];
}

export interface TestDispenseResult {
  ok: boolean;
  /** The board's own words when it failed (e.g. "slot 5 is empty"). */
  text: string | null;
}

export interface OperatorMethods {
  /** Allowed without a session: whether this window is in, and the PIN pad's lockout. */
  session(request?: WindowKey): SessionState;
  /**
   * Allowed without a session: the operator page has just loaded in a window, which has no PIN
   * session key yet. A PIN session open now was opened by a window that is gone (reloaded or
   * restarted): it ends. Answers with the state, as session() does.
   */
  windowOpened(request?: WindowKey): SessionState;
  /** Allowed without a session: tries a PIN; the key of the session it opens is for this window alone. */
  unlock(request: Static<typeof UNLOCK>): SessionState & { wrong: boolean; key: string | null };
  /** Allowed without a session: ends a PIN session (the door's ends when it closes). */
  leave(request?: WindowKey): null;
  overview(request?: WindowKey): Overview;
  testDispense(request: Static<typeof TEST_DISPENSE>): TestDispenseResult;
  testLed(request?: WindowKey): null;
  /** Looks for the controller board again (after replugging its cable). */
  rescanPillar(request?: WindowKey): null;
  startVenue(request: Static<typeof START_VENUE>): VenueVisit;
  /** Installs the pack on the stick; a roll-back needs `confirmRollback`. */
  installStickPack(request: Static<typeof INSTALL_STICK_PACK>): PackSummary;
  /** Installs a pack a hub offered, as a stick's; a roll-back needs `confirmRollback`. */
  installOffer(request: Static<typeof INSTALL_OFFER>): PackSummary;
  /** Declines a pack a hub offered: it is not installed, and the hub is told. */
  declineOffer(request: Static<typeof DECLINE_OFFER>): null;
  rollbackPack(request?: WindowKey): PackSummary;
  /** Writes every answer, venue visit and pack as a signed results bundle to the USB stick; done only once it is read back. */
  exportResults(request?: WindowKey): StickExport;
  /** Takes the hub address and token for this pillar from the USB stick into the settings. */
  useHubOnStick(request?: WindowKey): { hubUrl: string };
}

export type OperatorMethod = keyof OperatorMethods;
export type OperatorHandlers = Handlers<OperatorMethods>;
export type OperatorBridge = Bridge<OperatorMethods>;
export type OperatorApi = Client<OperatorMethods>;

export const OPERATOR_METHODS = [
  'session', 'windowOpened', 'unlock', 'leave', 'overview', 'testDispense', 'testLed', 'rescanPillar', 'startVenue', 'installStickPack', 'rollbackPack', 'exportResults', 'useHubOnStick',
  'installOffer', 'declineOffer',
] as const satisfies readonly OperatorMethod[];

/** IPC channel names: `operator:<method>`, accepted only from the operator page. */
export const OPERATOR_CHANNEL = 'operator';
/** Where the operator page lives, below the kiosk page. */
export const OPERATOR_PAGE = 'operator/';
/**
 * The layout audit: the student screens of a pack, each measured against the layout rules.
 * The operator page frames it (at the pillar's screen sizes) to preview a pack on a stick;
 * the only page that may be framed, and only by the kiosk's own pages.
 */
export const LAYOUT_AUDIT_PAGE = 'kiosk/audit/';
