// The service screen's words, in Dutch and English: the tour crew's, not a developer's. Each
// problem says what is wrong and what to do about it.

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

/** A number with its noun, one or many: "1 antwoord", "3 antwoorden". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const nl: OperatorWords = {
  title: 'Servicescherm',
  otherLanguage: 'English',
  done: 'Klaar: terug naar de studenten',
  closeDoorToLeave: 'Sluit de servicedeur om terug te gaan naar de studenten.',
  pinTitle: 'Pincode voor de crew',
  pinHint: 'Alleen voor de tourcrew. Tik niets in, dan gaat dit scherm vanzelf terug.',
  pinWrong: 'Verkeerde pincode.',
  pinLocked: (s) => `Te vaak een verkeerde pincode. Probeer het over ${count(s, 'seconde', 'seconden')} opnieuw.`,
  pinClear: 'Wissen',
  pinEnter: 'OK',
  noPin: 'Open de servicedeur om bij het servicescherm te komen. (Er is geen pincode ingesteld; dat kan met `olifant operator pin`.)',
  backToStudents: 'Terug',
  problems: 'Wat er moet gebeuren',
  allWell: 'Alles in orde.',
  testAnswers: (n) => `Zolang dit servicescherm open is, tellen antwoorden op de zuil als test: ze komen in geen uitslag en geen college. Sinds het openging: ${count(n, 'antwoord', 'antwoorden')} als test.`,
  problem: (p) => {
    switch (p.code) {
      case 'no-board':
        return { what: `De besturing van de zuil is niet verbonden${p.detail ? ` (${p.detail})` : ''}.`, todo: 'Controleer de USB-kabel tussen de computer en de besturing en of de zuil stroom heeft; tik dan op "Zoek de besturing opnieuw".' };
      case 'simulated':
        return { what: 'Dit is een gesimuleerde zuil: er komen geen echte kaartjes uit.', todo: 'Start de kiosk zonder "--pillar simulated" om de echte zuil te gebruiken.' };
      case 'stack-empty':
        return { what: `Stapel ${p.slot} (${p.questionId}) is leeg.`, todo: `Vul stapel ${p.slot} met de kaartjes van ${p.questionId}.` };
      case 'stack-low':
        return { what: `Stapel ${p.slot} (${p.questionId}) is bijna leeg.`, todo: `Vul stapel ${p.slot} bij met de kaartjes van ${p.questionId}.` };
      case 'stack-jammed':
        return { what: `Stapel ${p.slot} (${p.questionId}) zit vast.`, todo: `Haal het vastgelopen kaartje uit stapel ${p.slot} en tik op "Test" bij die stapel.` };
      case 'stack-unknown':
        return { what: `Van stapel ${p.slot} (${p.questionId}) is de stand onbekend.`, todo: 'Wacht tot de besturing verbonden is.' };
      case 'card-in-gate':
        return { what: 'Er ligt nog een kaartje in de uitgifte.', todo: 'Neem het eruit.' };
      case 'venue-not-set':
        return { what: 'Er loopt geen locatiebezoek: antwoorden horen nu bij geen enkele locatie.', todo: 'Start hieronder een nieuw locatiebezoek met de naam van deze locatie.' };
    }
  },
  pillar: 'De zuil',
  pillarId: (id) => `Zuil-id: ${id}`,
  link: { connected: 'verbonden', connecting: 'zoekt de besturing…', stopped: 'gestopt' },
  port: 'Poort',
  firmware: 'Firmware',
  simulated: 'gesimuleerd',
  stack: (slot) => `Stapel ${slot}`,
  noQuestion: 'geen vraag',
  slotState: { OK: 'in orde', LOW: 'bijna leeg', EMPTY: 'leeg', JAM: 'vastgelopen', UNKNOWN: 'onbekend' },
  gate: { CLEAR: 'Uitgifte: leeg', CARD: 'Uitgifte: er ligt een kaartje', UNKNOWN: 'Uitgifte: onbekend' },
  testDispense: 'Test',
  dispensed: (slot) => `Stapel ${slot} gaf een kaartje.`,
  notDispensed: (slot, text) => `Stapel ${slot} gaf geen kaartje: ${text}.`,
  ledTest: 'Test de ledring',
  rescan: 'Zoek de besturing opnieuw',
  venue: 'Locatiebezoek',
  noVenue: 'Er loopt geen locatiebezoek.',
  since: (when) => `sinds ${when}`,
  answers: (visit, today, all) => `Antwoorden: ${visit} dit bezoek, ${today} vandaag, ${all} in totaal.`,
  newVisit: 'Nieuw locatiebezoek',
  venueName: 'Naam van de locatie',
  recentVenues: 'Recente locaties',
  startVisit: 'Start het bezoek',
  cancel: 'Annuleren',
  visitStarted: (name) => `Locatiebezoek "${name}" loopt. Nieuwe antwoorden horen erbij.`,
  content: 'Vragen (inhoudspakket)',
  running: 'Nu actief',
  previous: 'Vorige',
  version: (n) => `versie ${n}`,
  rollBack: 'Zet het vorige pakket terug',
  rollBackConfirm: (id, v) => `Terugzetten naar ${id} versie ${v}?`,
  yesRollBack: 'Ja, zet terug',
  rolledBack: (id, v) => `${id} versie ${v} is weer actief.`,
  stick: 'USB-stick',
  stickName: (label, drive) => (label ? `Stick "${label}" in ${drive}` : `Stick in ${drive}`),
  stickNone: 'Geen USB-stick gevonden. Steek een stick met een map "olifant-pack" in de computer.',
  unmountedRoots: (roots) =>
    `In settings.json noemt usbRoots ${roots.join(', ')}, maar daar is geen stick aangekoppeld. usbRoots is voor mappen waarin USB-sticks worden aangekoppeld (een stick verschijnt als map daarin, of wordt op de map zelf aangekoppeld); een gewone map met bestanden is geen stick. Sticks onder /media, /run/media en /mnt vindt de kiosk zelf.`,
  stickChecking: 'De stick wordt gecontroleerd…',
  stickNoPack: 'Op deze stick staat geen map "olifant-pack".',
  stickRefused: 'Dit pakket kan niet worden geïnstalleerd; er verandert niets:',
  stickFound: (title) => `Op de stick: ${title}`,
  versionChange: (from, to) => (from === null ? `versie ${to}` : `versie ${from} → ${to}`),
  otherPack: (id, v) => `vervangt ${id} versie ${v}`,
  added: 'Nieuwe vragen',
  removed: 'Vragen die verdwijnen',
  changed: 'Gewijzigde vragen',
  nothingChanged: 'Geen vragen gewijzigd.',
  headline: 'Kop van het beginscherm',
  putCards: (id, slot) => `Leg de kaartjes van ${id} in stapel ${slot}.`,
  install: 'Installeer dit pakket',
  alreadyRunning: 'Dit pakket draait al. De stick mag eruit.',
  rollbackWarning: (to, from) => `Dit is een OUDERE of dezelfde versie (${to}) dan die nu actief is (${from}). Weet je zeker dat je terug wilt?`,
  yesInstallOlder: 'Ja, installeer deze versie',
  installing: 'Bezig met installeren… trek de stick er niet uit.',
  installed: (id, v) => `${id} versie ${v} is geïnstalleerd. De studenten zien het bij het volgende beginscherm. De stick mag eruit.`,
  studentsGetItAt: 'De studenten zien nieuwe vragen pas bij het volgende beginscherm.',
  layoutTitle: 'Op het scherm van de zuil',
  layoutChecking: 'Elk scherm wordt nagemeten, staand en liggend…',
  layoutFits: (n) => `Alles past: ${count(n, 'scherm', 'schermen')} nagemeten, staand en liggend.`,
  layoutProblems: (n) => `${n === 1 ? 'Eén ding past' : `${n} dingen passen`} niet goed op het scherm. Je kunt het pakket toch installeren; vraag de tourorganisator om kortere teksten.`,
  layoutMore: (n) => `…en nog ${n}.`,
  layoutFailed: (reason) => `Het nameten lukte niet (${reason}). Dat zegt niets over het pakket; je kunt het toch installeren en daarna de schermen bekijken.`,
  layoutTooLong: 'het duurde te lang',
  layoutRule: {
    outside: 'valt buiten het scherm',
    'small-target': 'is te klein om aan te tikken',
    covered: 'ligt onder iets anders',
    'small-text': 'is te klein om te lezen',
    'cut-off': 'wordt afgesneden',
    overflow: 'past niet in zijn vak',
    overlap: 'ligt over andere tekst',
  },
  orientation: (w, h) => (w > h ? 'liggend' : 'staand'),
  screenName: (s) =>
    'slot' in s
      ? { question: `vraag ${s.slot}`, 'result-card': `uitslag ${s.slot}, kaart komt`, 'result-no-card': `uitslag ${s.slot}, geen kaart` }[s.kind]
      : { attract: 'wachtscherm', chooser: 'vragenkeuze', 'chooser-answered': 'vragenkeuze, alles beantwoord', 'still-there': '"Ben je er nog?"', goodbye: 'afscheid, kaart nog in de olifant' }[s.kind],
  sync: 'Versturen naar de hub',
  noHub: 'Er is geen hub ingesteld: de antwoorden blijven op de zuil (en gaan mee op een USB-stick).',
  hubAt: (url) => `Hub: ${url}`,
  waiting: (answers, venues) => `Wachten op verzending: ${count(answers, 'antwoord', 'antwoorden')}, ${count(venues, 'locatiebezoek', 'locatiebezoeken')}.`,
  lastSent: (when) => (when ? `Laatst gelukt: ${when}` : 'Nog nooit gelukt.'),
  hubOnStick: (url) => `Op de USB-stick staat een hub voor deze zuil: ${url}`,
  useHub: 'Gebruik deze hub',
  hubSet: (url) => `De antwoorden gaan voortaan naar ${url}.`,
  exportResults: 'Zet de resultaten op de USB-stick',
  exported: (n, lecture) => `De resultaten (${count(n, 'antwoord', 'antwoorden')})${lecture ? ' en de collegebestanden van dit bezoek (map olifant-lecture)' : ''} staan op de stick en zijn gecontroleerd. Je kunt de stick er nu uit halen.`,
  log: 'Logboek (nieuwste eerst)',
  emptyLog: 'Het logboek is leeg.',
  keyboardSpace: 'spatie',
  keyboardShift: 'hoofdletter',
  keyboardErase: '⌫ wis',
};

const en: OperatorWords = {
  title: 'Service screen',
  otherLanguage: 'Nederlands',
  done: 'Done: back to the students',
  closeDoorToLeave: 'Close the service door to go back to the students.',
  pinTitle: 'Crew PIN',
  pinHint: 'For the tour crew only. Type nothing and this screen goes back by itself.',
  pinWrong: 'Wrong PIN.',
  pinLocked: (s) => `Too many wrong PINs. Try again in ${count(s, 'second', 'seconds')}.`,
  pinClear: 'Clear',
  pinEnter: 'OK',
  noPin: 'Open the service door to reach the service screen. (No PIN is set; set one with `olifant operator pin`.)',
  backToStudents: 'Back',
  problems: 'What needs doing',
  allWell: 'All is well.',
  testAnswers: (n) => `While this service screen is open, answers on the pillar count as tests: they show in no result and no lecture. Since it opened: ${count(n, 'answer', 'answers')} counted as test.`,
  problem: (p) => {
    switch (p.code) {
      case 'no-board':
        return { what: `The pillar's controller is not connected${p.detail ? ` (${p.detail})` : ''}.`, todo: 'Check the USB cable between the computer and the controller, and that the pillar has power; then tap "Look for the controller again".' };
      case 'simulated':
        return { what: 'This is a simulated pillar: no real cards come out.', todo: 'Start the kiosk without "--pillar simulated" to use the real pillar.' };
      case 'stack-empty':
        return { what: `Stack ${p.slot} (${p.questionId}) is empty.`, todo: `Fill stack ${p.slot} with the cards for ${p.questionId}.` };
      case 'stack-low':
        return { what: `Stack ${p.slot} (${p.questionId}) is running low.`, todo: `Top up stack ${p.slot} with the cards for ${p.questionId}.` };
      case 'stack-jammed':
        return { what: `Stack ${p.slot} (${p.questionId}) is jammed.`, todo: `Clear the stuck card from stack ${p.slot}, then tap "Test" next to it.` };
      case 'stack-unknown':
        return { what: `The state of stack ${p.slot} (${p.questionId}) is unknown.`, todo: 'Wait until the controller is connected.' };
      case 'card-in-gate':
        return { what: 'A card is still waiting in the gate.', todo: 'Take it out.' };
      case 'venue-not-set':
        return { what: 'No venue visit is running: answers now belong to no venue.', todo: "Start a new venue visit below with this venue's name." };
    }
  },
  pillar: 'The pillar',
  pillarId: (id) => `Pillar id: ${id}`,
  link: { connected: 'connected', connecting: 'looking for the controller…', stopped: 'stopped' },
  port: 'Port',
  firmware: 'Firmware',
  simulated: 'simulated',
  stack: (slot) => `Stack ${slot}`,
  noQuestion: 'no question',
  slotState: { OK: 'fine', LOW: 'running low', EMPTY: 'empty', JAM: 'jammed', UNKNOWN: 'unknown' },
  gate: { CLEAR: 'Gate: empty', CARD: 'Gate: a card is waiting', UNKNOWN: 'Gate: unknown' },
  testDispense: 'Test',
  dispensed: (slot) => `Stack ${slot} gave a card.`,
  notDispensed: (slot, text) => `Stack ${slot} gave no card: ${text}.`,
  ledTest: 'Test the LED ring',
  rescan: 'Look for the controller again',
  venue: 'Venue visit',
  noVenue: 'No venue visit is running.',
  since: (when) => `since ${when}`,
  answers: (visit, today, all) => `Answers: ${visit} this visit, ${today} today, ${all} in all.`,
  newVisit: 'New venue visit',
  venueName: "The venue's name",
  recentVenues: 'Recent venues',
  startVisit: 'Start the visit',
  cancel: 'Cancel',
  visitStarted: (name) => `Venue visit "${name}" is running. New answers belong to it.`,
  content: 'Questions (content pack)',
  running: 'Running',
  previous: 'Previous',
  version: (n) => `version ${n}`,
  rollBack: 'Go back to the previous pack',
  rollBackConfirm: (id, v) => `Go back to ${id} version ${v}?`,
  yesRollBack: 'Yes, go back',
  rolledBack: (id, v) => `${id} version ${v} is running again.`,
  stick: 'USB stick',
  stickName: (label, drive) => (label ? `Stick "${label}" at ${drive}` : `Stick at ${drive}`),
  stickNone: 'No USB stick found. Put in a stick with an "olifant-pack" folder.',
  unmountedRoots: (roots) =>
    `usbRoots in settings.json names ${roots.join(', ')}, but no stick is mounted there. usbRoots is for folders in which USB sticks get mounted (a stick shows as a folder inside, or is mounted on the folder itself); a plain folder of files is not a stick. Sticks under /media, /run/media and /mnt the kiosk finds by itself.`,
  stickChecking: 'Checking the stick…',
  stickNoPack: 'This stick has no "olifant-pack" folder.',
  stickRefused: 'This pack cannot be installed; nothing changes:',
  stickFound: (title) => `On the stick: ${title}`,
  versionChange: (from, to) => (from === null ? `version ${to}` : `version ${from} → ${to}`),
  otherPack: (id, v) => `replaces ${id} version ${v}`,
  added: 'New questions',
  removed: 'Questions that go',
  changed: 'Changed questions',
  nothingChanged: 'No questions changed.',
  headline: "The attract screen's headline",
  putCards: (id, slot) => `Put the cards for ${id} in stack ${slot}.`,
  install: 'Install this pack',
  alreadyRunning: 'This pack is running already. You may pull out the stick.',
  rollbackWarning: (to, from) => `This is an OLDER or the same version (${to}) as the one running (${from}). Are you sure you want to go back?`,
  yesInstallOlder: 'Yes, install this version',
  installing: 'Installing… do not pull out the stick.',
  installed: (id, v) => `${id} version ${v} is installed. Students see it at the next attract screen. You may pull out the stick.`,
  studentsGetItAt: 'Students see new questions only at the next attract screen.',
  layoutTitle: "On the pillar's screen",
  layoutChecking: 'Measuring every screen, upright and on its side…',
  layoutFits: (n) => `Everything fits: ${count(n, 'screen', 'screens')} measured, upright and on its side.`,
  layoutProblems: (n) => `${n === 1 ? 'One thing does' : `${n} things do`} not fit the screen well. You can still install the pack; ask the tour organiser for shorter texts.`,
  layoutMore: (n) => `…and ${n} more.`,
  layoutFailed: (reason) => `Measuring did not work (${reason}). That says nothing about the pack; you can still install it and look at the screens afterwards.`,
  layoutTooLong: 'it took too long',
  layoutRule: {
    outside: 'is off the screen',
    'small-target': 'is too small to tap',
    covered: 'is under something else',
    'small-text': 'is too small to read',
    'cut-off': 'is cut off',
    overflow: 'does not fit its box',
    overlap: 'lies over other text',
  },
  orientation: (w, h) => (w > h ? 'on its side' : 'upright'),
  screenName: (s) =>
    'slot' in s
      ? { question: `question ${s.slot}`, 'result-card': `result ${s.slot}, card coming`, 'result-no-card': `result ${s.slot}, no card` }[s.kind]
      : { attract: 'attract screen', chooser: 'question choice', 'chooser-answered': 'question choice, all answered', 'still-there': '"Still there?"', goodbye: 'goodbye, card still in the elephant' }[s.kind],
  sync: 'Sending to the hub',
  noHub: 'No hub is set: the answers stay on the pillar (and leave on a USB stick).',
  hubAt: (url) => `Hub: ${url}`,
  waiting: (answers, venues) => `Waiting to be sent: ${count(answers, 'answer', 'answers')}, ${count(venues, 'venue visit', 'venue visits')}.`,
  lastSent: (when) => (when ? `Last sent: ${when}` : 'Never sent yet.'),
  hubOnStick: (url) => `The USB stick holds a hub for this pillar: ${url}`,
  useHub: 'Use this hub',
  hubSet: (url) => `From now on the answers go to ${url}.`,
  exportResults: 'Export the results to the USB stick',
  exported: (n, lecture) => `The results (${count(n, 'answer', 'answers')})${lecture ? " and this visit's lecture files (folder olifant-lecture)" : ''} are on the stick and checked. You can take the stick out now.`,
  log: 'Log (newest first)',
  emptyLog: 'The log is empty.',
  keyboardSpace: 'space',
  keyboardShift: 'shift',
  keyboardErase: '⌫ erase',
};

export const WORDS: Record<OperatorLanguage, OperatorWords> = { nl, en };
