// The service screen's words, in Dutch and English, from the catalogues in electron/words: the
// tour crew's, not a developer's. Each problem says what is wrong and what to do about it.

import { plain, words, type Language, type Values } from '../../electron/words/catalogue.ts';
import type { Problem, SlotState } from '../../electron/api/operator.ts';
import type { LayoutRule, ScreenName } from '../kiosk/audit/report.ts';

export type OperatorLanguage = 'nl' | 'en';

export interface OperatorWords {
  title: string;
  otherLanguage: string;
  done: string;
  closeDoorToLeave: string;
  pinTitle: string;
  pinHint: string;
  pinWrong: string;
  pinLocked: (seconds: number) => string;
  pinClear: string;
  pinEnter: string;
  noPin: string;
  backToStudents: string;
  problems: string;
  allWell: string;
  /** While the session is open: answers on the pillar count as tests, and how many so far. */
  testAnswers: (count: number) => string;
  problem: (problem: Problem) => { what: string; todo: string };
  pillar: string;
  pillarId: (id: string) => string;
  link: Record<'connected' | 'connecting' | 'stopped', string>;
  port: string;
  firmware: string;
  simulated: string;
  stack: (slot: number) => string;
  noQuestion: string;
  slotState: Record<SlotState, string>;
  gate: Record<'CLEAR' | 'CARD' | 'UNKNOWN', string>;
  testDispense: string;
  dispensed: (slot: number) => string;
  notDispensed: (slot: number, text: string) => string;
  ledTest: string;
  rescan: string;
  venue: string;
  noVenue: string;
  since: (when: string) => string;
  answers: (visit: number, today: number, all: number) => string;
  newVisit: string;
  venueName: string;
  recentVenues: string;
  startVisit: string;
  cancel: string;
  visitStarted: (name: string) => string;
  content: string;
  running: string;
  previous: string;
  version: (n: number) => string;
  rollBack: string;
  rollBackConfirm: (id: string, version: number) => string;
  yesRollBack: string;
  rolledBack: (id: string, version: number) => string;
  stick: string;
  /** The stick by its label (the name a desktop shows) and where it is mounted. */
  stickName: (label: string | null, drive: string) => string;
  stickNone: string;
  /** usbRoots names folders with nothing mounted on or below them: what the setting expects. */
  unmountedRoots: (roots: string[]) => string;
  stickChecking: string;
  stickNoPack: string;
  stickRefused: string;
  stickFound: (title: string) => string;
  versionChange: (from: number | null, to: number) => string;
  otherPack: (id: string, version: number) => string;
  added: string;
  removed: string;
  changed: string;
  nothingChanged: string;
  headline: string;
  putCards: (questionId: string, slot: number) => string;
  install: string;
  alreadyRunning: string;
  rollbackWarning: (to: number, from: number) => string;
  yesInstallOlder: string;
  installing: string;
  installed: (id: string, version: number) => string;
  studentsGetItAt: string;
  /** Packs a hub offered (OfferPanel.tsx). */
  offers: string;
  offerFetching: (id: string, version: number) => string;
  offerFound: (title: string) => string;
  offerRefused: (id: string, version: number) => string;
  offerAuto: string;
  offerInstalling: string;
  offerInstalled: (id: string, version: number) => string;
  decline: string;
  declined: (id: string, version: number) => string;
  /** The pack's student screens, measured before installing (LayoutCheck). */
  layoutTitle: string;
  layoutChecking: string;
  layoutFits: (screens: number) => string;
  layoutProblems: (count: number) => string;
  layoutMore: (count: number) => string;
  /** The measuring itself failed: the pack is not judged. */
  layoutFailed: (reason: string) => string;
  layoutTooLong: string;
  layoutRule: Record<LayoutRule, string>;
  /** Upright (the pillar) or on its side. */
  orientation: (width: number, height: number) => string;
  screenName: (screen: ScreenName) => string;
  sync: string;
  noHub: string;
  hubAt: (url: string) => string;
  waiting: (answers: number, venues: number) => string;
  lastSent: (when: string | null) => string;
  hubOnStick: (url: string) => string;
  useHub: string;
  hubSet: (url: string) => string;
  exportResults: string;
  exported: (answers: number, lectureFiles: boolean) => string;
  log: string;
  emptyLog: string;
  keyboardSpace: string;
  keyboardShift: string;
  keyboardErase: string;
}

