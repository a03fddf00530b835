// No test waits out a duration: a test waits for a condition, with a deadline (`until`, Playwright's
// waits), or drives a clock (an injected `now`, Playwright's page clock). A fixed sleep passes on a
// quiet machine and fails on a busy one, and costs its whole length on every run.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.join(import.meta.dirname, '..', '..');
/** Not tests: the bench and the screenshots settle the page before they measure or take a picture. */
const NOT_TESTS = ['tests/bench', 'tests/screenshots'];

const SLEEPS: Array<[RegExp, string]> = [
  [/\bwaitForTimeout\s*\(/, "Playwright's waitForTimeout"],
  [/\bsleep\s*\(/, 'a sleep helper'],
  // setTimeout(resolve, 20), setTimeout(() => resolve(), 20): a promise that only waits.
  [/\bsetTimeout\s*\(\s*(?:\w+|\(\)\s*=>\s*\w+\(\))\s*,/, 'setTimeout used as a sleep'],
  [/['"](?:node:)?timers\/promises['"]/, "node:timers/promises (its setTimeout is a sleep)"],
  [/\bAtomics\.wait\s*\(/, 'Atomics.wait'],
];

/** Lines allowed to wait on a timer, each with why; an allowance no longer needed fails too. */
const ALLOWED: Array<{ file: string; line: string; why: string }> = [
  { file: 'tests/helpers/tmp.ts', line: 'await new Promise((resolve) => setTimeout(resolve, 20));', why: "until's poll interval: the one poll every wait uses" },
];

function testFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return NOT_TESTS.includes(file) ? [] : testFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

test('no test file sleeps: waits are for a condition or on a driven clock', () => {
  const self = path.relative(ROOT, import.meta.filename).split(path.sep).join('/');
  const found: string[] = [];
  const used = new Set<(typeof ALLOWED)[number]>();
  for (const file of testFiles('tests')) {
    if (file === self) continue;
    readFileSync(path.join(ROOT, file), 'utf8').split('\n').forEach((text, i) => {
      for (const [pattern, what] of SLEEPS) {
        if (!pattern.test(text)) continue;
        const allowed = ALLOWED.find((a) => a.file === file && a.line === text.trim());
        if (allowed) used.add(allowed);
        else found.push(`${file}:${i + 1}: ${what}: ${text.trim()}`);
      }
    });
  }
  assert.deepEqual(found, [], `fixed sleeps in tests; wait for a condition (until, locator.waitFor) or drive the clock instead:\n${found.join('\n')}`);
  assert.deepEqual(ALLOWED.filter((a) => !used.has(a)).map((a) => `${a.file}: ${a.line}`), [], 'allowances no longer needed: remove them');
});

test('the check finds each kind of sleep', () => {
  const caught = (line: string) => SLEEPS.some(([pattern]) => pattern.test(line));
  for (const line of [
    'await page.waitForTimeout(800);',
    'await sleep(20);',
    'await new Promise((r) => setTimeout(r, 500));',
    'await new Promise((resolve) => setTimeout(() => resolve(), 5));',
    "import { setTimeout as delay } from 'node:timers/promises';",
    'Atomics.wait(view, 0, 0, 100);',
  ]) {
    assert.ok(caught(line), line);
  }
  for (const line of ['const timer = setTimeout(() => done(false), ms);', 'await until(() => ready, "the board");', 'await page.clock.fastForward(800);']) {
    assert.ok(!caught(line), line);
  }
});
