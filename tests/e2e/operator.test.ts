// The tour crew's side in Debian's Chromium, against the real services, a real SQLite file,
// the simulated board behind the real protocol driver, and a real (tmpfs) USB stick where
// this machine allows mounting: the door, the PIN pad, a venue visit typed on the screen,
// a pack from a stick previewed, installed and rolled back, and students kept out.

import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { FIRST_LOCKOUT_MS, hashPin } from '../../electron/kiosk/operator/pin.ts';
import { linuxBlockDevices } from '../../electron/platform/usb.ts';
import { launchChromium, openKiosk, readQuestion, settled } from '../helpers/browser.ts';
import { deviceTree, STICK_LABEL } from '../helpers/devices.ts';
import { startKiosk, type TestKiosk } from '../helpers/kiosk.ts';
import { buildPack, KEY } from '../helpers/packs.ts';
import { TestClock } from '../helpers/clock.ts';
import { stick } from '../helpers/stick.ts';
import { tempDir, until } from '../helpers/tmp.ts';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

const START = /Raak me aan om te beginnen/;

const open = (kiosk: TestKiosk): Promise<Page> => openKiosk(browser, kiosk.url);

/** The service screen itself (the PIN pad shares its title, not this). */
const serviceScreen = (page: Page) => page.getByRole('region', { name: 'Wat er moet gebeuren' });

async function openDoor(kiosk: TestKiosk, page: Page): Promise<void> {
  // The board tells of the door once it is connected.
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the simulated board');
  kiosk.app.board!.setService(true);
  await serviceScreen(page).waitFor();
}

test('the service door opens the service screen over a journey (the unfinished answer dropped, the finished one kept); closing it brings back the attract loop', async () => {
  const kiosk = await startKiosk({ simulatedBoard: { dispenseMs: 50, autoTakeMs: null } });
  const page = await open(kiosk);
  await page.getByRole('button', { name: START }).click();
  await page.getByRole('button', { name: /^Vraag 1/ }).click();
  await readQuestion(page);
  await page.getByRole('button', { name: '4', exact: true }).click();
  // The student takes the card (the crew's test card below needs a clear gate), and goes on.
  await until(() => kiosk.app.board!.dispensed.length === 1, 'the card of the finished answer');
  kiosk.app.board!.take();
  await settled(page);
  await page.getByRole('button', { name: 'Nog een vraag' }).click();
  await page.getByRole('button', { name: /^Vraag 2/ }).click();

  await openDoor(kiosk, page);
  assert.match(page.url(), /\/operator\/$/);
  await page.locator('.stacks').getByText('Stapel 1: naam-op-cv').waitFor();
  await page.getByText('Sluit de servicedeur om terug te gaan').waitFor();
  // The crew's own checks: a test card from stack 3, in plain words.
  await page.getByRole('listitem').filter({ hasText: 'Stapel 3' }).getByRole('button', { name: 'Test' }).click();
  await page.getByText('Stapel 3 gaf een kaartje.').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Service screen' }).waitFor();
  await page.locator('.stacks').getByText('Stack 1: naam-op-cv').waitFor();

  kiosk.app.board!.setService(false);
  await page.getByRole('button', { name: START }).waitFor();
  const stored = [...kiosk.app.store.all()];
  assert.deepEqual(stored.map((a) => [a.question_id, a.value, a.suspect]), [['naam-op-cv', '4', null]], 'the finished answer is kept, the unfinished one dropped');
});

test('a jammed stack is named with its question and what to do', async () => {
  const kiosk = await startKiosk();
  const page = await open(kiosk);
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the simulated board');
  kiosk.app.board!.jam(4);
  await openDoor(kiosk, page);
  await page.getByText('Stapel 4 (promotie-beste-werk) zit vast.').waitFor();
  await page.getByText('Haal het vastgelopen kaartje uit stapel 4').waitFor();
});

