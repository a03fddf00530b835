// The word catalogues (electron/words): every language has every key, every message is good ICU
// syntax, and each language fills in the same placeholders as the Dutch, so no screen or
// lecture file ever shows a key, a raw brace or a blank where a number belongs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGUES, LANGUAGES, say } from '../../electron/words/catalogue.ts';

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** Every placeholder a message fills in, with how (`count:plural`, `group:argument`), nested ones too. */
function placeholders(elements: Element[], found = new Set<string>()): Set<string> {
  const kinds = ['literal', 'argument', 'number', 'date', 'time', 'select', 'plural', 'pound', 'tag'];
  for (const element of elements) {
    if (typeof element.value === 'string' && element.type !== 0) found.add(`${element.value}:${kinds[element.type]}`);
    for (const option of Object.values(element.options ?? {})) placeholders(option.value, found);
    if (element.children) placeholders(element.children, found);
  }
  return found;
}

test('the catalogues are nl, en, de and fr', () => {
  assert.deepEqual([...LANGUAGES].sort(), ['de', 'en', 'fr', 'nl']);
});

test('every language has every key of the Dutch, and no other', () => {
  const dutch = Object.keys(CATALOGUES.nl).sort();
  assert.ok(dutch.length > 30, 'the Dutch catalogue has the words');
  for (const language of LANGUAGES) {
    const keys = Object.keys(CATALOGUES[language]).sort();
    assert.deepEqual(keys.filter((k) => !dutch.includes(k)), [], `${language} has keys the Dutch has not`);
    assert.deepEqual(dutch.filter((k) => !keys.includes(k)), [], `${language} misses keys`);
    for (const key of keys) assert.ok(CATALOGUES[language][key as keyof typeof CATALOGUES.nl].trim().length > 0, `${language} ${key} is empty`);
  }
});

test('every message parses as ICU, with the same placeholders in every language', () => {
  const broken: string[] = [];
  for (const key of Object.keys(CATALOGUES.nl) as Array<keyof typeof CATALOGUES.nl>) {
    const shapes = LANGUAGES.map((language) => {
      try {
        return [...placeholders(new IntlMessageFormat(CATALOGUES[language][key], language).getAst() as Element[])].sort().join(' ');
      } catch (error) {
        broken.push(`${language} ${key}: ${(error as Error).message}`);
        return '';
      }
    });
    if (new Set(shapes).size > 1) broken.push(`${key}: ${LANGUAGES.map((l, i) => `${l} [${shapes[i]}]`).join(', ')}`);
  }
  assert.deepEqual(broken, []);
});

test('plurals follow each language: one of a thing in the singular, and French 0 too', () => {
  assert.equal(say('nl', 'kiosk.answers', { count: 1 }), '1 antwoord');
  assert.equal(say('nl', 'kiosk.answers', { count: 0 }), '0 antwoorden');
  assert.equal(say('en', 'kiosk.answers', { count: 2 }), '2 answers');
  assert.equal(say('de', 'kiosk.answers', { count: 1 }), '1 Antwort');
  assert.equal(say('fr', 'kiosk.answers', { count: 0 }), '0 réponse');
  assert.equal(say('fr', 'kiosk.answers', { count: 2 }), '2 réponses');
  assert.equal(say('nl', 'kiosk.chooseHint', { count: 3 }), 'Drie vragen. Beantwoord er één, of allemaal. Anoniem.');
  assert.equal(say('nl', 'kiosk.chooseHint', { count: 1 }), 'Eén vraag. Anoniem.');
});

test('a number is written as its language writes it', () => {
  assert.equal(say('nl', 'kiosk.answers', { count: 1234 }), '1.234 antwoorden');
  assert.equal(say('en', 'kiosk.answers', { count: 1234 }), '1,234 answers');
});

test('the privacy floor is filled in from the results library', () => {
  assert.match(say('nl', 'kiosk.firstOnes'), /Zodra er 5 antwoorden zijn/);
});
