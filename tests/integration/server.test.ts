// The HTTP carrier of the API (`olifant serve`) and the `olifant` command, as others will
// script against them.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { startKiosk } from '../helpers/kiosk.ts';
import { buildPack, KEY } from '../helpers/packs.ts';
import { dataDir } from '../helpers/tmp.ts';
import { CLI } from '../helpers/cli.ts';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });

const post = (url: string, method: string, body: unknown) =>
  fetch(`${url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('the API over HTTP: methods, typed errors, pack assets only when listed', async () => {
  const { url } = await startKiosk();
  const kiosk = (await (await post(url, 'kiosk', undefined)).json()) as { ok: boolean; value: { pack: { questions: unknown[] } } };
  assert.equal(kiosk.ok, true);
  assert.equal(kiosk.value.pack.questions.length, 6);
  const bad = await post(url, 'submitAnswer', { answerId: randomUUID(), questionId: 'naam-op-cv', value: '9', language: 'nl', shownMs: 2000 });
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), { ok: false, error: { code: 'bad-request', message: '"9" is not an answer to question naam-op-cv' } });
  assert.equal((await post(url, 'dropTables', {})).status, 400);
  const shape = await post(url, 'submitAnswer', { answerId: randomUUID(), questionId: 'naam-op-cv', value: '2', language: 'nl', shownMs: 'soon' });
  assert.equal(shape.status, 400, 'a request its schema refuses');
  assert.match(((await shape.json()) as { error: { message: string } }).error.message, /shownMs/, 'names the field');
  const garbled = await fetch(`${url}api/kiosk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"' });
  assert.equal(garbled.status, 400);
  assert.match(((await garbled.json()) as { error: { message: string } }).error.message, /^unreadable request: /);
  const get = await fetch(`${url}api/kiosk`);
  assert.equal(get.status, 405, 'GET cannot call methods');
  assert.equal(((await get.json()) as { error: { code: string } }).error.code, 'wrong-method', 'said in the vocabulary');
  const form = await fetch(`${url}api/kiosk`, { method: 'POST', body: '{}' });
  assert.equal(form.status, 415, 'a form post cannot call methods');
  assert.equal(((await form.json()) as { error: { code: string } }).error.code, 'wrong-type');
  assert.equal((await fetch(`${url}pack-assets/pack.json`)).status, 404);
  assert.equal((await fetch(`${url}pack-assets/constructor`)).status, 404, 'a built-in object key is not an asset');
  assert.equal((await fetch(`${url}pack-assets/__proto__`)).status, 404);
  assert.equal((await fetch(`${url}..%2f..%2fpackage.json`)).status, 404);
  const page = await fetch(url);
  assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
  assert.match(page.headers.get('content-security-policy')!, /frame-ancestors 'none'/, 'no page may be framed...');
  const audit = await fetch(`${url}kiosk/audit/`);
  assert.match(audit.headers.get('content-security-policy')!, /frame-ancestors 'self'/, '...but the layout audit, by the kiosk\'s own pages');
});

