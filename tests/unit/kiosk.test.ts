import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { createOlifant } from '../../electron/services/app.ts';
import type { ApiHandlers, ApiMethods } from '../../electron/api.ts';
import { ApiError, BURST_ANSWERS } from '../../electron/services/kiosk.ts';

/** The handlers as they are: only dispenseCard answers later. */
type Handlers = Omit<ApiMethods, 'dispenseCard'> & Pick<ApiHandlers, 'dispenseCard'>;
import { dataDir, until } from '../helpers/tmp.ts';

async function kiosk(board = {}) {
  const logs: string[] = [];
  const app = await createOlifant({ dataDir: dataDir(), pillar: 'simulated', simulatedBoard: { dispenseMs: 5, autoTakeMs: null, ...board }, log: (l, m) => logs.push(`${l} ${m}`) });
  after(() => app.close());
  await until(() => app.pillar.status().link === 'connected', 'the simulated pillar');
  return { app, h: app.service.handlers as Handlers, logs };
}

const submit = (questionId: string, value: string, shownMs = 4000) => ({ answerId: randomUUID(), questionId, value, language: 'nl', shownMs });

test('answers are checked against the pack: unknown question, wrong value, wrong language, no uuid', async () => {
  const { app, h } = await kiosk();
  const bad = (request: unknown, message: RegExp) =>
    assert.throws(() => h.submitAnswer(request as never), (e: unknown) => e instanceof ApiError && e.failure.code === 'bad-request' && message.test(e.message));
  bad(submit('nope', '1'), /no question "nope"/);
  bad(submit('naam-op-cv', '6'), /not an answer/);
  bad(submit('naam-op-cv', '0'), /not an answer/);
  bad(submit('past-in-het-team', 'lach-mee'), /not an answer/);
  bad({ ...submit('naam-op-cv', '2'), language: 'de' }, /language "de"/);
  bad({ ...submit('naam-op-cv', '2'), answerId: 'Jan Jansen' }, /random UUID/);
  bad(null, /must be an object/);
  assert.deepEqual([...app.store.all()], []);
});

test('a stored answer has exactly the anonymous fields, the hour and the settings ids', async () => {
  const { app, h } = await kiosk();
  const request = submit('past-in-het-team', 'lijkt-op-ons');
  assert.deepEqual(h.submitAnswer(request), { stored: true, suspect: false });
  assert.deepEqual(h.submitAnswer(request), { stored: false, suspect: false }, 'a repeated request stores nothing new');
  const [row] = [...app.store.all()];
  assert.deepEqual(Object.keys(row), ['id', 'pillar_id', 'venue_session_id', 'pack_id', 'pack_version', 'question_id', 'value', 'language', 'hour', 'suspect']);
  assert.equal(row.pillar_id, 'pillar-test');
  assert.equal(row.venue_session_id, 'venue-test');
  assert.match(row.hour, /^\d{4}-\d\d-\d\dT\d\d:00Z$/);
});

test('too-fast and burst answers are kept but flagged, and left out of what students see', async () => {
  const { app, h } = await kiosk();
  assert.deepEqual(h.submitAnswer(submit('naam-op-cv', '1', 150)), { stored: true, suspect: true });
  // The too-fast answer counts toward the burst too: BURST_ANSWERS within the minute, then flagged.
  for (let i = 1; i < BURST_ANSWERS; i++) assert.equal(h.submitAnswer(submit('naam-op-cv', '2')).suspect, false);
  assert.deepEqual(h.submitAnswer(submit('naam-op-cv', '3')), { stored: true, suspect: true });
  const rows = [...app.store.all()];
  assert.equal(rows.length, BURST_ANSWERS + 1);
  assert.deepEqual(rows.filter((r) => r.suspect).map((r) => r.suspect).sort(), ['burst', 'too-fast']);
  assert.deepEqual(h.results({ questionId: 'naam-op-cv' }).tour, { total: BURST_ANSWERS - 1, counts: { '2': BURST_ANSWERS - 1 } });
});

test('distributions stay hidden below 5 answers, per venue and for the tour', async () => {
  const { h } = await kiosk();
  for (let i = 0; i < 4; i++) h.submitAnswer(submit('promotie-beste-werk', String(i + 1)));
  assert.deepEqual(h.results({ questionId: 'promotie-beste-werk' }).venue, { total: 4, counts: null });
  h.submitAnswer(submit('promotie-beste-werk', '5'));
  assert.deepEqual(h.results({ questionId: 'promotie-beste-werk' }).venue.counts, { '1': 1, '2': 1, '3': 1, '4': 1, '5': 1 });
});

