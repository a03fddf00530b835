// The lecture files' words, in Dutch and English: what a lecturer and their audience read.

import { MIN_GROUP } from '../results/floor.ts';

export type ReportLanguage = 'nl' | 'en';

export interface ReportWords {
  thisVenue: string;
  restOfTour: string;
  wholeTour: string;
  answers: (n: number) => string;
  value: string;
  share: string;
  count: string;
  notShown: string;
  floor: string;
  title: (venue: string) => string;
  dates: (from: string, to: string | null) => string;
  method: string;
  methodText: string;
  sheetAbout: string;
  sheetAnswers: string;
  answerColumns: string[];
}

const nl: ReportWords = {
  thisVenue: 'Deze locatie',
  restOfTour: 'Rest van de tour',
  wholeTour: 'Hele tour',
  answers: (n) => `${n} ${n === 1 ? 'antwoord' : 'antwoorden'}`,
  value: 'Antwoord',
  share: 'Aandeel',
  count: 'Aantal',
  notShown: `Nog te weinig antwoorden om te tonen (minder dan ${MIN_GROUP})`,
  floor: `Groepen van minder dan ${MIN_GROUP} antwoorden worden niet getoond.`,
  title: (venue) => `De olifant in de kamer: ${venue}`,
  dates: (from, to) => (to ? `${from} tot ${to}` : `vanaf ${from}`),
  method: 'Hoe deze cijfers verzameld zijn',
  methodText: `Studenten beantwoordden de vragen anoniem op de zuil "De olifant in de kamer": geen namen, geen vrije tekst, tijden alleen per uur. Antwoorden die te snel of in een reeks gegeven werden, en testantwoorden van de crew, tellen niet mee. "Rest van de tour" zijn de andere locaties met minstens ${MIN_GROUP} antwoorden op de vraag. Groepen van minder dan ${MIN_GROUP} antwoorden worden niet getoond, ook niet zo dat ze uit te rekenen zijn.`,
  sheetAbout: 'Over',
  sheetAnswers: 'Antwoorden',
  answerColumns: ['vraag', 'antwoord', 'taal', 'uur', 'locatiebezoek', 'zuil', 'pakket', 'pakketversie'],
};

const en: ReportWords = {
  thisVenue: 'This venue',
  restOfTour: 'Rest of the tour',
  wholeTour: 'Whole tour',
  answers: (n) => `${n} ${n === 1 ? 'answer' : 'answers'}`,
  value: 'Answer',
  share: 'Share',
  count: 'Count',
  notShown: `Too few answers to show yet (fewer than ${MIN_GROUP})`,
  floor: `Groups of fewer than ${MIN_GROUP} answers are not shown.`,
  title: (venue) => `The elephant in the room: ${venue}`,
  dates: (from, to) => (to ? `${from} to ${to}` : `from ${from}`),
  method: 'How these figures were collected',
  methodText: `Students answered the questions anonymously on the pillar "The elephant in the room": no names, no free text, times only by the hour. Answers given too fast or in a burst, and the crew's test answers, do not count. "Rest of the tour" is the other venues with at least ${MIN_GROUP} answers to the question. Groups of fewer than ${MIN_GROUP} answers are not shown, not even so that they could be worked out.`,
  sheetAbout: 'About',
  sheetAnswers: 'Answers',
  answerColumns: ['question', 'answer', 'language', 'hour', 'venue_visit', 'pillar', 'pack', 'pack_version'],
};

export const REPORT_WORDS: Record<ReportLanguage, ReportWords> = { nl, en };

/** A UTC hour (`2026-11-24T13:00Z`) as people there read it: `24-11-2026 14:00` in Europe/Amsterdam. */
export function localHour(utcHour: string, timeZone = 'Europe/Amsterdam'): string {
  const parts = new Intl.DateTimeFormat('nl-NL', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(utcHour));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}`;
}
