// The kiosk's own words, per language, from the catalogues in electron/words. The questions
// come from the content pack; these are the buttons and messages around them. A pack language
// without a catalogue is not offered (see offeredLanguages).

import type { AsOf, ElsewhereFrom } from '../../electron/api/student.ts';
import { isLanguage, LANGUAGES, plain, words, type Language } from '../../electron/words/catalogue.ts';

export interface Strings {
  /** The language these words are in (a pack language without words of its own shows English ones). */
  lang: string;
  touchToStart: string;
  hello: string;
  languageName: string;
  switchTo: string;
  chooseTitle: string;
  /** For a pack of `count` questions (1 to 6). */
  chooseHint: (count: number) => string;
  answered: string;
  question: (slot: number) => string;
  finish: string;
  back: string;
  saving: string;
  notSaved: string;
  here: string;
  elsewhere: string;
  /** What "elsewhere" is on a pillar without figures from a hub: its own earlier visits. */
  earlierVisits: string;
  /** When a group's figures are from (they are older than a few hours): its day, a date for an earlier day, and the hour. */
  asOf: (group: string, day: AsOf['day'], date: string, hour: string) => string;
  firstOnes: string;
  tooFew: (group: string) => string;
  answers: (n: number) => string;
  yourAnswer: string;
  /** The result's one message, after a big share: that share of a group chose what this student chose. */
  sameAsYou: { here: string; elsewhere: string; earlierVisits: string };
  /** The other group's share, under the message. */
  groupShare: (group: string, share: string) => string;
  nextQuestion: string;
  card: {
    dispensing: string;
    take: string;
    taken: string;
    empty: string;
    jammed: string;
    /** The card moment's headline. */
    here: string;
    /** This student's earlier card still waits in the gate. */
    gateFull: string;
    /** Someone else's card still waits in the gate: never this student's fault. */
    gateFullOther: string;
    unavailable: string;
    photo: string;
    /** On the goodbye screen, when the card still waits in the gate. */
    forgotten: string;
  };
  stillThere: string;
  stillThereHint: (seconds: number) => string;
  yesStillHere: string;
  thanks: string;
  seeYou: string;
  /** For the operator, in a corner: the pillar is the simulator. */
  simulatedPillar: string;
}

/** The kiosk's words in one language, from its catalogue (electron/words). */
function kioskWords(lang: Language): Strings {
  const w = words(lang, 'kiosk');
  return {
    lang,
    ...plain(
      [
        'touchToStart', 'hello', 'languageName', 'switchTo', 'chooseTitle', 'answered', 'finish', 'back', 'saving', 'notSaved', 'here',
        'elsewhere', 'earlierVisits', 'firstOnes', 'yourAnswer', 'nextQuestion', 'stillThere', 'yesStillHere', 'thanks', 'seeYou', 'simulatedPillar',
      ],
      w,
    ),
    chooseHint: (count) => w('chooseHint', { count }),
    question: (slot) => w('question', { slot }),
    tooFew: (group) => w('tooFew', { group }),
    answers: (count) => w('answers', { count }),
    asOf: (group, day, date, hour) => w('asOf', { group, day, date, hour }),
    sameAsYou: { here: w('sameAsYou.here'), elsewhere: w('sameAsYou.elsewhere'), earlierVisits: w('sameAsYou.earlierVisits') },
    groupShare: (group, share) => w('groupShare', { group, share }),
    card: plain(
      ['dispensing', 'take', 'taken', 'empty', 'jammed', 'here', 'gateFull', 'gateFullOther', 'unavailable', 'photo', 'forgotten'],
      (key) => w(`card.${key}`),
    ),
    stillThereHint: (seconds) => w('stillThereHint', { seconds }),
  };
}

const KIOSK_WORDS = new Map(LANGUAGES.map((language) => [language, kioskWords(language)]));

/** The kiosk's words in `language`; a language without a catalogue gets the English ones. */
export const strings = (language: string): Strings => KIOSK_WORDS.get(isLanguage(language) ? language : 'en')!;

/** The pack's languages the kiosk speaks; with none of them, the pack's first (in English words). */
export function offeredLanguages(languages: string[]): string[] {
  const offered = languages.filter(isLanguage);
  return offered.length > 0 ? offered : languages.slice(0, 1);
}

/** A share from 0 to 1 as a whole percentage, written as the language writes it ("38%", "38 %"). */
export const percent = (share: number, language: string): string => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/**
 * How the result screen names the rest of the tour: its name, the phrase after its share, and,
 * for the hub's figures older than a few hours, a line saying when they are from (the hour
 * alone, where the pillar stands). A pillar without figures from a hub names its own earlier visits.
 */
export function elsewhereWords(from: ElsewhereFrom, t: Strings, language: string): { name: string; sameAsYou: string; asOf: string | null } {
  if (from.from === 'pillar') return { name: t.earlierVisits, sameAsYou: t.sameAsYou.earlierVisits, asOf: null };
  const said = (asOf: AsOf) => {
    const at = new Date(asOf.hour);
    const date = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' }).format(at);
    return t.asOf(t.elsewhere, asOf.day, date, new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(at));
  };
  return { name: t.elsewhere, sameAsYou: t.sameAsYou.elsewhere, asOf: from.asOf && said(from.asOf) };
}
