// The kiosk's two windows, each with its own preload exposing its own role's API alone: the
// student's window (the kiosk page; preload kiosk.cjs, the student's methods) and the
// operator's (the operator page; preload operator.cjs, the operator's methods). A page that
// goes to the other role's page (the service corner, the door, "back to the students") is
// shown in the other window instead. Plain data and rules, no Electron, so that tests can
// check them: which page belongs in which window, and which IPC channels each may call.

import { OPERATOR_CHANNEL, OPERATOR_METHODS, OPERATOR_PAGE } from '../api/operator.ts';
import { STUDENT_CHANNEL, STUDENT_METHODS } from '../api/student.ts';

export type WindowRole = 'student' | 'operator';

export const ORIGIN = 'app://olifant';

export const WINDOWS = {
  student: { preload: 'kiosk.cjs', url: `${ORIGIN}/`, channel: STUDENT_CHANNEL, methods: STUDENT_METHODS },
  operator: { preload: 'operator.cjs', url: `${ORIGIN}/${OPERATOR_PAGE}`, channel: OPERATOR_CHANNEL, methods: OPERATOR_METHODS },
} as const satisfies Record<WindowRole, { preload: string; url: string; channel: string; methods: readonly string[] }>;

/** Whether a URL is one of the app's own pages. */
export const ours = (url: string) => url.startsWith(`${ORIGIN}/`);

/** The window a page of the app belongs in; null for anything that is not the app's. */
export function windowFor(url: string): WindowRole | null {
  if (!ours(url)) return null;
  return url.startsWith(WINDOWS.operator.url) ? 'operator' : 'student';
}

/** The IPC channels a window's page may call: `<channel>:<method>` for its own role's methods alone. */
export const channelsOf = (role: WindowRole): string[] => WINDOWS[role].methods.map((method) => `${WINDOWS[role].channel}:${method}`);

/** Whether a call on `channel` is answered when it comes from the top page (at `url`) of the `role` window. */
export const mayCall = (role: WindowRole, url: string, channel: string) => windowFor(url) === role && channelsOf(role).includes(channel);
