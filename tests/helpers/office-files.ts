// The lecture files read back with other libraries than the ones that wrote them: the zip
// opened with fflate, the XML parsed with fast-xml-parser. A spreadsheet's sheets as rows of
// typed cells, a slide's texts in their order.

import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['row', 'c', 'si', 'sheet'].includes(name) });

/** Cell rows of a sheet: a string, a number, or null for an empty cell. */
export type SheetRows = Array<Array<string | number | null>>;

/** A spreadsheet's sheet names, and each sheet (`sheet(1)` the first) as rows of cells by their reference. */
export function readWorkbook(bytes: Uint8Array): { names: string[]; sheet: (n: number) => SheetRows } {
  const zip = unzipSync(bytes);
  const strings = (xml.parse(strFromU8(zip['xl/sharedStrings.xml'])).sst.si as Array<Record<string, unknown>>).map((si) => String((si.t as { '#text'?: string })?.['#text'] ?? si.t ?? ''));
  const names = (xml.parse(strFromU8(zip['xl/workbook.xml'])).workbook.sheets.sheet as Array<Record<string, string>>).map((s) => String(s['@_name']));
  const sheet = (n: number): SheetRows => {
    const rows = xml.parse(strFromU8(zip[`xl/worksheets/sheet${n}.xml`])).worksheet.sheetData.row as Array<{ c: Array<Record<string, any>> }>;
    // Cells by their reference (B3 is the second column): empty cells are not written at all.
    return rows.map((r) => {
      const cells: Array<string | number | null> = [];
      for (const c of r.c ?? []) {
        const column = String(c['@_r']).replace(/\d+$/, '').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        while (cells.length < column) cells.push(null);
        cells[column] = c['@_t'] === 's' ? strings[Number(c.v)] : c.v === undefined ? null : Number(c.v);
      }
      return cells;
    });
  };
  return { names, sheet };
}

/** The texts of slide `n` of a pptx (1 is the title slide), in their order. */
export function slideTexts(bytes: Uint8Array, n: number): string[] {
  return [...strFromU8(unzipSync(bytes)[`ppt/slides/slide${n}.xml`]).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
}
