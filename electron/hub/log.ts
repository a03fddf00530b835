// The hub's log: structured lines (pino, the logger Fastify is built for) in `hub.log` in the
// data folder, and, for a hub run as a command, its warnings and errors on standard output
// too. Every request answered 500 is written here with its route; a request's URL is not
// (it may hold a sign-in token).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

export type HubLog = Logger;

const HUB_LOG_FILE = 'hub.log';

/** A log into `<dataDir>/hub.log` (info and up), and onto standard output (warnings and up) when asked. */
export function hubLog(dataDir: string, toStdout: boolean): { log: HubLog; close: () => void } {
  mkdirSync(dataDir, { recursive: true });
  // Written as they come (sync): the lines a crash explains itself with are not left in a buffer.
  const file = pino.destination({ dest: path.join(dataDir, HUB_LOG_FILE), sync: true });
  const streams: pino.StreamEntry[] = [{ level: 'info', stream: file }];
  if (toStdout) streams.push({ level: 'warn', stream: pino.destination({ dest: 1, sync: true }) });
  const log = pino({ level: 'info', base: { service: 'olifant-hub' } }, pino.multistream(streams));
  return { log, close: () => file.end() };
}
