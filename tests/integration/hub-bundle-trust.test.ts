// Whose bundles the hub takes, and how it reads them. A registered pillar's key comes from
// the organiser (`add-pillar --key`, `set-pillar-key`), never from the first bundle that
// arrives; only a pillar never registered has its key taken from its bundle, when the person
// importing confirms that key; a revoked pillar's bundles are refused everywhere. A bundle
// is read a line at a time (its signature checked as it streams), taken whole or not at
// all, and an upload over the limit is refused with the reason.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, randomBytes, randomUUID, sign, verify } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { generateSigningKey } from '../../content/signing.ts';
import type { SyncRecord } from '../../electron/api/sync.ts';
import { bundleBytes, type PillarKey } from '../../electron/results/bundle.ts';
import { Ed25519StreamVerifier } from '../../electron/results/ed25519-stream.ts';
import { pillarKey } from '../../electron/kiosk/sync/identity.ts';
import { importBundle } from '../../electron/hub/bundles.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { CLI } from '../helpers/cli.ts';
import { hubCommand } from '../helpers/hub.ts';
import { defaultManifest } from '../helpers/packs.ts';
import { dataDir, tempDir } from '../helpers/tmp.ts';

const newKey = (): PillarKey => {
  const made = generateSigningKey();
  return { privateKey: createPrivateKey(made.privateKeyPem), publicKey: made.publicKey };
};

const answers = (pillarId: string, count: number): SyncRecord[] => Array.from({ length: count }, (_, i) => ({
  type: 'answer', id: randomUUID(), pillar_id: pillarId, venue_session_id: '2026-11-24-hva', pack_id: 'olifant-tour', pack_version: 1,
  question_id: 'naam-op-cv', value: String(1 + (i % 5)), language: 'nl', hour: '2026-11-24T13:00Z', suspect: null,
}));

function bundleFile(pillarId: string, key: PillarKey, records: SyncRecord[]): string {
  const file = path.join(tempDir(), `${pillarId}-20261124-1300.olifant-results`);
  writeFileSync(file, bundleBytes(pillarId, key, records, new Date()));
  return file;
}

function hubCount(dir: string): number {
  const store = new HubStore(dir);
  try {
    return store.answerCount();
  } finally {
    store.close();
  }
}

/** A hub's store and pillars on a real SQLite file, closed after the test. */
function hubIn(t: { after: (fn: () => void) => void }, dir = tempDir()) {
  const store = new HubStore(dir);
  t.after(() => store.close());
  return { dir, store, pillars: new Pillars(store) };
}

const uploadTo = (app: ReturnType<typeof buildHub>, bytes: Buffer, query = '') =>
  app.inject({ method: 'POST', url: `/v1/bundles?name=b.olifant-results${query}`, remoteAddress: '127.0.0.1', headers: { 'content-type': 'application/octet-stream' }, payload: bytes });