test('a new venue visit typed on the on-screen keyboard: the next answer carries it, without a restart', async () => {
  const kiosk = await startKiosk();
  const page = await open(kiosk);
  await openDoor(kiosk, page);
  await page.getByRole('button', { name: 'Nieuw locatiebezoek' }).click();
  const keyboard = page.getByRole('group', { name: 'keyboard' });
  for (const key of ['H', 'v', 'hoofdletter', 'A', 'spatie', 'A', 'm', 's', 't', 'e', 'r', 'd', 'a', 'm']) {
    await keyboard.getByRole('button', { name: key, exact: true }).click();
  }
  await page.getByRole('button', { name: 'Start het bezoek' }).click();
  await page.getByText('Locatiebezoek "HvA Amsterdam" loopt.').waitFor();
  const id = kiosk.app.settings.current().venueSessionId;
  assert.match(id, /^\d{4}-\d{2}-\d{2}-hva-amsterdam$/);
  await page.locator('.venue-current').getByText('HvA Amsterdam').waitFor();

  kiosk.app.board!.setService(false);
  await page.getByRole('button', { name: START }).click();
  await page.getByRole('button', { name: /^Vraag 4/ }).click();
  await readQuestion(page);
  await page.getByRole('button', { name: '2', exact: true }).click();
  await page.getByRole('button', { name: 'Nog een vraag' }).waitFor();
  assert.deepEqual([...kiosk.app.store.all()].map((a) => a.venue_session_id), [id]);
});

test('a pack on a USB stick is previewed, installed, shows at the next attract loop, and can be rolled back', async (t) => {
  const drives = tempDir('olifant-drives-');
  const kiosk = await startKiosk({ settings: { trustedKeys: [KEY.publicKey], usbRoots: [drives] } });
  const page = await open(kiosk);
  const usb = stick(4, (m) => t.diagnostic(m), drives);
  const pack = buildPack((m) => {
    m.version = 8;
    m.attract.headline.nl = 'Durf jij het te zeggen?';
    m.questions[0].prompt.nl = 'Een nieuwe eerste vraag, van de stick?';
  });
  cpSync(pack.dir, path.join(usb.dir, 'olifant-pack'), { recursive: true });
  assert.equal(await page.getByText('Durf jij het te zeggen?').count(), 0, 'students never see a pack arrive');

  await openDoor(kiosk, page);
  const stickPanel = page.getByRole('region', { name: 'USB-stick' });
  await stickPanel.getByText('versie 1 → 8').waitFor();
  await stickPanel.locator('.changed').getByText('naam-op-cv').waitFor();
  await stickPanel.getByText('Leg de kaartjes van naam-op-cv in stapel 1.').waitFor();
  await stickPanel.getByText('nl: Durf jij het te zeggen?').waitFor();
  // Every student screen of the stick's pack, measured at the pillar's size and on its side: 2 languages x 23 screens x 2.
  await stickPanel.getByText('Alles past: 92 schermen nagemeten, staand en liggend.').waitFor({ timeout: 60_000 });
  await stickPanel.getByRole('button', { name: 'Installeer dit pakket' }).click();
  await page.getByText('versie 8 is geïnstalleerd').waitFor({ timeout: 30_000 });
  assert.equal(kiosk.app.packs.current().pack.version, 8);

  kiosk.app.board!.setService(false);
  await page.getByText('Durf jij het te zeggen?').waitFor();

  await openDoor(kiosk, page);
  const packPanel = page.getByRole('region', { name: 'Vragen (inhoudspakket)' });
  await packPanel.getByRole('button', { name: 'Zet het vorige pakket terug' }).click();
  await packPanel.getByRole('button', { name: 'Ja, zet terug' }).click();
  await page.getByText('versie 1 is weer actief').waitFor();
  // The stick's pack is now newer than the running one again; an older one would ask twice (see the stick tests).
  kiosk.app.board!.setService(false);
  await page.getByRole('button', { name: START }).waitFor();
  assert.equal(await page.getByText('Durf jij het te zeggen?').count(), 0);
});

