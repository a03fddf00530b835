// The lecturer's presenter page in Chromium, against a real hub process with answers pushed
// as pillars push them: the overview, presenter mode with the keyboard, and a live update
// when a batch arrives during the lecture.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { bundledPackDir } from '../../electron/core/packs/bundled.ts';
import { MIN_GROUP } from '../../electron/results/floor.ts';
import { launchChromium } from '../helpers/browser.ts';
import { addPillar, hubCommand, startHubProcess, stopProcess } from '../helpers/hub.ts';
import { tempDir } from '../helpers/tmp.ts';

const VISIT = '2026-11-24-hva-amsterdam';

const answers = (venue: string, question: string, values: string[]) =>
  values.map((value) => ({ type: 'answer', id: randomUUID(), pillar_id: 'pillar-1', venue_session_id: venue, pack_id: 'olifant-tour', pack_version: 1, question_id: question, value, language: 'nl', hour: '2026-11-24T13:00Z', suspect: null }));

test('overview, presenter mode with the keyboard (reveal, next, insight, language, blank, back), and a live update', async (t) => {
  const hubDir = tempDir();
  const token = addPillar(hubDir, 'pillar-1');
  const hub = await startHubProcess(hubDir);
  t.after(() => stopProcess(hub.child));
  const push = (records: unknown[]) =>
    fetch(`${hub.url}/v1/batches`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ pillar_id: 'pillar-1', records }) });
  const manifest = JSON.parse(readFileSync(path.join(bundledPackDir(), 'pack.json'), 'utf8'));
  const first = await push([
    { type: 'pack', id: manifest.id, version: manifest.version, manifest },
    { type: 'venue', id: VISIT, pillar_id: 'pillar-1', name: 'Hogeschool van Amsterdam', started_hour: '2026-11-24T08:00Z', ended_hour: null, revision: 1 },
    ...answers(VISIT, 'naam-op-cv', ['1', '1', '2', '5', '5', '5']),
    ...answers('venue-a', 'naam-op-cv', ['4', '4', '4', '4', '4']),
    ...answers(VISIT, 'past-in-het-team', ['lijkt-op-ons', 'lijkt-op-ons', 'goede-vraag']),
  ]);
  assert.equal(first.status, 200);

  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${hub.url}/presenter/`);
  await page.getByRole('button', { name: /Hogeschool van Amsterdam/ }).click();
  const ranked = page.getByRole('region', { name: 'Waar het gesprek kan beginnen' });
  await ranked.getByText(/Wat doe je met een cv/).or(ranked.locator('li').first()).first().waitFor();
  assert.match(await ranked.locator('li').first().innerText(), /wijkt \d+ procentpunten af/, 'the comparable question first, with its difference');
  assert.match(await ranked.locator('li').last().innerText(), /nog niet te vergelijken/, 'a group under the floor is not compared');
  await page.getByRole('button', { name: 'Presenteer' }).click();

  await page.getByText('Wat denk jij? Raad eerst.').waitFor();
  assert.equal(await page.locator('img.chart').count(), 0, 'hidden until revealed');
  await page.keyboard.press('Enter');
  const chart = (name: RegExp) => page.getByRole('img', { name });
  await chart(/^Hier · 6 antwoorden\. Rest van de tour · 5 antwoorden\. 1 Zeker niet: Hier 33% \(2\), Rest van de tour 0% \(0\)\./).waitFor();
  await chart(/5 Zeker wel: Hier 50% \(3\), Rest van de tour 0% \(0\)$/).waitFor();
  // The chart itself is drawn by the hub, as the PNG files are.
  const drawn = await page.evaluate(`(async () => {
    const img = document.querySelector('img.chart');
    await img.decode();
    return [img.naturalWidth, img.naturalHeight, (await (await fetch(img.src)).text()).includes('Deze locatie · 6 antwoorden')];
  })()`);
  assert.deepEqual(drawn, [1920, 1080, true]);

  // Live: three more answers arrive during the lecture.
  assert.equal((await push(answers(VISIT, 'naam-op-cv', ['2', '2', '2']))).status, 200);
  await chart(/^Hier · 9 antwoorden/).waitFor();

  await page.keyboard.press('i');
  await page.locator('.insight').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.getByText('2 / 2').waitFor();
  await page.getByText('Wat denk jij? Raad eerst.').waitFor();
  await page.keyboard.press(' ');
  await chart(new RegExp(`^Hier: nog te weinig antwoorden \\(minder dan ${MIN_GROUP}\\)`)).waitFor();
  await page.keyboard.press('l');
  assert.equal(await page.locator('main.presenter').getAttribute('lang'), 'en');
  await chart(new RegExp(`^Here: too few answers yet \\(fewer than ${MIN_GROUP}\\)`)).waitFor();
  await page.keyboard.press('b');
  await page.getByRole('main', { name: 'blank' }).waitFor();
  await page.keyboard.press('b');
  await page.keyboard.press('PageUp');
  await page.getByText('1 / 2').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Presenteer' }).waitFor();
});

test('beyond this machine (here: behind a proxy) the pages need a sign-in: a one-time link, clicked from another site, starts an HttpOnly, SameSite=Strict session', async (t) => {
  const hubDir = tempDir();
  const hub = await startHubProcess(hubDir, '--behind-proxy', '127.0.0.1');
  t.after(() => stopProcess(hub.child));
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage();
  const refused = await page.goto(`${hub.url}/presenter/`);
  assert.equal(refused?.status(), 401);
  await page.getByText('Meld je aan met de link die je van de tourorganisator kreeg.').waitFor();
  assert.equal((await fetch(`${hub.url}/v1/lecture/overview`)).status, 401);

  const added = hubCommand(hubDir, 'add-lecturer', 'Dr. Jansen', '--url', hub.url);
  assert.equal(added.status, 0, added.stderr);
  const link = added.stdout.trim().split('\n').at(-1)!;
  assert.match(link, /\/signin\?token=[\w-]{43}$/);
  // As from a mail: a cross-site navigation to the link (a page on another origin links to it).
  // Opening it spends nothing (a link preview, a HEAD); its button signs in.
  assert.equal((await fetch(link, { method: 'HEAD' })).status, 200);
  assert.equal((await fetch(link)).status, 200, 'a link preview reads the page');
  await page.route('http://mail.example/', (route) => route.fulfill({ contentType: 'text/html', body: `<a href="${link}">Aanmelden</a>` }));
  await page.goto('http://mail.example/');
  await page.getByRole('link', { name: 'Aanmelden' }).click();
  await page.getByRole('button', { name: 'Aanmelden / Sign in' }).click();
  await page.waitForURL(/\/presenter\/$/);
  await page.getByRole('heading', { name: 'De tour' }).waitFor();
  const [cookie] = await page.context().cookies();
  assert.deepEqual([cookie.name, cookie.httpOnly, cookie.sameSite], ['olifant_session', true, 'Strict']);

  const other = await browser.newPage();
  const again = await other.goto(link);
  assert.equal(again?.status(), 401, 'a sign-in link works once');
  await other.getByText(/al gebruikt of verlopen/).waitFor();
});
