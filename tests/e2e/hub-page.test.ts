// The hub's page in Chromium: bundles picked from a stick are imported whole, a refused one
// says why, a new pillar's key is trusted only when the crew confirms it; a zip of a pack is
// offered to the pillars ticked, a refused one with its rule; the page and its uploads are
// only for the machine the hub runs on.

import assert from 'node:assert/strict';
import { createPrivateKey, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { generateSigningKey } from '../../content/signing.ts';
import { bundleBytes } from '../../electron/results/bundle.ts';
import { Pillars } from '../../electron/hub/pillars.ts';
import { buildHub } from '../../electron/hub/server.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { launchChromium } from '../helpers/browser.ts';
import { addPillar, startHubProcess, stopProcess } from '../helpers/hub.ts';
import { buildPack, zipOf } from '../helpers/packs.ts';
import { tempDir } from '../helpers/tmp.ts';

const key = (() => {
  const made = generateSigningKey();
  return { privateKey: createPrivateKey(made.privateKeyPem), publicKey: made.publicKey };
})();

function bundleFile(answers: number, name: string, pillarId = 'pillar-p'): string {
  const records = Array.from({ length: answers }, () => ({
    type: 'answer' as const, id: randomUUID(), pillar_id: pillarId, venue_session_id: '2026-11-24-hva', pack_id: 'olifant-tour', pack_version: 1,
    question_id: 'naam-op-cv', value: '3', language: 'nl', hour: '2026-11-24T13:00Z', suspect: null,
  }));
  const file = path.join(tempDir(), name);
  writeFileSync(file, bundleBytes(pillarId, key, records, new Date()));
  return file;
}

test("the hub's page imports the bundles picked, each whole, once the crew confirmed the new pillar's key; a cut-off one is refused with the reason", async (t) => {
  const hubDir = tempDir();
  const hub = await startHubProcess(hubDir);
  t.after(() => stopProcess(hub.child));
  const good = bundleFile(7, 'pillar-p-20261124-1300.olifant-results');
  const cut = path.join(tempDir(), 'cut.olifant-results');
  writeFileSync(cut, 'garbage that was cut off');
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage();
  await page.goto(hub.url);
  await page.getByLabel(/^Bestanden/).setInputFiles([good, cut]);
  await page.getByRole('button', { name: /Importeren/ }).click();
  await page.getByText(`Zuil pillar-p is nieuw voor deze hub. Haar sleutel begint met ${key.publicKey.slice(0, 16).match(/.{4}/g)!.join(' ')}.`, { exact: false }).waitFor();
  const store = new HubStore(hubDir);
  t.after(() => store.close());
  assert.equal(store.answerCount(), 0, 'nothing before the confirmation');
  await page.getByRole('button', { name: 'Vertrouw zuil pillar-p / Trust pillar pillar-p' }).click();
  await page.getByText(/pillar-p-20261124-1300\.olifant-results: zuil pillar-p, 7 nieuwe antwoorden, 0 waren er al/).waitFor();
  await page.getByText(/cut\.olifant-results is refused, nothing of it was imported: the bundle does not end with its signature line/).waitFor();
  assert.equal(store.answerCount(), 7);
  // (The pillars to offer a pack to, further down the page, are ticked; none in the import.)
  const importing = page.getByRole('region', { name: /Resultaten van een USB-stick importeren/ });
  assert.equal(await importing.count(), 1);
  assert.equal(await importing.getByRole('checkbox').count(), 0, 'no box trusts a key without a question');

  // Declined: nothing is imported and the key is not kept.
  const other = bundleFile(3, 'pillar-q.olifant-results', 'pillar-q');
  await page.getByLabel(/^Bestanden/).setInputFiles([other]);
  await page.getByRole('button', { name: /Importeren/ }).click();
  await page.getByRole('button', { name: 'Niet importeren / Do not import' }).click();
  await page.getByText('pillar-q.olifant-results: niet geïmporteerd / not imported').waitFor();
  assert.equal(store.answerCount(), 7);
  assert.equal(store.db.prepare("SELECT COUNT(*) FROM pillars WHERE id = 'pillar-q'").pluck().get(), 0);
});

test("the hub's page and its upload are refused to other machines and behind a proxy", async (t) => {
  const store = new HubStore(tempDir());
  t.after(() => store.close());
  const app = buildHub(store, new Pillars(store));
  const far = await app.inject({ method: 'GET', url: '/', remoteAddress: '10.1.2.3' });
  assert.equal(far.statusCode, 403);
  const upload = await app.inject({ method: 'POST', url: '/v1/bundles', remoteAddress: '10.1.2.3', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') });
  assert.equal(upload.statusCode, 403);
  const near = await app.inject({ method: 'GET', url: '/', remoteAddress: '127.0.0.1' });
  assert.equal(near.statusCode, 200);
  assert.match(near.headers['content-security-policy'] as string, /script-src 'self'/);
  const proxied = buildHub(store, new Pillars(store), { behindProxy: ['127.0.0.1'] });
  assert.equal((await proxied.inject({ method: 'GET', url: '/', remoteAddress: '127.0.0.1' })).statusCode, 403, 'behind a proxy every visitor looks local');
});

test("the hub's page offers a zip of a signed pack to the pillars ticked, and shows each offer's state; a pack that breaks a rule is refused with the rule", async (t) => {
  const hubDir = tempDir();
  for (const id of ['pillar-a', 'pillar-b', 'pillar-c']) addPillar(hubDir, id);
  const hub = await startHubProcess(hubDir);
  t.after(() => stopProcess(hub.child));
  const zips = tempDir();
  const good = path.join(zips, 'vragen-v2.zip');
  writeFileSync(good, zipOf(buildPack((m) => (m.version = 2)).dir));
  const unsigned = path.join(zips, 'ongetekend.zip');
  writeFileSync(unsigned, zipOf(buildPack(undefined, {}, { sign: false }).dir));
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage();
  await page.goto(hub.url);

  await page.getByLabel('pillar-a').check();
  await page.getByLabel('pillar-c').check();
  await page.getByLabel(/^Pakket/).setInputFiles(unsigned);
  await page.getByRole('button', { name: /Aanbieden/ }).click();
  await page.getByText(/ongetekend\.zip is refused, nothing was published: pack\.sig: the pack has no pack\.sig: a hub offers only signed packs .*\(rule: signing\)/).waitFor();

  await page.getByLabel(/^Pakket/).setInputFiles(good);
  await page.getByRole('button', { name: /Aanbieden/ }).click();
  await page.getByText('olifant-tour versie 2 is aangeboden aan pillar-a, pillar-c; elke zuil haalt het op bij haar volgende verbinding.').waitFor();
  const rows = page.locator('table.offers tbody tr');
  await rows.nth(1).waitFor();
  assert.deepEqual((await rows.allInnerTexts()).map((row) => row.split('\t').slice(0, 3).join(' | ')).sort(), [
    'pillar-a | olifant-tour 2 | aangeboden, nog niet opgehaald / offered, not fetched yet',
    'pillar-c | olifant-tour 2 | aangeboden, nog niet opgehaald / offered, not fetched yet',
  ]);
});
