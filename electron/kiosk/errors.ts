// What any error thrown means in the error vocabulary's terms (api/errors.ts): a refusal keeps
// its code, a pack refused is a bad request, a file system's trouble is `storage` in words
// (platform/errno.ts), the rest `internal` (a fault, logged with its stack by whoever caught it).

import { PackError } from '../../content/pack.ts';
import { ApiError, FAILURES } from '../api/errors.ts';
import type { ApiFailure } from '../api/common.ts';
import { troubleOf, writeProblem } from '../platform/errno.ts';

export function failureOf(error: unknown): ApiFailure {
  if (error instanceof ApiError) return error.failure;
  if (error instanceof PackError) return { code: 'bad-request', message: error.message };
  if (troubleOf(error) !== null) return { code: 'storage', message: writeProblem(error) };
  return { code: 'internal', message: 'something went wrong inside the kiosk; its log says what' };
}

/** The `olifant` command's exit code: the vocabulary's for a failure it knows, 1 for any other refusal in words. */
export const exitCodeOf = (error: unknown) => (error instanceof ApiError || troubleOf(error) !== null ? FAILURES[failureOf(error).code].exit : FAILURES['bad-request'].exit);
