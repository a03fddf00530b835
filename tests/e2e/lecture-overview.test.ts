// The lecturer's overview of a venue visit in Chromium, against a real hub process: the
// ranking said in words a lecturer can say aloud (the difference with the rest of the tour in
// percentage points, never a bare "71%"), the figure's meaning one tap away, every file on
// offer (the PNG charts too) and downloadable, and the answers from before any venue visit
// named as what they are.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { BEFORE_ANY_VISIT } from '../../electron/api/lecture.ts';
import { bundledPackDir } from '../../electron/kiosk/packs/bundled.ts';
import { launchChromium } from '../helpers/browser.ts';
import { addPillar, startHubProcess, stopProcess } from '../helpers/hub.ts';
import { tempDir } from '../helpers/tmp.ts';

const VISIT = '2026-11-24-hva-amsterdam';

const answers = (venue: string, question: string, values: string[]) =>
  values.map((value) => ({ type: 'answer', id: randomUUID(), pillar_id: 'pillar-1', venue_session_id: venue, pack_id: 'olifant-tour', pack_version: 1, question_id: question, value, language: 'nl', hour: '2026-11-24T13:00Z', suspect: null }));

test('the overview ranks by the difference with the tour, in words; explains the figure; offers pptx, xlsx, csv and the PNG charts; names the answers from before any visit', async (t) => {
  const hubDir = tempDir();
  const token = addPillar(hubDir, 'pillar-1');
  const hub = await startHubProcess(hubDir);
  t.after(() => stopProcess(hub.child));
  const manifest = JSON.parse(readFileSync(path.join(bundledPackDir(), 'pack.json'), 'utf8'));
  const sent = await fetch(`${hub.url}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      pillar_id: 'pillar-1',
      records: [
        { type: 'pack', id: manifest.id, version: manifest.version, manifest },
        { type: 'venue', id: VISIT, pillar_id: 'pillar-1', name: 'Hogeschool van Amsterdam', started_hour: '2026-11-24T08:00Z', ended_hour: null, revision: 1 },
        // naam-op-cv: here 1,1,1,1,5,5 against 4,4,4,4,5 elsewhere: shares 4/6 vs 0 on "1", 2/6 vs 1/5 on "5", 0 vs 4/5 on "4": 80 points apart.
        ...answers(VISIT, 'naam-op-cv', ['1', '1', '1', '1', '5', '5']),
        ...answers('venue-a', 'naam-op-cv', ['4', '4', '4', '4', '5']),
        // grap-over-afkomst: the same spread here and elsewhere, 0 points apart.
        ...answers(VISIT, 'grap-over-afkomst', ['lach-mee', 'lach-mee', 'lach-mee', 'lach-mee', 'lach-mee']),
        ...answers('venue-a', 'grap-over-afkomst', ['lach-mee', 'lach-mee', 'lach-mee', 'lach-mee', 'lach-mee']),
        ...answers(BEFORE_ANY_VISIT, 'naam-op-cv', ['3', '3']),
      ],
    }),
  });
  assert.equal(sent.status, 200, await sent.text());

  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${hub.url}/presenter/`);
  const visits = page.getByRole('region', { name: 'Locatiebezoeken' });
  await visits.getByRole('button', { name: /Antwoorden van vóór een locatiebezoek/ }).waitFor();
  assert.doesNotMatch(await visits.innerText(), /venue-not-set/, 'the id of "no visit yet" is never shown as a venue visit');

  await visits.getByRole('button', { name: /Hogeschool van Amsterdam/ }).click();
  const ranked = page.getByRole('region', { name: 'Waar het gesprek kan beginnen' });
  await ranked.getByText('Hier wijkt deze locatie het sterkst af van de rest van de tour: 80 procentpunten.').waitFor();
  const items = await ranked.locator('ol.ranked > li').allInnerTexts();
  assert.equal(items.length, 2);
  assert.match(items[0], /^Twee cv's.*wijkt 80 procentpunten af/s);
  assert.match(items[1], /wijkt 0 procentpunten af/);
  assert.ok(items.every((item) => !/\d+\s*%/.test(item)), `no bare percentage in the ranking: ${items.join(' | ')}`);
  // The figure's meaning, one tap away.
  const meaning = ranked.getByText(/Het is geen percentage dat het eens was/);
  assert.equal(await meaning.isVisible(), false);
  await ranked.getByText('Wat betekent dat getal?').click();
  await meaning.waitFor({ state: 'visible' });

  // Every file on offer downloads as what it says (asked from this machine, as the page asks).
  const links = await ranked.locator('a[download]').evaluateAll((as) => as.map((a) => [a.textContent ?? '', a.getAttribute('href') ?? '']));
  assert.deepEqual(links.map(([text]) => text), ['PNG', 'PNG', 'pptx', 'xlsx', 'csv', 'png-grafieken (zip)']);
  const fetched = await Promise.all(links.map(async ([, href]) => {
    const response = await fetch(new URL(href, hub.url));
    return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  }));
  assert.ok(fetched.every((f) => f.status === 200), JSON.stringify(fetched.map((f) => f.status)));
  assert.deepEqual(fetched.map((f) => f.type?.split(';')[0]), ['image/png', 'image/png', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'application/zip']);
  const png = fetched[0].bytes;
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1920, 1080], 'the chart a PNG link gives is the 1920×1080 one');
  const zip = unzipSync(new Uint8Array(fetched[5].bytes));
  assert.deepEqual(Object.keys(zip).sort(), ['1-naam-op-cv.png', '3-grap-over-afkomst.png']);
  assert.ok(Object.values(zip).every((file) => Buffer.from(file).subarray(1, 4).toString() === 'PNG'));
  // The files of the answers from before any visit say what they are, too.
  const before = await fetch(`${hub.url}/v1/lecture/visits/${BEFORE_ANY_VISIT}/lecture.pptx`);
  assert.equal(before.status, 200);
  const title = strFromU8(unzipSync(new Uint8Array(await before.arrayBuffer()))['ppt/slides/slide1.xml']);
  assert.ok(title.includes('<a:t>Antwoorden van vóór een locatiebezoek</a:t>') && !title.includes(BEFORE_ANY_VISIT), 'the title slide names them');
});
