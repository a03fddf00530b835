// Soft hyphens in a text, by its own language's rules (TeX's patterns, from the `hyphen`
// package), so long Dutch and German compounds break at a syllable instead of running off
// the screen. Electron's Chromium does no hyphenation of its own on Linux or Windows
// (electron/electron#33692): `hyphens: auto` alone would do nothing on the pillar.
// A language without patterns here gets the text as it is; the style's
// `overflow-wrap: anywhere` still breaks an over-long word as a last resort.

type Hyphenate = (text: string) => string;

/** Each language's patterns in a chunk of its own, loaded when a pack needs it: German's alone take a tenth of a second to set up. */
const PATTERNS: Record<string, () => Promise<{ hyphenateSync: Hyphenate }>> = {
  de: () => import('hyphen/de'),
  en: () => import('hyphen/en'),
  fr: () => import('hyphen/fr'),
  nl: () => import('hyphen/nl'),
};
const BY_LANGUAGE: Record<string, Hyphenate> = {};

/** Loads the patterns of these languages (a pack's, before its texts show); a text in a language not loaded shows as it is. */
export async function loadHyphenation(languages: string[]): Promise<void> {
  const wanted = languages.filter((code) => Object.hasOwn(PATTERNS, code) && !Object.hasOwn(BY_LANGUAGE, code));
  await Promise.all(wanted.map(async (code) => (BY_LANGUAGE[code] = (await PATTERNS[code]()).hyphenateSync)));
}

/** Pack texts and kiosk words come back again and again: each is hyphenated once. */
const done = new Map<string, string>();
const REMEMBERED = 5000;

export function hyphenated(text: string, language: string): string {
  const hyphenate = Object.hasOwn(BY_LANGUAGE, language) ? BY_LANGUAGE[language] : undefined;
  if (!hyphenate) return text;
  const key = `${language}\n${text}`;
  let result = done.get(key);
  if (result === undefined) {
    if (done.size >= REMEMBERED) done.clear();
    result = hyphenate(text);
    done.set(key, result);
  }
  return result;
}

/** The props of an element showing `text` in `language`: its lang, and the text hyphenated. */
export const say = (text: string, language: string) => ({ lang: language, children: hyphenated(text, language) });
