// The error vocabulary: what went wrong and what the user can do about it, each said once and
// mapped once to what every door speaks: the IPC Outcome's code (the vocabulary's own, see
// common.ts), the HTTP status of `olifant serve`, and the exit code of the `olifant` command.
// Handlers throw ApiError with a code; core/errors.ts classifies anything else. The hub's
// statuses are its contract's (results-sync.md). No imports: the command reads its exit codes
// from here before anything else is loaded.

import type { ApiFailure } from './common.ts';

export type FailureCode = ApiFailure['code'];

/** Each failure: what it means, what the user can do, and its HTTP status and exit code. */
export const FAILURES: Record<FailureCode, { means: string; userCan: string; http: number; exit: number }> = {
  'bad-request': {
    means: 'what was sent breaks a rule, or is refused by one (the message names the field or the file, and the rule)',
    userCan: 'correct it as the message says, then try again',
    http: 400,
    exit: 1,
  },
  forbidden: { means: 'not allowed from here, or not yet', userCan: 'open the service door or enter the PIN first (the operator), or use the machine it runs on', http: 403, exit: 1 },
  busy: { means: 'something else is doing the same right now (another pack being installed)', userCan: 'wait until it is done, then try again', http: 503, exit: 75 },
  storage: { means: 'a disk or a USB stick could not be written or read: full, read-only, or taken out', userCan: 'make room, or put the stick back or use another, then try again', http: 507, exit: 74 },
  internal: { means: 'a fault inside the software', userCan: 'try again; the log says what happened', http: 500, exit: 70 },
};

/** The `olifant` command's exit code for a command line it cannot understand (an unknown flag, a missing argument). */
export const EXIT_USAGE = 2;

/** A refusal the caller may show: a code of the vocabulary, and a message in the user's words. */
export class ApiError extends Error {
  readonly failure: ApiFailure;
  constructor(code: FailureCode, message: string) {
    super(message);
    this.failure = { code, message };
  }
}

export const httpStatusOf = (code: FailureCode) => FAILURES[code].http;
