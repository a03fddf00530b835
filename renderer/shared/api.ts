// The UI's one way to reach the app: the Electron preload's bridges when they are there,
// otherwise the same methods over HTTP (`olifant serve`). Each role has its own client:
// the kiosk page holds the student's, the operator page the operator's.

import type { ApiFailure, Outcome } from '../../electron/api/common.ts';
import { OPERATOR_METHODS, type OperatorApi, type OperatorBridge } from '../../electron/api/operator.ts';
import { STUDENT_METHODS, type KioskEvent, type StudentApi, type StudentBridge } from '../../electron/api/student.ts';

declare global {
  interface Window {
    olifant?: StudentBridge;
    olifantOperator?: OperatorBridge;
  }
}

export class KioskError extends Error {
  readonly code: ApiFailure['code'] | 'offline';
  constructor(code: ApiFailure['code'] | 'offline', message: string) {
    super(message);
    this.code = code;
  }
}

type Call = (method: string, argument: unknown) => Promise<Outcome<unknown>>;

/** Calls POST <path><method> on the server the page came from. */
const httpCall = (path: string): Call => async (method, argument) => {
  let response: Response;
  try {
    response = await fetch(`${path}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: argument === undefined ? '' : JSON.stringify(argument),
    });
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `the kiosk service is not reachable: ${(error as Error).message}` } };
  }
  return (await response.json()) as Outcome<unknown>;
};

/** One promise-returning method per name; a failed Outcome becomes a KioskError. `send` shapes what each call carries. */
function client(methods: readonly string[], bridge: object | undefined, path: string, send: (argument: unknown) => unknown = (argument) => argument): Record<string, unknown> {
  const call: Call = bridge ? (method, argument) => (bridge as Record<string, (a: unknown) => Promise<Outcome<unknown>>>)[method](argument) : httpCall(path);
  const api: Record<string, unknown> = {};
  for (const method of methods) {
    api[method] = async (argument?: unknown) => {
      const outcome = await call(method, send(argument));
      if (!outcome.ok) throw new KioskError(outcome.error.code, outcome.error.message);
      return outcome.value;
    };
  }
  return api;
}

function httpEvents(listener: (event: KioskEvent) => void): () => void {
  const source = new EventSource('/api/events');
  source.onmessage = (message) => listener(JSON.parse(message.data) as KioskEvent);
  return () => source.close();
}

export function createApi(bridge: StudentBridge | undefined = window.olifant): StudentApi {
  const onEvent = bridge ? (listener: (event: KioskEvent) => void) => bridge.onEvent(listener) : httpEvents;
  return { ...client(STUDENT_METHODS, bridge, '/api/'), onEvent } as StudentApi;
}

/**
 * The operator's client. The key of a PIN session this page opens lives in this page's memory
 * alone and goes with every call: a reloaded or restarted window has none, and starts at the PIN pad.
 */
export function createOperatorApi(bridge: OperatorBridge | undefined = window.olifantOperator): OperatorApi {
  let sessionKey: string | null = null;
  const api = client(OPERATOR_METHODS, bridge, '/api/operator/', (argument) => ({ ...(argument as object | undefined), sessionKey })) as OperatorApi;
  const unlock = api.unlock;
  api.unlock = async (request) => {
    const result = await unlock(request);
    sessionKey = result.key;
    return result;
  };
  return api;
}
