// One question's chart as SVG, in the presenter view's order, colours and words (the
// presenter draws its own in the page, sized by the screen; lecture-render.test.ts holds the
// two to one reading): served by the hub as chart.svg, and the PNG files are made from it. Per answer, this venue against the
// rest of the tour: thick bars, the percentage and the count in big type, a legend; a group
// under the privacy floor is not drawn and says so, and when it is this venue's, the chart's
// title says so first, so the rest of the tour is never read as this room's answers. Every
// text is measured in the shipped font (text-width.ts) and laid out to fit: a long answer
// wraps, a long legend takes a line per group. 1920×1080, the projector's size.

import type { QuestionResult } from '../api/lecture.ts';
import { withShownGroups } from '../results/floor.ts';
import { largestSize, textWidth, wrap } from './text-width.ts';
import type { ReportWords } from './words.ts';

const CHART_WIDTH = 1920;
const CHART_HEIGHT = 1080;
const MARGIN = 80;
const LINE_WIDTH = CHART_WIDTH - 2 * MARGIN;
/** The font the chart is drawn in: shipped in content/fonts, so a PNG looks the same everywhere. */
export const CHART_FONT = 'DejaVu Sans';

/** The lecture's colours (the presenter view's): cream on deep plum, this venue orange, the rest of the tour lilac. */
export const PALETTE = { venue: '#FF9A3C', elsewhere: '#C7A6F0', text: '#FFF4E6', background: '#2B1740' };

const SIZE = { prompt: 56, notice: 48, label: 40, value: 36, legend: 38, floor: 26 };
const SWATCH = 36;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const text = (x: number, y: number, size: number, content: string, more = '') =>
  `<text x="${x}" y="${y}" font-size="${size}" font-weight="bold"${more ? ` ${more}` : ''}>${escape(content)}</text>`;

export interface LegendItem {
  text: string;
  /** Shown groups get a swatch in their colour; a group under the floor only says why. */
  swatch: boolean;
  colour: string;
}

/** The legend, in the presenter's order (this venue, then the rest of the tour): "Deze locatie · 6 antwoorden". */
export function legendItems(question: QuestionResult, words: ReportWords): LegendItem[] {
  return [
    { name: words.thisVenue, group: question.venue, colour: PALETTE.venue },
    { name: words.restOfTour, group: question.elsewhere, colour: PALETTE.elsewhere },
  ].map(({ name, group, colour }) => ({ text: group.counts ? `${name} · ${words.answers(group.total)}` : `${name}: ${words.notShown}`, swatch: group.counts !== null, colour }));
}

/**
 * The legend's items on one line if they fit `width` at size `from` (a swatch `swatch` wide
 * before each shown group, items 1.6 sizes apart), else one item per line at the largest size
 * down to `floor` at which each fits.
 */
export function legendLines(items: LegendItem[], width: number, from: number, floor: number, swatch: number) {
  const itemWidth = (item: LegendItem, size: number) => textWidth(item.text, size) + (item.swatch ? swatch * 1.45 : 0);
  const gap = (size: number) => size * 1.6;
  if (items.reduce((w, item) => w + itemWidth(item, from), 0) + (items.length - 1) * gap(from) <= width) return { size: from, gap: gap(from), lines: [items] };
  const size = largestSize(from, floor, (s) => items.every((item) => itemWidth(item, s) <= width));
  return { size, gap: gap(size), lines: items.map((item) => [item]) };
}

