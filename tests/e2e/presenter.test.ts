// The lecturer's presenter page in Chromium, against a real hub process with answers pushed
// as pillars push them: the overview, presenter mode with the keyboard, and a live update
// when a batch arrives during the lecture.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BEFORE_ANY_VISIT } from '../../electron/api/lecture.ts';
import { bundledPackDir } from '../../electron/kiosk/packs/bundled.ts';
import { MIN_GROUP } from '../../electron/results/floor.ts';
import { launchChromium } from '../helpers/browser.ts';
import { hubCommand, startHubProcess, stopProcess } from '../helpers/hub.ts';
import { answers, startLectureHub } from '../helpers/lecture-hub.ts';
import { measurePresenter } from '../helpers/presenter.ts';
import { tempDir } from '../helpers/tmp.ts';

const VISIT = '2026-11-24-hva-amsterdam';
const PACK = { id: 'olifant-tour', version: 1 };
const FLOOR = `Groepen van minder dan ${MIN_GROUP} antwoorden worden niet getoond.`;
/** A text as read, without the soft hyphens that let it break at a syllable. */
const unhyphenated = (text: string) => text.replace(/\u00ad/g, '');

test('overview, presenter mode with the keyboard (reveal, next, insight, keys, language, blank, back), and a live update', async (t) => {
  const hub = await startLectureHub();
  t.after(() => hub.stop());
  const manifest = JSON.parse(readFileSync(path.join(bundledPackDir(), 'pack.json'), 'utf8'));
  await hub.push([
    { type: 'pack', id: manifest.id, version: manifest.version, manifest },
    { type: 'venue', id: VISIT, pillar_id: 'pillar-1', name: 'Hogeschool van Amsterdam', started_hour: '2026-11-24T08:00Z', ended_hour: null, revision: 1 },
    ...answers('pillar-1', VISIT, PACK, 'naam-op-cv', ['1', '1', '2', '5', '5', '5']),
    ...answers('pillar-1', 'venue-a', PACK, 'naam-op-cv', ['4', '4', '4', '4', '4']),
    ...answers('pillar-1', VISIT, PACK, 'past-in-het-team', ['lijkt-op-ons', 'lijkt-op-ons', 'weet-niet']),
    ...answers('pillar-1', 'venue-a', PACK, 'past-in-het-team', ['eerlijk-oordeel', 'eerlijk-oordeel', 'eerlijk-oordeel', 'weet-niet', 'weet-niet']),
    // Given before the crew started a visit: the pillar's venueSessionId was still venue-not-set.
    ...answers('pillar-1', BEFORE_ANY_VISIT, PACK, 'promotie-beste-werk', ['3', '3', '3', '3', '3', '3', '3']),
  ]);

  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
  await page.goto(`${hub.url}/presenter/`);
  const visits = page.getByRole('region', { name: 'Locatiebezoeken' });
  await visits.getByRole('button', { name: /Hogeschool van Amsterdam/ }).click();
  const ranked = page.getByRole('region', { name: 'Waar het gesprek kan beginnen' });
  await ranked.locator('li').first().waitFor();
  assert.match(await ranked.locator('li').first().innerText(), /wijkt \d+ procentpunten af/, 'the comparable question first, with its difference');
  assert.match(await ranked.locator('li').last().innerText(), /nog niet te vergelijken/, 'a group under the floor is not compared');
  await ranked.getByText('Tijdens het presenteren toont ? de toetsen; op het scherm staan ze niet.').waitFor();
  await page.getByRole('button', { name: 'Presenteer' }).click();

  await page.getByText('Wat denk jij? Raad eerst.').waitFor();
  assert.equal(await page.locator('.chart').count(), 0, 'hidden until revealed');
  assert.equal(await page.getByText(/Enter|Esc/).count(), 0, 'no keys on the projected screen');
  await page.keyboard.press('Enter');
  const chart = (name: RegExp) => page.getByRole('img', { name });
  await chart(/^Hier · 6 antwoorden\. Rest van de tour · 5 antwoorden\. 1 Zeker niet: Hier 33% \(2\), Rest van de tour 0% \(0\)\./).waitFor();
  await chart(/5 Zeker wel: Hier 50% \(3\), Rest van de tour 0% \(0\)$/).waitFor();
  // Drawn in the page, as text: the scale from 1 down to 5, this venue's bar above the rest of the tour's in each row.
  assert.equal(await page.locator('img').count(), 0, 'no picture of a chart');
  assert.deepEqual((await page.locator('.chart .label').allInnerTexts()).map(unhyphenated), ['1 Zeker niet', '2', '3', '4', '5 Zeker wel']);
  const bars = page.locator('.chart .row').first().locator('.bar');
  assert.deepEqual(await bars.evaluateAll((all) => all.map((bar) => bar.className)), ['bar venue', 'bar elsewhere']);
  assert.deepEqual(await bars.allInnerTexts(), ['33% (2)', '0% (0)']);
  let measured = await measurePresenter(page);
  assert.equal(measured.floorSentences, 1, `"${FLOOR}" once on the screen`);
  assert.ok(measured.chart!.width > 0.9 && measured.chart!.smallestPx! >= 32, JSON.stringify(measured));

  // Live: three more answers arrive during the lecture.
  await hub.push(answers('pillar-1', VISIT, PACK, 'naam-op-cv', ['2', '2', '2']));
  await chart(/^Hier · 9 antwoorden/).waitFor();

  // The keys, on ? only; Esc closes them and stays.
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Toetsen' });
  await keys.getByText('grafiek tonen of verbergen').waitFor();
  await page.keyboard.press('?');
  await keys.waitFor({ state: 'detached' });
  await page.keyboard.press('?');
  await keys.waitFor();
  await page.keyboard.press('Escape');
  await keys.waitFor({ state: 'detached' });
  await chart(/^Hier · 9 antwoorden/).waitFor();

  // The insight beside the chart, which stays readable.
  await page.keyboard.press('i');
  const insight = page.getByRole('complementary', { name: 'Inzicht' });
  await insight.waitFor();
  assert.match(unhyphenated(await insight.innerText()), /Liever Mark dan Mohammed/);
  const [chartBox, insightBox] = [await page.locator('.chart').boundingBox(), await insight.boundingBox()];
  assert.ok(chartBox!.x + chartBox!.width <= insightBox!.x, 'beside, not over or under');
  measured = await measurePresenter(page);
  assert.ok(measured.chart!.width > 0.55 && measured.chart!.smallestPx! >= 32, `the chart beside the insight: ${JSON.stringify(measured.chart)}`);

  await page.keyboard.press('ArrowRight');
  await page.getByText('2 / 2').waitFor();
  await page.getByText('Wat denk jij? Raad eerst.').waitFor();
  await page.keyboard.press(' ');
  await chart(new RegExp(`^Hier: nog te weinig antwoorden \\(minder dan ${MIN_GROUP}\\)`)).waitFor();
  assert.equal(await page.locator('.chart .bar.venue').count(), 0, "this venue's bars are not drawn");
  await page.getByText('Nog geen resultaten voor deze locatie; hieronder de rest van de tour').waitFor();
  assert.equal((await measurePresenter(page)).floorSentences, 1);
  await page.keyboard.press('l');
  assert.equal(await page.locator('main.presenter').getAttribute('lang'), 'en');
  await chart(new RegExp(`^Here: too few answers yet \\(fewer than ${MIN_GROUP}\\)`)).waitFor();
  await page.getByText('No results for this venue yet; below, the rest of the tour').waitFor();
  await page.keyboard.press('b');
  await page.getByRole('main', { name: 'blank' }).waitFor();
  await page.keyboard.press('b');
  await page.keyboard.press('PageUp');
  await page.getByText('1 / 2').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Presenteer' }).waitFor();

  // The answers from before any visit, presented: named as what they are, never by their id.
  await visits.getByRole('button', { name: /Antwoorden van vóór een locatiebezoek/ }).click();
  await ranked.getByRole('heading', { name: /^Antwoorden van vóór een locatiebezoek:/ }).waitFor();
  await page.getByRole('button', { name: 'Presenteer' }).click();
  await page.locator('.presenter-top').getByText('Antwoorden van vóór een locatiebezoek').waitFor();
  assert.doesNotMatch(await page.locator('body').innerText(), /venue-not-set/);
});

test('beyond this machine (here: behind a proxy) the pages need a sign-in: a one-time link, clicked from another site, starts an HttpOnly, SameSite=Strict session', async (t) => {
  const hubDir = tempDir();
  const hub = await startHubProcess(hubDir, ['--behind-proxy', '127.0.0.1']);
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
