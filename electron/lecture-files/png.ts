// PNG files of a visit's charts, for slides of the lecturer's own: each question's chart
// (chart-svg.ts, the presenter's drawing) rendered at 1920×1080 by resvg with the fonts
// shipped in content/fonts, never the machine's own, so it looks the same everywhere.

import { Resvg } from '@resvg/resvg-js';
import path from 'node:path';
import { appRoot } from '../platform/paths.ts';
import { CHART_FONT, chartSvg } from './chart-svg.ts';
import type { Lecture } from './lecture.ts';

const FONT_DIR = () => path.join(appRoot(), 'content', 'fonts');

/** One PNG per question: its name (`<slot>-<question id>.png`) and bytes. */
export function lectureCharts(l: Lecture): Array<{ name: string; png: Buffer }> {
  const fonts = [path.join(FONT_DIR(), 'DejaVuSans.ttf'), path.join(FONT_DIR(), 'DejaVuSans-Bold.ttf')];
  return l.results.questions.map((q) => {
    const svg = chartSvg(q, l.language, l.words, true);
    const png = new Resvg(svg, { font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: CHART_FONT } }).render().asPng();
    return { name: `${q.slot ?? 0}-${q.id}.png`, png };
  });
}
