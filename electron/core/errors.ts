// A refusal the caller may show: a stable code, and a message in the user's words.

import type { ApiFailure } from '../api/common.ts';

export class ApiError extends Error {
  readonly failure: ApiFailure;
  constructor(code: ApiFailure['code'], message: string) {
    super(message);
    this.failure = { code, message };
  }
}

/** The request as an object, or a bad-request refusal. */
export function requestObject(request: unknown): Record<string, unknown> {
  if (typeof request !== 'object' || request === null) throw new ApiError('bad-request', 'the request must be an object');
  return request as Record<string, unknown>;
}
