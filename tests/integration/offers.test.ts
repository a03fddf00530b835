// Packs a hub offers (docs/results-sync-v2.md, "Pack offers"), with a real hub on loopback (in
// this process, for its store) and whole kiosks on real data folders, their clocks driven by
// the test: only chosen pillars hear of an offer or get its files; each pillar checks it with
// its own trusted keys, signed-only; a file changed on the hub's disk after publishing, or a
// pack.json changed after signing, is refused; every state reaches the hub at the next check-in;
// the crew installs or declines on the operator API; autoInstallOffers waits for a quiet moment.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { generateSigningKey } from '../../content/signing.ts';
import type { OfferView } from '../../electron/api/operator.ts';
import { Offers } from '../../electron/hub/offers.ts';
import { QUIET_MS } from '../../electron/kiosk/packs/quiet.ts';
import { TestClock } from '../helpers/clock.ts';
import { hubInProcess } from '../helpers/hub.ts';
import { startKiosk, type TestKiosk } from '../helpers/kiosk.ts';
import { buildPack, KEY, PNG } from '../helpers/packs.ts';
import { until } from '../helpers/tmp.ts';

/** A hub in this process on loopback, and its offers. */
async function hubOn(t: TestContext) {
  const { url, store, pillars } = await hubInProcess(t);
  const offers = new Offers(store);
  return {
    url,
    store,
    pillars,
    publish: (dir: string, to: string[]) => offers.publish(dir, to, (id) => pillars.get(id)),
    state: (offerId: string) => offers.list().find((o) => o.offerId === offerId),
  };
}

type Hub = Awaited<ReturnType<typeof hubOn>>;

/** A kiosk registered with the hub, trusting `trusted`, on a clock the test drives. */
async function pillarOf(hub: Hub, id: string, trusted: string[], more: Record<string, unknown> = {}, clock = new TestClock()) {
  const token = hub.pillars.add(id);
  const kiosk = await startKiosk({ settings: { pillarId: id, hubUrl: hub.url, hubToken: token, trustedKeys: trusted, ...more }, clock });
  return { ...kiosk, token, clock };
}

const view = (kiosk: TestKiosk, offerId: string): OfferView | undefined => kiosk.app.offers.views().find((o) => o.offerId === offerId);
/** Checks in, then waits until the offer has left `fetching`. */
async function hears(kiosk: TestKiosk, offerId: string): Promise<OfferView | undefined> {
  await kiosk.app.checkIns.now();
  await until(() => view(kiosk, offerId)?.kind !== 'fetching', `the pillar to fetch and check offer ${offerId}`);
  return view(kiosk, offerId);
}
const file = (hub: Hub, token: string, offerId: string, rel: string) => fetch(`${hub.url}/v2/offers/${offerId}/files/${rel}`, { headers: { authorization: `Bearer ${token}` } });

