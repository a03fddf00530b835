// Cards left, as a pillar can tell them: counted down from a full stack since the stack was
// filled, kept in the data folder across restarts; not known for a stack never counted, nor
// without a full stack's size; 0 when the board says a stack is empty.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CardCount, refilled } from '../../electron/kiosk/health/cards.ts';
import { tempDir } from '../helpers/tmp.ts';

test('cards are counted down from a full stack since it was filled, across a restart; unknown until then', () => {
  const file = path.join(tempDir(), 'cards.json');
  const stacks = [{ slot: 1, state: 'OK' as const }, { slot: 2, state: 'LOW' as const }];
  const count = new CardCount(file, () => {});
  assert.equal(count.left(stacks, 100), null, 'never counted since filled');
  count.dispensed(1);
  count.filled([1, 2]);
  assert.equal(count.left(stacks, null), null, 'a full stack\'s size not known');
  for (let i = 0; i < 3; i++) count.dispensed(1);
  count.dispensed(2);
  assert.equal(count.left(stacks, 100), 97, 'the stack that runs out first');
  const again = new CardCount(file, () => {});
  assert.equal(again.left(stacks, 100), 97, 'kept across a restart');
  assert.equal(again.left([...stacks, { slot: 3, state: 'EMPTY' }], 100), 0, 'an empty stack: none left');
  assert.equal(again.left([{ slot: 1, state: 'OK' }], 2), 0, 'never below 0');
  writeFileSync(file, '{"1": "many", "7": 3, "2": -1');
  assert.equal(new CardCount(file, () => {}).left(stacks, 100), null, 'a damaged file: not known');
});

test('a stack is refilled when the board says OK after EMPTY or LOW, not after a jam or a restart', () => {
  assert.deepEqual([refilled('EMPTY', 'OK'), refilled('LOW', 'OK'), refilled('JAM', 'OK'), refilled('UNKNOWN', 'OK'), refilled('OK', 'LOW')], [true, true, false, false, false]);
});
