// One way to call a role's API method by name, for both carriers (Electron IPC and HTTP):
// only the methods on that role's list, and every failure becomes an ApiFailure of the
// error vocabulary (api/errors.ts).

import type { Outcome } from '../../api/common.ts';
import { ApiError } from '../../api/errors.ts';
import { failureOf } from '../errors.ts';
import type { Logger } from '../../platform/log.ts';

/** A role's API as a carrier sees it: its allow-list of method names and their handlers. */
export interface RoleApi {
  methods: readonly string[];
  handlers: object;
}

/** A refusal of what someone asked is theirs; these say something is wrong with the pillar (its health record counts them). */
const PILLAR_FAILURES = new Set(['busy', 'storage', 'internal']);

export async function dispatch(role: RoleApi, method: string, argument: unknown, log: Logger, countError: (code: string) => void = () => {}): Promise<Outcome<unknown>> {
  if (!role.methods.includes(method)) return { ok: false, error: { code: 'bad-request', message: `unknown method ${JSON.stringify(method)}` } };
  try {
    const handler = (role.handlers as Record<string, (arg: unknown) => unknown>)[method];
    return { ok: true, value: (await handler(argument)) ?? null };
  } catch (error) {
    const failure = failureOf(error);
    if (PILLAR_FAILURES.has(failure.code)) countError(failure.code);
    // A refusal in words is the caller's to show; anything else is logged whole, for whoever mends it.
    if (!(error instanceof ApiError)) log('error', `${method} failed (${failure.code}): ${(error as Error).stack ?? error}`);
    return { ok: false, error: failure };
  }
}