test('on the pillar\'s screen a stick put in comes first, named by its label and where it is mounted; usbRoots with nothing mounted are explained', async (t) => {
  const drives = tempDir('olifant-drives-');
  const usb = stick(4, (m) => t.diagnostic(m), drives);
  cpSync(buildPack((m) => (m.version = 8)).dir, path.join(usb.dir, 'olifant-pack'), { recursive: true });
  // The mount table names the device the stick comes from, labelled in a /dev and /sys of the test's own.
  let mounts = '';
  const devices = linuxBlockDevices(deviceTree());
  const kiosk = await startKiosk({ settings: { trustedKeys: [KEY.publicKey], usbRoots: [drives] }, drives: { readMounts: () => mounts, devices, platform: 'linux' } });
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await page.goto(kiosk.url);
  await page.waitForSelector('body[data-ready]');
  await openDoor(kiosk, page);
  const stickPanel = page.getByRole('region', { name: 'USB-stick' });
  await stickPanel.getByText(`In settings.json noemt usbRoots ${drives}, maar daar is geen stick aangekoppeld. usbRoots is voor mappen waarin USB-sticks worden aangekoppeld`, { exact: false }).waitFor();

  mounts = `/dev/sdb1 ${usb.dir} vfat rw 0 0`;
  await stickPanel.getByText(`Stick "${STICK_LABEL}" in ${usb.dir}`).waitFor();
  await stickPanel.getByText('Alles past', { exact: false }).waitFor({ timeout: 60_000 });
  const panels = await page.locator('main.service > section').evaluateAll((all) => all.map((e) => e.getAttribute('aria-label')));
  assert.deepEqual(panels.slice(0, 3), ['Wat er moet gebeuren', 'USB-stick', 'Locatiebezoek'], 'what needs doing, then the stick, before the rest');
  const install = (await stickPanel.getByRole('button', { name: 'Installeer dit pakket' }).boundingBox())!;
  assert.ok(install.y + install.height <= 1920, `the install button is on the first screen, without scrolling (at ${Math.round(install.y)} px)`);
  assert.ok(await stickPanel.getByText('Leg de kaartjes van naam-op-cv in stapel 1.').isVisible(), 'every question follows below it');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('region', { name: 'USB stick' }).getByText(`Stick "${STICK_LABEL}" at ${usb.dir}`).waitFor();
});

test('the preview says what of a pack does not fit the student screens, and installing it stays possible', async (t) => {
  const drives = tempDir('olifant-drives-');
  const kiosk = await startKiosk({ settings: { trustedKeys: [KEY.publicKey], usbRoots: [drives] } });
  const page = await open(kiosk);
  // No valid pack breaks the layout (tests/e2e/layout.test.ts), so the layout is broken on purpose:
  // inside the audit's frame only, the style sheet makes the answer buttons far too wide.
  await page.route('**/assets/*.css', async (route) => {
    const response = await route.fetch();
    const broken = route.request().frame().url().includes('/kiosk/audit/');
    await route.fulfill({ response, body: (await response.text()) + (broken ? '\n.choice { min-width: 3000px; }' : '') });
  });
  const usb = stick(4, (m) => t.diagnostic(m), drives);
  cpSync(buildPack((m) => (m.version = 9)).dir, path.join(usb.dir, 'olifant-pack'), { recursive: true });
  await openDoor(kiosk, page);
  const check = page.locator('[data-layout-check]');
  await page.locator('[data-layout-check="problems"]').waitFor({ timeout: 60_000 });
  await check.getByText(/dingen passen niet goed op het scherm/).waitFor();
  // Both sizes take turns at the top of the list.
  await check.getByText('staand, nl, vraag 2: "Een eerlijk oordeel over samenwerken" valt buiten het scherm').waitFor();
  await check.getByText('liggend, nl, vraag 2: "Een eerlijk oordeel over samenwerken" valt buiten het scherm').waitFor();
  await check.getByText(/…en nog \d+\./).waitFor();
  await page.getByRole('button', { name: 'Installeer dit pakket' }).waitFor();
});

test('the PIN pad: a 2-second hold in the corner opens it; a wrong PIN locks it out, the right one opens the service screen; done goes back', async () => {
  // The lockout is kept by the kiosk (its PinPad, on the kiosk's clock) and counted down by the
  // page (on the page's clock): the test moves both on, and no one waits out the 15 s.
  const clock = new TestClock();
  const kiosk = await startKiosk({ settings: { operatorPin: hashPin('48213') }, clock });
  const page = await open(kiosk);
  const corner = page.locator('.service-corner');
  const box = (await corner.boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.clock.fastForward(2000);
  await page.getByRole('heading', { name: 'Pincode voor de crew' }).waitFor();
  await page.mouse.up();
  const pad = page.getByRole('region', { name: 'Pincode voor de crew' });
  const type = async (pin: string) => {
    for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: 'OK' }).click();
  };
  await type('11111');
  await page.getByText(/Te vaak een verkeerde pincode\. Probeer het over 1[0-5] seconden opnieuw\./).waitFor();
  assert.equal(await pad.getByRole('button', { name: '4', exact: true }).isDisabled(), true, 'locked out');
  assert.equal(kiosk.app.operatorSession.state().lockedForSeconds, 15, 'the kiosk keeps the lockout');
  // The lockout is the app's 15 s; the pad takes digits again when it ends.
  await clock.advance(FIRST_LOCKOUT_MS);
  assert.equal(kiosk.app.operatorSession.state().lockedForSeconds, 0);
  await page.clock.fastForward(FIRST_LOCKOUT_MS);
  await until(() => pad.getByRole('button', { name: '4', exact: true }).isEnabled(), 'the lockout ending on the page');
  await type('48213');
  await serviceScreen(page).waitFor();
  await page.getByRole('button', { name: 'Klaar: terug naar de studenten' }).click();
  await page.getByRole('button', { name: START }).waitFor();
  assert.equal(kiosk.app.operatorSession.open, false);
});

