// The student journey in Debian's Chromium, against the real services, a real SQLite
// file and the simulated pillar (the board model behind the real protocol driver).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openKiosk, readQuestion, settled } from '../helpers/browser.ts';
import { startKiosk, type TestKiosk } from '../helpers/kiosk.ts';
import { openPackStore } from '../../electron/kiosk/packs/store.ts';
import { addLanguage, buildPack, KEY, trustSettings } from '../helpers/packs.ts';
import { dataDir, until } from '../helpers/tmp.ts';
import { LEAVE_GRACE_MS } from '../../renderer/kiosk/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

const open = (kiosk: TestKiosk): Promise<Page> => openKiosk(browser, kiosk.url);

async function answer(page: Page, cardName: RegExp, answerName: string | RegExp) {
  await page.getByRole('button', { name: cardName }).click();
  await readQuestion(page);
  await page.getByRole('button', { name: answerName, exact: typeof answerName === 'string' }).click();
  await page.getByRole('button', { name: /^(Nog een vraag|Another question)$/ }).waitFor();
}

const rows = (kiosk: TestKiosk) => [...kiosk.app.store.all()];

/**
 * The student takes the card once the screen says it is there, and the screen says it was taken.
 * Not on the board's timer: a card taken before the page has heard the dispense's answer would race
 * the page (the board's TAKEN comes as an event, the answer as the reply to the page's call).
 */
async function takeCard(page: Page, kiosk: TestKiosk, [there, taken] = ['Pak je kaart uit de olifant', 'Top! Neem je kaart mee naar het college.']) {
  await page.getByText(there).waitFor();
  kiosk.app.board!.take();
  await page.getByText(taken).waitFor();
}

test('a student answers all six in Dutch, the next one a question in English; cards and answers are right', async () => {
  const kiosk = await startKiosk({ simulatedBoard: { dispenseMs: 50, autoTakeMs: null } });
  const page = await open(kiosk);
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).click();
  await page.getByRole('heading', { name: 'Kies een vraag' }).waitFor();

  const dutch: Array<[RegExp, string, string]> = [
    [/^Vraag 1/, '4', '4'],
    [/^Vraag 2/, 'We kiezen wie op ons lijkt', 'lijkt-op-ons'],
    [/^Vraag 3/, 'Ik spreek hem later apart aan', 'later-apart'],
    [/^Vraag 4/, '2', '2'],
    [/^Vraag 5/, 'Iedereen dezelfde praktijkopdracht', 'praktijkopdracht'],
    [/^Vraag 6/, '1 Helemaal oneens', '1'],
  ];
  for (const [card, label] of dutch) {
    await answer(page, card, label);
    await takeCard(page, kiosk);
    await settled(page);
    await page.getByRole('button', { name: 'Nog een vraag' }).click();
  }
  await page.getByText('✓ Beantwoord').nth(5).waitFor();
  assert.equal(await page.getByText('✓ Beantwoord').count(), 6);
  await page.getByRole('button', { name: 'Klaar' }).click();
  await page.getByText('Bedankt voor je antwoorden!').waitFor();
  await settled(page);
  await page.getByText('Bedankt voor je antwoorden!').click();

  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).click();
  await page.getByRole('heading', { name: 'Kies een vraag' }).waitFor();
  assert.equal(await page.getByText('✓ Beantwoord').count(), 0, 'the next student starts fresh');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Choose a question' }).waitFor();
  assert.equal(await page.locator('.kiosk').getAttribute('lang'), 'en');
  await answer(page, /^Question 4/, '5 Strongly agree');
  // A pillar without a hub compares with its own earlier visits, and says so.
  await page.getByRole('region', { name: /On this pillar's earlier visits/ }).waitFor();
  await takeCard(page, kiosk, ['Take your card from the elephant', 'Great! Bring your card to the lecture.']);

  const stored = rows(kiosk);
  assert.equal(stored.length, 7);
  const byQuestion = (q: string, lang: string) => stored.filter((r) => r.question_id === q && r.language === lang).map((r) => r.value);
  assert.deepEqual(byQuestion('naam-op-cv', 'nl'), ['4']);
  assert.deepEqual(byQuestion('past-in-het-team', 'nl'), ['lijkt-op-ons']);
  assert.deepEqual(byQuestion('grap-over-afkomst', 'nl'), ['later-apart']);
  assert.deepEqual(byQuestion('promotie-beste-werk', 'nl'), ['2']);
  assert.deepEqual(byQuestion('eerlijk-werven', 'nl'), ['praktijkopdracht']);
  assert.deepEqual(byQuestion('diversiteit-klein-bedrijf', 'nl'), ['1']);
  assert.deepEqual(byQuestion('promotie-beste-werk', 'en'), ['5']);
  assert.ok(stored.every((r) => r.suspect === null && r.venue_session_id === 'venue-test' && r.pack_version === 1));
  assert.deepEqual(kiosk.app.board!.dispensed.map((d) => d.slot), [1, 2, 3, 4, 5, 6, 4]);
  await page.close();
});

