// The settings file and the pillar's identity, on real data folders.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { StudentMethods } from '../../electron/api/student.ts';
import { createKiosk, StartupError } from '../../electron/kiosk/services.ts';
import { SettingsError, SettingsStore, type Settings } from '../../electron/kiosk/settings/settings.ts';
import { hashPin } from '../../electron/kiosk/operator/pin.ts';
import { TestClock } from '../helpers/clock.ts';
import { KEY } from '../helpers/packs.ts';
import { dataDir, tempDir } from '../helpers/tmp.ts';

async function start(dir: string, clock?: TestClock) {
  const logs: string[] = [];
  const app = await createKiosk({ dataDir: dir, pillar: 'simulated', log: (l, m) => logs.push(`${l} ${m}`), clock });
  after(() => app.close());
  return { app, logs };
}

function store(dir: string, clock?: TestClock) {
  const logs: string[] = [];
  const settings = new SettingsStore(dir, (l, m) => logs.push(`${l} ${m}`), clock);
  after(() => settings.close());
  return { settings, logs };
}

const pillarIdFile = (dir: string) => readFileSync(path.join(dir, 'pillar-id'), 'utf8');

test('a missing file is written with defaults; bad values are replaced and logged', async () => {
  const dir = dataDir({ idleSeconds: 'soon', trustedKeys: ['not-a-key'], colour: 'pink' });
  const { app, logs } = await start(dir);
  assert.equal(app.settings.current().idleSeconds, 45);
  assert.deepEqual(app.settings.current().trustedKeys, []);
  assert.ok(logs.some((l) => l.includes('"idleSeconds" has an invalid value "soon"; using 45. It must be a number of seconds from 5 to 3600.')), logs.join('\n'));
  assert.ok(logs.some((l) => l.includes('unknown setting "colour"')));
  await app.close();
  const fresh = path.join(tempDir(), 'fresh');
  const { app: app2 } = await start(fresh);
  const written = JSON.parse(readFileSync(path.join(fresh, 'settings.json'), 'utf8'));
  assert.equal(written.allowUnsignedPacks, false);
  assert.equal('pillarId' in written, false, 'the pillar id has a file of its own');
  assert.match(pillarIdFile(fresh), /^pillar-[0-9a-f]{6}\n$/);
  assert.equal(app2.settings.current().pillarId, pillarIdFile(fresh).trim());
});

test('a settings.json that is not valid JSON keeps the pillar id: the same at every start, and the file is left as it is', async () => {
  const dir = dataDir();
  const { app: first } = await start(dir);
  const id = first.settings.current().pillarId;
  await first.close();
  writeFileSync(path.join(dir, 'settings.json'), '{ "venueSessionId": "venue-x", }');
  const ids: string[] = [id];
  for (let boot = 0; boot < 3; boot++) {
    const { app, logs } = await start(dir);
    ids.push(app.settings.current().pillarId);
    assert.equal(app.settings.current().venueSessionId, 'venue-not-set');
    assert.ok(logs.some((l) => /^error .*settings\.json is not valid JSON .*running on the default settings .*The file is left as it is: correct it/.test(l)), logs.join('\n'));
    await app.close();
  }
  assert.equal(new Set(ids).size, 1, ids.join(' '));
  assert.equal(readFileSync(path.join(dir, 'settings.json'), 'utf8'), '{ "venueSessionId": "venue-x", }');
});

test('the pillarId in settings.json moves into <data dir>/pillar-id on first start, so answers keep their id', async () => {
  const dir = dataDir({ pillarId: 'pillar-hva-1' });
  const { app } = await start(dir);
  assert.equal(pillarIdFile(dir), 'pillar-hva-1\n');
  await app.close();
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ pillarId: 'pillar-other', venueSessionId: 'venue-test' }));
  const { app: again, logs } = await start(dir);
  assert.equal(again.settings.current().pillarId, 'pillar-hva-1', 'the file is made once and wins');
  assert.ok(logs.some((l) => l.startsWith('warn ') && l.includes('"pillarId" in settings.json is not used')), logs.join('\n'));
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), [], 'no temporary file is left');
});

