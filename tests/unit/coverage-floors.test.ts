// The coverage floors `npm test` holds (tests/reporters/coverage.ts): a folder below its floor
// fails the run, and a file no test loads counts as not run, not as missing.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { TestEvent } from 'node:test/reporters';
import coverageFloors, { codeLines } from '../reporters/coverage.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
type Summary = Extract<TestEvent, { type: 'test:coverage' }>['data']['summary'];

/** What node reports when every file of the product was loaded and `share` of each file's lines ran. */
async function run(share: (file: string) => number, loaded: (file: string) => boolean): Promise<{ out: string; exitCode: typeof process.exitCode }> {
  // Every source file of the product, as node's summary lists them: 100 lines a file.
  const all = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((f) => /^(electron|hardware|content|time|renderer)\//.test(f) && /\.(ts|tsx|cts)$/.test(f) && !f.endsWith('.d.ts'));
  const summary = {
    files: all.filter(loaded).map((f) => ({ path: path.join(ROOT, f), totalLineCount: 100, coveredLineCount: share(f) })),
  } as unknown as Summary;
  async function* events(): AsyncGenerator<TestEvent> {
    yield { type: 'test:coverage', data: { summary, nesting: 0 } } as unknown as TestEvent;
  }
  const before = process.exitCode;
  let out = '';
  for await (const line of coverageFloors(events())) out += line;
  const exitCode = process.exitCode;
  process.exitCode = before;
  return { out, exitCode };
}

test('every folder at its floor passes; one below it fails the run, named with its share', async () => {
  const held = await run(() => 90, () => true);
  assert.equal(held.exitCode, undefined, held.out);
  assert.match(held.out, /hardware\/ +90\.0% .* floor 85%: held/);
  assert.match(held.out, /renderer\/ +90\.0% .* no floor: the unit tests load \d+ of its \d+ files/);
  const below = await run((f) => (f.startsWith('hardware/') ? 80 : 90), () => true);
  assert.equal(below.exitCode, 1);
  assert.match(below.out, /coverage below its floor: hardware\/ 80\.0% < 85%/);
});

test('a file no test loads counts every line of its code as not run; a file of types only has none', async () => {
  const skipped = 'hardware/simulator.ts';
  const result = await run(() => 100, (f) => f !== skipped);
  assert.match(result.out, new RegExp(`loaded in no test file's process: ${skipped}`));
  assert.ok(codeLines(path.join(ROOT, skipped)) > 40, 'its code lines');
  assert.equal(codeLines(path.join(ROOT, 'hardware', 'pillar.ts')), 0, 'types only: nothing to run');
});
