import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createLogger, MAX_LOG_BYTES } from '../../electron/platform/log.ts';
import { tempDir } from '../helpers/tmp.ts';

test('the operator log: one line per event, UTC time and level; a full log moves aside, one kept', () => {
  const file = path.join(tempDir(), 'olifant.log');
  const log = createLogger(file, false);
  log('warn', 'card stack 3 is now EMPTY');
  assert.match(readFileSync(file, 'utf8'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ WARN  card stack 3 is now EMPTY\n$/);
  writeFileSync(file, Buffer.alloc(MAX_LOG_BYTES + 1, 0x2e));
  log('info', 'pillar controller connected');
  assert.equal(statSync(`${file}.1`).size, MAX_LOG_BYTES + 1);
  assert.match(readFileSync(file, 'utf8'), /^\S+ INFO  pillar controller connected\n$/);
});

test('a log folder that cannot be written does not stop the kiosk', () => {
  const log = createLogger(path.join(tempDir(), 'missing', 'folder', 'olifant.log'), false);
  assert.doesNotThrow(() => log('error', 'still running'));
});
