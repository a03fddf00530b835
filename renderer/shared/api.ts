// The UI's one way to reach the app: the Electron preload's bridge when it is there,
// otherwise the same methods over HTTP (`olifant serve`).

import type { ApiFailure, Outcome } from '../../electron/api/common.ts';
import { STUDENT_METHODS, type KioskEvent, type StudentApi, type StudentBridge, type StudentMethod } from '../../electron/api/student.ts';

declare global {
  interface Window {
    olifant?: StudentBridge;
  }
}

export class KioskError extends Error {
  readonly code: ApiFailure['code'] | 'offline';
  constructor(code: ApiFailure['code'] | 'offline', message: string) {
    super(message);
    this.code = code;
  }
}

type Call = (method: StudentMethod, argument: unknown) => Promise<Outcome<unknown>>;

async function httpCall(method: StudentMethod, argument: unknown): Promise<Outcome<unknown>> {
  let response: Response;
  try {
    response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: argument === undefined ? '' : JSON.stringify(argument),
    });
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `the kiosk service is not reachable: ${(error as Error).message}` } };
  }
  return (await response.json()) as Outcome<unknown>;
}

function httpEvents(listener: (event: KioskEvent) => void): () => void {
  const source = new EventSource('api/events');
  source.onmessage = (message) => listener(JSON.parse(message.data) as KioskEvent);
  return () => source.close();
}

export function createApi(bridge: StudentBridge | undefined = window.olifant): StudentApi {
  const call: Call = bridge
    ? (method, argument) => (bridge[method] as (a: unknown) => Promise<Outcome<unknown>>)(argument)
    : httpCall;
  const api = {
    onEvent: bridge ? (listener: (event: KioskEvent) => void) => bridge.onEvent(listener) : httpEvents,
  } as Record<string, unknown>;
  for (const method of STUDENT_METHODS) {
    api[method] = async (argument?: unknown) => {
      const outcome = await call(method, argument);
      if (!outcome.ok) throw new KioskError(outcome.error.code, outcome.error.message);
      return outcome.value;
    };
  }
  return api as StudentApi;
}
