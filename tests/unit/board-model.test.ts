import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoardModel } from '../../hardware/board-model.ts';
import { encodeFrame, FrameDecoder } from '../../hardware/protocol.ts';
import { TestClock } from '../helpers/clock.ts';

/** The board on a clock the test drives: moving a card takes 5 ms of it. */
function board(options: ConstructorParameters<typeof BoardModel>[0] = {}) {
  const clock = new TestClock();
  const b = new BoardModel({ dispenseMs: 5, autoTakeMs: null, clock, ...options });
  const heard: string[] = [];
  const decoder = new FrameDecoder();
  b.attach((line) => {
    for (const f of decoder.push(line)) heard.push(f.ok ? f.fields.join(',') : `BAD ${f.reason}`);
  });
  heard.length = 0;
  return { b, heard, clock, send: (...fields: Array<string | number>) => b.receive(encodeFrame(fields)) };
}

test('a repeated id is answered from memory and never executed twice', async () => {
  const { b, heard, clock, send } = board();
  send(1, 'DISPENSE', 2);
  send(1, 'DISPENSE', 2);
  assert.deepEqual(heard, ['1,ACK', '1,ACK']);
  await clock.advance(4);
  assert.deepEqual(heard, ['1,ACK', '1,ACK'], 'still moving the card');
  await clock.advance(1);
  assert.ok(heard.includes('1,OK,DISPENSE,2'), 'the dispense ended after its 5 ms');
  send(1, 'DISPENSE', 2);
  assert.deepEqual(heard.slice(2), ['1,OK,DISPENSE,2', '1,OK,DISPENSE,2']);
  assert.equal(b.dispensed.length, 1);
  b.dispose();
});

test('the board remembers only its last 16 ids, and forgets all on BOOT', () => {
  const { b, heard, send } = board();
  for (let id = 1; id <= 17; id++) send(id, 'PING');
  assert.equal(b.executed.length, 17);
  send(2, 'PING');
  assert.equal(b.executed.length, 17, 'id 2 is still remembered');
  send(1, 'PING');
  assert.equal(b.executed.length, 18, 'id 1 was pushed out');
  b.reboot();
  send(17, 'PING');
  assert.equal(b.executed.length, 19);
  assert.ok(heard.includes('0,EVT,BOOT,olifant-pillar/1.0.0'));
  b.dispose();
});

test('dispense refusals: gate full, empty, jam, bad slot, bad command', async () => {
  const { b, heard, clock, send } = board({ stock: [1, 0, 5, 5, 5, 5] });
  send(1, 'DISPENSE', 1);
  await clock.advance(5);
  send(2, 'DISPENSE', 3);
  b.take();
  send(3, 'DISPENSE', 2);
  b.jam(4);
  send(4, 'DISPENSE', 4);
  send(5, 'DISPENSE', 9);
  send(6, 'DISPENSE', 'x');
  send(7, 'FLY');
  send(8, 'LED', 'BLINK');
  assert.deepEqual(heard, [
    '1,ACK', '0,EVT,SLOT,1,EMPTY', '1,OK,DISPENSE,1',
    '2,ACK', '2,ERR,GATE_FULL,a card is waiting in the gate',
    '0,EVT,TAKEN',
    '3,ACK', '3,ERR,EMPTY,slot 2 is empty',
    '0,EVT,SLOT,4,JAM',
    '4,ACK', '4,ERR,JAM,slot 4 is jammed',
    '5,ERR,BADSLOT,slot 9 does not exist',
    '6,ERR,BADCMD,DISPENSE takes one slot number',
    '7,ERR,BADCMD,unknown command FLY',
    '8,ERR,BADCMD,bad LED arguments',
  ]);
  b.dispose();
});

test('a damaged line from the host is answered with a FRAME error', () => {
  const { b, heard } = board();
  b.receive('$1,PING*00\r\n');
  assert.deepEqual(heard, ['0,ERR,FRAME,CHECKSUM']);
  b.dispose();
});
