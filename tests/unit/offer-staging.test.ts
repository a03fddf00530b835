// The staging checks of a pack a hub offers (electron/kiosk/packs/offer-staging.ts): an offer
// whose list breaks content-pack.md's rules is refused before anything is fetched; a file is
// kept only with exactly the offered size and SHA-256, and never more bytes than offered are
// read. The hub's answers here are real fetch Responses made in this process (no network: the
// hub's side is tested over loopback in tests/integration/offers.test.ts).

import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PackError } from '../../content/pack.ts';
import type { Offer } from '../../electron/api/check-in.ts';
import { checkOffer, NotFetched, stageOffer } from '../../electron/kiosk/packs/offer-staging.ts';
import { PNG } from '../helpers/packs.ts';
import { tempDir } from '../helpers/tmp.ts';

const MiB = 1024 * 1024;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MANIFEST = Buffer.from('{"format":"olifant-pack/1"}');
const entry = (rel: string, bytes: Buffer) => ({ path: rel, bytes: bytes.length, sha256: sha(bytes) });
const offerOf = (files: Offer['files'], offerId: string = randomUUID()): Offer => ({ offer_id: offerId, pack_id: 'olifant-tour', version: 2, files });
const good = () => offerOf([entry('pack.json', MANIFEST), entry('pack.sig', Buffer.from('sig')), entry('assets/a.png', PNG)]);

