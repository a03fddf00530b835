// The presenter's words, in Dutch and English: on a projector, for a hall.

import { MIN_GROUP } from '../../electron/results/floor.ts';

export type PresenterLanguage = 'nl' | 'en';

export interface PresenterWords {
  tour: string;
  visits: string;
  answers: (n: number) => string;
  pillars: string;
  lastArrived: (when: string | null) => string;
  present: string;
  downloads: string;
  ranked: string;
  rankedHow: string;
  notComparable: string;
  thisVenue: string;
  restOfTour: string;
  tooFew: (group: string) => string;
  guess: string;
  keys: string;
  floor: string;
  back: string;
  noVisits: string;
}

const nl: PresenterWords = {
  tour: 'De tour',
  visits: 'Locatiebezoeken',
  answers: (n) => `${n} ${n === 1 ? 'antwoord' : 'antwoorden'}`,
  pillars: 'Zuilen',
  lastArrived: (when) => (when ? `laatste antwoorden ontvangen ${when}` : 'nog niets ontvangen'),
  present: 'Presenteer',
  downloads: 'Bestanden',
  ranked: 'Waar het gesprek kan beginnen',
  rankedHow: 'Vragen op volgorde van hoe ver de antwoorden hier afwijken van de rest van de tour (de helft van de som van de verschillen in procenten).',
  notComparable: 'nog niet te vergelijken',
  thisVenue: 'Hier',
  restOfTour: 'Rest van de tour',
  tooFew: (group) => `${group}: nog te weinig antwoorden (minder dan ${MIN_GROUP})`,
  guess: 'Wat denk jij? Raad eerst.',
  keys: 'Enter: tonen · ←/→: vraag · I: inzicht · B: zwart · L: taal · F: volledig scherm · Esc: terug',
  floor: `Groepen van minder dan ${MIN_GROUP} antwoorden worden niet getoond.`,
  back: 'Terug',
  noVisits: 'Nog geen antwoorden op deze hub.',
};

const en: PresenterWords = {
  tour: 'The tour',
  visits: 'Venue visits',
  answers: (n) => `${n} ${n === 1 ? 'answer' : 'answers'}`,
  pillars: 'Pillars',
  lastArrived: (when) => (when ? `answers last arrived ${when}` : 'nothing arrived yet'),
  present: 'Present',
  downloads: 'Files',
  ranked: 'Where the discussion could start',
  rankedHow: "Questions in order of how far the answers here lie from the rest of the tour's (half the sum of the differences in percentages).",
  notComparable: 'not comparable yet',
  thisVenue: 'Here',
  restOfTour: 'Rest of the tour',
  tooFew: (group) => `${group}: too few answers yet (fewer than ${MIN_GROUP})`,
  guess: 'What do you think? Guess first.',
  keys: 'Enter: reveal · ←/→: question · I: insight · B: blank · L: language · F: full screen · Esc: back',
  floor: `Groups of fewer than ${MIN_GROUP} answers are not shown.`,
  back: 'Back',
  noVisits: 'No answers on this hub yet.',
};

export const PRESENTER_WORDS: Record<PresenterLanguage, PresenterWords> = { nl, en };
