// One question's chart, drawn once, as SVG: the presenter shows it (served by the hub) and
// the PNG files are made from it, so they look the same. Per answer, this venue against the
// rest of the tour: thick bars, the percentage and the count in big type, a legend; a group
// under the privacy floor is not drawn and says so. 1920×1080, the projector's size.

import type { QuestionResult } from '../api/lecture.ts';
import type { ReportWords } from './words.ts';

const CHART_WIDTH = 1920;
const CHART_HEIGHT = 1080;
/** The font the chart is drawn in: shipped in content/fonts, so a PNG looks the same everywhere. */
export const CHART_FONT = 'DejaVu Sans';

const COLOURS = { venue: '#FF9A3C', elsewhere: '#C7A6F0', text: '#FFF4E6', background: '#2B1740' };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The prompt broken into lines of about `width` characters, at most `max` lines (the last ends in … when cut). */
function lines(text: string, width: number, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.length > max ? [...out.slice(0, max - 1), `${out[max - 1]}…`] : out;
}

export function chartSvg(question: QuestionResult, language: string, words: ReportWords, withPrompt: boolean): string {
  const say = (text: Record<string, string> | null) => (text ? (text[language] ?? Object.values(text)[0] ?? '') : '');
  const groups = [
    { name: words.thisVenue, group: question.venue, colour: COLOURS.venue },
    { name: words.restOfTour, group: question.elsewhere, colour: COLOURS.elsewhere },
  ];
  const promptLines = withPrompt ? lines(say(question.prompt), 52, 3) : [];
  const top = 60 + promptLines.length * 70 + (withPrompt ? 30 : 0);
  const legendY = CHART_HEIGHT - 70;
  const row = Math.min(150, (legendY - 40 - top) / Math.max(1, question.values.length));
  const labelW = 620;
  const barMax = CHART_WIDTH - labelW - 320;
  const bar = (row - 24) / 2;
  const parts: string[] = [];
  promptLines.forEach((text, i) => parts.push(`<text x="80" y="${110 + i * 70}" font-size="56" font-weight="bold">${escape(text)}</text>`));
  question.values.forEach((v, i) => {
    const y = top + i * row;
    parts.push(`<text x="${labelW - 30}" y="${y + row / 2}" font-size="40" font-weight="bold" text-anchor="end" dominant-baseline="middle">${escape(say(v.label))}</text>`);
    groups.forEach(({ group, colour }, g) => {
      if (!group.counts) return;
      const n = group.counts[v.value] ?? 0;
      const width = Math.max(6, (n / group.total) * barMax);
      const by = y + 8 + g * (bar + 8);
      parts.push(`<rect x="${labelW}" y="${by}" width="${width}" height="${bar}" rx="8" fill="${colour}"/>`);
      parts.push(`<text x="${labelW + width + 18}" y="${by + bar / 2}" font-size="36" font-weight="bold" dominant-baseline="middle">${Math.round((n / group.total) * 100)}% (${n})</text>`);
    });
  });
  let x = 80;
  for (const { name, group, colour } of groups) {
    const text = group.counts ? `${name} · ${words.answers(group.total)}` : `${name}: ${words.notShown}`;
    parts.push(`<text x="${x}" y="${legendY}" font-size="38" font-weight="bold" fill="${group.counts ? colour : COLOURS.text}">${escape(text)}</text>`);
    x += 60 + text.length * 22;
  }
  parts.push(`<text x="80" y="${CHART_HEIGHT - 20}" font-size="26">${escape(words.floor)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${CHART_FONT}" fill="${COLOURS.text}">
<rect width="100%" height="100%" fill="${COLOURS.background}"/>
${parts.join('\n')}
</svg>
`;
}
