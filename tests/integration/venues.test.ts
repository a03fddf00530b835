// `olifant venue start|list` against a data folder a running kiosk uses: the kiosk's next
// answer carries the new visit, without a restart.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { CLI } from '../helpers/cli.ts';
import { startKiosk } from '../helpers/kiosk.ts';
import { dataDir, until } from '../helpers/tmp.ts';

test('`olifant venue start` prints the new id, `venue list` shows it, and a running kiosk carries it on its next answer', async () => {
  const dir = dataDir();
  const kiosk = await startKiosk({ dataDir: dir });
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'venue', ...args, '--data-dir', dir], { encoding: 'utf8', timeout: 30_000 });
  const started = run('start', 'Hogeschool van Amsterdam');
  assert.equal(started.status, 0, started.stderr);
  const id = started.stdout.trim();
  assert.match(id, /^\d{4}-\d{2}-\d{2}-hogeschool-van-amsterdam$/);
  const refused = run('start', '???');
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /not started: The venue's name needs at least one letter or digit/);
  const list = run('list');
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, new RegExp(`^${id}\\tHogeschool van Amsterdam\\t\\d{4}-\\d{2}-\\d{2}T\\d{2}:00Z to now$`, 'm'));
  assert.match(list.stdout, /^venue-test\tvenue-test\t\S+ to \d{4}/m, 'the visit before it (from settings) is ended');

  await until(() => kiosk.app.settings.current().venueSessionId === id, 'the kiosk taking the new visit');
  assert.equal(kiosk.app.venues.current()?.name, 'Hogeschool van Amsterdam');
  const answered = await fetch(`${kiosk.url}api/submitAnswer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answerId: randomUUID(), questionId: 'naam-op-cv', value: '2', language: 'nl', shownMs: 3000 }),
  });
  assert.equal(answered.status, 200);
  assert.deepEqual([...kiosk.app.store.all()].map((a) => a.venue_session_id), [id]);
});
