// The lecture files a pillar writes to the crew's stick ("Zet de resultaten op de USB-stick")
// compare with the rest of the tour the pillar last heard from a hub, as the hub's files for
// the same visit do, and say on the first slide and the first sheet what that rest covers and
// as of when; without figures from a hub, that it is the pillar's own earlier visits. Read
// back with fflate, not with the libraries that wrote them.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { HealthRecord, TourFigures } from '../../electron/api/check-in.ts';
import { AnswerStore } from '../../electron/kiosk/answers/store.ts';
import { exportToStick } from '../../electron/kiosk/report/to-stick.ts';
import { pillarKey } from '../../electron/kiosk/sync/identity.ts';
import { Outbox } from '../../electron/kiosk/sync/outbox.ts';
import type { ReceivedTour } from '../../electron/kiosk/tour/kept.ts';
import { seedLecture, VISIT } from '../helpers/lecture.ts';
import { dataDir, tempDir } from '../helpers/tmp.ts';

const part = (zip: Record<string, Uint8Array>, name: string) => strFromU8(zip[name]);
/** The series names of each chart of a pptx, in slide order. */
const seriesOf = (zip: Record<string, Uint8Array>) =>
  Object.keys(zip).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
    .map((f) => [...part(zip, f).matchAll(/<c:tx>\s*<c:strRef>.*?<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]));

async function exported(tour: ReceivedTour | null) {
  const dir = dataDir();
  await seedLecture(dir);
  const store = new AnswerStore(path.join(dir, 'answers.sqlite'));
  try {
    const health: HealthRecord = { type: 'health', pillar_id: 'pillar-r', clock: '2026-11-24T13:07Z', app_version: '1.4.0', pack: null, dispenser: 'ok', cards_left: null, last_answer_hour: null, disk_free_mb: 1024, uptime_minutes: 60, errors: {} };
    const done = await exportToStick(tempDir('olifant-usb-'), { store, outbox: new Outbox(store), key: pillarKey(dir), pillarId: 'pillar-r', venueId: VISIT, health, tour });
    const file = (ext: string) => unzipSync(readFileSync(done.lectureFiles.find((f) => f.endsWith(ext))!));
    return { pptx: file('.pptx'), xlsx: file('.xlsx') };
  } finally {
    store.close();
  }
}

test("a pillar's lecture files use the tour's figures it last received, and say so on the first slide and sheet", async () => {
  const tour: TourFigures = {
    visit: VISIT,
    as_of_hour: '2026-11-24T12:00Z',
    questions: [
      { pack_id: 'olifant-tour', question_id: 'naam-op-cv', total: 8, counts: { 1: 5, 3: 3 } },
      { pack_id: 'olifant-tour', question_id: 'past-in-het-team', total: null, counts: null },
      { pack_id: 'olifant-tour', question_id: 'grap-over-afkomst', total: 7, counts: { 'later-apart': 7 } },
    ],
  };
  const { pptx, xlsx } = await exported({ received: '2026-11-24T13:07Z', tour });
  // The hour (Amsterdam time) on one line: its spaces do not break.
  const covers = 'Rest van de tour: alle andere locaties, stand 24\u00a0nov,\u00a014:00';
  assert.ok(part(pptx, 'ppt/slides/slide1.xml').includes(covers), 'on the title slide');
  assert.ok(part(xlsx, 'xl/sharedStrings.xml').includes(covers), 'on the first sheet');
  // naam-op-cv: 6 here against the hub's 8; past-in-het-team: 4 here, and the hub's rest under the floor;
  // grap-over-afkomst: 5 here against the hub's 7 (the pillar's own earlier visit had 3, never shown).
  assert.deepEqual(seriesOf(pptx), [['Deze locatie (6 antwoorden)', 'Rest van de tour (8 antwoorden)'], ['Deze locatie (5 antwoorden)', 'Rest van de tour (7 antwoorden)']]);
  const strings = part(xlsx, 'xl/sharedStrings.xml');
  assert.ok(!strings.includes('eerdere bezoeken van deze zuil'));
});

test("without figures from a hub, the files compare with the pillar's own earlier visits, and say that", async () => {
  const { pptx, xlsx } = await exported(null);
  const covers = 'Rest van de tour: eerdere bezoeken van deze zuil';
  assert.ok(part(pptx, 'ppt/slides/slide1.xml').includes(covers));
  assert.ok(part(xlsx, 'xl/sharedStrings.xml').includes(covers));
  assert.deepEqual(seriesOf(pptx), [['Deze locatie (6 antwoorden)', 'Rest van de tour (5 antwoorden)'], ['Rest van de tour (6 antwoorden)'], ['Deze locatie (5 antwoorden)']]);
});
