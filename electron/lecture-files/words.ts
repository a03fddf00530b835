// The lecture files' words, in the lecture's language (Dutch, English, German, French): what
// a lecturer and their audience read on the slides, the charts and in the spreadsheet; from the
// catalogues in electron/words.

import { LECTURE_LANGUAGES, type LectureLanguage } from '../api/lecture.ts';
import { plain, words } from '../words/catalogue.ts';

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
  /** A visit's answers in the groups that are shown (never all: see VisitSummary). */
  shownAnswers: (n: number) => string;
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
  /** What a pillar's rest of the tour covers: the hub's figures as of a UTC hour, or (null) its own earlier visits. */
  restCovers: (asOfHour: string | null) => string;
  /** A question whose wording differs between the pack versions its answers were given under. */
  wordingChanged: (versions: number[]) => string;
  wording: (version: number, text: string) => string;
  method: string;
  methodText: string;
  sheetAbout: string;
  sheetAnswers: string;
  answerColumns: string[];
}

/** The locale each lecture language writes its dates and lists in. */
const LOCALES: Record<ReportLanguage, string> = { nl: 'nl-NL', en: 'en-GB', de: 'de-DE', fr: 'fr-FR' };

/** The columns of the answers sheet, in order. */
const COLUMNS = ['question', 'answer', 'answerText', 'language', 'hour', 'venueVisit', 'pillar', 'pack', 'packVersion'] as const;

/** The lecture files' words in one language, from its catalogue (electron/words). */
function reportWords(language: ReportLanguage): ReportWords {
  const w = words(language, 'lecture');
  const locale = LOCALES[language];
  return {
    locale,
    ...plain(
      [
        'exhibition', 'thisVenue', 'restOfTour', 'wholeTour', 'value', 'share', 'count', 'total', 'notShown', 'noVenueYet', 'floor',
        'beforeAnyVisit', 'method', 'methodText', 'sheetAbout', 'sheetAnswers',
      ],
      w,
    ),
    answers: (count) => w('answers', { count }),
    shownAnswers: (count) => w('shownAnswers', { count }),
    title: (venue) => w('title', { venue }),
    since: (from) => w('since', { from }),
    restCovers: (hour) => (hour === null ? w('restCoversPillar') : w('restCoversTour', { asOf: shortHour(locale, hour) })),
    wordingChanged: (versions) => w('wordingChanged', { versions: new Intl.ListFormat(locale, { type: 'conjunction' }).format(versions.map(String)) }),
    wording: (version, text) => w('wording', { version, text }),
    answerColumns: COLUMNS.map((column) => w(`column.${column}`)),
  };
}

export const REPORT_WORDS: Record<ReportLanguage, ReportWords> = { nl: reportWords('nl'), en: reportWords('en'), de: reportWords('de'), fr: reportWords('fr') };

const AMSTERDAM = 'Europe/Amsterdam';

/** A UTC hour (`2026-11-24T13:00Z`) as people there read it: `24-11-2026 14:00` in Europe/Amsterdam. */
export function localHour(utcHour: string, timeZone = AMSTERDAM): string {
  const parts = new Intl.DateTimeFormat('nl-NL', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(utcHour));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}`;
}

/** An hour as a first slide says how current figures are: "24 nov, 14:00", in Amsterdam time, kept on one line. */
const shortHour = (locale: string, utcHour: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: AMSTERDAM, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(utcHour)).replace(/\s/g, '\u00a0');

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
