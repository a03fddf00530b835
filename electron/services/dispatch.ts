// One way to call an API method by name, for both carriers (Electron IPC and HTTP):
// only listed methods, and every failure becomes an ApiFailure the UI can read.

import { METHOD_NAMES, type ApiFailure, type ApiHandlers, type MethodName } from '../api.ts';
import { ApiError } from './kiosk.ts';
import type { Logger } from '../../hardware/pillar.ts';

export type Outcome = { ok: true; value: unknown } | { ok: false; error: ApiFailure };

export function isMethod(name: string): name is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(name);
}

export async function dispatch(handlers: ApiHandlers, method: string, argument: unknown, log: Logger): Promise<Outcome> {
  if (!isMethod(method)) return { ok: false, error: { code: 'bad-request', message: `unknown method ${JSON.stringify(method)}` } };
  try {
    const handler = handlers[method] as (arg: unknown) => unknown;
    return { ok: true, value: (await handler(argument)) ?? null };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.failure };
    log('error', `${method} failed: ${(error as Error).stack ?? error}`);
    return { ok: false, error: { code: 'internal', message: 'something went wrong inside the kiosk' } };
  }
}
