// The chart the presenter shows and the PNG files are made of (chart-svg.ts), laid out for every
// extreme pack the format allows (tests/helpers/extreme-packs.ts), in every lecture language,
// with both groups shown, this venue under the floor, and the rest of the tour under it: each
// text, measured in the shipped font, stands whole inside the 1920×1080 chart, and nothing is
// cut short (no …): not the question, not an answer, not the legend.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkManifest } from '../../content/pack.ts';
import { LECTURE_LANGUAGES, type QuestionResult } from '../../electron/api/lecture.ts';
import { answerValues } from '../../electron/results/aggregates.ts';
import { chartSvg } from '../../electron/lecture-files/chart-svg.ts';
import { textWidth } from '../../electron/lecture-files/text-width.ts';
import { REPORT_WORDS } from '../../electron/lecture-files/words.ts';
import { extremePacks } from '../helpers/extreme-packs.ts';

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Every text of an SVG chart: where it stands, its size, weight, anchor and words. */
function texts(svg: string) {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, content]) => {
    const attribute = (name: string) => attributes.match(new RegExp(`${name}="([^"]*)"`))?.[1];
    return { x: Number(attribute('x')), y: Number(attribute('y')), size: Number(attribute('font-size')), bold: attribute('font-weight') === 'bold', end: attribute('text-anchor') === 'end', text: decode(content) };
  });
}

test('every extreme pack, in every lecture language and group state: each chart text whole and inside the chart', () => {
  let checked = 0;
  for (const { name, pack } of extremePacks()) {
    const manifest = checkManifest(JSON.parse(readFileSync(path.join(pack.dir, 'pack.json'), 'utf8')));
    for (const question of manifest.questions) {
      const values = answerValues(question);
      // The widest figures: 100% of thousands beside one bar, a sliver beside the others.
      const counts = Object.fromEntries(values.map((v, i) => [v.value, i === 0 ? 9999 : 0]));
      const shown = { total: 9999, counts };
      const hidden = { total: null, counts: null };
      const states: Array<[string, Pick<QuestionResult, 'venue' | 'elsewhere'>]> = [['both shown', { venue: shown, elsewhere: shown }], ['this venue under the floor', { venue: hidden, elsewhere: shown }], ['the rest under the floor', { venue: shown, elsewhere: hidden }]];
      for (const language of LECTURE_LANGUAGES) {
        for (const [state, groups] of states) {
          const result: QuestionResult = { id: question.id, slot: question.slot, prompt: question.prompt, insight: null, values, tour: shown, difference: null, ...groups };
          for (const withPrompt of [true, false]) {
            for (const t of texts(chartSvg(result, language, REPORT_WORDS[language], withPrompt))) {
              const width = textWidth(t.text, t.size, t.bold ? 'bold' : 'regular');
              const left = t.end ? t.x - width : t.x;
              const where = `${name}, ${question.id}, ${language}, ${state}${withPrompt ? ', with the question' : ''}: "${t.text}"`;
              assert.ok(left >= 40 && left + width <= 1880, `${where} runs from x ${Math.round(left)} to ${Math.round(left + width)}`);
              assert.ok(t.y - t.size >= 0 && t.y <= 1080, `${where} at y ${t.y}`);
              assert.ok(!t.text.includes('…'), `${where} is cut short`);
              checked++;
            }
          }
        }
      }
    }
  }
  assert.ok(checked > 10_000, `${checked} texts checked`);
});