test('add-pillar takes the key `olifant pillar id` prints: a bundle signed with another key is refused even with --trust-new-pillar, the real one is taken', () => {
  const pillarDir = dataDir({ pillarId: 'pillar-real' });
  const shown = spawnSync(process.execPath, [CLI, 'pillar', 'id', '--data-dir', pillarDir], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(shown.status, 0, shown.stderr);
  const [id, keyLine] = shown.stdout.trimEnd().split('\n');
  assert.equal(id, 'pillar-real', 'the first line is the id alone');
  const realKey = pillarKey(pillarDir);
  assert.equal(keyLine, `bundle key: ${realKey.publicKey}`);

  // The pillar's output, carried on a stick, is the key file.
  const keyFile = path.join(tempDir(), 'pillar-real.txt');
  writeFileSync(keyFile, shown.stdout);
  const hubDir = tempDir();
  const added = hubCommand(hubDir, 'add-pillar', 'pillar-real', '--key', keyFile);
  assert.equal(added.status, 0, added.stderr);

  const forged = hubCommand(hubDir, 'import', bundleFile('pillar-real', newKey(), answers('pillar-real', 3)), '--trust-new-pillar');
  assert.equal(forged.status, 1);
  assert.match(forged.stderr, /nothing of it was imported: it is signed with another key than the one registered for pillar pillar-real/);
  const real = hubCommand(hubDir, 'import', bundleFile('pillar-real', realKey, answers('pillar-real', 5)));
  assert.equal(real.status, 0, real.stderr);
  assert.match(real.stdout, /pillar pillar-real, 5 answer\(s\) new/);
  assert.equal(hubCount(hubDir), 5);
  const listed = hubCommand(hubDir, 'pillars').stdout.split('\n').find((line) => line.startsWith('pillar-real\t'));
  assert.ok(listed?.includes('\tactive\t') && listed.endsWith(`\tbundle key ${realKey.publicKey.slice(0, 16).match(/.{4}/g)!.join(' ')}…`), listed);

  const wrong = hubCommand(tempDir(), 'add-pillar', 'pillar-x', '--key', 'not-a-key');
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /not a pillar's bundle key: it is 44 characters of base64/);
});

test('a registered pillar without a key has its bundles refused, saying how to set it; set-pillar-key sets and resets it, logged with the old and the new', (t) => {
  const hubDir = tempDir();
  const added = hubCommand(hubDir, 'add-pillar', 'pillar-k');
  assert.equal(added.status, 0, added.stderr);
  assert.match(added.stdout, /no bundle key yet.*set-pillar-key pillar-k KEY/);
  // Its last line: the two settings for the pillar's settings.json, the hub's address on this machine by default.
  const settings = JSON.parse(added.stdout.trim().split('\n').at(-1)!) as { hubUrl: string; hubToken: string };
  assert.match(settings.hubUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(settings.hubToken, /^\S{20,}$/);
  const real = newKey();
  const mistaken = newKey();
  const bundle = bundleFile('pillar-k', real, answers('pillar-k', 4));

  const first = hubCommand(hubDir, 'import', bundle, '--trust-new-pillar');
  assert.equal(first.status, 1, 'the first bundle does not set the key of a registered pillar');
  assert.match(first.stderr, /pillar pillar-k is registered without its bundle key.*olifant hub set-pillar-key pillar-k KEY/);

  assert.equal(hubCommand(hubDir, 'set-pillar-key', 'pillar-k', mistaken.publicKey).status, 0);
  assert.match(hubCommand(hubDir, 'import', bundle).stderr, /another key than the one registered for pillar pillar-k/);
  const reset = hubCommand(hubDir, 'set-pillar-key', 'pillar-k', real.publicKey);
  assert.equal(reset.status, 0, reset.stderr);
  assert.match(hubCommand(hubDir, 'import', bundle).stdout, /pillar pillar-k, 4 answer\(s\) new/);

  const unknown = hubCommand(hubDir, 'set-pillar-key', 'pillar-nobody', real.publicKey);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /no pillar pillar-nobody is registered/);
  assert.equal(hubCommand(hubDir, 'set-pillar-key', 'pillar-k', 'AAAA').status, 1);

  const { store } = hubIn(t, hubDir);
  const keyEvents = store.events().filter((e) => e.pillar_id === 'pillar-k' && e.detail.startsWith('bundle key set'));
  assert.deepEqual(keyEvents.map((e) => e.detail), [
    `bundle key set to ${mistaken.publicKey} (it was not set)`,
    `bundle key set to ${real.publicKey} (it was ${mistaken.publicKey})`,
  ]);
  assert.equal(store.answerCount(), 4);
});

test("a revoked pillar's bundles are refused by the command and on the page, trusted or not", async (t) => {
  const hubDir = tempDir();
  const key = newKey();
  assert.equal(hubCommand(hubDir, 'add-pillar', 'pillar-r', '--key', key.publicKey).status, 0);
  assert.equal(hubCommand(hubDir, 'revoke-pillar', 'pillar-r').status, 0);
  const bundle = bundleFile('pillar-r', key, answers('pillar-r', 3));
  for (const trust of [[], ['--trust-new-pillar']]) {
    const refused = hubCommand(hubDir, 'import', bundle, ...trust);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /pillar pillar-r is revoked on this hub: its bundles are refused/);
  }
  const { store, pillars } = hubIn(t, hubDir);
  const app = buildHub(store, pillars);
  const bytes = bundleBytes('pillar-r', key, answers('pillar-r', 3), new Date());
  for (const query of ['', `&trust-key=${encodeURIComponent(key.publicKey)}`]) {
    const upload = await uploadTo(app, bytes, query);
    assert.equal(upload.statusCode, 400);
    assert.match(upload.json().error, /revoked/);
  }
  assert.equal(store.answerCount(), 0);
});

