// How wide a line of text is in the chart's font, read from the font file shipped in
// content/fonts (each character's advance in its hmtx table, found through its cmap), so the
// chart lays its labels and legend out to fit before anything draws it. Kerning is left out:
// it only ever makes a line narrower, so a line measured to fit does fit.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../platform/paths.ts';

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export type Weight = keyof typeof FONT_FILES;

export const fontFile = (weight: Weight) => path.join(appRoot(), 'content', 'fonts', FONT_FILES[weight]);

interface Metrics {
  unitsPerEm: number;
  advance: (code: number) => number;
}

const loaded = new Map<Weight, Metrics>();

/** The advances of a TrueType font: head (units per em), hhea and hmtx (advances), cmap format 4 (character to glyph). */
function readMetrics(font: Buffer): Metrics {
  const tables = new Map<string, number>();
  for (let i = 0, count = font.readUInt16BE(4); i < count; i++) tables.set(font.toString('latin1', 12 + i * 16, 16 + i * 16), font.readUInt32BE(20 + i * 16));
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`the chart's font has no ${tag} table`);
    return at;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const metrics = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const cmap = table('cmap');
  let map = -1;
  for (let i = 0, count = font.readUInt16BE(cmap + 2); i < count; i++) {
    const record = cmap + 4 + i * 8;
    const [platform, encoding] = [font.readUInt16BE(record), font.readUInt16BE(record + 2)];
    const at = cmap + font.readUInt32BE(record + 4);
    if (((platform === 3 && encoding === 1) || platform === 0) && font.readUInt16BE(at) === 4) map = at;
  }
  if (map < 0) throw new Error("the chart's font has no Unicode character map (format 4)");
  const segments = font.readUInt16BE(map + 6) / 2;
  const ends = map + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  const glyph = (code: number): number => {
    for (let s = 0; s < segments; s++) {
      if (font.readUInt16BE(ends + s * 2) < code) continue;
      const start = font.readUInt16BE(starts + s * 2);
      if (start > code) return 0;
      const delta = font.readUInt16BE(deltas + s * 2);
      const offset = font.readUInt16BE(offsets + s * 2);
      if (offset === 0) return (code + delta) & 0xffff;
      const id = font.readUInt16BE(offsets + s * 2 + offset + (code - start) * 2);
      return id === 0 ? 0 : (id + delta) & 0xffff;
    }
    return 0;
  };
  const advance = (code: number) => {
    const id = code > 0xffff ? 0 : glyph(code);
    return font.readUInt16BE(hmtx + Math.min(id, metrics - 1) * 4);
  };
  return { unitsPerEm, advance };
}

/** The width in pixels of `text` set in the chart's font at `size` pixels. */
export function textWidth(text: string, size: number, weight: Weight = 'bold'): number {
  let metrics = loaded.get(weight);
  if (!metrics) {
    metrics = readMetrics(readFileSync(fontFile(weight)));
    loaded.set(weight, metrics);
  }
  let units = 0;
  for (const char of text) units += metrics.advance(char.codePointAt(0)!);
  return (units / metrics.unitsPerEm) * size;
}

/** A word too wide for a line, broken between letters into pieces that fit, each but the last ending in a hyphen. */
function breakWord(word: string, width: number, size: number, weight: Weight): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && textWidth(`${piece}${char}-`, size, weight) > width) {
      pieces.push(`${piece}-`);
      piece = char;
    } else piece += char;
  }
  return [...pieces, piece];
}

/**
 * `text` broken at spaces into lines no wider than `width` at `size`, at most `max` lines;
 * the last line ends in … when the text is cut. A word wider than a whole line is broken
 * between its letters, with a hyphen, as a last resort.
 */
export function wrap(text: string, width: number, size: number, max: number, weight: Weight = 'bold'): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (textWidth(longer, size, weight) <= width) {
      line = longer;
      continue;
    }
    if (line) out.push(line);
    const pieces = textWidth(word, size, weight) > width ? breakWord(word, width, size, weight) : [word];
    out.push(...pieces.slice(0, -1));
    line = pieces.at(-1)!;
  }
  if (line) out.push(line);
  if (out.length <= max) return out;
  let last = out[max - 1];
  while (last.includes(' ') && textWidth(`${last}…`, size, weight) > width) last = last.slice(0, last.lastIndexOf(' '));
  return [...out.slice(0, max - 1), `${last}…`];
}

/** The largest size from `from` down to `floor` (in steps of 2) at which `fits` holds; `floor` when none does. */
export function largestSize(from: number, floor: number, fits: (size: number) => boolean): number {
  for (let size = from; size > floor; size -= 2) if (fits(size)) return size;
  return floor;
}
