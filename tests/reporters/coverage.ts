// The coverage floors CI holds, after node's own coverage report (`npm test` runs with
// --experimental-test-coverage): the share of lines run per folder of the product, in the test
// files' own processes (not in the processes they start: tests/helpers/coverage-scope.ts), a file
// none of them loads counted with every line of its code not run. A folder below its floor fails the run.
// The renderer has no floor: what its unit tests reach is said (its screens run in Chromium, in
// the e2e tests, which node's coverage does not see).

import { readdirSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import type { TestEvent } from 'node:test/reporters';

/** The least share of lines (%) each folder's tests must run. */
export const FLOORS: Record<string, number> = { electron: 85, hardware: 85, content: 85, time: 85 };
const REPORTED = ['renderer'];

const ROOT = path.join(import.meta.dirname, '..', '..');
const SOURCE = /\.(ts|tsx|cts|mts|js)$/;

type CoverageSummary = Extract<TestEvent, { type: 'test:coverage' }>['data']['summary'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Runs `fn` without node's note that type stripping is experimental (printed in the middle of the report otherwise). */
function quietly<T>(fn: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return fn();
  } finally {
    process.emitWarning = emit;
  }
}

/** Lines that hold code once the types are gone (a file of types only has none): what a file no test loads leaves unrun. */
export function codeLines(file: string): number {
  const text = readFileSync(file, 'utf8');
  let code = text;
  try {
    if (!file.endsWith('.tsx')) code = quietly(() => stripTypeScriptTypes(text, { mode: 'strip' }));
  } catch {
    // not plain TypeScript: count it as written
  }
  let inComment = false;
  return code.split('\n').filter((raw) => {
    let line = raw.trim();
    if (inComment) {
      const end = line.indexOf('*/');
      if (end < 0) return false;
      inComment = false;
      line = line.slice(end + 2).trim();
    }
    if (line.startsWith('/*') && !line.includes('*/')) {
      inComment = true;
      return false;
    }
    return line !== '' && !line.startsWith('//') && !(line.startsWith('/*') && line.endsWith('*/'));
  }).length;
}

interface Tally {
  lines: number;
  covered: number;
  loaded: number;
  files: number;
  unloaded: string[];
}

/** Lines run per folder: node's own counts for the files the tests loaded, every code line unrun for the others. */
export function tallies(summary: CoverageSummary, folders: string[]): Map<string, Tally> {
  const seen = new Map(summary.files.map((f) => [path.resolve(f.path), f]));
  return new Map(folders.map((folder) => {
    const tally: Tally = { lines: 0, covered: 0, loaded: 0, files: 0, unloaded: [] };
    for (const file of sources(path.join(ROOT, folder))) {
      tally.files++;
      const covered = seen.get(file);
      if (covered) {
        tally.loaded++;
        tally.lines += covered.totalLineCount;
        tally.covered += covered.coveredLineCount;
      } else {
        const lines = codeLines(file);
        if (lines > 0) tally.unloaded.push(path.relative(ROOT, file));
        tally.lines += lines;
      }
    }
    return [folder, tally];
  }));
}

const percent = (t: Tally) => (t.lines === 0 ? 100 : (100 * t.covered) / t.lines);

export default async function* coverageFloors(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  let summary: CoverageSummary | null = null;
  for await (const event of source) if (event.type === 'test:coverage') summary = event.data.summary;
  if (summary === null) {
    yield 'coverage floors: no coverage was collected (run with --experimental-test-coverage)\n';
    process.exitCode = 1;
    return;
  }
  const lines = ["coverage of lines per folder, run in the test files' own processes (files none of them loads count as not run; the hubs, pillars and commands tests start as processes are not measured):"];
  const below: string[] = [];
  for (const [folder, tally] of tallies(summary, [...Object.keys(FLOORS), ...REPORTED])) {
    const floor = FLOORS[folder];
    const share = percent(tally);
    const verdict = floor === undefined ? `no floor: the unit tests load ${tally.loaded} of its ${tally.files} files; the rest runs in Chromium` : share >= floor ? `floor ${floor}%: held` : `floor ${floor}%: BELOW`;
    lines.push(`  ${`${folder}/`.padEnd(10)} ${share.toFixed(1).padStart(5)}%  ${String(tally.covered).padStart(6)} of ${String(tally.lines).padStart(6)} lines  ${verdict}`);
    if (floor !== undefined && tally.unloaded.length > 0) lines.push(`             loaded in no test file's process: ${tally.unloaded.join(', ')}`);
    if (floor !== undefined && share < floor) below.push(`${folder}/ ${share.toFixed(1)}% < ${floor}%`);
  }
  if (below.length > 0) {
    lines.push(`coverage below its floor: ${below.join('; ')}. Add tests for what is not run.`);
    process.exitCode = 1;
  }
  yield `${lines.join('\n')}\n`;
}
