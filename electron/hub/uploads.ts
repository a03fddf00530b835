// A bundle uploaded on the hub's page is written to a file as it arrives (never held in
// memory), counted; past the limit the rest is read away and not kept, so that the sender
// still sees the refusal.

import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DRAIN_MS } from '../platform/http-server.ts';
import type { Clock, Timer } from '../../time/clock.ts';

/**
 * Writes an upload to `file`, counting its bytes; past `max` the rest is read away (for
 * DRAIN_MS at most) and not kept. Whether it fitted.
 */
export async function spool(request: IncomingMessage, file: string, max: number, clock: Clock): Promise<boolean> {
  let bytes = 0;
  let stop: Timer | undefined;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes <= max) return done(null, chunk);
      stop ??= clock.setTimeout(() => request.destroy(), DRAIN_MS);
      done();
    },
  });
  try {
    await pipeline(request, count, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    if (bytes <= max) throw error;
  } finally {
    clock.clear(stop);
  }
  return bytes <= max;
}
