// The lecture's slides (pptxgenjs), read as the presenter view reads: a title slide in the
// pillar's look (pptx-look.ts), then one slide per question with a native, editable clustered
// bar chart in the presenter's order and colours: the answers top to bottom as the pack lists
// them (a scale from its first step down to its last), in each pair this venue (orange) above
// the rest of the tour (lilac), percentages beside the bars, the counts in the legend, every
// chart text at 24 pt or more for the back of a hall. A venue under the privacy floor gets the
// presenter's plain title first; a question worded otherwise in another pack version says so.
// The insight (and the other wordings) in the speaker notes; the last slide says how the data
// was collected. Colours are 6-digit hex, one per series, so "edit data" works everywhere.

import PptxGenJSModule from 'pptxgenjs';
import { withShownGroups } from '../results/floor.ts';
import { wordingNotes, type Lecture } from './lecture.ts';
import { LOOK, methodSlide, sizeFor, titleSlide, type } from './pptx-look.ts';
import { legendItems, legendLines, type LegendItem } from './chart-svg.ts';
import { textWidth, wrap } from './text-width.ts';

// The package's types are CommonJS-shaped while Node loads its ES build, whose default export is the class.
const PptxGenJS = PptxGenJSModule as unknown as typeof PptxGenJSModule.default;
type Deck = InstanceType<typeof PptxGenJS>;
type Slide = ReturnType<Deck['addSlide']>;

/** Chart text, in points: the data labels, the answers beside the bars, the legend. */
export const CHART_TEXT_PT = 24;
const BODY_WIDTH = 12.3;
/** Where a question slide's last line ends, in inches from the top (of 7.5). */
const BOTTOM = 7.25;

/** The presenter's legend (chart-svg.ts's words and order), in native shapes and text, ending at `bottom`; returns its top. */
function legend(deck: Deck, slide: Slide, items: LegendItem[], bottom: number): number {
  const swatch = 0.3;
  const { size, gap, lines } = legendLines(items, BODY_WIDTH * 72, CHART_TEXT_PT, CHART_TEXT_PT, swatch * 72);
  const line = size / 72 + 0.14;
  // An item too long for the slide even at 24 pt takes a second line.
  const textLines = (item: LegendItem) => wrap(item.text, (BODY_WIDTH - (item.swatch ? swatch * 1.45 : 0)) * 72, size, 3).length;
  const heights = lines.map((row) => Math.max(...row.map(textLines)) * line);
  let y = bottom - heights.reduce((a, b) => a + b, 0);
  const top = y;
  lines.forEach((row, i) => {
    let x = 0.5;
    for (const item of row) {
      if (item.swatch) {
        slide.addShape(deck.ShapeType.rect, { x, y: y + (line - swatch) / 2, w: swatch, h: swatch, fill: { color: item.colour.slice(1) }, line: { type: 'none' } });
        x += swatch * 1.45;
      }
      const width = Math.min(textWidth(item.text, size) / 72 + 0.1, 0.5 + BODY_WIDTH - x);
      slide.addText(item.text, type({ x, y, w: width, h: heights[i], fontSize: size, bold: true, color: item.swatch ? item.colour.slice(1) : LOOK.text, valign: 'top' }));
      x += width + gap / 72;
    }
    y += heights[i];
  });
  return top;
}

function questionSlide(deck: Deck, l: Lecture, q: Lecture['results']['questions'][number]): void {
  const { words } = l;
  const slide = deck.addSlide();
  slide.background = { color: LOOK.background };
  // Top down: the question, then (this venue under the floor) the presenter's plain title.
  let top = 0.35;
  const heading = (text: string, from: number, more: Record<string, unknown> = {}) => {
    const size = sizeFor(text, BODY_WIDTH, 2, from);
    const height = (wrap(text, BODY_WIDTH * 72, size, 99).length * size * 1.2) / 72;
    slide.addText(text, type({ x: 0.5, y: top, w: BODY_WIDTH, h: height, fontSize: size, bold: true, valign: 'top', ...more }));
    top += height + 0.2;
  };
  heading(l.say(q.prompt), 32);
  if (q.venue.counts === null && q.elsewhere.counts !== null) heading(words.noVenueYet, 28, { color: LOOK.elsewhere });
  const series = withShownGroups([
    { name: words.thisVenue, group: q.venue, color: LOOK.venue },
    { name: words.restOfTour, group: q.elsewhere, color: LOOK.elsewhere },
  ]).map((s) => ({ ...s, name: `${s.name} (${words.answers(s.group.total)})` }));
  // At the bottom: the wording changed (at 24 pt, on as many lines of 0.42 in as it takes), above it the presenter's legend.
  const wording = wordingNotes(l, q.id);
  const note = wording?.note ?? null;
  const noteHeight = note ? wrap(note, BODY_WIDTH * 72, CHART_TEXT_PT, 3).length * 0.42 : 0;
  if (note) slide.addText(note, type({ x: 0.5, y: BOTTOM - noteHeight, w: BODY_WIDTH, h: noteHeight, fontSize: CHART_TEXT_PT, italic: true, valign: 'top' }));
  const legendTop = legend(deck, slide, legendItems(q, words), BOTTOM - noteHeight - (note ? 0.15 : 0));
  if (series.length > 0) {
    slide.addChart(
      deck.ChartType.bar,
      series.map((s) => ({ name: s.name, labels: q.values.map((v) => l.say(v.label)), values: q.values.map((v) => (s.group.counts[v.value] ?? 0) / s.group.total) })),
      {
        x: 0.4, y: top, w: 12.5, h: legendTop - 0.1 - top,
        barDir: 'bar', barGrouping: 'clustered', chartColors: series.map((s) => s.color), barGapWidthPct: 40,
        // The first answer on top, and in each pair the first series (this venue) above: as the presenter shows it.
        catAxisOrientation: 'maxMin' as 'minMax',
        catAxisLabelFontSize: CHART_TEXT_PT, catAxisLabelColor: LOOK.text, catAxisLabelFontFace: LOOK.font, catAxisLabelFontBold: true, catAxisLineShow: false, catAxisMajorTickMark: 'none',
        // The percentages stand beside the bars; the axis is hidden (and readable when shown again).
        valAxisHidden: true, valAxisMinVal: 0, valAxisMaxVal: 1, valGridLine: { style: 'none' }, valAxisLabelFormatCode: '0%', valAxisLabelFontSize: CHART_TEXT_PT, valAxisLabelColor: LOOK.text, valAxisLabelFontFace: LOOK.font,
        showValue: true, dataLabelFormatCode: '0%', dataLabelPosition: 'outEnd', dataLabelFontSize: CHART_TEXT_PT, dataLabelFontBold: true, dataLabelColor: LOOK.text, dataLabelFontFace: LOOK.font,
        // The legend is the presenter's (above), in its order whatever the program: this venue first.
        showLegend: false,
      },
    );
  }
  slide.addNotes([l.say(q.insight), note, ...(wording?.wordings ?? []), words.floor].filter(Boolean).join('\n\n'));
}

export async function lecturePresentation(l: Lecture): Promise<Buffer> {
  const deck = new PptxGenJS();
  deck.layout = 'LAYOUT_WIDE';
  deck.title = l.words.title(l.results.visit.name);
  titleSlide(deck, l);
  for (const q of l.results.questions) questionSlide(deck, l, q);
  methodSlide(deck, l);
  return (await deck.write({ outputType: 'nodebuffer' })) as Buffer;
}
