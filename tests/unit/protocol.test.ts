import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checksum, decodeLine, encodeFrame, FrameDecoder } from '../../hardware/protocol.ts';
import { protocolExamples } from '../helpers/examples.ts';

test('every line of the protocol example has the checksum our encoder computes', () => {
  const examples = protocolExamples();
  assert.equal(examples.length, 18);
  for (const { line } of examples) {
    const decoded = decodeLine(line);
    assert.ok(decoded.ok, line);
    assert.equal(encodeFrame(decoded.fields), `${line}\r\n`);
  }
});

test('checksum is the XOR of the body as two upper-case hex digits', () => {
  assert.equal(checksum('1,HELLO'), '5F');
  assert.equal(checksum(''), '00');
});

test('the decoder skips bytes before $, accepts a bare \\n, and drops bad lines with a reason', () => {
  const d = new FrameDecoder();
  const out = d.push('noise\x00\xff$1,PING*0E\n$1,PING*0F\r\n$1,PING\r\n$1,PI\x01NG*0E\r\n');
  assert.deepEqual(out, [
    { ok: false, reason: 'CHECKSUM' },
    { ok: false, reason: 'CHECKSUM' },
    { ok: false, reason: 'NOSTAR' },
    { ok: false, reason: 'BADCHAR' },
  ]);
  assert.deepEqual(d.push(`$1,PING*${checksum('1,PING')}\n`), [{ ok: true, fields: ['1', 'PING'] }]);
});

test('a line split over many chunks is put back together', () => {
  const d = new FrameDecoder();
  const frame = encodeFrame([3, 'DISPENSE', 4]);
  const got = [...frame].flatMap((ch) => d.push(ch));
  assert.deepEqual(got, [{ ok: true, fields: ['3', 'DISPENSE', '4'] }]);
});

test('a body over 120 bytes is refused, and an endless line does not grow memory', () => {
  const d = new FrameDecoder();
  const long = 'x'.repeat(121);
  assert.deepEqual(d.push(`$${long}*${checksum(long)}\r\n`), [{ ok: false, reason: 'TOOLONG' }]);
  assert.deepEqual(d.push('$' + 'y'.repeat(1_000_000)), []);
  assert.deepEqual(d.push('\n'), [{ ok: false, reason: 'TOOLONG' }]);
  assert.throws(() => encodeFrame([long]), /limit is 120/);
});

test('a $ inside a damaged line starts a new line', () => {
  const d = new FrameDecoder();
  const good = encodeFrame([0, 'EVT', 'TAKEN']);
  assert.deepEqual(d.push('$3,OK,DISP' + good), [{ ok: true, fields: ['0', 'EVT', 'TAKEN'] }]);
});

test('the encoder refuses characters the framing reserves', () => {
  assert.throws(() => encodeFrame([1, 'a*b']), /does not allow/);
  assert.throws(() => encodeFrame([1, 'caf\u00e9']), /does not allow/);
});
