import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { createKiosk } from '../../electron/kiosk/services.ts';
import type { StudentHandlers, StudentMethods } from '../../electron/api/student.ts';
import { ApiError } from '../../electron/api/errors.ts';
import { BURST_ANSWERS, BURST_WINDOW_MS } from '../../electron/kiosk/student/service.ts';
import { MIN_GROUP } from '../../electron/results/floor.ts';

/** The handlers as they are: only dispenseCard answers later. */
type Handlers = Omit<StudentMethods, 'dispenseCard'> & Pick<StudentHandlers, 'dispenseCard'>;
import { TestClock } from '../helpers/clock.ts';
import { dataDir, until } from '../helpers/tmp.ts';

async function kiosk(board = {}, clock?: TestClock) {
  const logs: string[] = [];
  const app = await createKiosk({ dataDir: dataDir(), pillar: 'simulated', simulatedBoard: { dispenseMs: 5, autoTakeMs: null, ...board }, log: (l, m) => logs.push(`${l} ${m}`), clock });
  after(() => app.close());
  await until(() => app.pillar.status().link === 'connected', 'the simulated pillar');
  return { app, h: app.student.handlers as Handlers, logs };
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
  assert.deepEqual(h.results({ questionId: 'naam-op-cv' }).venue, { total: BURST_ANSWERS - 1, counts: { '2': BURST_ANSWERS - 1 } });
});

test('hammering is counted per minute on the kiosk\'s clock: past the minute of a burst, answers count again', async () => {
  const clock = new TestClock();
  const { h } = await kiosk({}, clock);
  for (let i = 0; i < BURST_ANSWERS; i++) assert.equal(h.submitAnswer(submit('naam-op-cv', '2')).suspect, false);
  assert.equal(h.submitAnswer(submit('naam-op-cv', '2')).suspect, true, 'one more within the minute is a burst');
  await clock.advance(BURST_WINDOW_MS - 1);
  assert.equal(h.submitAnswer(submit('naam-op-cv', '2')).suspect, true, 'still within the minute of the first');
  await clock.advance(2);
  assert.equal(h.submitAnswer(submit('naam-op-cv', '2')).suspect, false, 'past the minute, the burst is over');
});

test('distributions stay hidden below 5 answers, per venue and for the tour', async () => {
  const { h } = await kiosk();
  for (let i = 0; i < 4; i++) h.submitAnswer(submit('promotie-beste-werk', String(i + 1)));
  assert.deepEqual(h.results({ questionId: 'promotie-beste-werk' }).venue, { total: null, counts: null });
  h.submitAnswer(submit('promotie-beste-werk', '5'));
  assert.deepEqual(h.results({ questionId: 'promotie-beste-werk' }).venue.counts, { '1': 1, '2': 1, '3': 1, '4': 1, '5': 1 });
});

/** Stores an answer and returns its id, for the card request. */
const answered = (h: Handlers, questionId: string, value: string, shownMs?: number) => {
  const request = submit(questionId, value, shownMs);
  h.submitAnswer(request);
  return { answerId: request.answerId };
};

test('the card of the answered question comes out; empty, jammed and waiting-card are reported kindly', async () => {
  const { app, h } = await kiosk({ stock: [5, 5, 0, 5, 5, 5] });
  const board = app.board!;
  assert.deepEqual(await h.dispenseCard(answered(h, 'promotie-beste-werk', '2')), { status: 'take-card' });
  assert.deepEqual(board.dispensed.map((d) => d.slot), [4]);
  const waiting = answered(h, 'naam-op-cv', '1');
  assert.deepEqual(await h.dispenseCard(waiting), { status: 'gate-full' });
  board.take();
  assert.deepEqual(await h.dispenseCard(waiting), { status: 'take-card' }, 'nothing moved for a full gate: asked again once it is taken');
  board.take();
  assert.deepEqual(await h.dispenseCard(answered(h, 'grap-over-afkomst', 'later-apart')), { status: 'empty' });
  board.faults.jamNext.add(1);
  assert.deepEqual(await h.dispenseCard(answered(h, 'naam-op-cv', '3')), { status: 'jammed' });
  await until(() => app.pillar.status().slots[0] === 'JAM', 'slot 1 to show JAM');
});