test('a pack published to two of three pillars reaches exactly those two; one refuses it (its key is not trusted there) and the hub hears why; the crew installs it on the other, keeping the previous pack', async (t) => {
  const hub = await hubOn(t);
  const other = generateSigningKey();
  const [a, b, c] = [await pillarOf(hub, 'pillar-a', [KEY.publicKey]), await pillarOf(hub, 'pillar-b', [other.publicKey], { allowUnsignedPacks: true }), await pillarOf(hub, 'pillar-c', [KEY.publicKey])];
  const pack = buildPack((m) => (m.version = 2), { 'assets/a.png': PNG });
  const published = await hub.publish(pack.dir, ['pillar-a', 'pillar-b']);
  const [toA, toB] = published.offers.map((o) => o.offerId);

  const atA = await hears(a, toA);
  assert.equal(atA?.kind, 'waiting');
  assert.deepEqual(atA.kind === 'waiting' && [atA.preview.versionFrom, atA.preview.versionTo, atA.preview.rollback, atA.autoInstall], [1, 2, false, false], 'previewed as a pack on a stick');
  const atB = await hears(b, toB);
  assert.equal(atB?.kind, 'refused', 'signed by a key pillar-b does not trust: refused, whatever allowUnsignedPacks says');
  assert.match(atB.kind === 'refused' ? atB.message : '', /pack\.sig is not a valid signature of pack\.json by a key this kiosk trusts \(rule: signing\)/);
  await c.app.checkIns.now();
  assert.deepEqual(c.app.offers.views(), [], 'pillar-c is never told');
  assert.equal(b.app.packs.current().pack.version, 1, 'the running pack stays');

  // Only the chosen pillar gets the files, and only those the offer lists.
  assert.equal((await file(hub, a.token, toA, 'pack.json')).status, 200);
  assert.equal((await file(hub, c.token, toA, 'pack.json')).status, 404, "another pillar's offer");
  assert.equal((await file(hub, a.token, toA, 'assets/b.png')).status, 404, 'a path not in the offer');
  assert.equal((await file(hub, a.token, toA, '..%2F..%2Fhub.sqlite')).status, 404, 'a path out of the pack');
  assert.equal((await file(hub, 'nobody-has-this-token', toA, 'pack.json')).status, 401);

  // The states reach the hub at the next check-in.
  await a.app.checkIns.now();
  await b.app.checkIns.now();
  assert.equal(hub.state(toA)?.state, 'waiting');
  assert.deepEqual([hub.state(toB)?.state, hub.state(toB)?.reason], ['refused', atB.kind === 'refused' ? atB.message : '']);

  // The crew installs it on pillar-a, as a stick's pack: the previous pack is kept for a roll-back.
  a.app.board!.setService(true);
  await until(() => a.app.operatorSession.open, 'the door session');
  const installed = await a.app.operator.handlers.installOffer({ offerId: toA, confirmRollback: false });
  assert.deepEqual([installed.id, installed.version], ['olifant-tour', 2]);
  assert.equal(a.app.packs.current().pack.version, 2);
  assert.equal(a.app.packs.previous()?.version, 1, 'the previous pack stays for a roll-back');
  assert.deepEqual(a.app.offers.views(), []);
  await a.app.checkIns.now();
  assert.equal(hub.state(toA)?.state, 'installed');
  await a.app.checkIns.now();
  assert.deepEqual(a.app.offers.reports(), [], 'reported once the hub took it');
  assert.deepEqual(readdirSync(path.join(a.app.dataDir, 'offers')), ['offers.json'], 'no staging folder left');
});

test('a file changed on the hub after publishing, and a pack.json changed after signing, are refused and reported; one the crew declines is reported declined', async (t) => {
  const hub = await hubOn(t);
  const a = await pillarOf(hub, 'pillar-a', [KEY.publicKey]);
  const tampered = await hub.publish(buildPack((m) => (m.version = 3), { 'assets/a.png': PNG }).dir, ['pillar-a']);
  const [folder] = readdirSync(path.join(hub.store.dir, 'offers'));
  const onDisk = path.join(hub.store.dir, 'offers', folder, 'olifant-pack', 'assets', 'a.png');
  writeFileSync(onDisk, Buffer.from(PNG.map((byte, i) => (i === PNG.length - 5 ? byte ^ 1 : byte))));
  const changed = buildPack((m) => (m.version = 4));
  const manifest = path.join(changed.dir, 'pack.json');
  writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: 5 }));
  const badSignature = await hub.publish(changed.dir, ['pillar-a']);
  const declined = await hub.publish(buildPack((m) => (m.version = 6)).dir, ['pillar-a']);

  const offerIds = [tampered, badSignature, declined].map((p) => p.offers[0].offerId);
  await a.app.checkIns.now();
  await until(() => a.app.offers.views().every((o) => o.kind !== 'fetching'), 'the three offers fetched and checked');
  const [one, two, three] = offerIds.map((id) => view(a, id));
  assert.match(one?.kind === 'refused' ? one.message : '', /assets\/a\.png: assets\/a\.png does not match the SHA-256 the hub offered/);
  assert.match(two?.kind === 'refused' ? two.message : '', /pack\.sig is not a valid signature of pack\.json/);
  assert.equal(three?.kind, 'waiting');
  a.app.board!.setService(true);
  await until(() => a.app.operatorSession.open, 'the door session');
  await a.app.operator.handlers.declineOffer({ offerId: offerIds[2] });
  await a.app.checkIns.now();
  assert.deepEqual(offerIds.map((id) => hub.state(id)?.state), ['refused', 'refused', 'declined']);
  assert.equal(a.app.packs.current().pack.version, 1, 'nothing was installed');
});