test('hammering an answer stores it once, and seeing an answered question again stores nothing', async () => {
  const kiosk = await startKiosk({ simulatedBoard: { dispenseMs: 50, autoTakeMs: 200 } });
  const page = await open(kiosk);
  await page.getByRole('button', { name: /Raak me aan/ }).click();
  // Every call the page makes to the kiosk's services, answered before the store is read.
  const calls: Array<Promise<unknown>> = [];
  page.on('request', (request) => void (request.method() === 'POST' && calls.push(request.response())));
  await page.getByRole('button', { name: /^Vraag 2/ }).click();
  await readQuestion(page);
  const box = (await page.getByRole('button', { name: 'Weet ik niet' }).boundingBox())!;
  for (let i = 0; i < 15; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole('button', { name: 'Nog een vraag' }).click();
  await page.getByRole('button', { name: /^Vraag 2/ }).dblclick();
  await page.getByRole('region', { name: /Hier/ }).waitFor();
  await Promise.all(calls);
  assert.deepEqual(rows(kiosk).map((r) => r.value), ['weet-niet']);
  assert.equal(kiosk.app.board!.dispensed.length, 1, 'one answer, one card');
  await page.close();
});

test('a quiet pillar asks "still there?", then discards the half-finished answer; "yes" keeps the journey', async () => {
  // Long spells, gone through at once on the page's clock: a slow machine never reaches them by itself.
  const idle = 600_000;
  const stillThere = 300_000;
  const kiosk = await startKiosk({ settings: { idleSeconds: idle / 1000, stillThereSeconds: stillThere / 1000 } });
  const page = await open(kiosk);
  const stillThereDialog = page.getByRole('alertdialog', { name: 'Ben je er nog?' });
  await page.getByRole('button', { name: /Raak me aan/ }).click();
  await answer(page, /^Vraag 1/, '3');
  await page.getByRole('button', { name: 'Nog een vraag' }).click();
  await page.getByRole('button', { name: /^Vraag 4/ }).click();
  await page.getByRole('heading', { name: /Wie promotie krijgt/ }).waitFor();
  await page.clock.fastForward(idle);
  await stillThereDialog.waitFor();
  await page.getByRole('button', { name: 'Ja, ik ben er nog' }).click();
  await stillThereDialog.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: /Wie promotie krijgt/ }).waitFor();
  await page.clock.fastForward(idle);
  await stillThereDialog.waitFor();
  await page.clock.fastForward(stillThere);
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).waitFor();
  assert.deepEqual(rows(kiosk).map((r) => r.question_id), ['naam-op-cv'], 'the finished answer is kept, nothing else');
  await page.close();
});

test('an empty or jammed stack is said kindly, the question stays, the journey goes on', async () => {
  const kiosk = await startKiosk({ simulatedBoard: { dispenseMs: 50, autoTakeMs: null, stock: [9, 9, 0, 9, 9, 9] } });
  const page = await open(kiosk);
  await page.getByRole('button', { name: /Raak me aan/ }).click();
  await answer(page, /^Vraag 3/, 'Ik lach mee');
  await page.getByText('De kaarten van deze vraag zijn even op').waitFor();
  await page.locator('.screen-result').getByText('Een collega maakt een grap over iemands afkomst').waitFor();
  await page.getByText('De vraag blijft nog even staan.').waitFor();
  await settled(page);
  await page.getByRole('button', { name: 'Nog een vraag' }).click();
  kiosk.app.board!.faults.jamNext.add(5);
  await answer(page, /^Vraag 5/, 'Gewoon op gevoel');
  await page.getByText('De kaart blijft steken, sorry!').waitFor();
  await settled(page);
  await page.getByRole('button', { name: 'Nog een vraag' }).click();
  await answer(page, /^Vraag 1/, '2');
  await takeCard(page, kiosk);
  assert.equal(rows(kiosk).length, 3, 'every answer recorded, card or not');
  assert.equal(kiosk.app.pillar.status().slots[4], 'JAM');
  await page.close();
});

