// The error vocabulary (electron/api/errors.ts, classified by electron/kiosk/errors.ts): each failure's code mapped once to an HTTP
// status and an exit code, anything thrown classified, and the dispatcher both carriers use
// answering in it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispatch } from '../../electron/kiosk/carriers/dispatch.ts';
import { ApiError, FAILURES, failureOfStatus, httpStatusOf } from '../../electron/api/errors.ts';
import { exitCodeOf, failureOf } from '../../electron/kiosk/errors.ts';

const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code });

test('each failure has its own HTTP status, an exit code, and says what went wrong and what the user can do', () => {
  const codes = Object.keys(FAILURES) as Array<keyof typeof FAILURES>;
  assert.equal(new Set(codes.map(httpStatusOf)).size, codes.length, 'no two failures share an HTTP status');
  for (const code of codes) assert.ok(FAILURES[code].means.length > 10 && FAILURES[code].userCan.length > 10, code);
  // The kiosk's and the hub's statuses, the hub's as results-sync.md says (400, 401, 403, 413 for a batch).
  assert.deepEqual(Object.fromEntries(codes.map((code) => [code, httpStatusOf(code)])), {
    'bad-request': 400, 'not-signed-in': 401, forbidden: 403, 'not-found': 404, 'needs-confirmation': 409, 'too-large': 413, 'wrong-type': 415, 'wrong-method': 405,
    'wrong-host': 421, busy: 503, storage: 507, internal: 500,
  });
  for (const code of codes) assert.equal(failureOfStatus(httpStatusOf(code)), code, 'and each status stands for its failure');
  assert.equal(failureOfStatus(418), 'internal');
});

test('what is thrown is classified: refusals keep their code, file system trouble is storage in words, the rest internal', () => {
  assert.deepEqual(failureOf(new ApiError('busy', 'wait')), { code: 'busy', message: 'wait' });
  assert.deepEqual(failureOf(errno('ENOSPC')), { code: 'storage', message: 'the disk is full' });
  assert.deepEqual(failureOf(errno('EROFS')), { code: 'storage', message: 'the disk is read-only' });
  assert.equal(failureOf(new TypeError('x is undefined')).code, 'internal');
  assert.doesNotMatch(failureOf(new TypeError('x is undefined')).message, /undefined/, 'a fault is not shown to users in its own terms');
  assert.equal(exitCodeOf(new Error('the two PINs differ; nothing changed')), 1, 'a refusal in words');
  assert.equal(exitCodeOf(new ApiError('busy', 'wait')), 75);
  assert.equal(exitCodeOf(errno('EIO')), 74);
});

test('the dispatcher answers every failure in the vocabulary, and logs only what is no refusal', async () => {
  const logs: string[] = [];
  const log = (_level: string, message: string) => logs.push(message);
  const role = {
    methods: ['refuse', 'disk', 'fault'],
    handlers: {
      refuse: () => {
        throw new ApiError('bad-request', 'slot must be a stack number from 1 to 6, not 9');
      },
      disk: () => {
        throw errno('ENOSPC');
      },
      fault: () => {
        throw new TypeError('oops');
      },
      hidden: () => 'never',
    },
  };
  assert.deepEqual(await dispatch(role, 'refuse', {}, log), { ok: false, error: { code: 'bad-request', message: 'slot must be a stack number from 1 to 6, not 9' } });
  assert.deepEqual(logs, []);
  assert.deepEqual(await dispatch(role, 'disk', {}, log), { ok: false, error: { code: 'storage', message: 'the disk is full' } });
  assert.equal((await dispatch(role, 'fault', {}, log)).ok, false);
  assert.equal(logs.length, 2);
  assert.match(logs[1], /fault failed \(internal\): TypeError: oops/);
  assert.deepEqual(await dispatch(role, 'hidden', {}, log), { ok: false, error: { code: 'bad-request', message: 'unknown method "hidden"' } }, 'only the allow-list is answered');
});
