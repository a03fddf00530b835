// Publishing a pack on the hub: `olifant hub publish-pack` and the hub page's upload (a zip).
// A pack is checked with every rule of content-pack.md before anything is kept, and must be
// signed; unknown or revoked pillars are refused; only the pack's own files are kept, as they
// were given; the page's routes are for the hub's own machine only.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { generateSigningKey } from '../../content/signing.ts';
import type { OfferList } from '../../electron/api/organiser.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { addPillar, hubCommand } from '../helpers/hub.ts';
import { buildPack, KEY, PNG, zipOf } from '../helpers/packs.ts';
import { tempDir } from '../helpers/tmp.ts';

test('olifant hub publish-pack offers a signed pack to the pillars named and lists it in `hub offers`; a broken, unsigned or wrongly signed pack, or a pillar the hub does not know, is refused in words and nothing is kept', () => {
  const hubDir = tempDir();
  addPillar(hubDir, 'pillar-a');
  addPillar(hubDir, 'pillar-b');
  assert.equal(hubCommand(hubDir, 'revoke-pillar', 'pillar-b').status, 0);
  const good = buildPack((m) => (m.version = 2), { 'assets/a.png': PNG });
  const refusals: Array<[string, string[], RegExp]> = [
    ['a broken pack', [buildPack((m) => (m.questions[0].slot = 9)).dir, '--to', 'pillar-a'], /the pack is refused, nothing was published: pack\.json: questions\[0\]\.slot must be a whole number from 1 to 6, not 9 \(rule: slots\)/],
    ['an unsigned pack', [buildPack(undefined, {}, { sign: false }).dir, '--to', 'pillar-a'], /pack\.sig: the pack has no pack\.sig: a hub offers only signed packs .*\(rule: signing\)/],
    ['another key than --key', [good.dir, '--to', 'pillar-a', '--key', generateSigningKey().publicKey], /pack\.sig is not a valid signature of pack\.json by a key this kiosk trusts/],
    ['a pillar the hub does not know', [good.dir, '--to', 'pillar-a', 'pillar-x'], /this hub has no pillar pillar-x; nothing was published/],
    ['a revoked pillar', [good.dir, '--to', 'pillar-b'], /pillar pillar-b is revoked on this hub/],
  ];
  for (const [what, args, message] of refusals) {
    const refused = hubCommand(hubDir, 'publish-pack', ...args);
    assert.equal(refused.status, 1, what);
    assert.match(refused.stderr, message, what);
  }
  assert.deepEqual(readdirSync(path.join(hubDir, 'offers')), [], 'nothing kept of a refused pack');

  const published = hubCommand(hubDir, 'publish-pack', good.drive, '--to', 'pillar-a', '--key', KEY.publicKey);
  assert.equal(published.status, 0, published.stderr);
  const offerId = /pillar-a \(offer ([0-9a-f-]{36})\)/.exec(published.stdout)?.[1];
  assert.match(published.stdout, /^olifant-tour version 2 is offered to pillar-a \(offer [0-9a-f-]{36}\); each pillar fetches it at its next check-in$/m);
  const listed = JSON.parse(hubCommand(hubDir, 'offers', '--json').stdout);
  assert.deepEqual(listed.map((o: { offerId: string; pillarId: string; state: string; version: number }) => [o.offerId, o.pillarId, o.state, o.version]), [[offerId, 'pillar-a', 'offered', 2]]);
  const [folder] = readdirSync(path.join(hubDir, 'offers'));
  assert.deepEqual(readdirSync(path.join(hubDir, 'offers', folder, 'olifant-pack'), { recursive: true }).sort(), ['assets', 'assets/a.png', 'pack.json', 'pack.sig'], "only the pack's own files");
  assert.deepEqual(readFileSync(path.join(hubDir, 'offers', folder, 'olifant-pack', 'pack.json')), readFileSync(path.join(good.dir, 'pack.json')), 'kept as given');
});

test("the hub page's upload takes a zip of a pack (its olifant-pack folder, or the pack at its root), only on the hub's own machine; a hostile zip is refused or its strays ignored", async (t) => {
  const store = new HubStore(tempDir());
  t.after(() => store.close());
  const pillars = new Pillars(store);
  pillars.add('pillar-a');
  const app = buildHub(store, pillars);
  const publish = (zip: Buffer, query = 'to=pillar-a&name=pack.zip', remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: `/v2/packs?${query}`, remoteAddress, headers: { 'content-type': 'application/octet-stream' }, payload: zip });
  const pack = buildPack((m) => (m.version = 3), { 'assets/a.png': PNG });

  assert.equal((await publish(zipOf(pack.dir), 'to=pillar-a', '10.1.2.3')).statusCode, 403, 'not from another machine');
  assert.equal((await app.inject({ method: 'GET', url: '/v2/offers', remoteAddress: '10.1.2.3' })).statusCode, 403);
  const crossSite = await app.inject({ method: 'POST', url: '/v2/packs?to=pillar-a', remoteAddress: '127.0.0.1', headers: { 'content-type': 'application/octet-stream', origin: 'https://evil.example' }, payload: zipOf(pack.dir) });
  assert.equal(crossSite.statusCode, 403, 'not from a page of another site');

  const refused: Array<[string, Buffer, string, RegExp]> = [
    ['not a zip', Buffer.from('just text'), 'to=pillar-a&name=pack.zip', /pack\.zip is refused, nothing was published: pack\.zip: not a zip of a content pack that can be read .*\(rule: zip\)/],
    ['no pack in it', Buffer.from(zipSync({ 'readme.txt': new Uint8Array(3) })), 'to=pillar-a&name=pack.zip', /holds no olifant-pack\/pack\.json/],
    ['a manifest naming a file outside the pack', zipOf(buildPack((m) => (m.attract.image = '../../hub.sqlite')).dir), 'to=pillar-a', /"\.\.\/\.\.\/hub\.sqlite" must be a relative path .* \(rule: paths\)/],
    ['no pillar named', zipOf(pack.dir), 'name=pack.zip', /name the pillars to offer the pack to/],
  ];
  for (const [what, zip, query, message] of refused) {
    const answer = await publish(zip, query);
    assert.equal(answer.statusCode, 400, `${what}: ${answer.body}`);
    assert.match(answer.json().error, message, what);
  }

  // A zip with a stray beside the pack, and a file outside the pack folder: neither is kept.
  const done = await publish(zipOf(pack.dir, '', { '../../escape.txt': new Uint8Array([1]), 'notes.txt': new Uint8Array([2]) }));
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual([done.json().packId, done.json().version, done.json().offers.length], ['olifant-tour', 3, 1]);
  const [folder] = readdirSync(path.join(store.dir, 'offers'));
  assert.deepEqual(readdirSync(path.join(store.dir, 'offers', folder, 'olifant-pack'), { recursive: true }).sort(), ['assets', 'assets/a.png', 'pack.json', 'pack.sig']);
  assert.deepEqual(readdirSync(store.dir).filter((n) => n.includes('escape')), []);

  const list = (await app.inject({ method: 'GET', url: '/v2/offers', remoteAddress: '127.0.0.1' })).json() as OfferList;
  assert.deepEqual(list.pillars, [{ id: 'pillar-a', name: 'pillar-a', revoked: false }]);
  assert.deepEqual(list.offers.map((o) => [o.pillarId, o.packId, o.version, o.state]), [['pillar-a', 'olifant-tour', 3, 'offered']]);
});