test('no board connected: the student is told at once that no card comes, never first that it is on its way', async () => {
  const kiosk = await startKiosk({ pillar: 'auto', listPorts: async () => [] });
  const page = await browser.newPage({ viewport: { width: 540, height: 960 }, hasTouch: true });
  // The page's clock: the question is read for a second without the test sleeping.
  await page.clock.install();
  // Every card state and text the kiosk ever puts on screen, however briefly (soft hyphens taken out).
  await page.addInitScript(`{
    const seen = (window.seen = []);
    new MutationObserver(() => {
      const card = document.querySelector('[data-card]');
      if (card) seen.push(card.dataset.card + ': ' + card.innerText.replaceAll('\\u00ad', ''));
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  }`);
  await page.goto(kiosk.url);
  await page.waitForSelector('body[data-ready]');
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).click();
  await page.getByRole('button', { name: /^Vraag 1/ }).click();
  await page.getByRole('button', { name: '3', exact: true }).waitFor();
  await page.clock.fastForward(1000);
  await page.getByRole('button', { name: '3', exact: true }).click();
  await page.getByText('Er komt nu geen kaart').waitFor();
  const seen = (await page.evaluate('window.seen.join("\\n")')) as string;
  assert.match(seen, /^unavailable: Er komt nu geen kaart/);
  assert.doesNotMatch(seen, /dispensing|Je kaart komt eraan/);
  assert.deepEqual(rows(kiosk).map((r) => [r.question_id, r.suspect]), [['naam-op-cv', null]], 'a read answer, stored and counted');
  assert.notEqual(kiosk.app.pillar.status().link, 'connected');
  await page.close();
});

test('someone stepping in front of the pillar wakes the attract loop', async () => {
  const kiosk = await startKiosk();
  const page = await open(kiosk);
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the simulated pillar');
  kiosk.app.board!.setPresence(true);
  await page.getByText('Hoi! Heb je even?').or(page.getByText('Hi! Got a minute?')).first().waitFor();
  await page.close();
});

test('defect 4: the student walking away brings the attract loop back, and the answer is gone', async () => {
  const kiosk = await startKiosk({ simulatedBoard: { dispenseMs: 50, autoTakeMs: 200 } });
  const page = await open(kiosk);
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the simulated pillar');
  kiosk.app.board!.setPresence(true);
  await page.getByText('Hoi! Heb je even?').or(page.getByText('Hi! Got a minute?')).first().waitFor();
  await page.getByRole('button', { name: /Raak me aan/ }).click();
  await answer(page, /^Vraag 1/, '4');
  kiosk.app.board!.setPresence(false);
  // The page heard it; then the grace (8 s), far shorter than any idle timeout on this screen (25 s, then 15 s "still
  // there?"), goes by on the page's clock.
  await page.locator('.kiosk[data-leaving]').waitFor();
  await page.clock.fastForward(LEAVE_GRACE_MS);
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).waitFor();
  await page.locator('.screen-result').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).click();
  await page.getByRole('heading', { name: 'Kies een vraag' }).waitFor();
  assert.equal(await page.getByText('✓ Beantwoord').count(), 0, 'the next student sees nothing of the last one');
  await page.close();
});

