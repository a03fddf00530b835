// The presenter's words. The overview is the lecturer's own page, in Dutch and English; the
// projected screen speaks the language of the questions shown (Dutch, English, German or
// French; Dutch around a question in any other language), for a hall.

import { MIN_GROUP } from '../../electron/results/floor.ts';

export type PresenterLanguage = 'nl' | 'en';

export interface PresenterWords {
  tour: string;
  visits: string;
  answers: (n: number) => string;
  pillars: string;
  lastArrived: (when: string | null) => string;
  present: string;
  /** Beside "present": how to see the keys once presenting. */
  keysHint: string;
  downloads: string;
  ranked: string;
  rankedHow: string;
  notComparable: string;
  noVisits: string;
}

const nl: PresenterWords = {
  tour: 'De tour',
  visits: 'Locatiebezoeken',
  answers: (n) => `${n} ${n === 1 ? 'antwoord' : 'antwoorden'}`,
  pillars: 'Zuilen',
  lastArrived: (when) => (when ? `laatste antwoorden ontvangen ${when}` : 'nog niets ontvangen'),
  present: 'Presenteer',
  keysHint: 'Tijdens het presenteren toont ? de toetsen; op het scherm staan ze niet.',
  downloads: 'Bestanden',
  ranked: 'Waar het gesprek kan beginnen',
  rankedHow: 'Vragen op volgorde van hoe ver de antwoorden hier afwijken van de rest van de tour (de helft van de som van de verschillen in procenten).',
  notComparable: 'nog niet te vergelijken',
  noVisits: 'Nog geen antwoorden op deze hub.',
};

const en: PresenterWords = {
  tour: 'The tour',
  visits: 'Venue visits',
  answers: (n) => `${n} ${n === 1 ? 'answer' : 'answers'}`,
  pillars: 'Pillars',
  lastArrived: (when) => (when ? `answers last arrived ${when}` : 'nothing arrived yet'),
  present: 'Present',
  keysHint: 'While presenting, ? shows the keys; they are not on the screen.',
  downloads: 'Files',
  ranked: 'Where the discussion could start',
  rankedHow: "Questions in order of how far the answers here lie from the rest of the tour's (half the sum of the differences in percentages).",
  notComparable: 'not comparable yet',
  noVisits: 'No answers on this hub yet.',
};

export const PRESENTER_WORDS: Record<PresenterLanguage, PresenterWords> = { nl, en };

export interface ScreenWords {
  thisVenue: string;
  restOfTour: string;
  answers: (n: number) => string;
  tooFew: (group: string) => string;
  /** Over the chart when this venue's answers are under the floor and the rest of the tour's are not. */
  venueUnderFloor: string;
  /** Instead of the chart when neither group reaches the floor. */
  nothingToShow: string;
  guess: string;
  insight: string;
  floor: string;
  keysTitle: string;
  /** Each key and what it does. */
  keys: Array<[string, string]>;
}

const screenNl: ScreenWords = {
  thisVenue: 'Hier',
  restOfTour: 'Rest van de tour',
  answers: nl.answers,
  tooFew: (group) => `${group}: nog te weinig antwoorden (minder dan ${MIN_GROUP})`,
  venueUnderFloor: 'Nog geen resultaten voor deze locatie; hieronder de rest van de tour',
  nothingToShow: 'Nog te weinig antwoorden om iets te tonen.',
  guess: 'Wat denk jij? Raad eerst.',
  insight: 'Inzicht',
  floor: `Groepen van minder dan ${MIN_GROUP} antwoorden worden niet getoond.`,
  keysTitle: 'Toetsen',
  keys: [
    ['Enter, spatie', 'grafiek tonen of verbergen'],
    ['→ ←, PageDown PageUp', 'volgende of vorige vraag'],
    ['I', 'inzicht'],
    ['B', 'zwart scherm'],
    ['L', 'volgende taal'],
    ['F', 'volledig scherm'],
    ['?', 'deze toetsen tonen of verbergen'],
    ['Esc', 'terug naar het overzicht'],
  ],
};