test('an offer whose id or list of files breaks the rules is refused before anything is fetched, naming the rule', () => {
  const hash = '0'.repeat(64);
  const refused: Array<[string, Offer, RegExp]> = [
    ['an id that is not a UUID', offerOf(good().files, '../../etc'), /the offer's id "\.\.\/\.\.\/etc" is not a random UUID/],
    ['a parent path', offerOf([...good().files, { path: '../settings.json', bytes: 1, sha256: hash }]), /files\[3\]\.path: "\.\.\/settings\.json" must be a relative path .* \(rule: paths\)/],
    ['an absolute path', offerOf([...good().files, { path: '/etc/passwd', bytes: 1, sha256: hash }]), /must be a relative path/],
    ['a drive letter', offerOf([...good().files, { path: 'C:/x.png', bytes: 1, sha256: hash }]), /must be a relative path/],
    ['a backslash', offerOf([...good().files, { path: 'assets\\..\\x.png', bytes: 1, sha256: hash }]), /must be a relative path/],
    ['a dot segment', offerOf([...good().files, { path: 'assets/./x.png', bytes: 1, sha256: hash }]), /must be a relative path/],
    ['a control character', offerOf([...good().files, { path: 'assets/x\n.png', bytes: 1, sha256: hash }]), /must be a relative path/],
    ['a Windows device name', offerOf([...good().files, { path: 'assets/NUL.png', bytes: 1, sha256: hash }]), /device names/],
    ['a name twice where case does not count', offerOf([...good().files, { path: 'assets/A.png', bytes: 1, sha256: hash }]), /lists "assets\/A\.png" twice/],
    ['pack.json over 256 KiB', offerOf([{ path: 'pack.json', bytes: 256 * 1024 + 1, sha256: hash }]), /pack\.json is offered with 262145 bytes; it may be at most 262144 bytes \(rule: manifest size\)/],
    ['pack.sig far too large', offerOf([...good().files.slice(0, 1), { path: 'pack.sig', bytes: 2048, sha256: hash }]), /\(rule: signing\)/],
    ['an image over 10 MiB', offerOf([...good().files, { path: 'assets/big.png', bytes: 10 * MiB + 1, sha256: hash }]), /assets\/big\.png is offered with .* it may be at most 10 MiB \(rule: image size\)/],
    ['images together over 100 MiB', offerOf([...good().files, ...Array.from({ length: 11 }, (_, i) => ({ path: `assets/${i}.png`, bytes: 10 * MiB, sha256: hash }))]), /together over 100 MiB/],
    ['a size that is no size', offerOf([...good().files, { path: 'assets/x.png', bytes: -1, sha256: hash }]), /bytes is not a number of bytes/],
    ['a hash that is no SHA-256', offerOf([...good().files, { path: 'assets/x.png', bytes: 1, sha256: 'ABC' }]), /sha256 is not a SHA-256/],
    ['no pack.json', offerOf([entry('assets/a.png', PNG)]), /the offer lists no pack\.json/],
    ['far too many files', offerOf([...good().files, ...Array.from({ length: 5000 }, (_, i) => ({ path: `assets/${i}.png`, bytes: 1, sha256: hash }))]), /lists 5003 files/],
  ];
  for (const [what, offer, message] of refused) {
    assert.throws(() => checkOffer(offer), (error: Error) => error instanceof PackError && message.test(error.message), what);
  }
  assert.doesNotThrow(() => checkOffer(good()));
});

/** A hub's answers from a table of path → bytes (a status for the rest), and the paths asked for. */
function hub(files: Record<string, Buffer | number | (() => ReadableStream)>) {
  const asked: string[] = [];
  const get = async (rel: string) => {
    asked.push(rel);
    const answer = files[rel] ?? 404;
    if (typeof answer === 'number') return new Response(JSON.stringify({ error: 'no' }), { status: answer });
    return new Response(typeof answer === 'function' ? answer() : answer, { status: 200 });
  };
  return { get, asked };
}

test('each file is kept with exactly the offered size and SHA-256, in a folder shaped as olifant-pack/', async () => {
  const dir = path.join(tempDir(), 'olifant-pack');
  const { get, asked } = hub({ 'pack.json': MANIFEST, 'pack.sig': Buffer.from('sig'), 'assets/a.png': PNG });
  await stageOffer(good(), dir, get);
  assert.deepEqual(asked, ['pack.json', 'pack.sig', 'assets/a.png']);
  assert.deepEqual(readdirSync(dir, { recursive: true }).sort(), ['assets', 'assets/a.png', 'pack.json', 'pack.sig']);
  assert.deepEqual(readFileSync(path.join(dir, 'assets', 'a.png')), PNG);
});

test('a file that is not what the hub offered is refused: larger (read no further), shorter, another hash, or not given; a hub out of reach refuses nothing', async () => {
  const dir = path.join(tempDir(), 'olifant-pack');
  let pulled = 0;
  /** A stream that would never end: counts what is read of it. */
  const endless = () => new ReadableStream({ pull: (controller) => (pulled++, controller.enqueue(new Uint8Array(64 * 1024))) });
  const refused: Array<[string, Parameters<typeof hub>[0], RegExp]> = [
    ['larger than offered, endlessly', { 'pack.json': endless }, /pack\.json is larger than the 27 bytes the hub offered \(rule: offer files\)/],
    ['shorter', { 'pack.json': MANIFEST.subarray(1) }, /pack\.json is 26 bytes, where the hub offered 27/],
    ['another hash, same size', { 'pack.json': Buffer.from(MANIFEST.toString().replace('1', '2')) }, /pack\.json does not match the SHA-256 the hub offered/],
    ['not given (404)', { 'pack.json': MANIFEST, 'pack.sig': 404 }, /the hub did not give pack\.sig, which its offer lists \(HTTP 404\)/],
  ];
  for (const [what, files, message] of refused) {
    await assert.rejects(stageOffer(good(), dir, hub(files).get), (error: Error) => error instanceof PackError && message.test(error.message), what);
  }
  assert.ok(pulled < 8, `an endless answer is read no further than the offered size (${pulled} chunks pulled)`);
  const cut = () => new ReadableStream({ start: (controller) => (controller.enqueue(new Uint8Array(5)), controller.error(new Error('socket hang up'))) });
  for (const [what, files] of [['a busy hub (503)', { 'pack.json': 503 }], ['an answer cut off', { 'pack.json': cut }]] as const) {
    await assert.rejects(stageOffer(good(), dir, hub(files).get), NotFetched, what);
  }
});
