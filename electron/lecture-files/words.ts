// The lecture files' words, in the lecture's language (Dutch, English, German, French): what
// a lecturer and their audience read on the slides, the charts and in the spreadsheet.

import { LECTURE_LANGUAGES, type LectureLanguage } from '../api/lecture.ts';
import { MIN_GROUP } from '../results/floor.ts';

export type ReportLanguage = LectureLanguage;

export const isReportLanguage = (code: unknown): code is ReportLanguage => LECTURE_LANGUAGES.includes(code as ReportLanguage);

/** The exhibition's own name, the same in every language: the pillar carries it. */
export const EXHIBITION = 'De olifant in de kamer';

export interface ReportWords {
  /** The locale dates are written in. */
  locale: string;
  /** The exhibition's name in this language (beside its Dutch name, where that differs). */
  exhibition: string;
  thisVenue: string;
  restOfTour: string;
  wholeTour: string;
  answers: (n: number) => string;
  value: string;
  share: string;
  count: string;
  total: string;
  notShown: string;
  /** The title of a chart whose venue group is under the floor while the rest of the tour is shown. */
  noVenueYet: string;
  floor: string;
  title: (venue: string) => string;
  /** A visit that is still going on: since when. */
  since: (from: string) => string;
  /** The name of the answers given before the crew started a venue visit. */
  beforeAnyVisit: string;
  /** A question whose wording differs between the pack versions its answers were given under. */
  wordingChanged: (versions: number[]) => string;
  wording: (version: number, text: string) => string;
  method: string;
  methodText: string;
  sheetAbout: string;
  sheetAnswers: string;
  answerColumns: string[];
}

const list = (numbers: number[], and: string) => (numbers.length < 2 ? String(numbers[0] ?? '') : `${numbers.slice(0, -1).join(', ')} ${and} ${numbers.at(-1)}`);

const nl: ReportWords = {
  locale: 'nl-NL',
  exhibition: EXHIBITION,
  thisVenue: 'Deze locatie',
  restOfTour: 'Rest van de tour',
  wholeTour: 'Hele tour',
  answers: (n) => `${n} ${n === 1 ? 'antwoord' : 'antwoorden'}`,
  value: 'Antwoord',
  share: 'Aandeel',
  count: 'Aantal',
  total: 'Totaal',
  notShown: `Nog te weinig antwoorden om te tonen (minder dan ${MIN_GROUP})`,
  noVenueYet: 'Nog geen resultaten voor deze locatie; hieronder de rest van de tour',
  floor: `Groepen van minder dan ${MIN_GROUP} antwoorden worden niet getoond.`,
  title: (venue) => `De olifant in de kamer: ${venue}`,
  since: (from) => `sinds ${from}`,
  beforeAnyVisit: 'Antwoorden van vóór een locatiebezoek',
  wordingChanged: (versions) => `Let op: deze vraag is in pakketversie ${list(versions, 'en')} anders geformuleerd. De antwoorden op elke versie tellen samen.`,
  wording: (version, text) => `Pakketversie ${version}: "${text}"`,
  method: 'Hoe deze cijfers verzameld zijn',
  methodText: `Studenten beantwoordden de vragen anoniem op de zuil "De olifant in de kamer": geen namen, geen vrije tekst, tijden alleen per uur. Antwoorden die te snel of in een reeks gegeven werden, en testantwoorden van de crew, tellen niet mee. "Rest van de tour" zijn de andere locaties met minstens ${MIN_GROUP} antwoorden op de vraag. Groepen van minder dan ${MIN_GROUP} antwoorden worden niet getoond, ook niet zo dat ze uit te rekenen zijn.`,
  sheetAbout: 'Over',
  sheetAnswers: 'Antwoorden',
  answerColumns: ['vraag', 'antwoord', 'antwoordtekst', 'taal', 'uur', 'locatiebezoek', 'zuil', 'pakket', 'pakketversie'],
};

const en: ReportWords = {
  locale: 'en-GB',
  exhibition: 'The elephant in the room',
  thisVenue: 'This venue',
  restOfTour: 'Rest of the tour',
  wholeTour: 'Whole tour',
  answers: (n) => `${n} ${n === 1 ? 'answer' : 'answers'}`,
  value: 'Answer',
  share: 'Share',
  count: 'Count',
  total: 'Total',
  notShown: `Too few answers to show yet (fewer than ${MIN_GROUP})`,
  noVenueYet: 'No results for this venue yet; below, the rest of the tour',
  floor: `Groups of fewer than ${MIN_GROUP} answers are not shown.`,
  title: (venue) => `The elephant in the room: ${venue}`,
  since: (from) => `since ${from}`,
  beforeAnyVisit: 'Answers from before any venue visit',
  wordingChanged: (versions) => `Note: this question was worded differently in pack version ${list(versions, 'and')}. The answers to every version count together.`,
  wording: (version, text) => `Pack version ${version}: "${text}"`,
  method: 'How these figures were collected',
  methodText: `Students answered the questions anonymously on the pillar "The elephant in the room": no names, no free text, times only by the hour. Answers given too fast or in a burst, and the crew's test answers, do not count. "Rest of the tour" is the other venues with at least ${MIN_GROUP} answers to the question. Groups of fewer than ${MIN_GROUP} answers are not shown, not even so that they could be worked out.`,
  sheetAbout: 'About',
  sheetAnswers: 'Answers',
  answerColumns: ['question', 'answer', 'answer_text', 'language', 'hour', 'venue_visit', 'pillar', 'pack', 'pack_version'],
};

