// Counted words read right for one as for many, in every text of the kiosk (nl, en, de, fr) and
// of the service screen (nl, en): "1 antwoord", never "1 antwoorden".

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WORDS } from '../../renderer/operator/words.ts';
import { strings } from '../../renderer/shared/i18n.ts';

const MANY_FOR_ONE = /\b1 (antwoorden|seconden|locatiebezoeken|schermen|answers|seconds|venue visits|screens|Antworten|Sekunden|réponses|secondes)\b/;

/** Every text a set of words makes with each number set to 1 (texts made from other things are left out). */
function withOne(words: object): string[] {
  return Object.entries(words).flatMap(([key, value]) => {
    if (typeof value !== 'function' || value.length === 0) return [];
    try {
      const text: unknown = value(...Array.from({ length: value.length }, () => 1));
      return typeof text === 'string' ? [`${key}: ${text}`] : [];
    } catch {
      return []; // takes an object, not numbers
    }
  });
}

test('one of a thing is said in the singular, on the kiosk and on the service screen', () => {
  const texts = [...['nl', 'en', 'de', 'fr'].flatMap((code) => withOne(strings(code))), ...withOne(WORDS.nl), ...withOne(WORDS.en)];
  assert.ok(texts.some((t) => t.startsWith('waiting: ')) && texts.some((t) => t.startsWith('stillThereHint: ')), 'the counting texts are among them');
  assert.deepEqual(texts.filter((t) => MANY_FOR_ONE.test(t)), []);
  assert.ok(texts.includes('waiting: Wachten op verzending: 1 antwoord, 1 locatiebezoek.'));
});
