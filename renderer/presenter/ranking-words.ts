// The words of a venue visit's ranking on the overview, for a lecturer to say aloud: the
// difference with the rest of the tour in percentage points, what that figure means, the
// files, and the answers from before any venue visit named as what they are.

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

const nl: RankingWords = {
  strongest: (points) => `Hier wijkt deze locatie het sterkst af van de rest van de tour: ${points} procentpunten.`,
  difference: (points) => `wijkt ${points} procentpunten af`,
  whatItMeans: 'Wat betekent dat getal?',
  meaning:
    'Het is geen percentage dat het eens was. Het zegt hoeveel procent van de antwoorden hier anders verdeeld is dan in de rest van de tour: 0 procentpunten is precies dezelfde verdeling, 100 is geen enkel antwoord gemeen. (De helft van de opgetelde verschillen per antwoord.)',
  charts: 'png-grafieken (zip)',
  chart: (question) => `PNG-grafiek: ${question}`,
  beforeAnyVisit: 'Antwoorden van vóór een locatiebezoek',
};

const en: RankingWords = {
  strongest: (points) => `This is where this venue differs most from the rest of the tour: ${points} percentage points.`,
  difference: (points) => `differs by ${points} percentage points`,
  whatItMeans: 'What does that figure mean?',
  meaning:
    "It is not a share who agreed. It says what percentage of the answers here is spread differently from the rest of the tour's: 0 percentage points is the very same spread, 100 is no answer in common. (Half the sum of the differences per answer.)",
  charts: 'PNG charts (zip)',
  chart: (question) => `PNG chart: ${question}`,
  beforeAnyVisit: 'Answers from before any venue visit',
};

export const RANKING_WORDS: Record<string, RankingWords> = { nl, en };
