// A PNG's pixels, read back in the tests with zlib alone (no image library): 8-bit RGB or
// RGBA, not interlaced, as resvg and pdftoppm write them; each row's filter undone.

import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** The colour at (x, y) as `#RRGGBB`. */
  at: (x: number, y: number) => string;
}

export function readPng(png: Buffer): Pixels {
  if (png.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  const [width, height, depth, kind, interlace] = [png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25], png[28]];
  if (depth !== 8 || (kind !== 2 && kind !== 6) || interlace !== 0) throw new Error(`a PNG of depth ${depth}, colour type ${kind}, interlace ${interlace} is not read here`);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const step = kind === 6 ? 4 : 3;
  const stride = width * step;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= step ? data[y * stride + i - step] : 0;
      const up = y > 0 ? data[(y - 1) * stride + i] : 0;
      const corner = y > 0 && i >= step ? data[(y - 1) * stride + i - step] : 0;
      const paeth = () => {
        const p = left + up - corner;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
        return a <= b && a <= c ? left : b <= c ? up : corner;
      };
      const predicted = [0, left, up, (left + up) >> 1, 0][filter] ?? 0;
      data[y * stride + i] = (row[i] + (filter === 4 ? paeth() : predicted)) & 0xff;
    }
  }
  const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
  return { width, height, at: (x, y) => `#${hex(data[y * stride + x * step])}${hex(data[y * stride + x * step + 1])}${hex(data[y * stride + x * step + 2])}` };
}

/**
 * The bars of a chart image, top to bottom: runs of one of `colours` at least `minLength` px
 * long, rows of the same colour and start merged into one bar. Each with its colour, middle
 * row and length in pixels.
 */
export function barsOf(image: Pixels, colours: string[], minLength = 12): Array<{ colour: string; y: number; length: number }> {
  const bars: Array<{ colour: string; top: number; bottom: number; x: number; length: number }> = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const colour = image.at(x, y);
      if (!colours.includes(colour)) continue;
      let end = x;
      while (end + 1 < image.width && image.at(end + 1, y) === colour) end++;
      const length = end - x + 1;
      if (length >= minLength) {
        const bar = bars.find((b) => b.colour === colour && b.bottom === y - 1 && Math.abs(b.x - x) <= 2);
        if (bar) {
          bar.bottom = y;
          bar.length = Math.max(bar.length, length);
        } else bars.push({ colour, top: y, bottom: y, x, length });
      }
      x = end;
    }
  }
  // A bar is taller than a line of text is thick: a few rows at least.
  return bars.filter((b) => b.bottom - b.top >= 4).map((b) => ({ colour: b.colour, y: (b.top + b.bottom) / 2, length: b.length }));
}