test('a pillarId in settings.json that is no pillar id is not moved: a new id is made, and the log says why', async () => {
  const dir = dataDir({ pillarId: 'Jan Jansen, HvA' });
  const { app, logs } = await start(dir);
  assert.match(pillarIdFile(dir), /^pillar-[0-9a-f]{6}\n$/);
  assert.ok(logs.some((l) => l === 'warn settings.json names no pillar id to keep: its "pillarId" must be up to 60 letters, digits, dashes, underscores or dots, as the pillar\'s service screen shows it, not "Jan Jansen, HvA"'), logs.join('\n'));
  assert.equal(app.settings.current().pillarId, pillarIdFile(dir).trim());
});

test('a damaged pillar-id file stops the kiosk with a sentence saying what to put back, and is left as it is', async () => {
  const dir = dataDir();
  writeFileSync(path.join(dir, 'pillar-id'), 'Jan Jansen, HvA\n');
  await assert.rejects(createKiosk({ dataDir: dir, pillar: 'simulated', log: () => {} }), (e: unknown) =>
    e instanceof StartupError && e.message === `The pillar id file ${path.join(dir, 'pillar-id')} is refused: the pillar id must be up to 60 letters, digits, dashes, underscores or dots, as the pillar's service screen shows it, not "Jan Jansen, HvA". Put back the pillar's id as its only line.`);
  assert.equal(pillarIdFile(dir), 'Jan Jansen, HvA\n');
});

for (const [what, text] of [['null', 'null'], ['a number', '42'], ['a string', '"venue-x"'], ['a list', '[]']]) {
  test(`a settings.json holding ${what}: the kiosk starts on defaults, says what to fix, and leaves the file`, async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'settings.json'), text);
    const { app, logs } = await start(dir);
    assert.equal(app.settings.current().venueSessionId, 'venue-not-set');
    assert.ok(logs.some((l) => l.startsWith('error ') && l.includes(`settings.json holds ${text} instead of settings between { and }: running on the default settings`)), logs.join('\n'));
    assert.equal(readFileSync(path.join(dir, 'settings.json'), 'utf8'), text);
    const answer = { answerId: randomUUID(), questionId: 'naam-op-cv', value: '2', language: 'nl', shownMs: 4000 };
    assert.equal((app.student.handlers as unknown as StudentMethods).submitAnswer(answer).stored, true, 'students can go on answering');
  });
}

test('update(): a valid change is written whole and announced; a bad one is refused with a clear message and changes nothing', () => {
  const dir = dataDir({ colour: 'pink' });
  const { settings } = store(dir);
  const seen: Settings[] = [];
  settings.onChange((s) => seen.push(s));
  assert.equal(settings.update({ venueSessionId: '2026-11-hva-amsterdam', idleSeconds: 60 }).venueSessionId, '2026-11-hva-amsterdam');
  assert.deepEqual(seen.map((s) => [s.venueSessionId, s.idleSeconds]), [['2026-11-hva-amsterdam', 60]]);
  const written = JSON.parse(readFileSync(settings.file, 'utf8'));
  assert.equal(written.venueSessionId, '2026-11-hva-amsterdam');
  assert.equal(written.colour, 'pink', 'what the update does not name stays as it was');
  const before = readFileSync(settings.file, 'utf8');
  const refused = (patch: Record<string, unknown>, message: string) =>
    assert.throws(() => settings.update(patch as Partial<Settings>), (e: unknown) => e instanceof SettingsError && e.message === message);
  refused({ idleSeconds: 2 }, '2 is not a valid idleSeconds: it must be a number of seconds from 5 to 3600.');
  refused({ venueSessionId: 'the hva, amsterdam' }, '"the hva, amsterdam" is not a valid venueSessionId: it must be a name of up to 80 letters, digits, dashes, underscores or dots.');
  refused({ colour: 'red' }, '"colour" is not a setting; the settings are venueSessionId, pillar, pillarPort, idleSeconds, stillThereSeconds, trustedKeys, allowUnsignedPacks, operatorPin, usbRoots, hubUrl, hubToken, stackCards, autoInstallOffers.');
  refused({ pillarId: 'pillar-new' }, `The pillar id is not a setting: it is kept in ${path.join(dir, 'pillar-id')} and does not change.`);
  assert.equal(readFileSync(settings.file, 'utf8'), before);
  assert.equal(seen.length, 1);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), []);
});