test('one card per stored answer: repeated and concurrent requests, unknown ids and suspect answers get no second card', async () => {
  const { app, h } = await kiosk();
  const board = app.board!;
  const once = answered(h, 'naam-op-cv', '2');
  const outcomes = await Promise.all([h.dispenseCard(once), h.dispenseCard(once), h.dispenseCard(once)]);
  assert.deepEqual(outcomes.map((o) => o.status), ['take-card', 'take-card', 'take-card']);
  board.take();
  assert.deepEqual(await h.dispenseCard(once), { status: 'take-card' }, 'the first outcome again, and no card');
  assert.equal(board.dispensed.length, 1);
  await assert.rejects(async () => h.dispenseCard({ answerId: randomUUID() }), /no stored answer/);
  await assert.rejects(async () => h.dispenseCard({ questionId: 'naam-op-cv' } as never), /answerId/);
  assert.deepEqual(await h.dispenseCard(answered(h, 'naam-op-cv', '2', 100)), { status: 'unavailable' }, 'a too-fast answer earns no card');
  assert.equal(board.dispensed.length, 1);
});

test('without a pillar link a card is "unavailable" and answers are still recorded', async () => {
  const { app, h } = await kiosk();
  await app.pillar.stop();
  assert.deepEqual(await h.dispenseCard(answered(h, 'naam-op-cv', '4')), { status: 'unavailable' });
  assert.equal([...app.store.all()].length, 1);
});

test('the LED ring follows the mood, and shows out-of-order while the service door is open', async () => {
  const { app, h } = await kiosk();
  const board = app.board!;
  h.setMood({ mood: 'card-ready' });
  await until(() => board.led[0] === 'PULSE' && board.led[2] === '220', 'the card-ready LED');
  board.setService(true);
  await until(() => board.led.join(',') === 'SOLID,200,30,30', 'the out-of-order LED');
  assert.equal(app.pillar.status().serviceOpen, true);
  assert.throws(() => h.setMood({ mood: 'disco' as never }), /mood must be "attract", "in-use" or "card-ready", not "disco"/);
});