test('with autoInstallOffers, an offer installs itself at the next quiet moment only: the attract loop, nobody in front, no crew, for 30 s on the clock', async (t) => {
  const hub = await hubOn(t);
  const clock = new TestClock({ start: Date.UTC(2026, 10, 24, 9) });
  const a = await pillarOf(hub, 'pillar-a', [KEY.publicKey], { autoInstallOffers: true }, clock);
  const { offers } = await hub.publish(buildPack((m) => (m.version = 2)).dir, ['pillar-a']);
  a.app.board!.setPresence(true);
  await until(() => !a.app.student.quiet(), 'a student in front of the pillar');
  assert.equal((await hears(a, offers[0].offerId))?.kind, 'waiting');
  await clock.advance(5 * QUIET_MS);
  assert.equal(a.app.packs.current().pack.version, 1, 'not while someone is in front of the pillar');

  a.app.board!.setPresence(false);
  await until(() => a.app.student.quiet(), 'nobody in front');
  await a.app.student.handlers.setMood({ mood: 'in-use' });
  await clock.advance(5 * QUIET_MS);
  assert.equal(a.app.packs.current().pack.version, 1, 'not while a journey is on the screen');

  await a.app.student.handlers.setMood({ mood: 'attract' });
  await clock.advance(QUIET_MS - 1000);
  assert.equal(a.app.packs.current().pack.version, 1, 'not before the quiet has lasted');
  await clock.advance(1000);
  await until(() => a.app.packs.current().pack.version === 2, 'the offer installed at the quiet moment');
  assert.equal(a.app.packs.previous()?.version, 1, 'the previous pack kept for a roll-back');
  await a.app.checkIns.now();
  assert.equal(hub.state(offers[0].offerId)?.state, 'installed');

  // An older version offered is a roll-back: it waits for the crew, however quiet the pillar.
  const older = (await hub.publish(buildPack((m) => ((m.version = 1), (m.title.nl = 'Terug naar toen'))).dir, ['pillar-a'])).offers[0].offerId;
  const waiting = await hears(a, older);
  assert.equal(waiting?.kind === 'waiting' && waiting.preview.rollback, true);
  await clock.advance(5 * QUIET_MS);
  assert.equal(a.app.packs.current().pack.version, 2, 'not installed by itself');
  assert.equal(view(a, older)?.kind, 'waiting');
  assert.deepEqual(a.logs.filter((line) => line.includes('did not install itself')), [], 'not even tried');
});

test('a restart forgets nothing: an offer fetched before it still waits after it, and a state not yet reported is reported after it', async (t) => {
  const hub = await hubOn(t);
  const a = await pillarOf(hub, 'pillar-a', [KEY.publicKey]);
  const { offers } = await hub.publish(buildPack((m) => (m.version = 2)).dir, ['pillar-a']);
  const offerId = offers[0].offerId;
  assert.equal((await hears(a, offerId))?.kind, 'waiting');
  await a.app.close();

  const again = await startKiosk({ dataDir: a.app.dataDir, clock: new TestClock() });
  assert.equal(view(again, offerId)?.kind, 'waiting', 'checked again from its folder after the restart');
  again.app.board!.setService(true);
  await until(() => again.app.operatorSession.open, 'the door session');
  await again.app.operator.handlers.installOffer({ offerId, confirmRollback: false });
  await again.app.close();

  const third = await startKiosk({ dataDir: a.app.dataDir, clock: new TestClock() });
  assert.equal(third.app.packs.current().pack.version, 2);
  await third.app.checkIns.now();
  assert.equal(hub.state(offerId)?.state, 'installed');
});