test('update() never touches a settings.json it cannot parse: the change is refused and says so', () => {
  const dir = tempDir();
  const file = path.join(dir, 'settings.json');
  writeFileSync(file, '{ venue: here }');
  const { settings } = store(dir);
  assert.throws(() => settings.update({ venueSessionId: 'venue-y' }), (e: unknown) =>
    e instanceof SettingsError && e.message.startsWith(`The settings were not changed: ${file} is not valid JSON (`) && e.message.endsWith('Fix or remove that file first; it is left as it is.'));
  assert.equal(readFileSync(file, 'utf8'), '{ venue: here }');
});

test('a new pillar whose settings.json cannot be read makes no id of its own: it may be in that file', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'settings.json'), '{ "pillarId": "pillar-hva-1", ');
  await assert.rejects(start(dir), (error: Error) => error instanceof StartupError && /no pillar-id file yet, and settings.json is not valid JSON.*Mend settings.json/.test(error.message));
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('pillar-id')), [], 'no id was made');
});

test('a half-saved or mistyped settings.json while the kiosk runs keeps the settings in use, not the defaults', async () => {
  const dir = dataDir();
  const clock = new TestClock();
  const { settings, logs } = store(dir, clock);
  settings.update({ venueSessionId: 'venue-good', idleSeconds: 60 });
  const seen: Settings[] = [];
  settings.onChange((s) => seen.push(s));
  writeFileSync(path.join(dir, 'settings.json'), '{"venueSessionId": "venue-goo');
  await clock.runUntil(() => logs.some((l) => /is not valid JSON .*running on the settings in use \(venue "venue-good"\)/.test(l)), 'the broken file to be noticed', 5000);
  assert.equal(settings.current().venueSessionId, 'venue-good');
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ venueSessionId: 'venue-next', idleSeconds: 'soon' }));
  await clock.runUntil(() => seen.length > 0, 'the mended file to be noticed', 5000);
  assert.equal(settings.current().venueSessionId, 'venue-next');
  assert.equal(settings.current().idleSeconds, 60, 'a bad value keeps the value in use');
});

test('a venue set in settings.json by someone else reaches the running kiosk within seconds', async () => {
  const dir = dataDir();
  const clock = new TestClock();
  const { app } = await start(dir, clock);
  const seen: string[] = [];
  app.settings.onChange((s) => seen.push(s.venueSessionId));
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ venueSessionId: 'venue-next' }));
  await clock.runUntil(() => seen.length > 0, 'the settings change to be noticed', 5000);
  assert.deepEqual(seen, ['venue-next']);
  assert.equal(app.settings.current().venueSessionId, 'venue-next');
  const answer = { answerId: randomUUID(), questionId: 'naam-op-cv', value: '2', language: 'nl', shownMs: 4000 };
  (app.student.handlers as unknown as StudentMethods).submitAnswer(answer);
  assert.equal(app.store.get(answer.answerId)?.venue_session_id, 'venue-next');
});

test('the log says which setting changed, and how, never the PIN or the token themselves', () => {
  const { settings, logs } = store(dataDir({ venueSessionId: 'venue-a' }));
  const changes = () => logs.filter((l) => l.startsWith('info settings changed: ')).map((l) => l.slice('info settings changed: '.length));
  const pin = hashPin('48213');
  settings.update({ hubUrl: 'https://hub.olifant-tour.nl', hubToken: 'token-0123456789' });
  settings.update({ operatorPin: pin });
  settings.update({ usbRoots: ['/srv/usb'] });
  settings.update({ trustedKeys: [KEY.publicKey] });
  settings.update({ operatorPin: null, hubToken: 'token-9876543210' });
  settings.update({ venueSessionId: 'venue-b' });
  assert.deepEqual(changes(), [
    'hubUrl null → "https://hub.olifant-tour.nl"; hubToken set',
    'operatorPin set',
    'usbRoots [] → ["/srv/usb"]',
    `trustedKeys added ${KEY.publicKey.slice(0, 8)}…`,
    'operatorPin removed; hubToken changed',
    'venueSessionId "venue-a" → "venue-b"',
  ]);
  assert.ok(!logs.some((l) => l.includes(pin) || l.includes('token-0123456789') || l.includes('token-9876543210')), 'no secret in the log');
});
