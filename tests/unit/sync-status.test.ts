// sync-status.json, what a pillar keeps of its last sends, is read back by its schema
// (api/schemas/kiosk-files.ts): kept as it is, or refused in the log with the field and the
// rule, and written again at the next send. The real file and answer database.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import type { Settings } from '../../electron/kiosk/settings/settings.ts';
import { Outbox } from '../../electron/kiosk/sync/outbox.ts';
import { SyncSender } from '../../electron/kiosk/sync/sender.ts';
import { tempDir } from '../helpers/tmp.ts';

function sender(file: string) {
  const store = new AnswerStore(path.join(path.dirname(file), 'answers.sqlite'));
  const logs: string[] = [];
  const settings = { hubUrl: null, hubToken: null, pillarId: 'pillar-test' } as unknown as Settings;
  const made = new SyncSender({ outbox: new Outbox(store), settings: () => settings, log: (level, message) => logs.push(`${level} ${message}`), statusFile: file });
  const status = made.status();
  store.close();
  return { status, logs };
}

test('a kept sync status is read back as it was', () => {
  const file = path.join(tempDir(), 'sync-status.json');
  writeFileSync(file, JSON.stringify({ lastSuccess: '2026-11-24T13:27Z', lastProblem: 'The hub at http://hub cannot be reached.' }));
  const { status, logs } = sender(file);
  assert.deepEqual([status.lastSuccess, status.lastProblem], ['2026-11-24T13:27Z', 'The hub at http://hub cannot be reached.']);
  assert.deepEqual(logs, []);
});

test('none kept yet is no problem; a damaged or wrong one is said in the log, with the field and the rule, and not used', () => {
  const file = path.join(tempDir(), 'sync-status.json');
  assert.deepEqual(sender(file).logs, [], 'none yet');
  for (const [text, said] of [
    ['{"lastSuc', /sync-status\.json cannot be read \(.*JSON.*\); it is written again at the next send$/],
    [JSON.stringify({ lastSuccess: 42, lastProblem: null }), /sync-status\.json is refused \(lastSuccess must be null, or a UTC time such as "2026-11-24T13:27Z", not 42\); it is written again at the next send$/],
    [JSON.stringify({ lastSuccess: null }), /is refused \(the status is missing "lastProblem"\)/],
  ] as const) {
    writeFileSync(file, text);
    const { status, logs } = sender(file);
    assert.deepEqual([status.lastSuccess, status.lastProblem], [null, null], text);
    assert.equal(logs.length, 1, text);
    assert.match(logs[0], /^warn /);
    assert.match(logs[0], said);
  }
});