test("on the page a never-registered pillar's bundle is answered with its id and key; only that exact key, confirmed, is trusted", async (t) => {
  const { store, pillars } = hubIn(t);
  const app = buildHub(store, pillars);
  const key = newKey();
  const bytes = bundleBytes('pillar-new', key, answers('pillar-new', 6), new Date());

  const asked = await uploadTo(app, bytes, '&trust-new-pillar=1');
  assert.equal(asked.statusCode, 409, 'a query flag alone trusts nothing');
  const body = asked.json();
  assert.deepEqual([body.pillarId, body.publicKey, body.fingerprint], ['pillar-new', key.publicKey, key.publicKey.slice(0, 16).match(/.{4}/g)!.join(' ')]);
  assert.match(body.error, /b\.olifant-results is refused, nothing of it was imported: pillar pillar-new was never registered on this hub/);
  assert.equal(pillars.get('pillar-new'), undefined);

  const other = await uploadTo(app, bytes, `&trust-key=${encodeURIComponent(newKey().publicKey)}`);
  assert.equal(other.statusCode, 400);
  assert.match(other.json().error, /the key confirmed \(it starts .*\) is not the one the bundle is signed with/);
  const nonsense = await uploadTo(app, bytes, '&trust-key=nonsense');
  assert.deepEqual([nonsense.statusCode, nonsense.json()], [400, { error: 'trust-key must be a bundle key (base64 of an Ed25519 public key, ending in "="), not "nonsense"' }], 'checked by the query\'s schema');
  assert.equal(pillars.get('pillar-new'), undefined);

  const confirmed = await uploadTo(app, bytes, `&trust-key=${encodeURIComponent(key.publicKey)}`);
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal(confirmed.json().stored, 6);
  assert.equal(pillars.get('pillar-new')?.public_key, key.publicKey);

  // A registered pillar's key is never taken from an upload, confirmed or not.
  pillars.add('pillar-reg');
  const registered = await uploadTo(app, bundleBytes('pillar-reg', key, answers('pillar-reg', 2), new Date()), `&trust-key=${encodeURIComponent(key.publicKey)}`);
  assert.equal(registered.statusCode, 400);
  assert.match(registered.json().error, /registered without its bundle key/);
  assert.equal(store.answerCount(), 6);
});

test("the streamed Ed25519 check agrees with node:crypto's on valid and changed signatures, whatever the pieces", () => {
  const L = 2n ** 252n + 27742317777372353535851937790883648493n;
  const toLittle = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex').reverse();
  const fromLittle = (b: Buffer) => BigInt('0x' + Buffer.from(b).reverse().toString('hex'));
  for (let round = 0; round < 12; round++) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
    const message = randomBytes(round * 97);
    const signature = sign(null, message, privateKey);
    const flip = (bytes: Buffer, at: number) => {
      const copy = Buffer.from(bytes);
      copy[at % copy.length] ^= 1;
      return copy;
    };
    const highS = Buffer.concat([signature.subarray(0, 32), toLittle(fromLittle(signature.subarray(32)) + L)]);
    const cases: Array<[string, Buffer, Buffer, Buffer]> = [
      ['valid', raw, message, signature],
      ['message changed', raw, round === 0 ? Buffer.from('x') : flip(message, round * 13), signature],
      ['R changed', raw, message, flip(signature, round)],
      ['S changed', raw, message, flip(signature, 32 + round)],
      ['S + L', raw, message, highS],
      ['another key', generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12), message, signature],
      ['short signature', raw, message, signature.subarray(0, 63)],
    ];
    for (const [what, key, bytes, sig] of cases) {
      const expected = verify(null, bytes, { key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), key]), format: 'der', type: 'spki' }, sig);
      for (const piece of [1, 7, 64, 1 << 20]) {
        const verifier = new Ed25519StreamVerifier(key, sig);
        for (let at = 0; at < bytes.length; at += piece) verifier.update(bytes.subarray(at, at + piece));
        assert.equal(verifier.verify(), expected, `${what}, round ${round}, pieces of ${piece}`);
      }
      if (what === 'valid') assert.equal(expected, true);
    }
  }
});