export function chartSvg(question: QuestionResult, language: string, words: ReportWords, withPrompt: boolean): string {
  const say = (t: Record<string, string> | null) => (t ? (t[language] ?? Object.values(t)[0] ?? '') : '');
  const shown = withShownGroups([
    { group: question.venue, colour: PALETTE.venue },
    { group: question.elsewhere, colour: PALETTE.elsewhere },
  ]);
  const parts: string[] = [];
  let top = 40;
  if (withPrompt) {
    // The question whole, on three lines if its type can step down (to 32 px) that far, else on as many as it takes.
    const prompt = say(question.prompt);
    const size = largestSize(SIZE.prompt, 32, (s) => wrap(prompt, LINE_WIDTH, s, 99).length <= 3);
    for (const line of wrap(prompt, LINE_WIDTH, size, 6)) parts.push(text(MARGIN, (top += Math.round(size * 1.25)), size, line));
    top += 30;
  }
  // This venue under the floor, the rest of the tour shown: the title says whose bars these are.
  if (question.venue.counts === null && question.elsewhere.counts !== null) {
    for (const line of wrap(words.noVenueYet, LINE_WIDTH, SIZE.notice, 2)) parts.push(text(MARGIN, (top += 62), SIZE.notice, line, `fill="${PALETTE.elsewhere}"`));
    top += 30;
  }

  const legend = legendLines(legendItems(question, words), LINE_WIDTH, SIZE.legend, 24, SWATCH);
  const legendStep = legend.size + 14;
  const legendTop = CHART_HEIGHT - 70 - (legend.lines.length - 1) * legendStep - legend.size;
  legend.lines.forEach((line, i) => {
    let x = MARGIN;
    const y = CHART_HEIGHT - 70 - (legend.lines.length - 1 - i) * legendStep;
    for (const item of line) {
      if (item.swatch) {
        parts.push(`<rect x="${x}" y="${y - legend.size * 0.8}" width="${SWATCH}" height="${SWATCH}" rx="6" fill="${item.colour}"/>`);
        x += SWATCH * 1.45;
      }
      parts.push(text(x, y, legend.size, item.text, `fill="${item.swatch ? item.colour : PALETTE.text}"`));
      x += textWidth(item.text, legend.size) + legend.gap;
    }
  });
  parts.push(`<text x="${MARGIN}" y="${CHART_HEIGHT - 20}" font-size="${SIZE.floor}">${escape(words.floor)}</text>`);

  if (shown.length > 0) {
    const rows = Math.max(1, question.values.length);
    const row = Math.min(150, (legendTop - 40 - top) / rows);
    const labels = question.values.map((v) => say(v.label));
    // Each answer on as many lines as its row holds (at most three), its type stepping down to
    // 26 px first; where even that is too little, the answers' column widens (into the bars').
    const linesAt = (s: number) => Math.max(1, Math.min(3, Math.floor((row - 8) / (s * 1.1))));
    const fits = (width: number, s: number) => labels.every((l) => wrap(l, width, s, 99).length <= linesAt(s));
    const narrowest = Math.min(640, Math.max(160, ...labels.map((l) => textWidth(l, SIZE.label))));
    const labelWidth = [narrowest, 720, 800, 880, 960].find((w) => w >= narrowest && fits(w, 26)) ?? 960;
    const labelSize = largestSize(SIZE.label, 26, (s) => fits(labelWidth, s));
    const maxLines = linesAt(labelSize);
    const barsX = MARGIN + labelWidth + 30;
    const barMax = CHART_WIDTH - MARGIN - barsX - textWidth('100% (0000)', SIZE.value) - 18;
    const bar = Math.min(64, (row - 24 - 8 * (shown.length - 1)) / shown.length);
    question.values.forEach((v, i) => {
      const y = top + i * row;
      const lines = wrap(labels[i], labelWidth, labelSize, maxLines);
      lines.forEach((line, l) => parts.push(text(barsX - 30, y + row / 2 + (l - (lines.length - 1) / 2) * labelSize * 1.1, labelSize, line, 'text-anchor="end" dominant-baseline="middle"')));
      const pairTop = y + (row - (shown.length * bar + 8 * (shown.length - 1))) / 2;
      shown.forEach(({ group, colour }, g) => {
        const n = group.counts[v.value] ?? 0;
        const width = Math.max(6, (n / group.total) * barMax);
        const by = pairTop + g * (bar + 8);
        parts.push(`<rect x="${barsX}" y="${by}" width="${width}" height="${bar}" rx="8" fill="${colour}"/>`);
        parts.push(text(barsX + width + 18, by + bar / 2, SIZE.value, `${Math.round((n / group.total) * 100)}% (${n})`, 'dominant-baseline="middle"'));
      });
    });
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${CHART_FONT}" fill="${PALETTE.text}">
<rect width="100%" height="100%" fill="${PALETTE.background}"/>
${parts.join('\n')}
</svg>
`;
}
