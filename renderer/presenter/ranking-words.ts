// The words of a venue visit's ranking on the overview, for a lecturer to say aloud: the
// difference with the rest of the tour in percentage points, what that figure means, the
// files, and the answers from before any venue visit named as what they are; from the catalogues
// in electron/words.

import { plain, words, type Language } from '../../electron/words/catalogue.ts';

export interface RankingWords {
  /** The question where this venue differs most, said as a sentence. */
  strongest: (points: number) => string;
  difference: (points: number) => string;
  whatItMeans: string;
  meaning: string;
  charts: string;
  chart: (question: string) => string;
  beforeAnyVisit: string;
}

/** The ranking's words in one language, from its catalogue (electron/words). */
function rankingWords(language: Language): RankingWords {
  const w = words(language, 'ranking');
  return {
    strongest: (points) => w('strongest', { points }),
    difference: (points) => w('difference', { points }),
    ...plain(['whatItMeans', 'meaning', 'charts', 'beforeAnyVisit'], w),
    chart: (question) => w('chart', { question }),
  };
}

/** The overview's languages: Dutch and English. */
export const RANKING_WORDS: Record<string, RankingWords> = { nl: rankingWords('nl'), en: rankingWords('en') };