test('defect 1: a simulated pillar is said in a corner, for the operator, over no control', async () => {
  const kiosk = await startKiosk();
  const page = await open(kiosk);
  const label = page.getByText('Gesimuleerde zuil: geen echte kaarten');
  await label.waitFor();
  await page.getByRole('button', { name: /Raak me aan/ }).click();
  await page.getByRole('heading', { name: 'Kies een vraag' }).waitFor();
  const box = (await label.boundingBox())!;
  const viewport = page.viewportSize()!;
  assert.ok(box.y === 0 && Math.round(box.x + box.width) === viewport.width, `in the top right corner: ${JSON.stringify(box)}`);
  assert.equal(await label.evaluate((e) => (e as unknown as { tagName: string }).tagName), 'P', 'not a control');
  const buttons = await page.locator('button').evaluateAll((all) => all.map((b) => b.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  const overlaps = (a: typeof box, b: typeof box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  assert.deepEqual(buttons.filter((b) => overlaps(box, b)), [], 'over no control');
  await page.close();
});

test('a card left in the gate on "Klaar": the goodbye says so until it is taken', async () => {
  const kiosk = await startKiosk({ simulatedBoard: { dispenseMs: 50, autoTakeMs: null } });
  const page = await open(kiosk);
  await page.getByRole('button', { name: /Raak me aan/ }).click();
  await answer(page, /^Vraag 2/, 'Weet ik niet');
  await page.getByText('Pak je kaart uit de olifant').waitFor();
  await page.getByRole('button', { name: 'Klaar' }).click();
  const reminder = page.getByRole('status').filter({ hasText: 'Vergeet je kaart niet' });
  await reminder.waitFor();
  kiosk.app.board!.take();
  await reminder.waitFor({ state: 'detached' });
  await page.getByText('Bedankt voor je antwoorden!').waitFor();
  await page.close();
});

test('a card left behind: the ring pulses green into the next journey, and the next student is never told it is theirs', async () => {
  const kiosk = await startKiosk({ simulatedBoard: { dispenseMs: 50, autoTakeMs: null } });
  const page = await open(kiosk);
  const board = kiosk.app.board!;
  const green = () => board.led.join(',') === 'PULSE,60,220,120';
  await page.getByRole('button', { name: /Raak me aan/ }).click();
  await answer(page, /^Vraag 2/, 'Weet ik niet');
  await page.getByText('Daar is je kaart!').waitFor();
  await page.getByRole('button', { name: 'Klaar' }).click();
  await page.getByText('Vergeet je kaart niet').waitFor();
  await page.getByText('Bedankt voor je antwoorden!').waitFor();
  await settled(page);
  await page.getByText('Bedankt voor je antwoorden!').click();
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).waitFor();
  await until(green, 'the green pulse at the attract loop, with the card still in the gate');

  // The next student: their card waits behind someone else's, said as someone else's.
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).click();
  await answer(page, /^Vraag 3/, 'Ik lach mee');
  await page.getByText('Er ligt nog een kaart van iemand vóór jou in de olifant').waitFor();
  assert.equal(await page.getByText('Je vorige kaart').count(), 0);
  assert.ok(green(), 'still pulsing');
  board.take();
  await page.getByText('Daar is je kaart!').waitFor();
  board.take();
  await page.getByText('Top! Neem je kaart mee naar het college.').waitFor();
  await page.getByRole('button', { name: 'Klaar' }).click();
  await page.getByText('Bedankt voor je antwoorden!').waitFor();
  assert.equal(await page.getByText('Vergeet je kaart niet').count(), 0, 'their own card was taken: no reminder');
  await page.close();
});

test('kiosk hygiene: named controls in the current language, no scrolling, no selection, no context menu', async () => {
  const kiosk = await startKiosk();
  const page = await open(kiosk);
  await page.getByRole('button', { name: /Raak me aan/ }).click();
  await page.getByRole('button', { name: /^Vraag 1/ }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: /Two CVs, exactly the same/ }).waitFor();
  const controls = await page.locator('button').evaluateAll((buttons) =>
    buttons.map((b) => ({ text: (b.textContent ?? '').trim(), label: b.getAttribute('aria-label'), height: b.getBoundingClientRect().height, width: b.getBoundingClientRect().width })),
  );
  assert.ok(controls.length >= 8);
  for (const c of controls) {
    assert.ok(c.text || c.label, `a control without a name: ${JSON.stringify(c)}`);
    assert.ok(c.height >= 48 && c.width >= 48, `a target under 48 px: ${JSON.stringify(c)}`);
  }
  assert.ok(controls.some((c) => c.text === '← Back') && controls.some((c) => c.text === '1' && c.label === '1 Certainly not'), 'a scale end is named with its label');
  // Evaluated in the page (a string, as these tests are type-checked without the DOM library).
  const page2 = await page.evaluate(`({
    scroll: document.scrollingElement.scrollHeight <= window.innerHeight,
    select: getComputedStyle(document.body).userSelect,
    menu: document.dispatchEvent(new MouseEvent('contextmenu', { cancelable: true })),
  })`);
  assert.deepEqual(page2, { scroll: true, select: 'none', menu: false });
  await page.close();
});

