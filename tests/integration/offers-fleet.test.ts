// Issue 21's acceptance for pack offers, with every part real: a hub process and three pillar
// processes (`olifant serve` with simulated boards) over loopback, the pack published with
// `olifant hub publish-pack`. It reaches exactly the two pillars chosen (the third never hears
// of it and is answered 404 for its files); the one whose keys do not trust it refuses it and
// the hub hears why; the crew installs it on the other, and the fleet view says who runs what
// (`olifant hub fleet --json`). A file changed on the hub's disk after publishing is refused
// and reported, and a pillar that was offline when a pack was published gets it when it is back.
// The processes run on a clock the test drives (tests/helpers/driven-time.ts): pillars check
// in every 2 minutes, and the test moves the clock on by that much, round after round (each
// once every pillar it waits for has checked in), rather than waiting for it.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { generateSigningKey } from '../../content/signing.ts';
import type { FleetView, OfferList, OfferRow } from '../../electron/api/organiser.ts';
import { HealthStore } from '../../electron/hub/health.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { hashPin } from '../../electron/kiosk/operator/pin.ts';
import { CHECK_IN_EVERY_MS } from '../../electron/kiosk/sync/check-in.ts';
import { drivenTime } from '../helpers/driven-time.ts';
import { addPillar, hubCommandOn, startHubProcess, startPillarProcess, stopProcess } from '../helpers/hub.ts';
import { buildPack, KEY, PNG } from '../helpers/packs.ts';
import { dataDir, tempDir, until } from '../helpers/tmp.ts';

const PIN = '48213';

interface Pillar {
  id: string;
  dir: string;
  token: string;
  url: string;
  stop: () => Promise<void>;
}