test('a door opened while the kiosk page is still connecting for events: the service screen comes all the same', async () => {
  const kiosk = await startKiosk();
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the simulated board');
  const page = await browser.newPage({ viewport: { width: 540, height: 960 }, hasTouch: true });
  // The page's event stream is held back until the door is open: the 'operator' event goes out before the page listens.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/events', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(kiosk.url);
  await page.waitForSelector('body[data-ready]');
  kiosk.app.board!.setService(true);
  await until(() => kiosk.app.operatorSession.open, 'the door session');
  release();
  await serviceScreen(page).waitFor();
});

test('the PIN opens the service screen for its own window: a reloaded kiosk window starts at the PIN pad, and the session is over', async () => {
  const kiosk = await startKiosk({ settings: { operatorPin: hashPin('48213') } });
  const page = await open(kiosk);
  await page.goto(`${kiosk.url}operator/`);
  const pad = page.getByRole('region', { name: 'Pincode voor de crew' });
  for (const digit of '48213') await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: 'OK' }).click();
  await serviceScreen(page).waitFor();
  assert.equal(kiosk.app.operatorSession.open, true);
  await page.reload();
  await page.getByRole('heading', { name: 'Pincode voor de crew' }).waitFor();
  assert.equal(await serviceScreen(page).count(), 0, 'no service screen without the PIN');
  assert.equal(kiosk.app.operatorSession.open, false, 'answers count again');
  // The kiosk window restarted on the students' page: the attract loop, not the service screen.
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: START }).waitFor();
});

test('while the service screen is open it says how many answers count as test, and why', async () => {
  const kiosk = await startKiosk();
  const page = await open(kiosk);
  await openDoor(kiosk, page);
  const notice = page.locator('.test-answers');
  await notice.getByText(/^Zolang dit servicescherm open is, tellen antwoorden op de zuil als test: ze komen in geen uitslag en geen college\. Sinds het openging: 0 antwoorden als test\.$/).waitFor();
  // Someone taps an answer on the pillar meanwhile (another browser on the kiosk's address, as the tour crew did).
  const tap = () => page.evaluate(`fetch('/api/submitAnswer', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answerId: crypto.randomUUID(), questionId: 'naam-op-cv', value: '3', language: 'nl', shownMs: 5000 }) }).then((r) => r.status)`);
  assert.equal(await tap(), 200);
  await notice.getByText('Sinds het openging: 1 antwoord als test.', { exact: false }).waitFor();
  await tap();
  await notice.getByText('Sinds het openging: 2 antwoorden als test.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await notice.getByText('Since it opened: 2 answers counted as test.', { exact: false }).waitFor();
  assert.deepEqual([...kiosk.app.store.all()].map((a) => a.suspect), ['test', 'test']);
});

test('a student never reaches the service screen: taps and short corner presses stay in the journey; the page itself offers only the PIN pad, which goes back by itself', async () => {
  const kiosk = await startKiosk({ settings: { operatorPin: hashPin('48213') } });
  const page = await open(kiosk);
  await page.locator('.service-corner').click();
  await page.getByRole('button', { name: START }).click();
  await page.locator('.service-corner').click({ delay: 500 });
  await page.getByRole('heading', { name: 'Kies een vraag' }).waitFor();
  assert.doesNotMatch(page.url(), /operator/);
  const refused = await page.evaluate(async () => (await fetch('/api/operator/overview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status);
  assert.equal(refused, 403);

  await page.goto(`${kiosk.url}operator/`);
  await page.getByRole('heading', { name: 'Pincode voor de crew' }).waitFor();
  assert.equal(await serviceScreen(page).count(), 0);
  // Left alone for its 20 s (gone by at once on the page's clock), the PIN pad goes back to the attract loop.
  await page.clock.fastForward(20_000);
  await page.getByRole('button', { name: START }).waitFor();
});
