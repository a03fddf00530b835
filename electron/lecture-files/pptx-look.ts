// The lecture slides' look, the pillar's own: cream type on deep plum, this venue orange and
// the rest of the tour lilac (the presenter view's colours, from chart-svg.ts), the shipped
// font, and the elephant of the kiosk standing on the title slide, drawn in native shapes so
// every part of a slide stays editable. The title slide and the last slide (how the data was
// collected) live here; the question slides in pptx.ts.

import type PptxGenJSModule from 'pptxgenjs';
import { CHART_FONT, PALETTE } from './chart-svg.ts';
import type { Lecture } from './lecture.ts';
import { largestSize, wrap } from './text-width.ts';
import { EXHIBITION, period } from './words.ts';

type Deck = InstanceType<typeof PptxGenJSModule.default>;
type Slide = ReturnType<Deck['addSlide']>;

const hex = (colour: string) => colour.replace('#', '');
/** The slides' colours, as pptx writes them (6-digit hex, no #). */
export const LOOK = {
  background: hex(PALETTE.background),
  text: hex(PALETTE.text),
  venue: hex(PALETTE.venue),
  elsewhere: hex(PALETTE.elsewhere),
  font: CHART_FONT,
};

/** The slide's width in points (LAYOUT_WIDE, 13.33 in). */
export const SLIDE_WIDTH_PT = 13.333 * 72;

/** Plain text in the look: cream, the shipped font. */
export const type = (more: Record<string, unknown> = {}) => ({ color: LOOK.text, fontFace: LOOK.font, margin: 0, ...more });

/** The largest size from `from` pt down to 24 at which `text` wraps into `lines` lines of `widthIn` inches. */
export const sizeFor = (text: string, widthIn: number, lines: number, from: number) => largestSize(from, 24, (size) => wrap(text, widthIn * 72, size, 99).length <= lines);

/**
 * The kiosk's elephant (renderer/shared/Elephant.tsx), standing still, in its 400-unit box:
 * ears, head, trunk, cheeks, eyes. Ellipses as [cx, cy, rx, ry, colour, transparency].
 */
const EARS_AND_HEAD: Array<[number, number, number, number, string, number]> = [
  [95, 175, 92, 112, '8F7AA0', 0], [102, 180, 62, 80, 'F0A3B4', 0],
  [305, 175, 92, 112, '8F7AA0', 0], [298, 180, 62, 80, 'F0A3B4', 0],
  [200, 168, 112, 116, 'AD9BBD', 0], [200, 110, 70, 34, 'BCACCB', 0],
  [138, 200, 20, 11, 'F28B8B', 45], [262, 200, 20, 11, 'F28B8B', 45],
  [160, 150, 15, 15, hex(PALETTE.background), 0], [240, 150, 15, 15, hex(PALETTE.background), 0],
  [165, 145, 5, 5, 'FFFFFF', 0], [245, 145, 5, 5, 'FFFFFF', 0],
];
/** The trunk's outline, as cubic curves from (172, 205): each [x1, y1, x2, y2, x, y]. */
const TRUNK: Array<[number, number, number, number, number, number]> = [
  [168, 255, 172, 300, 196, 332], [210, 350, 236, 352, 250, 338], [262, 326, 254, 306, 238, 310],
  [226, 313, 222, 322, 214, 314], [204, 300, 212, 256, 228, 205],
];

/** pptxgenjs draws a custom geometry (its `points`), though its types leave the shape's name out. */
const CUSTOM_GEOMETRY = 'custGeom' as Parameters<Slide['addShape']>[0];

function elephant(deck: Deck, slide: Slide, left: number, top: number, size: number): void {
  const unit = size / 400;
  for (const [cx, cy, rx, ry, colour, transparency] of EARS_AND_HEAD) {
    slide.addShape(deck.ShapeType.ellipse, { x: left + (cx - rx) * unit, y: top + (cy - ry) * unit, w: 2 * rx * unit, h: 2 * ry * unit, fill: { color: colour, transparency }, line: { type: 'none' } });
  }
  const [x0, y0, w, h] = [150, 200, 120, 160];
  const at = (x: number, y: number) => ({ x: (x - x0) * unit, y: (y - y0) * unit });
  slide.addShape(CUSTOM_GEOMETRY, {
    x: left + x0 * unit, y: top + y0 * unit, w: w * unit, h: h * unit,
    fill: { color: 'AD9BBD' }, line: { type: 'none' },
    points: [at(172, 205), ...TRUNK.map(([x1, y1, x2, y2, x, y]) => ({ ...at(x, y), curve: { type: 'cubic' as const, x1: at(x1, y1).x, y1: at(x1, y1).y, x2: at(x2, y2).x, y2: at(x2, y2).y } })), { close: true as const }],
  });
}

/** The title slide: the exhibition, the venue, when, how many answers in the results shown; the elephant beside. */
export function titleSlide(deck: Deck, l: Lecture): void {
  const { results, words } = l;
  const slide = deck.addSlide();
  slide.background = { color: LOOK.background };
  // The tour's two colours as a band along the bottom: this venue, the rest of the tour.
  slide.addShape(deck.ShapeType.rect, { x: 0, y: 7.1, w: 6.67, h: 0.4, fill: { color: LOOK.venue }, line: { type: 'none' } });
  slide.addShape(deck.ShapeType.rect, { x: 6.67, y: 7.1, w: 6.67, h: 0.4, fill: { color: LOOK.elsewhere }, line: { type: 'none' } });
  elephant(deck, slide, 8.7, 1.2, 4.2);
  const width = 8;
  slide.addText(EXHIBITION, type({ x: 0.7, y: 0.8, w: width, h: 1, fontSize: sizeFor(EXHIBITION, width, 1, 48), bold: true }));
  if (words.exhibition !== EXHIBITION) slide.addText(words.exhibition, type({ x: 0.7, y: 1.8, w: width, h: 0.6, fontSize: 28, italic: true, color: LOOK.elsewhere }));
  const venue = results.visit.name;
  slide.addText(venue, type({ x: 0.7, y: 2.7, w: width, h: 1.6, fontSize: sizeFor(venue, width, 2, 44), bold: true, color: LOOK.venue, valign: 'top' }));
  const when = period(words, results.visit.startedHour, results.visit.endedHour);
  slide.addText([when, words.shownAnswers(results.visit.answers)].filter(Boolean).join('\n'), type({ x: 0.7, y: 4.6, w: width, h: 1.2, fontSize: sizeFor(when, width, 1, 28), valign: 'top' }));
  // A pillar's files: what their rest of the tour is, and as of when.
  if (l.covers) slide.addText(l.covers, type({ x: 0.7, y: 5.85, w: width, h: 1.1, fontSize: 24, color: LOOK.elsewhere, valign: 'top' }));
}

/** The last slide: how the figures were collected. */
export function methodSlide(deck: Deck, l: Lecture): void {
  const slide = deck.addSlide();
  slide.background = { color: LOOK.background };
  slide.addText(l.words.method, type({ x: 0.7, y: 0.5, w: 12, h: 1, fontSize: 36, bold: true }));
  slide.addText(l.words.methodText, type({ x: 0.7, y: 1.7, w: 12, h: 5.3, fontSize: sizeFor(l.words.methodText, 12, 9, 26), valign: 'top' }));
}
