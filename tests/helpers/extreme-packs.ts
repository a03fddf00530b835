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
};

/** Compounds of 30 and more letters, for the pack made of nothing else. */
const COMPOUNDS: Record<string, string[]> = {
  nl: ['arbeidsmarktdiscriminatieonderzoeksrapport', 'gelijkebehandelingscommissievergadering', 'sollicitatieprocedurebeoordelingsformulier'],
  de: ['Arbeitsmarktdiskriminierungsforschungsbericht', 'Antidiskriminierungsbeauftragtenkonferenz', 'Gleichbehandlungsgrundsatzverletzungsbeschwerde'],
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

const each = (languages: string[], make: (language: string) => string) => Object.fromEntries(languages.map((l) => [l, make(l)]));

interface Shape {
  languages: string[];
  /** Per slot: a scale of this many steps, or a choice of this many options. */
  answers: Array<{ scale: number } | { choice: number }>;
  words?: Texts;
}

function manifestEdit({ languages, answers, words = inWords }: Shape) {
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
      insight: each(languages, (l) => words(l, 400, i + 4, '.')),
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
    ['compound words of 30+ letters', { languages: ['nl', 'de'], answers: mixed, words: inCompounds }],
    ['one question only', { languages: ['nl', 'en', 'de', 'fr'], answers: [{ choice: 6 }] }],
    ['two languages only', { languages: ['de', 'fr'], answers: mixed }],
  ];
  return shapes.map(([name, shape]) => ({ name, pack: buildPack(manifestEdit(shape)) }));
}
