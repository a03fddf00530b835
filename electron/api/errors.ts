// The error vocabulary: what went wrong and what the user can do about it, each said once and
// mapped once to what every door speaks: the IPC Outcome's code (the vocabulary's own, see
// common.ts), the HTTP status of `olifant serve` and of the hub, and the exit code of the
// `olifant` command. Handlers throw ApiError with a code; kiosk/errors.ts classifies anything
// else. The hub answers each as its contract says (results-sync.md): the status, and
// `{ "error": <message> }` with what the refusal adds (details). No imports: the command reads
// its exit codes from here before anything else is loaded.

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
  'not-signed-in': {
    means: "who is asking is not known: a pillar's token that is unknown or revoked, or a lecturer with no session (or a sign-in link used already)",
    userCan: "ask the tour organiser for the pillar's token (olifant hub add-pillar) or for a new sign-in link (olifant hub add-lecturer)",
    http: 401,
    exit: 1,
  },
  forbidden: { means: "not allowed from here, or not yet, or not for this pillar", userCan: 'open the service door or enter the PIN first (the operator), use the machine it runs on, or send only this pillar\'s records', http: 403, exit: 1 },
  'not-found': { means: 'what was asked for is not there: no answers of that venue visit or question, no such file', userCan: 'check the address, or choose it again on the overview', http: 404, exit: 1 },
  'needs-confirmation': { means: "it needs a person's yes first: a bundle of a pillar this hub has never registered", userCan: "compare the pillar's key with the one the pillar shows, then confirm it, or register the pillar first", http: 409, exit: 1 },
  'too-large': { means: 'what was sent is larger than is taken at once', userCan: 'send less at a time (a pillar halves its batch by itself), or a smaller file', http: 413, exit: 1 },
  'wrong-type': { means: 'what was sent is not of the type asked for', userCan: 'send it as the message says', http: 415, exit: 1 },
  'wrong-method': { means: 'the address is asked for with a method it does not take', userCan: 'use the method the message names (the API takes POST with a JSON body)', http: 405, exit: 1 },
  'wrong-host': { means: 'the request names a host this hub does not answer to', userCan: "use the hub's own address, or start the hub with --public-host and that name", http: 421, exit: 1 },
  busy: { means: 'not now: something else is doing the same (another pack being installed, a bundle being imported), or it is stopping or slow', userCan: 'wait until it is done, then try again (a hub says in how many seconds)', http: 503, exit: 75 },
  storage: { means: 'a disk or a USB stick could not be written or read: full, read-only, or taken out', userCan: 'make room, or put the stick back or use another, then try again', http: 507, exit: 74 },
  internal: { means: 'a fault inside the software', userCan: 'try again; the log says what happened', http: 500, exit: 70 },
};

/** The `olifant` command's exit code for a command line it cannot understand (an unknown flag, a missing argument). */
export const EXIT_USAGE = 2;

/** What a refusal may add beside its message: fields for the caller (the hub's 409 names the key), and when to try again. */
export interface Refusing {
  details?: Record<string, unknown>;
  /** Seconds to wait before trying again (an HTTP Retry-After). */
  retryAfterS?: number;
}

/** A refusal the caller may show: a code of the vocabulary, and a message in the user's words. */
export class ApiError extends Error {
  readonly failure: ApiFailure;
  readonly refusing: Refusing;
  constructor(code: FailureCode, message: string, refusing: Refusing = {}) {
    super(message);
    this.failure = { code, message };
    this.refusing = refusing;
  }
}

export const httpStatusOf = (code: FailureCode) => FAILURES[code].http;

/** The failure an HTTP status stands for (each status is one code's); `internal` for one the vocabulary has not. */
export const failureOfStatus = (status: number): FailureCode =>
  (Object.entries(FAILURES) as Array<[FailureCode, { http: number }]>).find(([, failure]) => failure.http === status)?.[0] ?? 'internal';
