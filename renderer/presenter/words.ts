// The presenter's words, from the catalogues in electron/words. The overview is the lecturer's
// own page, in Dutch and English; the projected screen speaks the language of the questions
// shown (Dutch, English, German or French; Dutch around a question in any other language), for
// a hall.

import { isLanguage, LANGUAGES, plain, words, type Language } from '../../electron/words/catalogue.ts';

export type PresenterLanguage = 'nl' | 'en';

export interface PresenterWords {
  tour: string;
  visits: string;
  /** A visit's or the tour's answers in the groups that are shown (never all: see VisitSummary). */
  shownAnswers: (n: number) => string;
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

/** The overview's words in one language, from its catalogue (electron/words). */
function presenterWords(language: Language): PresenterWords {
  const w = words(language, 'presenter');
  return {
    ...plain(['tour', 'visits', 'pillars', 'present', 'keysHint', 'downloads', 'ranked', 'rankedHow', 'notComparable', 'noVisits'], w),
    shownAnswers: (count) => w('shownAnswers', { count }),
    lastArrived: (when) => (when ? w('lastArrived', { when }) : w('nothingArrived')),
  };
}

/** The overview speaks Dutch and English (its catalogues have German and French too). */
export const PRESENTER_WORDS: Record<PresenterLanguage, PresenterWords> = { nl: presenterWords('nl'), en: presenterWords('en') };

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

/** The keys of the projected screen, in the order the help shows them. */
const KEYS = ['chart', 'move', 'insight', 'blank', 'language', 'fullScreen', 'help', 'back'] as const;

/** The projected screen's words in one language, from its catalogue (electron/words). */
function projectedWords(language: Language): ScreenWords {
  const w = words(language, 'projected');
  return {
    ...plain(['thisVenue', 'restOfTour', 'venueUnderFloor', 'nothingToShow', 'guess', 'insight', 'floor', 'keysTitle'], w),
    answers: (count) => w('answers', { count }),
    tooFew: (group) => w('tooFew', { group }),
    keys: KEYS.map((key) => [w(`key.${key}`), w(`does.${key}`)]),
  };
}

const SCREEN_WORDS = new Map(LANGUAGES.map((language) => [language, projectedWords(language)]));

/** The projected screen's words for a question in `language`: its own, or Dutch. */
export const screenWords = (language: string): ScreenWords => SCREEN_WORDS.get(isLanguage(language) ? language : 'nl')!;