test("the crew's LED test shows the rainbow for 3 s on the kiosk's clock, then the ring shows what the kiosk shows again", async () => {
  const clock = new TestClock();
  const { app } = await kiosk({}, clock);
  const board = app.board!;
  const ring = () => board.led.join(',');
  board.setService(true);
  await clock.runUntil(() => ring() === 'SOLID,200,30,30', 'the out-of-order LED while the door is open', 0);
  await app.operator.handlers.testLed({});
  await clock.runUntil(() => ring() === 'RAINBOW', 'the rainbow', 0);
  await clock.advance(2999);
  assert.equal(ring(), 'RAINBOW', 'for 3 s');
  await clock.advance(1);
  await clock.runUntil(() => ring() === 'SOLID,200,30,30', 'the ring back to what the kiosk shows', 0);
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

test('pillar "auto" never swaps in the simulator: no board means no card, said so, and the kiosk keeps looking', async () => {
  let ports: string[] = [];
  let asked = 0;
  // The kiosk's clock is the test's: the 10 s a card waits for a board, and the looks a quarter of a second apart, go by at once.
  const clock = new TestClock();
  const app = await createKiosk({ dataDir: dataDir(), pillar: 'auto', listPorts: async () => (asked++, ports), log: () => {}, clock });
  after(() => app.close());
  const h = app.student.handlers as Handlers;
  assert.equal(app.board, null, 'no simulated board');
  assert.equal(h.kiosk().simulatedPillar, false);
  await clock.runUntil(() => app.pillar.status().problem !== null, 'the pillar status to say what is wrong');
  assert.match(app.pillar.status().problem!, /No pillar controller found/);
  let card: unknown = null;
  void Promise.resolve(h.dispenseCard(answered(h, 'naam-op-cv', '2'))).then((outcome) => (card = outcome));
  const asked0 = clock.now();
  await clock.runUntil(() => card !== null, 'the card request to be answered', 10_000);
  assert.deepEqual(card, { status: 'unavailable' }, 'no card is promised');
  assert.equal(clock.now() - asked0, 10_000, 'after the 10 s a board gets to come back');
  const before = asked;
  await clock.runUntil(() => asked > before + 2, 'the kiosk to keep looking for the board', 1000);
  ports = ['/dev/does-not-exist'];
  // Opening the port fails on the computer's own time: its looks are awaited as they come.
  await until(async () => (await clock.advance(250), asked > before + 4), 'the kiosk to keep looking once a port appears');
  assert.equal(app.pillar.status().link, 'connecting');
});

test('the simulator runs only when asked for, and says so', async () => {
  const { h } = await kiosk();
  assert.equal(h.kiosk().simulatedPillar, true);
});

test('the privacy floor holds against subtraction: a venue is compared with the rest of the tour, each under the floor', async () => {
  const earlier = dataDir({ venueSessionId: 'venue-earlier' });
  const first = await createKiosk({ dataDir: earlier, pillar: 'simulated', log: () => {} });
  for (let i = 0; i < 2; i++) (first.student.handlers as Handlers).submitAnswer(submit('naam-op-cv', '1'));
  await first.close();
  // The same data folder at the next venue: 2 answers elsewhere (under the floor), the floor's number here.
  writeFileSync(path.join(earlier, 'settings.json'), JSON.stringify({ pillarId: 'pillar-test', venueSessionId: 'venue-here' }));
  const app = await createKiosk({ dataDir: earlier, pillar: 'simulated', log: () => {} });
  after(() => app.close());
  const h = app.student.handlers as Handlers;
  assert.ok(2 < MIN_GROUP, 'the earlier visit is under the floor');
  for (let i = 0; i < MIN_GROUP; i++) h.submitAnswer(submit('naam-op-cv', '5'));
  const results = h.results({ questionId: 'naam-op-cv' });
  assert.deepEqual(results.venue, { total: MIN_GROUP, counts: { '5': MIN_GROUP } });
  assert.deepEqual(results.elsewhere, { total: null, counts: null }, 'the 2 earlier answers cannot be read off');
  assert.equal('tour' in results, false, 'no total that contains this venue');
});

test('elsewhere counts only venue visits that reach the floor: a small visit cannot be read off between two venues', async () => {
  const dir = dataDir({ venueSessionId: 'venue-a' });
  const visit = async (venue: string, values: string[]) => {
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ venueSessionId: venue }));
    const app = await createKiosk({ dataDir: dir, pillar: 'simulated', log: () => {} });
    for (const value of values) (app.student.handlers as Handlers).submitAnswer(submit('naam-op-cv', value));
    const results = (app.student.handlers as Handlers).results({ questionId: 'naam-op-cv' });
    await app.close();
    return results;
  };
  await visit('venue-small', Array(MIN_GROUP - 1).fill('1'));
  const atB = await visit('venue-b', ['2', '2', '3', '3', '4', '5']);
  assert.deepEqual(atB.venue.counts, { '2': 2, '3': 2, '4': 1, '5': 1 }, 'venue-b reaches the floor');
  const atC = await visit('venue-c', Array(MIN_GROUP).fill('5'));
  // Were venue-small counted, elsewhere at C minus B's own figures would give its answers away.
  assert.deepEqual(atC.elsewhere, { total: 6, counts: { '2': 2, '3': 2, '4': 1, '5': 1 } });
});

test("the student's API returns only what the kiosk screens show of the pillar: whether a card can come, and whether one waits", async () => {
  const { app, h } = await kiosk();
  const events: unknown[] = [];
  app.student.onEvent((event) => events.push(event));
  assert.deepEqual(h.kiosk().pillar, { connected: true, cardInGate: false }, 'no port, firmware, stacks or problems: those are the operator\'s');
  await h.dispenseCard(answered(h, 'naam-op-cv', '2'));
  await until(() => h.kiosk().pillar.cardInGate, 'the card to wait in the gate');
  const pillarEvents = events.filter((e) => (e as { type: string }).type === 'pillar');
  assert.ok(pillarEvents.length > 0, 'the gate change was told');
  for (const event of pillarEvents) assert.deepEqual(Object.keys((event as { pillar: object }).pillar).sort(), ['cardInGate', 'connected']);
  assert.deepEqual(pillarEvents.at(-1), { type: 'pillar', pillar: { connected: true, cardInGate: true } });
});
