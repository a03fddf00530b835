// LibreOffice and poppler for the tests and the screenshots: a lecture file opened headless
// as a lecturer's laptop would open it, printed to PDF, then each page to a PNG (pdftoppm)
// or to text in reading order (pdftotext). `.ci/run` installs them.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((f) => existsSync(f)) ?? null;
/** LibreOffice's parts, beside its program: Impress opens the slides, Calc the spreadsheet and the CSV. */
const part = (library: string) => SOFFICE !== null && existsSync(path.join(path.dirname(realpathSync(SOFFICE)), library));
const POPPLER = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext');

/** Why the lecture files cannot all be rendered here, or null when they can. */
export function cannotRender(): string | null {
  if (!SOFFICE || !part('libsdlo.so')) return 'LibreOffice Impress is not installed here (Debian: libreoffice-impress)';
  if (!part('libsclo.so')) return 'LibreOffice Calc is not installed here (Debian: libreoffice-calc)';
  return POPPLER ? null : 'poppler is not installed here (Debian: poppler-utils, for pdftoppm and pdftotext)';
}

function run(command: string, args: string[]): void {
  const done = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000 });
  if (done.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${done.status ?? done.signal}): ${done.stderr}`);
}

/**
 * `files` printed to PDF by LibreOffice into `dir`, in one start of it (its own profile there, so
 * runs never share one); `filter` is an import filter for all of them, e.g. Dutch CSV's
 * "CSV:59,34,76,1". Returns the PDFs' paths, in the files' order.
 */
export function toPdf(files: string[], dir: string, filter?: string): string[] {
  run(SOFFICE!, ['--headless', `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, ...(filter ? [`--infilter=${filter}`] : []), '--convert-to', 'pdf', '--outdir', dir, ...files]);
  return files.map((file) => path.join(dir, `${path.basename(file, path.extname(file))}.pdf`));
}

/** Each page of `pdf` as a PNG `width` pixels wide, in page order. */
export function pdfPages(pdf: string, width: number): string[] {
  const prefix = pdf.replace(/\.pdf$/, '-page');
  run('/usr/bin/pdftoppm', ['-png', '-scale-to-x', String(width), '-scale-to-y', '-1', pdf, prefix]);
  const base = path.basename(prefix);
  return readdirSync(path.dirname(pdf))
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(a.slice(base.length + 1, -4)) - Number(b.slice(base.length + 1, -4)))
    .map((f) => path.join(path.dirname(pdf), f));
}

/** The text of each page of `pdf`, laid out as printed (top to bottom). */
export function pdfText(pdf: string): string[] {
  const done = spawnSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', timeout: 60_000 });
  if (done.status !== 0) throw new Error(`pdftotext failed: ${done.stderr}`);
  return done.stdout.split('\f').slice(0, -1);
}