test('the card of the question slot comes out; empty, jammed and waiting-card are reported kindly', async () => {
  const { app, h } = await kiosk({ stock: [5, 5, 0, 5, 5, 5] });
  const board = app.board!;
  assert.deepEqual(await h.dispenseCard({ questionId: 'promotie-beste-werk' }), { status: 'take-card' });
  assert.deepEqual(board.dispensed.map((d) => d.slot), [4]);
  assert.deepEqual(await h.dispenseCard({ questionId: 'naam-op-cv' }), { status: 'gate-full' });
  board.take();
  assert.deepEqual(await h.dispenseCard({ questionId: 'grap-over-afkomst' }), { status: 'empty' });
  board.faults.jamNext.add(1);
  assert.deepEqual(await h.dispenseCard({ questionId: 'naam-op-cv' }), { status: 'jammed' });
  await until(() => app.pillar.status().slots[0] === 'JAM', 'slot 1 to show JAM');
});

test('without a pillar link a card is "unavailable" and answers are still recorded', async () => {
  const { app, h } = await kiosk();
  await app.pillar.stop();
  assert.deepEqual(await h.dispenseCard({ questionId: 'naam-op-cv' }), { status: 'unavailable' });
  assert.equal(h.submitAnswer(submit('naam-op-cv', '4')).stored, true);
});

test('the LED ring follows the mood, and shows out-of-order while the service door is open', async () => {
  const { app, h } = await kiosk();
  const board = app.board!;
  h.setMood({ mood: 'card-ready' });
  await until(() => board.led[0] === 'PULSE' && board.led[2] === '220', 'the card-ready LED');
  board.setService(true);
  await until(() => board.led.join(',') === 'SOLID,200,30,30', 'the out-of-order LED');
  assert.equal(app.pillar.status().serviceOpen, true);
  assert.throws(() => h.setMood({ mood: 'disco' as never }), /unknown mood/);
});

test('a full disk is an error the kiosk can show, and the operator log says what to do', async () => {
  const { app, h, logs } = await kiosk();
  const db = (app.store as unknown as { db: Database.Database }).db;
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
  assert.throws(
    () => { for (let i = 0; i < 200; i++) h.submitAnswer(submit('naam-op-cv', '1')); },
    (e: unknown) => e instanceof ApiError && e.failure.code === 'storage',
  );
  assert.ok(logs.some((l) => /could not store an answer.*free disk space/.test(l)), logs.join('\n'));
});

test('settings: a missing file is written with defaults; bad values are replaced and logged', async () => {
  const dir = dataDir({ idleSeconds: 'soon', trustedKeys: ['not-a-key'], colour: 'pink' });
  const logs: string[] = [];
  const app = await createOlifant({ dataDir: dir, pillar: 'simulated', log: (l, m) => logs.push(`${l} ${m}`) });
  after(() => app.close());
  assert.equal(app.settings.idleSeconds, 45);
  assert.deepEqual(app.settings.trustedKeys, []);
  assert.ok(logs.some((l) => l.includes('"idleSeconds" has an invalid value')));
  assert.ok(logs.some((l) => l.includes('unknown setting "colour"')));
  await app.close();
  const fresh = path.join(dataDir(), 'fresh');
  const app2 = await createOlifant({ dataDir: fresh, pillar: 'simulated', log: () => {} });
  after(() => app2.close());
  const written = JSON.parse(readFileSync(path.join(fresh, 'settings.json'), 'utf8'));
  assert.match(written.pillarId, /^pillar-[0-9a-f]{6}$/);
  assert.equal(written.allowUnsignedPacks, false);
  await app2.close();
});

test('pillar "auto" with no serial ports uses the simulator at once', async () => {
  const logs: string[] = [];
  const started = Date.now();
  const none = await createOlifant({ dataDir: dataDir(), pillar: 'auto', listPorts: async () => [], log: (l, m) => logs.push(`${l} ${m}`) });
  after(() => none.close());
  assert.ok(none.board, 'the simulated board is in use');
  assert.ok(Date.now() - started < 2000, 'no wait for a board that cannot be there');
  assert.ok(logs.some((l) => /no serial ports at start-up: running with the simulated pillar/.test(l)));
});