/** The service screen's words in one language, from its catalogue (electron/words). */
function operatorWords(language: Language): OperatorWords {
  const w = words(language, 'operator');
  return {
    ...plain(
      [
        'title', 'otherLanguage', 'done', 'closeDoorToLeave', 'pinTitle', 'pinHint', 'pinWrong', 'pinClear', 'pinEnter', 'noPin',
        'backToStudents', 'problems', 'allWell', 'pillar', 'port', 'firmware', 'simulated', 'noQuestion', 'testDispense', 'ledTest',
        'rescan', 'venue', 'noVenue', 'newVisit', 'venueName', 'recentVenues', 'startVisit', 'cancel', 'content', 'running', 'previous',
        'rollBack', 'yesRollBack', 'stick', 'stickNone', 'stickChecking', 'stickNoPack', 'stickRefused', 'added', 'removed', 'changed',
        'nothingChanged', 'headline', 'install', 'alreadyRunning', 'yesInstallOlder', 'installing', 'studentsGetItAt', 'layoutTitle',
        'layoutChecking', 'layoutTooLong', 'sync', 'noHub', 'useHub', 'exportResults', 'log', 'emptyLog', 'keyboardSpace', 'keyboardShift',
        'keyboardErase', 'offers', 'offerAuto', 'offerInstalling', 'decline',
      ],
      w,
    ),
    pinLocked: (seconds) => w('pinLocked', { seconds }),
    testAnswers: (count) => w('testAnswers', { count }),
    problem: (p) => {
      const values: Values = 'slot' in p ? { slot: p.slot, questionId: String(p.questionId) } : {};
      const what = p.code === 'no-board' && p.detail ? w('problem.no-board.whatDetail', { detail: p.detail }) : w(`problem.${p.code}.what`, values);
      return { what, todo: w(`problem.${p.code}.todo`, values) };
    },
    pillarId: (id) => w('pillarId', { id }),
    link: plain(['connected', 'connecting', 'stopped'], (key) => w(`link.${key}`)),
    stack: (slot) => w('stack', { slot }),
    slotState: plain(['OK', 'LOW', 'EMPTY', 'JAM', 'UNKNOWN'], (key) => w(`slotState.${key}`)),
    gate: plain(['CLEAR', 'CARD', 'UNKNOWN'], (key) => w(`gate.${key}`)),
    dispensed: (slot) => w('dispensed', { slot }),
    notDispensed: (slot, text) => w('notDispensed', { slot, text }),
    since: (when) => w('since', { when }),
    answers: (visit, today, all) => w('answers', { visit, today, all }),
    visitStarted: (name) => w('visitStarted', { name }),
    version: (version) => w('version', { version }),
    rollBackConfirm: (id, version) => w('rollBackConfirm', { id, version }),
    rolledBack: (id, version) => w('rolledBack', { id, version }),
    stickName: (label, drive) => (label ? w('stickName', { label, drive }) : w('stickNameUnlabelled', { drive })),
    unmountedRoots: (roots) => w('unmountedRoots', { roots: roots.join(', ') }),
    stickFound: (title) => w('stickFound', { title }),
    versionChange: (from, to) => (from === null ? w('versionNew', { to }) : w('versionChange', { from, to })),
    otherPack: (id, version) => w('otherPack', { id, version }),
    putCards: (id, slot) => w('putCards', { id, slot }),
    rollbackWarning: (to, from) => w('rollbackWarning', { to, from }),
    installed: (id, version) => w('installed', { id, version }),
    offerFetching: (id, version) => w('offerFetching', { id, version }),
    offerFound: (title) => w('offerFound', { title }),
    offerRefused: (id, version) => w('offerRefused', { id, version }),
    offerInstalled: (id, version) => w('offerInstalled', { id, version }),
    declined: (id, version) => w('declined', { id, version }),
    layoutFits: (count) => w('layoutFits', { count }),
    layoutProblems: (count) => w('layoutProblems', { count }),
    layoutMore: (count) => w('layoutMore', { count }),
    layoutFailed: (reason) => w('layoutFailed', { reason }),
    layoutRule: plain(['outside', 'small-target', 'covered', 'small-text', 'cut-off', 'overflow', 'overlap'], (key) => w(`layoutRule.${key}`)),
    orientation: (width, height) => w(width > height ? 'orientation.landscape' : 'orientation.portrait'),
    screenName: (s) => ('slot' in s ? w(`screen.${s.kind}`, { slot: s.slot }) : w(`screen.${s.kind}`)),
    hubAt: (url) => w('hubAt', { url }),
    waiting: (answers, venues) => w('waiting', { answers, venues }),
    lastSent: (when) => (when ? w('lastSent', { when }) : w('neverSent')),
    hubOnStick: (url) => w('hubOnStick', { url }),
    hubSet: (url) => w('hubSet', { url }),
    exported: (count, lecture) => w('exported', { count, lecture: lecture ? 'yes' : 'no' }),
  };
}

/** The service screen speaks Dutch and English (its catalogues have German and French too, for a crew that asks). */
export const WORDS: Record<OperatorLanguage, OperatorWords> = { nl: operatorWords('nl'), en: operatorWords('en') };