test('a body over 64 KiB gets 413 and the connection an answer; the kiosk goes on', async () => {
  const { url, app } = await startKiosk();
  const huge = JSON.stringify({ answerId: randomUUID(), padding: 'x'.repeat(200 * 1024) });
  const response = await post(url, 'submitAnswer', JSON.parse(huge));
  assert.equal(response.status, 413);
  assert.match(((await response.json()) as { error: { message: string } }).error.message, /larger than 64 KiB/);
  const chunked = await fetch(`${url}api/submitAnswer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(huge)); c.close(); } }),
    duplex: 'half',
  } as RequestInit);
  assert.equal(chunked.status, 413, 'also when the size is not declared up front');
  assert.equal((await post(url, 'kiosk', undefined)).status, 200);
  assert.deepEqual([...app.store.all()], []);
});

test('another site in the same browser cannot call the kiosk', async () => {
  const { url } = await startKiosk();
  const foreign = await fetch(`${url}api/kiosk`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{}' });
  assert.equal(foreign.status, 403);
  const status = await new Promise<number>((resolve, reject) => {
    const u = new URL(url);
    request({ host: u.hostname, port: u.port, path: '/', headers: { host: 'rebound.example:80' } }, (res) => resolve(res.statusCode!)).on('error', reject).end();
  });
  assert.equal(status, 403, 'DNS rebinding: a foreign Host header is refused');
});

test('events stream to the page: first that it is connected, then presence and card taken', async () => {
  const { url, app } = await startKiosk({ simulatedBoard: { dispenseMs: 5, autoTakeMs: 20 } });
  const controller = new AbortController();
  const response = await fetch(`${url}api/events`, { signal: controller.signal });
  const reader = response.body!.getReader();
  let text = '';
  app.board!.setPresence(true);
  const answerId = randomUUID();
  await post(url, 'submitAnswer', { answerId, questionId: 'naam-op-cv', value: '2', language: 'nl', shownMs: 3000 });
  await post(url, 'dispenseCard', { answerId });
  while (!text.includes('card-taken') || !text.includes('presence')) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  assert.match(text, /^data: \{"type":"connected"\}\n\n/, 'the page knows when events flow, to read again what it may have missed');
  assert.match(text, /data: \{"type":"presence","present":true\}/);
});

test('olifant serve prints its URL on 127.0.0.1; olifant results prints every answer as CSV', async () => {
  const dir = dataDir();
  const child = spawn(process.execPath, [CLI, 'serve', '--pillar', 'simulated'], { env: { ...process.env, OLIFANT_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const id = randomUUID();
  await post(url, 'submitAnswer', { answerId: id, questionId: 'past-in-het-team', value: 'hangt-ervan-af', language: 'en', shownMs: 3000 });
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));

  const out = run(['results', '--format', 'csv'], { OLIFANT_DATA_DIR: dir });
  assert.equal(out.status, 0, out.stderr);
  assert.match(run(['help']).stdout, /The hour column is in UTC/, 'whoever reads the export is told its hours are UTC');
  const [header, row, end] = out.stdout.split('\r\n');
  assert.equal(header, 'id,pillar_id,venue_session_id,pack_id,pack_version,question_id,value,language,hour,suspect');
  assert.match(row, new RegExp(`^${id},pillar-test,venue-test,olifant-tour,1,past-in-het-team,hangt-ervan-af,en,\\d{4}-\\d\\d-\\d\\dT\\d\\d:00Z,$`));
  assert.equal(end, '');
});

test('olifant: clear usage errors, and pack check names the broken rule', () => {
  const unknown = run(['fly']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "fly"/);
  assert.match(run(['results', '--format', 'xlsx']).stderr, /--format csv/);
  assert.match(run(['serve', '--port', 'x']).stderr, /--port must be a port number/);

  const good = buildPack();
  const checked = run(['pack', 'check', good.drive, '--key', KEY.publicKey]);
  assert.equal(checked.status, 0, checked.stderr);
  assert.match(checked.stdout, /olifant-tour version 1: 6 questions, signed by a trusted key/);
  const broken = buildPack((m) => (m.questions[0].slot = 9));
  const refused = run(['pack', 'check', broken.dir, '--key', KEY.publicKey]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /the pack is refused: pack\.json: questions\[0\]\.slot must be a whole number from 1 to 6, not 9 \(rule: slots\)/);
});

test('olifant pack keygen and sign make a pack that checks, with the public.txt keygen wrote or the key it printed; no key given is said so', () => {
  const keys = dataDir();
  const made = run(['pack', 'keygen', '--out', keys]);
  assert.equal(made.status, 0, made.stderr);
  const printed = made.stdout.match(/public key for the kiosk's trustedKeys: (\S+)/)![1];
  const pack = buildPack(undefined, {}, { sign: false });
  const signed = run(['pack', 'sign', pack.dir, '--key', path.join(keys, 'private.pem')]);
  assert.equal(signed.status, 0, signed.stderr);
  for (const key of [path.join(keys, 'public.txt'), printed]) {
    const checked = run(['pack', 'check', pack.dir, '--key', key]);
    assert.equal(checked.status, 0, checked.stderr);
    assert.match(checked.stdout, /signed by a trusted key; the pack is valid/);
  }
  const none = run(['pack', 'check', pack.dir]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^olifant: pack check: no key given\. Give the public key with --key: the public\.txt `olifant pack keygen` wrote/);
  const secret = run(['pack', 'check', pack.dir, '--key', path.join(keys, 'private.pem')]);
  assert.equal(secret.status, 1);
  assert.match(secret.stderr, /private\.pem: that is the private key, which stays secret: give the public key \(public\.txt/);
  assert.match(run(['pack', 'check', pack.dir, '--key', 'x']).stderr, /that is not a public key: it is 44 characters of base64/);
  const other = buildPack();
  assert.match(run(['pack', 'check', other.dir, '--key', path.join(keys, 'public.txt')]).stderr, /not a valid signature/, 'a pack signed with another key');
});