test('with reduced motion the elephant stands still; without, it moves', async () => {
  const kiosk = await startKiosk();
  const transforms = async (reducedMotion: 'reduce' | 'no-preference') => {
    const context = await browser.newContext({ viewport: { width: 540, height: 960 }, reducedMotion });
    // The page's clock: the elephant's next 700 ms of animation frames run at once.
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await page.waitForSelector('body[data-ready]');
    const sample = () => page.locator('svg.elephant').first().evaluate((svg) => (svg as unknown as { style: { transform: string } }).style.transform);
    const first = await sample();
    await page.clock.runFor(700);
    const second = await sample();
    await context.close();
    return first === second;
  };
  assert.equal(await transforms('reduce'), true, 'still under prefers-reduced-motion');
  assert.equal(await transforms('no-preference'), false, 'breathing otherwise');
});

test('a full disk: the student is told kindly, can go on, and nothing half-written is shown', async () => {
  const kiosk = await startKiosk();
  const page = await open(kiosk);
  // SQLite's own "database or disk is full": the file is capped at its size, then filled up.
  const db = (kiosk.app.store as unknown as { db: { pragma(s: string, o?: object): unknown } }).db;
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
  assert.throws(() => {
    for (let i = 0; i < 10_000; i++) kiosk.app.store.insert({ id: `filler-${i}`, pillar_id: 'x', venue_session_id: 'x', pack_id: 'x', pack_version: 1, question_id: 'filler', value: 'x', language: 'nl', hour: 'x', suspect: 'filler' });
  }, /full/);
  await page.getByRole('button', { name: /Raak me aan/ }).click();
  await page.getByRole('button', { name: /^Vraag 3/ }).click();
  await readQuestion(page);
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Ik lach mee' }).click();
    await page.getByRole('alert').filter({ hasText: 'Je antwoord kon niet worden bewaard' }).waitFor();
  }
  await page.getByRole('button', { name: '← Terug' }).click();
  await page.getByRole('heading', { name: 'Kies een vraag' }).waitFor();
  assert.ok(kiosk.logs.some((l) => /could not store an answer/.test(l)));
  assert.equal(kiosk.app.board!.dispensed.length, 0, 'no card for an answer that was not stored');
  await page.close();
});

/** A kiosk whose data folder already runs `edit`'s pack (installed as the operator would). */
async function kioskWithPack(edit: (m: Record<string, any>) => void) {
  const dir = dataDir({ trustedKeys: [KEY.publicKey] });
  await (await openPackStore(dir, () => trustSettings, () => {})).install(buildPack(edit).drive);
  return startKiosk({ dataDir: dir });
}

test('a pack with three questions and a language the kiosk has no words for: the hint counts three, no second "English"', async () => {
  const kiosk = await kioskWithPack((m) => {
    m.version = 20;
    m.questions = m.questions.slice(0, 3);
    addLanguage(m, 'es');
  });
  const page = await open(kiosk);
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).click();
  await page.getByRole('heading', { name: 'Kies een vraag' }).waitFor();
  // A string, not a pattern: Playwright matches it through the soft hyphens the kiosk puts in words.
  await page.getByText('Drie vragen').waitFor();
  const languageButtons = await page.locator('.languages button').allInnerTexts();
  assert.deepEqual(languageButtons, ['English'], 'Spanish has no kiosk words: not offered, and English once');
});

test('a pack installed mid-journey waits for the attract loop, then shows', async () => {
  const kiosk = await startKiosk({ settings: { trustedKeys: [KEY.publicKey] } });
  const page = await open(kiosk);
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).click();
  await page.getByRole('heading', { name: 'Kies een vraag' }).waitFor();
  const events: string[] = [];
  kiosk.app.student.onEvent((event) => events.push(event.type));
  await kiosk.app.packs.install(buildPack((m) => {
    m.version = 20;
    m.questions[0].prompt.nl = 'Een nieuwe eerste vraag, uit het nieuwe pakket?';
  }).drive);
  await until(() => events.includes('pack-changed'), 'the pack-changed event');
  await page.locator('.kiosk[data-pack-waiting]').waitFor();
  assert.equal(await page.getByText('Een nieuwe eerste vraag').count(), 0, 'mid-journey, the questions stay as they were');
  await page.getByRole('button', { name: 'Klaar' }).click();
  await page.getByRole('button', { name: /Raak me aan om te beginnen/ }).click({ timeout: 20_000 });
  await page.getByText('Een nieuwe eerste vraag').waitFor();
});
