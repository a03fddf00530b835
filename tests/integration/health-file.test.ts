// Health on a stick (docs/results-sync-v2.md): the health file beside a bundle is taken by the
// rules of a bundle (whole, signed, by the key registered for its pillar) and kept as if it had
// come with a check-in, unless a newer one is kept. A changed, cut-off, foreign or malformed
// one is refused in words and keeps nothing: by `olifant hub import` (a real process, exit 1
// for a refusal) and on the hub's page (POST /v2/health-files, only on the hub's machine).

import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { generateSigningKey } from '../../content/signing.ts';
import type { HealthRecord } from '../../electron/api/check-in.ts';
import { importHealthFile } from '../../electron/hub/bundles.ts';
import { HealthStore } from '../../electron/hub/health.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { signedLines } from '../../electron/results/bundle.ts';
import { healthFileBytes } from '../../electron/results/health-file.ts';
import { hubCommand } from '../helpers/hub.ts';
import { tempDir } from '../helpers/tmp.ts';

const keyPair = () => {
  const made = generateSigningKey();
  return { privateKey: createPrivateKey(made.privateKeyPem), publicKey: made.publicKey };
};
const pillarKey = keyPair();

const record = (over: Partial<HealthRecord> = {}): HealthRecord => ({
  type: 'health', pillar_id: 'pillar-h', clock: '2026-11-24T13:07Z', app_version: '1.4.0', pack: { id: 'olifant-tour', version: 7 },
  dispenser: 'jammed', cards_left: 31, last_answer_hour: '2026-11-24T13:00Z', disk_free_mb: 900, uptime_minutes: 300, errors: { jam: 2 }, ...over,
});

const now = new Date(Date.UTC(2026, 10, 24, 13, 8));

function file(name: string, bytes: Buffer | string): string {
  const at = path.join(tempDir(), name);
  writeFileSync(at, bytes);
  return at;
}

test('a health file is kept by the rules of a bundle; a changed, foreign, cut-off or malformed one is refused in words and keeps nothing', (t) => {
  const store = new HubStore(tempDir());
  t.after(() => store.close());
  const pillars = new Pillars(store);
  pillars.add('pillar-h', 'Zuil H', pillarKey.publicKey);
  const health = new HealthStore(store.db);
  const good = healthFileBytes(pillarKey, record(), now);
  const changed = Buffer.from(good.toString('utf8').replace('"jammed"', '"ok"'), 'utf8');
  const header = JSON.parse(good.toString('utf8').split('\n')[0]) as Record<string, unknown>;
  const refusals: Array<[string, Buffer | string, RegExp]> = [
    ['changed after it was signed', changed, /the signature does not match the file: it was changed after it was written/],
    ['signed with another key', healthFileBytes(keyPair(), record(), now), /it is signed with another key than the one registered for pillar pillar-h: it did not come from that pillar/],
    ['cut off', good.subarray(0, good.length - 20), /it does not end with its signature line: it was cut off/],
    ['no signature line', good.toString('utf8').split('\n').slice(0, 2).join('\n') + '\n', /it has 2 lines, not 3/],
    ['an unknown field, signed', signedLines([header, { ...record(), battery: 80 }], pillarKey), /the health record has an unknown field "battery"/],
    ['a student\'s time finer than the hour, signed', signedLines([header, { ...record(), last_answer_hour: '2026-11-24T13:07Z' }], pillarKey), /last_answer_hour must be null, or a UTC hour/],
    ['another pillar\'s record under this header', signedLines([header, record({ pillar_id: 'pillar-x' })], pillarKey), /its health record is pillar pillar-x's, not its header's pillar-h/],
    ['a pillar never registered', healthFileBytes(pillarKey, record({ pillar_id: 'pillar-new' }), now), /pillar pillar-new is not registered on this hub: import its results bundle \(beside it on the stick\) first/],
    ['not JSON', 'garbage\nmore\nlines\n', /line 1 is not JSON/],
    ['too big', Buffer.alloc(70 * 1024, 0x20), /it is larger than 65536 bytes/],
  ];
  for (const [what, bytes, reason] of refusals) {
    assert.throws(() => importHealthFile(file('h.olifant-health', bytes), health, pillars, 'h.olifant-health'), (e: Error) => {
      assert.match(e.message, /^h\.olifant-health is refused, nothing of it was kept: /, what);
      assert.match(e.message, reason, what);
      return true;
    }, what);
    assert.equal(health.latest('pillar-h'), undefined, `${what}: nothing kept`);
  }

  assert.deepEqual(importHealthFile(file('h.olifant-health', good), health, pillars), { pillarId: 'pillar-h', kept: true });
  assert.deepEqual([health.latest('pillar-h')!.record, health.latest('pillar-h')!.via], [record(), 'stick']);
  // An older one is left alone: the newest record stays.
  const older = healthFileBytes(pillarKey, record({ clock: '2026-11-20T09:00Z', dispenser: 'ok' }), now);
  assert.deepEqual(importHealthFile(file('old.olifant-health', older), health, pillars), { pillarId: 'pillar-h', kept: false });
  assert.equal(health.latest('pillar-h')!.record.dispenser, 'jammed');
  pillars.revoke('pillar-h');
  assert.throws(() => importHealthFile(file('h.olifant-health', good), health, pillars, 'h'), /pillar pillar-h is revoked on this hub/);
});

test('`olifant hub import` takes health files beside the bundles (exit 1 for a refused one), and the page only on the hub\'s machine', async (t) => {
  const dir = tempDir();
  const registered = hubCommand(dir, 'add-pillar', 'pillar-h', '--key', pillarKey.publicKey);
  assert.equal(registered.status, 0, registered.stderr);
  const good = file('pillar-h-20261124-1308.olifant-health', healthFileBytes(pillarKey, record(), now));
  const tampered = file('tampered.olifant-health', healthFileBytes(pillarKey, record(), now).toString('utf8').replace('"cards_left":31', '"cards_left":310'));
  const imported = hubCommand(dir, 'import', tampered, good);
  assert.equal(imported.status, 1);
  assert.match(imported.stderr, /tampered\.olifant-health is refused, nothing of it was kept: the signature does not match the file/);
  assert.match(imported.stdout, /pillar-h-20261124-1308\.olifant-health: pillar pillar-h's health record is kept/);

  const store = new HubStore(dir);
  t.after(() => store.close());
  assert.equal(new HealthStore(store.db).latest('pillar-h')!.record.cards_left, 31);
  const app = buildHub(store, new Pillars(store));
  t.after(() => app.close());
  const send = (bytes: Buffer | string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/v2/health-files?name=up.olifant-health', headers: { 'content-type': 'application/octet-stream' }, payload: bytes, remoteAddress });
  const far = await send(healthFileBytes(pillarKey, record(), now), '10.1.2.3');
  assert.deepEqual([far.statusCode, far.json().error], [403, 'health files are imported only on the machine the hub runs on']);
  const refused = await send(healthFileBytes(pillarKey, record(), now).toString('utf8').replace('"jam":2', '"jam":0'), '127.0.0.1');
  assert.equal(refused.statusCode, 400);
  assert.match(refused.json().error, /^up\.olifant-health is refused, nothing of it was kept: the signature does not match the file/);
  const newer = await send(healthFileBytes(pillarKey, record({ clock: '2026-11-24T15:00Z', dispenser: 'ok' }), now), '127.0.0.1');
  assert.deepEqual([newer.statusCode, newer.json()], [200, { pillarId: 'pillar-h', kept: true }]);
  assert.equal(new HealthStore(store.db).latest('pillar-h')!.record.dispenser, 'ok');
});
