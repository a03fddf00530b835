// CSV that Dutch Excel opens in columns: UTF-8 with a BOM (so accents survive), semicolons
// (Excel's separator where the comma is the decimal sign), decimal commas, CRLF, no `sep=`
// line, and any text that Excel would run as a formula made plain text.

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function dutchCsv(header: string[], rows: Iterable<Array<string | number | null>>): string {
  const lines = [header.map(cell).join(';')];
  for (const row of rows) lines.push(row.map(cell).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
