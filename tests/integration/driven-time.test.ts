// The clock a test drives for the processes it starts (tests/helpers/driven-time.ts): in a
// process started on it, the product's systemClock is that clock and Date reads it; advance()
// fires what fell due there and resolves once it has; a process started later starts at the
// time reached. The processes here are node itself, importing time/clock.ts as the product does.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { drivenTime } from '../helpers/driven-time.ts';

const HOUR = 3600_000;
const CLOCK = new URL('../../time/clock.ts', import.meta.url).href;
/** Says its time and whose systemClock it has, then waits an hour on that clock and says when it fired. */
const PROBE = `
import { systemClock } from ${JSON.stringify(CLOCK)};
console.log(JSON.stringify({ now: systemClock.now(), date: Date.now(), newDate: new Date().getTime(), clock: systemClock.constructor.name }));
systemClock.setTimeout(() => console.log(JSON.stringify({ fired: systemClock.now() })), ${HOUR});
`;

test('a process on the driven clock reads the test\'s time, fires its timers when the test moves it on, and ends as it would; one started later starts at the time reached', { timeout: 120_000 }, async () => {
  const time = drivenTime();
  await time.advance(10 * 60_000);
  const before = Date.now();
  const node = time.node;
  const child = spawn(process.execPath, [...node.args, '--input-type=module', '-e', PROBE], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env: node.env });
  node.channel(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = JSON.parse((await lines.next()).value as string) as { now: number; date: number; newDate: number; clock: string };
  const after = Date.now();
  assert.equal(first.clock, 'TestClock', "time/clock.ts's systemClock is the driven clock");
  for (const at of [first.now, first.date, first.newDate]) assert.ok(at >= before + 10 * 60_000 && at <= after + 10 * 60_000, `ten minutes ahead: ${at - before}`);
  assert.equal(time.now() - Date.now(), 10 * 60_000);

  const exited = once(child, 'exit');
  await time.advance(HOUR);
  const fired = JSON.parse((await lines.next()).value as string) as { fired: number };
  assert.ok(fired.fired >= first.now + HOUR, 'the hour passed on its clock');
  assert.deepEqual(await exited, [0, null], 'with its timer done it ends: the channel keeps it no longer than it would run');

  const later = spawnSync(process.execPath, [...time.node.args, '--input-type=module', '-e', `import { systemClock } from ${JSON.stringify(CLOCK)}; console.log(systemClock.now() - ${Date.now()});`], { encoding: 'utf8', env: time.node.env });
  assert.equal(later.status, 0, later.stderr);
  assert.ok(Number(later.stdout) >= HOUR + 10 * 60_000, `started at the time reached: ${later.stdout}`);
});