async function call(pillar: Pillar, route: string, body: unknown = {}): Promise<{ ok: boolean; value?: any; error?: { message: string } }> {
  const response = await fetch(`${pillar.url}api/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

test('a pack published to two of three pillar processes reaches exactly those two; one refuses it and the hub hears why; the other runs it once the crew installs it; a file changed on the hub is refused; a pillar offline at publishing gets its pack when it is back', { timeout: 300_000 }, async (t) => {
  const hubDir = tempDir();
  const time = drivenTime();
  const hub = await startHubProcess(hubDir, [], time.node);
  t.after(() => stopProcess(hub.child));
  const store = new HubStore(hubDir, { checked: true });
  t.after(() => store.close());
  const health = new HealthStore(store.db);
  const hubCommand = (...args: string[]) => hubCommandOn(time.node, hubDir, ...args);
  const other = generateSigningKey();

  /** A pillar registered on the hub, trusting `trusted`, with a PIN for its service screen. */
  const pillar = async (id: string, trusted: string[]): Promise<Pillar> => {
    const token = addPillar(hubDir, id);
    const dir = dataDir({ pillarId: id, hubUrl: hub.url, hubToken: token, trustedKeys: trusted, allowUnsignedPacks: true, operatorPin: hashPin(PIN) });
    const started = await startPillarProcess(dir, time.node);
    const p: Pillar = { id, dir, token, url: started.url, stop: () => stopProcess(started.child) };
    t.after(() => p.stop());
    return p;
  };
  const again = async (p: Pillar) => {
    const started = await startPillarProcess(p.dir, time.node);
    Object.assign(p, { url: started.url, stop: () => stopProcess(started.child) });
    t.after(() => p.stop());
  };
  const [a, b, c] = [await pillar('pillar-a', [KEY.publicKey]), await pillar('pillar-b', [other.publicKey]), await pillar('pillar-c', [KEY.publicKey])];

  const offers = async (): Promise<OfferRow[]> => ((await (await fetch(`${hub.url}/v2/offers`)).json()) as OfferList).offers;
  const stateOf = async (offerId: string) => (await offers()).find((o) => o.offerId === offerId);
  const contact = (p: Pillar) => health.latest(p.id)?.contactAt;
  /** Waits for `check`, the clock moved on by a check-in period whenever each of `pillars` has checked in since the last move. */
  const checkingIn = async (pillars: Pillar[], check: () => Promise<boolean>, what: string) => {
    let seen: Array<number | undefined> = [];
    await until(async () => {
      if (await check()) return true;
      if (pillars.some((p, i) => contact(p) === seen[i])) return false;
      seen = pillars.map(contact);
      await time.advance(CHECK_IN_EVERY_MS);
      return false;
    }, what, 120_000);
  };
  const publish = (dir: string, ...to: string[]) => {
    const done = hubCommand('publish-pack', dir, '--to', ...to);
    assert.equal(done.status, 0, done.stderr);
    return [...done.stdout.matchAll(/(pillar-\w) \(offer ([0-9a-f-]{36})\)/g)].map(([, pillarId, offerId]) => ({ pillarId, offerId }));
  };

  // Published to pillar-a and pillar-b.
  const [toA, toB] = publish(buildPack((m) => (m.version = 2), { 'assets/a.png': PNG }).dir, 'pillar-a', 'pillar-b');
  await checkingIn([a, b, c], async () => (await stateOf(toA.offerId))?.state === 'waiting' && (await stateOf(toB.offerId))?.state === 'refused', 'pillar-a to report the offer waiting and pillar-b to report it refused');
  assert.match((await stateOf(toB.offerId))!.reason!, /pack\.sig is not a valid signature of pack\.json by a key this kiosk trusts \(rule: signing\)/, 'refused for its key, though pillar-b allows unsigned packs from sticks');
  assert.equal((await fetch(`${hub.url}/v2/offers/${toA.offerId}/files/pack.json`, { headers: { authorization: `Bearer ${c.token}` } })).status, 404, 'pillar-c is answered 404 for its files');
  assert.ok(!existsSync(path.join(c.dir, 'offers', 'offers.json')) || JSON.parse(readFileSync(path.join(c.dir, 'offers', 'offers.json'), 'utf8')).offers.length === 0, 'pillar-c never heard of it');

  // The crew installs it on pillar-a, on its service screen (the operator API, with the PIN).
  const { key } = (await call(a, 'operator/unlock', { pin: PIN })).value as { key: string };
  const overview = (await call(a, 'operator/overview', { sessionKey: key })).value as { offers: Array<{ offerId: string; kind: string; preview: { versionTo: number; changes: unknown } }> };
  assert.deepEqual(overview.offers.map((o) => [o.offerId, o.kind, o.preview.versionTo]), [[toA.offerId, 'waiting', 2]], 'the service screen shows it with the preview of a stick\'s pack');
  const installed = await call(a, 'operator/installOffer', { sessionKey: key, offerId: toA.offerId, confirmRollback: false });
  assert.equal(installed.ok, true, installed.error?.message);
  await call(a, 'operator/leave', { sessionKey: key });
  await checkingIn([a], async () => (await stateOf(toA.offerId))?.state === 'installed', 'pillar-a to report the pack installed');

  // Who runs what: the fleet view, once the hub has pillar-a's health record after the install.
  await checkingIn([a, b, c], async () => health.latest('pillar-a')?.record.pack?.version === 2, "the hub to hear pillar-a's new pack");
  const fleet = hubCommand('fleet', '--json');
  assert.equal(fleet.status, 0, fleet.stderr);
  const view = JSON.parse(fleet.stdout) as FleetView;
  const runs = Object.fromEntries(view.pillars.map((p) => [p.id, p.pack]));
  assert.deepEqual(runs, { 'pillar-a': { id: 'olifant-tour', version: 2 }, 'pillar-b': { id: 'olifant-tour', version: 1 }, 'pillar-c': { id: 'olifant-tour', version: 1 } }, '`olifant hub fleet --json` shows who runs what');
  const offered = Object.fromEntries(view.pillars.map((p) => [p.id, p.offer?.state ?? null]));
  assert.deepEqual(offered, { 'pillar-a': 'installed', 'pillar-b': 'refused', 'pillar-c': null }, 'and what each did with the pack offered to it');
  assert.ok(view.pillars.find((p) => p.id === 'pillar-b')!.reasons.some((r) => r.code === 'offer-refused'), 'a refused pack needs someone');

  // pillar-a is off while a pack is published to it and a file of it is changed on the hub's disk; pillar-c is off while one is published to it.
  await a.stop();
  await c.stop();
  const before = new Set(readdirSync(path.join(hubDir, 'offers')));
  const [tampered] = publish(buildPack((m) => (m.version = 3), { 'assets/a.png': PNG }).dir, 'pillar-a');
  const folder = readdirSync(path.join(hubDir, 'offers')).find((name) => !before.has(name))!;
  writeFileSync(path.join(hubDir, 'offers', folder, 'olifant-pack', 'assets', 'a.png'), Buffer.from(PNG.map((byte, i) => (i === PNG.length - 5 ? byte ^ 1 : byte))));
  const [toC] = publish(buildPack((m) => (m.version = 4)).dir, 'pillar-c');
  await again(a);
  await again(c);
  await checkingIn([a, c], async () => (await stateOf(tampered.offerId))?.state === 'refused' && (await stateOf(toC.offerId))?.state === 'waiting', 'pillar-a to refuse the changed pack and pillar-c to get its pack');
  assert.match((await stateOf(tampered.offerId))!.reason!, /assets\/a\.png does not match the SHA-256 the hub offered/);
  assert.equal((await fetch(`${hub.url}/v2/offers/${toC.offerId}/files/pack.json`, { headers: { authorization: `Bearer ${b.token}` } })).status, 404);
  assert.deepEqual((await offers()).filter((o) => o.pillarId === 'pillar-b').map((o) => o.offerId), [toB.offerId], 'pillar-b was offered only the one pack');
});
