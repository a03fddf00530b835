// The layout holds: no import cycles, only the shell imports Electron, the plain-Node parts
// know nothing of React, Electron or the UI, the UI reaches the app only through the typed
// API, and README's layout table names the folders that exist. Imports are read with
// Rolldown's parser (the one Vite builds with), not with regular expressions.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseAst } from 'rolldown/parseAst';
import { OPERATOR_CHANNEL, OPERATOR_METHODS } from '../../electron/api/operator.ts';
import { STUDENT_CHANNEL, STUDENT_EVENT_CHANNEL, STUDENT_METHODS } from '../../electron/api/student.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SOURCE = /\.(ts|tsx|cts)$/;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const FILES = ['electron', 'hardware', 'content', 'renderer'].flatMap(sources);

/** Every string a node's subtree passes to import(), require() or an import/export declaration. */
function specifiers(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) specifiers(child, found);
    return found;
  }
  if (typeof node !== 'object' || node === null) return found;
  const n = node as { type?: string; source?: { value?: unknown } | null; callee?: { type?: string; name?: string }; arguments?: Array<{ type?: string; value?: unknown }> };
  const literal = (v: { type?: string; value?: unknown } | null | undefined) => (v && v.type === 'Literal' && typeof v.value === 'string' ? [v.value] : []);
  if (n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ImportExpression') {
    found.push(...literal(n.source as { type?: string; value?: unknown }));
  }
  if (n.type === 'CallExpression' && n.callee?.type === 'Identifier' && n.callee.name === 'require') found.push(...literal(n.arguments?.[0]));
  for (const value of Object.values(node)) if (typeof value === 'object') specifiers(value, found);
  return found;
}

/** Every module a file imports, re-exports or requires: project files as repository paths, packages by name. */
function importsOf(file: string): string[] {
  const lang = file.endsWith('.tsx') ? 'tsx' : 'ts';
  const program = parseAst(readFileSync(path.join(ROOT, file), 'utf8'), { lang }, file);
  return specifiers(program.body).map((s) => (s.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), s)) : s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/')));
}

const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));
const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);

test('every relative import names a file that exists', () => {
  for (const [file, imports] of GRAPH) {
    for (const target of imports.filter((t) => t.includes('/') && !t.startsWith('@'))) {
      assert.ok(existsSync(path.join(ROOT, target)) || target.endsWith('.css'), `${file} imports ${target}, which does not exist`);
    }
  }
});

test('no import cycles', () => {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, trail: string[]): void => {
    if (state.get(file) === 'done') return;
    assert.notEqual(state.get(file), 'open', `import cycle: ${[...trail.slice(trail.indexOf(file)), file].join(' -> ')}`);
    state.set(file, 'open');
    for (const next of GRAPH.get(file) ?? []) if (GRAPH.has(next)) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of GRAPH.keys()) visit(file, []);
});

test('only the shell imports electron; hardware, content and the core know nothing of React, Electron or the UI', () => {
  const shell = (file: string) => under('electron/main')(file) || under('electron/preload')(file);
  assert.ok([...GRAPH].some(([file, imports]) => under('electron/preload')(file) && imports.includes('electron')), "the test sees the preload's require('electron')");
  for (const [file, imports] of GRAPH) {
    if (imports.includes('electron')) assert.ok(shell(file), `${file} imports electron: only electron/main and electron/preload may`);
    if (under('electron/core')(file)) {
      for (const outer of ['electron/main', 'electron/preload', 'electron/carriers', 'electron/cli']) assert.ok(!imports.some(under(outer)), `${file} imports ${outer}: the core stands below the shell, the carriers and the command`);
    }
    if (under('renderer')(file)) continue;
    for (const banned of ['react', 'react-dom', 'framer-motion']) assert.ok(!imports.includes(banned), `${file} imports ${banned}`);
    assert.ok(!imports.some(under('renderer')), `${file} imports the UI`);
  }
  for (const [file, imports] of GRAPH) {
    if (under('hardware')(file) || under('content')(file)) {
      assert.ok(!imports.some(under('electron')), `${file} imports the app: hardware and content stand alone`);
    }
  }
});

test('the UI reaches the app only through the typed API', () => {
  for (const [file, imports] of GRAPH) {
    if (!under('renderer')(file)) continue;
    for (const target of imports.filter((t) => under('electron')(t) || under('hardware')(t) || under('content')(t))) {
      assert.ok(under('electron/api')(target), `${file} imports ${target}: the UI may import only electron/api`);
    }
  }
});

test("README's layout table names every folder of the code, and only folders that exist", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## How the code is laid out'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('|')));
  const named = [...table.matchAll(/`((?:electron|renderer|hardware|content|tests)\b[\w./-]*)`/g)].map((m) => m[1].replace(/\/$/, ''));
  for (const name of named) assert.ok(existsSync(path.join(ROOT, name)), `README names ${name}, which does not exist`);
  const folders = ['electron', 'renderer'].flatMap((top) =>
    readdirSync(path.join(ROOT, top)).filter((d) => statSync(path.join(ROOT, top, d)).isDirectory()).map((d) => `${top}/${d}`),
  );
  const core = readdirSync(path.join(ROOT, 'electron', 'core')).filter((d) => statSync(path.join(ROOT, 'electron', 'core', d)).isDirectory()).map((d) => `electron/core/${d}`);
  for (const folder of [...folders, ...core, 'hardware', 'content', 'tests']) {
    assert.ok(named.some((n) => n === folder || n.startsWith(`${folder}/`)), `README's layout table does not mention ${folder}`);
  }
});

test("the kiosk window's preload uses each API's own channel names", () => {
  const preload = readFileSync(path.join(ROOT, 'electron', 'preload', 'kiosk.cts'), 'utf8');
  // A sandboxed preload cannot import the API module, so its names are checked here.
  assert.ok(preload.includes(`\`${STUDENT_CHANNEL}:\${method}\``), 'calls go to student:<method>');
  assert.ok(preload.includes(`'${STUDENT_EVENT_CHANNEL}'`), 'events come from student:event');
  for (const method of STUDENT_METHODS) assert.ok(preload.includes(`: call('${method}')`), `the preload exposes ${method}`);
  assert.ok(preload.includes(`\`${OPERATOR_CHANNEL}:\${method}\``), 'operator calls go to operator:<method>');
  for (const method of OPERATOR_METHODS) assert.ok(preload.includes(`operatorCall('${method}')`), `the preload exposes the operator's ${method}`);
});
