// PNG files of a visit's charts, for slides of the lecturer's own: each question's chart
// (chart-svg.ts, drawn as the presenter view reads) rendered at 1920×1080 by resvg with the fonts
// shipped in content/fonts, never the machine's own, so it looks the same everywhere.

import { Resvg } from '@resvg/resvg-js';
import type { QuestionResult } from '../api/lecture.ts';
import { CHART_FONT, chartSvg } from './chart-svg.ts';
import type { Lecture } from './lecture.ts';
import { fontFile } from './text-width.ts';
import type { ReportWords } from './words.ts';

/** One question's chart as a PNG, with its prompt above the bars. */
export function chartPng(question: QuestionResult, language: string, words: ReportWords): Buffer {
  const svg = chartSvg(question, language, words, true);
  return new Resvg(svg, { font: { fontFiles: [fontFile('regular'), fontFile('bold')], loadSystemFonts: false, defaultFontFamily: CHART_FONT } }).render().asPng();
}

/** One PNG per question: its name (`<slot>-<question id>.png`) and bytes. */
export function lectureCharts(l: Lecture): Array<{ name: string; png: Buffer }> {
  return l.results.questions.map((q) => ({ name: `${q.slot ?? 0}-${q.id}.png`, png: chartPng(q, l.language, l.words) }));
}
