// The student screens hold any pack the format allows, at 1080x1920 (the pillar) and
// 1920x1080, in Debian's Chromium: every control inside the screen, at least 64 px both
// ways and not under anything; no text under 24 px (portrait) or 20 px (landscape), cut off,
// out of its box or over another; nothing that scrolls. Measured on the rendered page.
// Each pack goes through the kiosk's own checker and becomes what the student screens get
// as the stick preview makes it, so the corpus is valid by the kiosk's own rules.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { KioskPack } from '../../electron/api/student.ts';
import { openPackStore } from '../../electron/kiosk/packs/store.ts';
import { kioskPack } from '../../electron/kiosk/student/kiosk-pack.ts';
import { checkPack } from '../../content/pack.ts';
import { offeredLanguages } from '../../renderer/shared/i18n.ts';
import { auditPack, checkPage, openAudit, screenLabel, SIZES, type AuditReport } from '../helpers/audit.ts';
import { launchChromium, openKiosk, readQuestion } from '../helpers/browser.ts';
import { extremePacks } from '../helpers/extreme-packs.ts';
import { startKiosk } from '../helpers/kiosk.ts';
import { KEY, trust, trustSettings, type BuiltPack } from '../helpers/packs.ts';
import { dataDir } from '../helpers/tmp.ts';

let browser: Browser;
/** The kiosk that serves the audit pages, for the whole file (started here, so it stops only after the last test). */
const kiosk = await startKiosk();
/** An audit page at each size, kept for every pack. */
let audits: Page[];
before(async () => {
  browser = await launchChromium();
  audits = await Promise.all(SIZES.map((size) => openAudit(browser, kiosk.url, size)));
});
after(() => browser?.close());

/** The pack as the student screens would get it: through the checker, as on a stick. */
async function screensOf(pack: BuiltPack): Promise<KioskPack> {
  return kioskPack((await checkPack(pack.dir, trust)).pack, () => null);
}

const said = (report: AuditReport) => report.findings.map((f) => `${report.width}x${report.height} ${f.language} ${screenLabel(f.screen)}: ${f.rule} "${f.what}" (${f.detail})`).join('\n');

async function auditAtBothSizes(pack: KioskPack): Promise<void> {
  // Both sizes at once, each in its own page.
  const reports = await Promise.all(audits.map((page) => auditPack(page, pack)));
  for (const report of reports) {
    // Per language offered: attract, two choosers, "still there?", goodbye, and per question its screen and two results.
    assert.equal(report.screens, offeredLanguages(pack.languages).length * (5 + 3 * pack.questions.length), 'every screen measured');
    assert.deepEqual(report.findings, [], `at ${report.width}x${report.height}:\n${said(report)}`);
  }
}

test('the bundled pack: every screen fits, at 1080x1920 and 1920x1080', async () => {
  await auditAtBothSizes((await kiosk.app.student.handlers.kiosk()).pack);
});

const corpus = extremePacks();

for (const { name, pack } of corpus) {
  test(`an extreme pack, ${name}: every screen fits, at 1080x1920 and 1920x1080`, async () => {
    await auditAtBothSizes(await screensOf(pack));
  });
}