test('a bundle read in tiny pieces (lines across pieces, a line longer than a piece) is taken the same; any refusal, even at the end, takes nothing', (t) => {
  const key = newKey();
  // A valid pack whose manifest line is longer than most pieces, with multi-byte letters split across them.
  const manifest = defaultManifest();
  manifest.title = { ...manifest.title, nl: 'é'.repeat(100) };
  const records: SyncRecord[] = [
    { type: 'pack', id: 'olifant-tour', version: 1, manifest },
    { type: 'venue', id: '2026-11-24-hva', pillar_id: 'pillar-s', name: 'Hogeschool van Amsterdam', started_hour: '2026-11-24T08:00Z', ended_hour: null, revision: 1 },
    ...answers('pillar-s', 25),
  ];
  const bytes = bundleBytes('pillar-s', key, records, new Date());
  const file = path.join(tempDir(), 'pillar-s.olifant-results');
  writeFileSync(file, bytes);
  for (const chunkBytes of [1, 7, 100, 1 << 20]) {
    const { store, pillars } = hubIn(t);
    const done = importBundle(file, store, pillars, { trust: 'bundle-key', chunkBytes });
    assert.deepEqual(done, { stored: 25, duplicates: 0, conflicts: [], pillarId: 'pillar-s' }, `pieces of ${chunkBytes}`);
    assert.equal((store.db.prepare('SELECT manifest FROM packs').get() as { manifest: string }).manifest, JSON.stringify(manifest));
    assert.equal(store.db.prepare('SELECT name FROM venues').pluck().get(), 'Hogeschool van Amsterdam');
  }

  const lines = bytes.toString('utf8').trimEnd().split('\n');
  const signed = (body: string[]) => {
    const text = body.join('\n') + '\n';
    return text + JSON.stringify({ signature: sign(null, Buffer.from(text), key.privateKey).toString('base64') }) + '\n';
  };
  const badRecord = JSON.stringify({ ...JSON.parse(lines[10]), hour: '2026-11-24T13:27Z' });
  const cases: Array<[string, string, RegExp]> = [
    ['a changed last record', bytes.toString('utf8').replace(/"value":"5"(?![\s\S]*"value":"5")/, '"value":"4"'), /signature does not match/],
    ['a bad record, signed', signed([...lines.slice(0, 10), badRecord, ...lines.slice(11, -1)]), /record 10\.hour must be a UTC hour such as "2026-11-24T13:00Z"/],
    ['a bad record, not signed', [...lines.slice(0, 10), badRecord, ...lines.slice(11)].join('\n') + '\n', /signature does not match/],
    ['a record of another pillar, signed', signed([...lines.slice(0, -1), JSON.stringify(answers('pillar-other', 1)[0])]), /record 28 belongs to another pillar than the bundle's \(pillar-s\)/],
    ['counts that do not match, signed', signed(lines.slice(0, -2)), /counts .* do not match its records/],
    ['a line that is not JSON, signed', signed([...lines.slice(0, 5), '{"type":', ...lines.slice(5, -1)]), /a line of the bundle is not JSON/],
    ['cut off in the signature line', bytes.subarray(0, bytes.length - 20).toString('utf8'), /cut off/],
  ];
  for (const [what, content, reason] of cases) {
    const { store, pillars } = hubIn(t);
    const bad = path.join(tempDir(), 'bad.olifant-results');
    writeFileSync(bad, content);
    for (const chunkBytes of [7, 1 << 20]) {
      assert.throws(() => importBundle(bad, store, pillars, { trust: 'bundle-key', chunkBytes }), (e: Error) => reason.test(e.message) && /nothing of it was imported/.test(e.message), `${what}, pieces of ${chunkBytes}`);
    }
    assert.equal(store.answerCount(), 0, what);
    assert.equal(store.db.prepare('SELECT COUNT(*) FROM packs').pluck().get(), 0, what);
    assert.equal(pillars.get('pillar-s'), undefined, `${what}: the new key is not kept either`);
  }
});

test('an upload over the limit is answered 413 with the reason and leaves nothing; one under it is taken, its file removed', async (t) => {
  const { dir, store, pillars } = hubIn(t);
  const key = newKey();
  pillars.add('pillar-u', 'Zuil U', key.publicKey);
  const app = buildHub(store, pillars, { maxBundleBytes: 64 * 1024 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => app.close());
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const send = (body: Buffer) => fetch(`${url}/v1/bundles?name=big.olifant-results`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });

  const big = bundleBytes('pillar-u', key, answers('pillar-u', 2000), new Date());
  assert.ok(big.length > 4 * 64 * 1024);
  const refused = await send(big);
  assert.equal(refused.status, 413);
  assert.deepEqual(await refused.json(), { error: 'big.olifant-results is refused, nothing of it was imported: it is larger than 65536 bytes, more than a bundle can be' });
  const small = await send(bundleBytes('pillar-u', key, answers('pillar-u', 20), new Date()));
  assert.equal(small.status, 200);
  assert.equal(((await small.json()) as { stored: number }).stored, 20);
  assert.equal(store.answerCount(), 20);
  const uploads = path.join(dir, 'uploads');
  assert.deepEqual(existsSync(uploads) ? readdirSync(uploads) : [], [], 'no upload stays in the data folder');
});

test("a bundle uploaded on the page is imported on its own thread: reads are answered meanwhile, a batch that cannot have the write lock is answered 503, and the bundle is taken once the lock is free", async (t) => {
  const key = newKey();
  const { store, pillars } = hubIn(t);
  pillars.add('pillar-s', undefined, key.publicKey);
  const batchToken = pillars.add('pillar-b');
  const app = buildHub(store, pillars);
  t.after(() => app.close());
  const bytes = bundleBytes('pillar-s', key, answers('pillar-s', 500), new Date());
  // Another program holds the database's write lock (as a batch in hand would, for longer).
  const holder = new Database(store.file);
  t.after(() => holder.close());
  holder.exec('BEGIN IMMEDIATE');
  let settled = false;
  const upload = uploadTo(app, bytes).then((r) => ((settled = true), r));
  // While the bundle waits for the lock on its thread, the event loop answers.
  const overview = await app.inject({ method: 'GET', url: '/v1/lecture/overview', remoteAddress: '127.0.0.1' });
  assert.equal(overview.statusCode, 200);
  const batch = await app.inject({ method: 'POST', url: '/v1/batches', headers: { authorization: `Bearer ${batchToken}` }, payload: { pillar_id: 'pillar-b', records: answers('pillar-b', 1) } });
  assert.equal(batch.statusCode, 503);
  assert.equal(batch.headers['retry-after'], '5');
  assert.match(JSON.parse(batch.body).error, /busy importing a bundle; nothing of this request was stored/);
  assert.equal(settled, false, 'the bundle is still waiting for the lock');
  holder.exec('ROLLBACK');
  const done = await upload;
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual(JSON.parse(done.body), { stored: 500, duplicates: 0, conflicts: [], pillarId: 'pillar-s' });
  assert.equal(store.answerCount(), 500);
});
