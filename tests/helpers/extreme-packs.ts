// Extreme but valid content packs (../shared/content-pack.md), for the layout tests: every
// text as long as the format allows, made of real words of each language with its long
// compounds, so hyphenation and wrapping meet what a tour organiser could write.

import { buildPack, type BuiltPack } from './packs.ts';

/** Words per language, the long compounds first. */
const WORDS: Record<string, string[]> = {
  nl: ['arbeidsmarktdiscriminatie', 'gelijkebehandelingswetgeving', 'ondervertegenwoordiging', 'sollicitatiegesprek', 'kansengelijkheid', 'wie', 'krijgt', 'een', 'eerlijke', 'kans', 'op', 'de', 'werkvloer', 'bij', 'het', 'aannemen', 'van', 'nieuwe', 'collega’s'],
  en: ['underrepresentation', 'discrimination', 'counterproductive', 'recruitment', 'responsibilities', 'who', 'gets', 'a', 'fair', 'chance', 'at', 'work', 'and', 'in', 'the', 'hiring', 'of', 'new', 'colleagues'],
  de: ['Arbeitsmarktdiskriminierung', 'Gleichbehandlungsgrundsatz', 'Antidiskriminierungsstelle', 'Vorstellungsgespräch', 'Chancengerechtigkeit', 'wer', 'bekommt', 'eine', 'faire', 'Chance', 'am', 'Arbeitsplatz', 'bei', 'der', 'Einstellung', 'neuer', 'Kollegen'],
  fr: ['anticonstitutionnellement', 'discrimination', 'représentativité', 'interprofessionnelles', 'recrutement', 'qui', 'obtient', 'une', 'vraie', 'chance', 'au', 'travail', 'lors', 'de', 'l’embauche', 'des', 'nouveaux', 'collègues'],
  // A language the kiosk has no words of its own for: its texts, English kiosk words around them.
  es: ['discriminación', 'representatividad', 'contratación', 'oportunidades', 'quién', 'recibe', 'una', 'oportunidad', 'justa', 'en', 'el', 'trabajo', 'al', 'contratar', 'nuevos', 'compañeros'],
};

/** Compounds of 30 and more letters, for the pack made of nothing else. */
const COMPOUNDS: Record<string, string[]> = {
  nl: ['arbeidsmarktdiscriminatieonderzoeksrapport', 'gelijkebehandelingscommissievergadering', 'sollicitatieprocedurebeoordelingsformulier'],
  de: ['Arbeitsmarktdiskriminierungsforschungsbericht', 'Antidiskriminierungsbeauftragtenkonferenz', 'Gleichbehandlungsgrundsatzverletzungsbeschwerde'],
  en: ['pneumonoultramicroscopicsilicovolcanoconiosis', 'antidisestablishmentarianism', 'hippopotomonstrosesquippedaliophobia'],
  fr: ['intergouvernementalisations', 'anticonstitutionnellement', 'hexakosioihexekontahexaphobiques'],
};

/** Exactly `length` characters of `words` (the word order turned by `seed`), ending in `end`. */
function text(words: string[], length: number, seed: number, end = ''): string {
  let out = '';
  for (let i = seed; out.length < length; i++) out += (out ? ' ' : '') + words[i % words.length];
  return out.slice(0, length - end.length).trimEnd().padEnd(length - end.length, 'e') + end;
}

type Texts = (language: string, length: number, seed: number, end?: string) => string;
const inWords: Texts = (language, length, seed, end) => text(WORDS[language], length, seed, end);
const inCompounds: Texts = (language, length, seed, end) => text(COMPOUNDS[language], length, seed, end);
/** Everything in capitals, the wider letters, as a poster might shout it. */
const inCapitals: Texts = (language, length, seed, end) => text(WORDS[language].map((w) => w.toUpperCase()), length, seed, end);

const each = (languages: string[], make: (language: string) => string) => Object.fromEntries(languages.map((l) => [l, make(l)]));

interface Shape {
  languages: string[];
  /** Per slot: a scale of this many steps, or a choice of this many options. */
  answers: Array<{ scale: number } | { choice: number }>;
  words?: Texts;
  /** Leave out the insights (they are optional). */
  noInsights?: boolean;
}

function manifestEdit({ languages, answers, words = inWords, noInsights = false }: Shape) {
  return (m: Record<string, any>) => {
    m.id = 'extreem';
    m.version = 1;
    m.languages = languages;
    m.title = each(languages, (l) => words(l, 80, 0));
    // The format sets no length for the headline; 120 characters is already more than a poster holds.
    m.attract = { headline: each(languages, (l) => words(l, 120, 1, '?')) };
    m.questions = answers.map((shape, i) => ({
      id: `vraag-${i + 1}`,
      slot: i + 1,
      prompt: each(languages, (l) => words(l, 200, i, '?')),
      answer:
        'scale' in shape
          ? { type: 'scale', steps: shape.scale, min: each(languages, (l) => words(l, 60, i + 2)), max: each(languages, (l) => words(l, 60, i + 3)) }
          : { type: 'choice', options: Array.from({ length: shape.choice }, (_, o) => ({ id: `optie-${o + 1}`, label: each(languages, (l) => words(l, 60, i + o)) })) },
      ...(noInsights ? {} : { insight: each(languages, (l) => words(l, 400, i + 4, '.')) }),
    }));
  };
}

const mixed = [{ scale: 7 }, { choice: 6 }, { scale: 7 }, { choice: 6 }, { scale: 7 }, { choice: 6 }];

/** The corpus: a name and the pack on its own stick folder. */
export function extremePacks(): Array<{ name: string; pack: BuiltPack }> {
  const shapes: Array<[string, Shape]> = [
    ['the largest texts in four languages', { languages: ['nl', 'en', 'de', 'fr'], answers: mixed }],
    ['7-step scales with long ends', { languages: ['nl', 'en'], answers: Array.from({ length: 6 }, () => ({ scale: 7 })) }],
    ['six long options', { languages: ['nl', 'en'], answers: Array.from({ length: 6 }, () => ({ choice: 6 })) }],
    ['compound words of 30+ letters', { languages: ['nl', 'en', 'de', 'fr'], answers: mixed, words: inCompounds }],
    ['everything in capitals', { languages: ['nl', 'de'], answers: mixed, words: inCapitals }],
    ['one question only', { languages: ['nl', 'en', 'de', 'fr'], answers: [{ choice: 6 }] }],
    ['two languages only', { languages: ['de', 'fr'], answers: mixed }],
    ['one language the kiosk has no words for', { languages: ['es'], answers: mixed }],
    ['the smallest: two questions, one language, two steps, two options, no insights', { languages: ['nl'], answers: [{ scale: 2 }, { choice: 2 }], noInsights: true }],
  ];
  return shapes.map(([name, shape]) => ({ name, pack: buildPack(manifestEdit(shape)) }));
}