test('the real journey with the largest pack, in German: every screen passes the same check, at both sizes', async () => {
  const dir = dataDir({ trustedKeys: [KEY.publicKey] });
  await (await openPackStore(dir, () => trustSettings, () => {})).install(corpus[0].pack.drive);
  const walked = await startKiosk({ dataDir: dir, simulatedBoard: { dispenseMs: 50, autoTakeMs: null } });
  for (const size of SIZES) {
    // Reduced motion: what moves (the elephant, the call to action's beckoning) is measured at rest, the same every run.
    const page = await openKiosk(browser, walked.url, { viewport: { width: size.width, height: size.height }, hasTouch: true, reducedMotion: 'reduce' });
    const measure = async (where: string, screen: string) => {
      // That screen, once it takes taps: while it settles (the guard against a double tap's second tap) taps go nowhere.
      await page.locator(`.screen-${screen}`).waitFor();
      await page.locator('.kiosk:not(.settling)').waitFor();
      const found = await checkPage(page);
      assert.deepEqual(found, [], `${size.width}x${size.height}, ${where}:\n${found.map((f) => `${f.rule} "${f.what}" (${f.detail})`).join('\n')}`);
    };
    await measure('attract', 'attract');
    await page.locator('.attract').click();
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Wähle eine Frage' }).waitFor();
    await measure('chooser', 'choose');

    await page.getByRole('button', { name: /^Frage 1/ }).click();
    await measure('question 1, a 7-step scale', 'question');
    await readQuestion(page);
    await page.getByRole('button', { name: /^7 / }).click();
    await page.getByText('Da ist deine Karte!').waitFor();
    await measure('result 1, card out', 'result');
    walked.app.board!.take();
    await page.getByText('Super! Bring deine Karte mit zur Vorlesung.').waitFor();
    await page.getByRole('button', { name: 'Noch eine Frage' }).click();

    await page.getByRole('button', { name: /^Frage 2/ }).click();
    await measure('question 2, six options', 'question');
    await readQuestion(page);
    await page.locator('.choice').nth(5).click();
    await page.getByText('Da ist deine Karte!').waitFor();
    await measure('result 2, card out', 'result');
    await page.getByRole('button', { name: 'Fertig' }).click();
    await page.getByText('Vergiss deine Karte nicht').waitFor();
    await measure('goodbye, card in the gate', 'thanks');
    walked.app.board!.take();
    await page.close();
  }
});

test('the layout check itself finds each broken rule on a page made to break them', async () => {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.setContent(`<body style="margin:0">
    <button style="position:absolute;left:1050px;top:10px;width:100px;height:100px">Off the edge</button>
    <button style="position:absolute;left:10px;top:300px;width:200px;height:40px">Too thin</button>
    <p style="position:absolute;left:10px;top:400px;font-size:14px">Tiny words</p>
    <p style="position:absolute;left:10px;top:500px;width:200px;white-space:nowrap;font-size:30px">Arbeidsmarktdiscriminatie</p>
    <p style="position:absolute;left:10px;top:700px;font-size:30px">Underneath</p>
    <p style="position:absolute;left:20px;top:705px;font-size:30px">On top</p>
    <div style="position:absolute;left:10px;top:900px;width:300px;height:40px;overflow:hidden"><p style="font-size:30px;margin:0">Cut<br><span>off below</span></p></div>
    <button style="position:absolute;left:10px;top:1100px;width:300px;height:100px">Hidden button</button>
    <div style="position:absolute;left:0;top:1080px;width:400px;height:200px;background:red"></div>
  </body>`);
  const found = await checkPage(page);
  const rules = (what: string) => found.filter((f) => f.what === what).map((f) => f.rule);
  assert.ok(rules('Off the edge').includes('outside'), JSON.stringify(found));
  assert.ok(rules('Too thin').includes('small-target'));
  assert.ok(rules('Tiny words').includes('small-text'));
  assert.ok(rules('Arbeidsmarktdiscriminatie').includes('overflow'));
  assert.ok(rules('Underneath').includes('overlap') || rules('On top').includes('overlap'));
  assert.ok(rules('off below').includes('cut-off'), 'a line outside the box that clips it');
  assert.ok(rules('Hidden button').includes('covered'));
  assert.equal(found.filter((f) => f.what === 'Tiny words' && f.rule !== 'small-text').length, 0, 'nothing else is said of a small text that is fine otherwise');

  // What a closed <details> holds, once a script has asked for its box, is laid out where the text after it is, but not shown.
  await page.setContent('<body style="margin:0;font-size:30px"><details><summary>More</summary><p>Folded away</p></details><p>After the fold</p></body>');
  await page.evaluate("document.querySelector('details p').getBoundingClientRect()");
  assert.deepEqual(await checkPage(page), [], 'what a closed <details> holds is not on the screen');
  await page.close();
});