const screenEn: ScreenWords = {
  thisVenue: 'Here',
  restOfTour: 'Rest of the tour',
  answers: en.answers,
  tooFew: (group) => `${group}: too few answers yet (fewer than ${MIN_GROUP})`,
  venueUnderFloor: 'No results for this venue yet; below, the rest of the tour',
  nothingToShow: 'Too few answers to show anything yet.',
  guess: 'What do you think? Guess first.',
  insight: 'Insight',
  floor: `Groups of fewer than ${MIN_GROUP} answers are not shown.`,
  keysTitle: 'Keys',
  keys: [
    ['Enter, Space', 'show or hide the chart'],
    ['→ ←, PageDown PageUp', 'next or previous question'],
    ['I', 'insight'],
    ['B', 'blank screen'],
    ['L', 'next language'],
    ['F', 'full screen'],
    ['?', 'show or hide these keys'],
    ['Esc', 'back to the overview'],
  ],
};

const screenDe: ScreenWords = {
  thisVenue: 'Hier',
  restOfTour: 'Rest der Tournee',
  answers: (n) => `${n} ${n === 1 ? 'Antwort' : 'Antworten'}`,
  tooFew: (group) => `${group}: noch zu wenige Antworten (weniger als ${MIN_GROUP})`,
  venueUnderFloor: 'Noch keine Ergebnisse für diesen Standort; darunter der Rest der Tournee',
  nothingToShow: 'Noch zu wenige Antworten, um etwas zu zeigen.',
  guess: 'Was meinst du? Erst raten.',
  insight: 'Einblick',
  floor: `Gruppen mit weniger als ${MIN_GROUP} Antworten werden nicht gezeigt.`,
  keysTitle: 'Tasten',
  keys: [
    ['Enter, Leertaste', 'Diagramm zeigen oder verbergen'],
    ['→ ←, Bild↓ Bild↑', 'nächste oder vorige Frage'],
    ['I', 'Einblick'],
    ['B', 'schwarzer Bildschirm'],
    ['L', 'nächste Sprache'],
    ['F', 'Vollbild'],
    ['?', 'diese Tasten zeigen oder verbergen'],
    ['Esc', 'zurück zur Übersicht'],
  ],
};

const screenFr: ScreenWords = {
  thisVenue: 'Ici',
  restOfTour: 'Reste de la tournée',
  answers: (n) => `${n} ${n === 1 ? 'réponse' : 'réponses'}`,
  tooFew: (group) => `${group} : pas encore assez de réponses (moins de ${MIN_GROUP})`,
  venueUnderFloor: 'Pas encore de résultats pour ce lieu ; ci-dessous, le reste de la tournée',
  nothingToShow: 'Pas encore assez de réponses pour montrer quoi que ce soit.',
  guess: 'Qu’en penses-tu ? Devine d’abord.',
  insight: 'Éclairage',
  floor: `Les groupes de moins de ${MIN_GROUP} réponses ne sont pas montrés.`,
  keysTitle: 'Touches',
  keys: [
    ['Entrée, Espace', 'montrer ou cacher le graphique'],
    ['→ ←, Page↓ Page↑', 'question suivante ou précédente'],
    ['I', 'éclairage'],
    ['B', 'écran noir'],
    ['L', 'langue suivante'],
    ['F', 'plein écran'],
    ['?', 'montrer ou cacher ces touches'],
    ['Échap', 'retour à l’aperçu'],
  ],
};

const SCREEN_WORDS: Record<string, ScreenWords> = { nl: screenNl, en: screenEn, de: screenDe, fr: screenFr };

/** The projected screen's words for a question in `language`: its own, or Dutch. */
export const screenWords = (language: string): ScreenWords => (Object.hasOwn(SCREEN_WORDS, language) ? SCREEN_WORDS[language] : screenNl);
