// The kiosk's two windows (electron/main/windows.ts): each page in its own role's window, and
// each window's page answered on its own role's IPC channels alone. The Electron shell that
// uses these rules cannot run here; the rules themselves are plain and checked.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPERATOR_METHODS, LAYOUT_AUDIT_PAGE } from '../../electron/api/operator.ts';
import { STUDENT_METHODS } from '../../electron/api/student.ts';
import { channelsOf, mayCall, ORIGIN, windowFor, WINDOWS } from '../../electron/main/windows.ts';

test('each page of the app belongs in one window: the operator page in the operator\'s, every other in the student\'s; foreign pages in none', () => {
  assert.equal(windowFor(WINDOWS.student.url), 'student');
  assert.equal(windowFor(`${ORIGIN}/index.html`), 'student');
  assert.equal(windowFor(WINDOWS.operator.url), 'operator');
  assert.equal(windowFor(`${WINDOWS.operator.url}index.html`), 'operator');
  assert.equal(windowFor(`${ORIGIN}/${LAYOUT_AUDIT_PAGE}`), 'student', 'the layout audit is framed by the operator page, but is no operator page');
  assert.equal(windowFor('https://example.org/operator/'), null);
  assert.equal(windowFor('app://olifant.evil/'), null);
});

test("a window's page is answered on its own role's channels alone", () => {
  assert.deepEqual(channelsOf('student'), STUDENT_METHODS.map((m) => `student:${m}`));
  assert.deepEqual(channelsOf('operator'), OPERATOR_METHODS.map((m) => `operator:${m}`));
  assert.ok(mayCall('student', WINDOWS.student.url, 'student:submitAnswer'));
  assert.ok(mayCall('operator', WINDOWS.operator.url, 'operator:overview'));
  for (const method of OPERATOR_METHODS) assert.ok(!mayCall('student', WINDOWS.student.url, `operator:${method}`), `the student window cannot call operator:${method}`);
  for (const method of STUDENT_METHODS) assert.ok(!mayCall('operator', WINDOWS.operator.url, `student:${method}`), `the operator window cannot call student:${method}`);
  assert.ok(!mayCall('student', WINDOWS.operator.url, 'student:kiosk'), 'the operator page is never answered as the student window');
  assert.ok(!mayCall('operator', WINDOWS.student.url, 'operator:overview'), 'a student page in the operator window is not answered');
  assert.ok(!mayCall('student', 'https://example.org/', 'student:kiosk'));
  assert.ok(!mayCall('student', WINDOWS.student.url, 'student:dropTables'));
});
