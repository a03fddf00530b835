// The layout holds: the import graph keeps the layers that .dependency-cruiser.cjs writes down
// (no circle; the clock, time/, stands below everything; hardware/ and content/ stand alone; the shared libraries import neither the kiosk
// nor the hub, which never import each other; only the shell imports Electron; the screens reach
// the app only through its API and use nothing that needs Node), checked by dependency-cruiser
// as `npm run check:imports` runs it; README's layout table names the folders that exist, and links every page of docs/; the
// preload uses each API's own channel names.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { OPERATOR_CHANNEL, OPERATOR_METHODS } from '../../electron/api/operator.ts';
import { STUDENT_CHANNEL, STUDENT_EVENT_CHANNEL, STUDENT_METHODS } from '../../electron/api/student.ts';
import { WINDOWS } from '../../electron/main/windows.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SOURCE = /\.(ts|tsx|cts)$/;
/** The folders of the code, as the npm script cruises them. */
const CODE = ['time', 'electron', 'hardware', 'content', 'renderer'];

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

test('the import graph keeps the layers written in .dependency-cruiser.cjs', async () => {
  const options = await extractDepcruiseOptions(path.join(ROOT, '.dependency-cruiser.cjs'));
  const result = (await cruise(CODE, { ...options, baseDir: ROOT })).output as ICruiseResult;
  // The rules hold only for what was read: every source file, the preload's require('electron') among its imports.
  const cruised = new Set(result.modules.map((m) => m.source));
  for (const file of CODE.flatMap(sources)) assert.ok(cruised.has(file), `dependency-cruiser did not read ${file}`);
  const preload = result.modules.find((m) => m.source === 'electron/preload/kiosk.cts');
  assert.ok(preload?.dependencies.some((d) => d.module === 'electron'), "dependency-cruiser sees the preload's require('electron')");
  const broken = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' -> ')})` : ''}`);
  assert.deepEqual(broken, [], `the import graph breaks the layers of .dependency-cruiser.cjs (each rule's comment there says why):\n${broken.join('\n')}`);
});

test("README's layout table names every folder of the code, and only folders that exist", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## How the code is laid out'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('|')));
  const named = [...table.matchAll(/`((?:electron|renderer|hardware|content|time|tests)\b[\w./-]*)`/g)].map((m) => m[1].replace(/\/$/, ''));
  for (const name of named) assert.ok(existsSync(path.join(ROOT, name)), `README names ${name}, which does not exist`);
  const folders = ['electron', 'renderer'].flatMap((top) =>
    readdirSync(path.join(ROOT, top)).filter((d) => statSync(path.join(ROOT, top, d)).isDirectory()).map((d) => `${top}/${d}`),
  );
  const kiosk = readdirSync(path.join(ROOT, 'electron', 'kiosk')).filter((d) => statSync(path.join(ROOT, 'electron', 'kiosk', d)).isDirectory()).map((d) => `electron/kiosk/${d}`);
  for (const folder of [...folders, ...kiosk, 'hardware', 'content', 'time', 'tests']) {
    assert.ok(named.some((n) => n === folder || n.startsWith(`${folder}/`)), `README's layout table does not mention ${folder}`);
  }
});

test("each window's preload exposes its own role's API alone, by that API's own channel names", () => {
  // A sandboxed preload cannot import the API module, so its names are checked here.
  const read = (preload: string) => readFileSync(path.join(ROOT, 'electron', 'preload', preload.replace(/\.cjs$/, '.cts')), 'utf8');
  const student = read(WINDOWS.student.preload);
  assert.ok(student.includes(`\`${STUDENT_CHANNEL}:\${method}\``), 'calls go to student:<method>');
  assert.ok(student.includes(`'${STUDENT_EVENT_CHANNEL}'`), 'events come from student:event');
  for (const method of STUDENT_METHODS) assert.ok(student.includes(`: call('${method}')`), `the student preload exposes ${method}`);
  assert.doesNotMatch(student, /operator:|OperatorBridge|olifantOperator/, "the student window's preload knows nothing of the operator's API");
  const operator = read(WINDOWS.operator.preload);
  assert.ok(operator.includes(`\`${OPERATOR_CHANNEL}:\${method}\``), 'operator calls go to operator:<method>');
  for (const method of OPERATOR_METHODS) assert.ok(operator.includes(`operatorCall('${method}')`), `the operator preload exposes ${method}`);
  assert.doesNotMatch(operator, /student:|StudentBridge|exposeInMainWorld\('olifant'/, "the operator window's preload knows nothing of the student's API");
  assert.deepEqual(readdirSync(path.join(ROOT, 'electron', 'preload')).sort(), Object.values(WINDOWS).map((w) => w.preload.replace(/\.cjs$/, '.cts')).sort(), 'one preload per window, and no other');
});

test('ARCHITECTURE.md draws every room of electron/ and names only files and folders that exist', () => {
  const page = readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const named = [...page.matchAll(/\b((?:electron|renderer|hardware|content|time|tests)\/[\w./-]*[\w])/g)].map((m) => m[1]);
  for (const name of named) assert.ok(existsSync(path.join(ROOT, name)), `ARCHITECTURE.md names ${name}, which does not exist`);
  const rooms = readdirSync(path.join(ROOT, 'electron')).filter((d) => statSync(path.join(ROOT, 'electron', d)).isDirectory());
  for (const room of rooms) assert.ok(named.some((n) => n === `electron/${room}` || n.startsWith(`electron/${room}/`)), `ARCHITECTURE.md does not draw electron/${room}`);
});


test("README is the entry: it links every page of docs/, each link between the pages names a file (and heading) that exists, and no page is over 400 lines", () => {
  const pages = ['README.md', 'ARCHITECTURE.md', ...readdirSync(path.join(ROOT, 'docs')).map((page) => `docs/${page}`)];
  const heading = (title: string) => title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
  for (const page of pages) {
    const text = readFileSync(path.join(ROOT, page), 'utf8');
    assert.ok(text.split('\n').length <= 400, `${page} is over 400 lines`);
    for (const [, target, anchor] of text.matchAll(/\]\(([^)#\s:]+)(?:#([^)\s]+))?\)/g)) {
      const file = path.join(ROOT, path.dirname(page), target);
      assert.ok(existsSync(file), `${page} links ${target}, which does not exist`);
      if (anchor) assert.ok([...readFileSync(file, 'utf8').matchAll(/^#+ (.+)$/gm)].some((m) => heading(m[1]) === anchor), `${page} links ${target}#${anchor}, a heading it does not have`);
    }
  }
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const page of pages.filter((p) => p.startsWith('docs/'))) assert.ok(readme.includes(`](${page})`), `README does not link ${page}`);
});
