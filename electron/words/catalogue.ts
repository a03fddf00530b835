// One catalogue per language (nl.ts, en.ts, de.ts, fr.ts), said through FormatJS's
// intl-messageformat: ICU plurals, number and date formats, in the browser and in Node alike.
// Each screen and the lecture files take their words from here; a table (`words(language,
// 'kiosk')`) gives the messages under one prefix.

import { IntlMessageFormat } from 'intl-messageformat';
import { MIN_GROUP } from '../results/floor.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { nl, type Catalogue } from './nl.ts';

export type { Catalogue };
export type Language = 'nl' | 'en' | 'de' | 'fr';
export type MessageKey = keyof Catalogue;

export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { nl, en, de, fr };
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

export const isLanguage = (code: unknown): code is Language => typeof code === 'string' && Object.hasOwn(CATALOGUES, code);

/** What a message's placeholders are filled with. `floor` is always there: the privacy floor. */
export type Values = Record<string, string | number>;

const parsed = new Map<string, IntlMessageFormat>();

/** The message `key` in `language`, its placeholders filled in. */
export function say(language: Language, key: MessageKey, values: Values = {}): string {
  const id = `${language}:${key}`;
  let message = parsed.get(id);
  if (!message) {
    message = new IntlMessageFormat(CATALOGUES[language][key], language);
    parsed.set(id, message);
  }
  return String(message.format({ floor: MIN_GROUP, ...values }));
}

/** The part of a key after `prefix.`: the keys of one table. */
export type KeyIn<Prefix extends string> = MessageKey extends infer K ? (K extends `${Prefix}.${infer Rest}` ? Rest : never) : never;

/** One table's messages in one language: `words('nl', 'kiosk')('answers', { count: 3 })`. */
export const words =
  <Prefix extends string>(language: Language, prefix: Prefix) =>
  (key: KeyIn<Prefix>, values?: Values): string =>
    say(language, `${prefix}.${key}` as MessageKey, values);

/** A table's messages without placeholders, by key: `plain(['title', 'done'], w)` is `{ title: w('title'), done: w('done') }`. */
export const plain = <const K extends string>(keys: readonly K[], word: (key: K) => string): Record<K, string> =>
  Object.fromEntries(keys.map((key) => [key, word(key)])) as Record<K, string>;