const de: ReportWords = {
  locale: 'de-DE',
  exhibition: 'Der Elefant im Raum',
  thisVenue: 'Dieser Standort',
  restOfTour: 'Rest der Tournee',
  wholeTour: 'Ganze Tournee',
  answers: (n) => `${n} ${n === 1 ? 'Antwort' : 'Antworten'}`,
  value: 'Antwort',
  share: 'Anteil',
  count: 'Anzahl',
  total: 'Gesamt',
  notShown: `Noch zu wenige Antworten, um sie zu zeigen (weniger als ${MIN_GROUP})`,
  noVenueYet: 'Noch keine Ergebnisse für diesen Standort; darunter der Rest der Tournee',
  floor: `Gruppen mit weniger als ${MIN_GROUP} Antworten werden nicht gezeigt.`,
  title: (venue) => `Der Elefant im Raum: ${venue}`,
  since: (from) => `seit ${from}`,
  beforeAnyVisit: 'Antworten aus der Zeit vor einem Standortbesuch',
  wordingChanged: (versions) => `Achtung: Diese Frage war in Paketversion ${list(versions, 'und')} anders formuliert. Die Antworten auf jede Version zählen zusammen.`,
  wording: (version, text) => `Paketversion ${version}: „${text}“`,
  method: 'Wie diese Zahlen erhoben wurden',
  methodText: `Studierende beantworteten die Fragen anonym an der Säule „De olifant in de kamer“ (Der Elefant im Raum): keine Namen, kein freier Text, Zeiten nur auf die Stunde genau. Zu schnell oder in Serie gegebene Antworten und Testantworten der Crew zählen nicht. „Rest der Tournee“ sind die anderen Standorte mit mindestens ${MIN_GROUP} Antworten auf die Frage. Gruppen mit weniger als ${MIN_GROUP} Antworten werden nicht gezeigt, auch nicht so, dass man sie ausrechnen könnte.`,
  sheetAbout: 'Über',
  sheetAnswers: 'Antworten',
  answerColumns: ['Frage', 'Antwort', 'Antworttext', 'Sprache', 'Stunde', 'Standortbesuch', 'Säule', 'Paket', 'Paketversion'],
};

const fr: ReportWords = {
  locale: 'fr-FR',
  exhibition: "L'éléphant dans la pièce",
  thisVenue: 'Ce lieu',
  restOfTour: 'Reste de la tournée',
  wholeTour: 'Toute la tournée',
  answers: (n) => `${n} ${n === 1 ? 'réponse' : 'réponses'}`,
  value: 'Réponse',
  share: 'Part',
  count: 'Nombre',
  total: 'Total',
  notShown: `Pas encore assez de réponses pour les montrer (moins de ${MIN_GROUP})`,
  noVenueYet: 'Pas encore de résultats pour ce lieu ; ci-dessous, le reste de la tournée',
  floor: `Les groupes de moins de ${MIN_GROUP} réponses ne sont pas montrés.`,
  title: (venue) => `L'éléphant dans la pièce : ${venue}`,
  since: (from) => `depuis ${from}`,
  beforeAnyVisit: "Réponses d'avant toute visite d'un lieu",
  wordingChanged: (versions) => `Attention : cette question était formulée autrement dans la version ${list(versions, 'et')} du contenu. Les réponses à chaque version sont comptées ensemble.`,
  wording: (version, text) => `Version ${version} : « ${text} »`,
  method: 'Comment ces chiffres ont été recueillis',
  methodText: `Les étudiants ont répondu anonymement aux questions sur la colonne « De olifant in de kamer » (L'éléphant dans la pièce) : pas de noms, pas de texte libre, des heures seulement à l'heure près. Les réponses données trop vite ou en rafale, et les réponses de test de l'équipe, ne comptent pas. « Reste de la tournée » désigne les autres lieux ayant au moins ${MIN_GROUP} réponses à la question. Les groupes de moins de ${MIN_GROUP} réponses ne sont pas montrés, pas même de façon à pouvoir les calculer.`,
  sheetAbout: 'À propos',
  sheetAnswers: 'Réponses',
  answerColumns: ['question', 'réponse', 'texte_réponse', 'langue', 'heure', 'visite_lieu', 'colonne', 'contenu', 'version_contenu'],
};

export const REPORT_WORDS: Record<ReportLanguage, ReportWords> = { nl, en, de, fr };

const AMSTERDAM = 'Europe/Amsterdam';

/** A UTC hour (`2026-11-24T13:00Z`) as people there read it: `24-11-2026 14:00` in Europe/Amsterdam. */
export function localHour(utcHour: string, timeZone = AMSTERDAM): string {
  const parts = new Intl.DateTimeFormat('nl-NL', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(utcHour));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}`;
}

/**
 * When a visit was, as a title slide says it, in Amsterdam time: one day with its hours
 * ("dinsdag 24 november 2026, 09:00–17:00"), several days ("24–26 november 2026"), or a visit
 * still going on ("sinds dinsdag 24 november 2026 om 9:00"). Empty when no hour is known.
 */
export function period(words: ReportWords, startedHour: string | null, endedHour: string | null): string {
  if (!startedHour) return '';
  const from = new Date(startedHour);
  const hours = new Intl.DateTimeFormat(words.locale, { timeZone: AMSTERDAM, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });
  if (!endedHour) return words.since(hours.format(from));
  const to = new Date(endedHour);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: AMSTERDAM, day: '2-digit', month: '2-digit', year: 'numeric' });
  if (day.format(from) === day.format(to)) return hours.formatRange(from, to);
  return new Intl.DateTimeFormat(words.locale, { timeZone: AMSTERDAM, day: 'numeric', month: 'long', year: 'numeric' }).formatRange(from, to);
}
