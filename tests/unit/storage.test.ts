import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { answersCsv } from '../../electron/kiosk/answers/csv.ts';
import { countAnswers } from '../../electron/results/aggregates.ts';
import { AnswerStore, MIGRATIONS, openAnswerStore } from '../../electron/kiosk/answers/store.ts';
import { ANSWER_FIELDS, hourOf, type Answer } from '../../electron/results/records.ts';
import { tempDir } from '../helpers/tmp.ts';

const answer = (over: Partial<Answer> = {}): Answer => ({
  id: randomUUID(), pillar_id: 'p1', venue_session_id: 'v1', pack_id: 'olifant-tour', pack_version: 1,
  question_id: 'q1', value: '3', language: 'nl', hour: '2026-11-22T14:00Z', suspect: null, ...over,
});

test('a new database is migrated, in WAL mode with synchronous=FULL', () => {
  const file = path.join(tempDir(), 'sub', 'answers.sqlite');
  const store = new AnswerStore(file);
  assert.equal(store.schemaVersion, MIGRATIONS.length);
  const connection = (store as unknown as { db: Database.Database }).db;
  assert.equal(connection.pragma('synchronous', { simple: true }), 2, 'synchronous=FULL on the connection that writes');
  store.close();
  const db = new Database(file);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
  const again = new AnswerStore(file);
  assert.equal(again.schemaVersion, MIGRATIONS.length, 'migrating twice changes nothing');
  again.close();
});

test('a database from a newer app is refused with a clear message, not damaged', () => {
  const file = path.join(tempDir(), 'answers.sqlite');
  const db = new Database(file);
  db.pragma('user_version = 99');
  db.close();
  assert.throws(() => new AnswerStore(file), /^NewerDatabaseError: The answer database is from a newer version of Olifant \(schema 99, this one knows \d+\): update the app\.$/);
});

test('the same answer id stored twice is one answer', () => {
  const store = new AnswerStore(path.join(tempDir(), 'a.sqlite'));
  const a = answer();
  assert.deepEqual(store.insert(a), { stored: true });
  assert.deepEqual(store.insert({ ...a, value: '5' }), { stored: false });
  assert.deepEqual([...store.all()].map((r) => r.value), ['3']);
  store.close();
});

test('counts per value, at a venue and everywhere else, leave suspect answers out', () => {
  const store = new AnswerStore(path.join(tempDir(), 'a.sqlite'));
  store.insert(answer({ value: '1' }));
  store.insert(answer({ value: '1', venue_session_id: 'v2' }));
  store.insert(answer({ value: '2' }));
  store.insert(answer({ value: '2', suspect: 'too-fast' }));
  store.insert(answer({ value: '2', question_id: 'q2' }));
  assert.deepEqual(countAnswers(store.db, 'q1', { venue: 'v1' }), { total: 2, counts: { '1': 1, '2': 1 } });
  assert.deepEqual(countAnswers(store.db, 'q1', { elsewhere: 'v1', minGroup: 1 }), { total: 1, counts: { '1': 1 } });
  assert.deepEqual(countAnswers(store.db, 'q1', { elsewhere: 'v1', minGroup: 2 }), { total: 0, counts: {} }, 'v2 has too few answers to count');
  assert.deepEqual(countAnswers(store.db, 'q1', { tour: true, minGroup: 2 }), { total: 2, counts: { '1': 1, '2': 1 } }, 'the tour: every visit that reaches the floor');
  store.close();
});

test('times are kept to the hour, nothing finer', () => {
  assert.equal(hourOf(new Date('2026-11-22T14:59:59.999Z')), '2026-11-22T14:00Z');
});

test('an answer acknowledged by insert() survives the process being killed at once', async () => {
  const file = path.join(tempDir(), 'a.sqlite');
  const child = spawn(process.execPath, ['-e', `
    const { AnswerStore } = await import(${JSON.stringify(new URL('../../electron/kiosk/answers/store.ts', import.meta.url).href)});
    const store = new AnswerStore(${JSON.stringify(file)});
    for (let i = 0; i < 50; i++) {
      store.insert({ id: 'id-' + i, pillar_id: 'p', venue_session_id: 'v', pack_id: 'x', pack_version: 1, question_id: 'q', value: '1', language: 'nl', hour: 'h', suspect: null });
      process.stdout.write(i + '\\n');
    }
    setInterval(() => {}, 1000);
  `], { stdio: ['ignore', 'pipe', 'inherit'] });
  let acknowledged = -1;
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      acknowledged = Number(chunk.toString().trim().split('\n').at(-1));
      if (acknowledged >= 20) {
        child.kill('SIGKILL');
        resolve();
      }
    });
  });
  await new Promise((r) => child.on('exit', r));
  const store = new AnswerStore(file);
  const stored = [...store.all()].length;
  store.close();
  assert.ok(stored >= acknowledged + 1, `${stored} stored, ${acknowledged + 1} acknowledged before the kill`);
});

test('a full database refuses the write with an error and keeps what it had', () => {
  const file = path.join(tempDir(), 'a.sqlite');
  const store = new AnswerStore(file);
  store.insert(answer());
  // A real SQLITE_FULL: the database is capped at its current size through SQLite's own limit
  // (a full disk cannot be made on this test machine without root mounts).
  const db = (store as unknown as { db: Database.Database }).db;
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
  assert.throws(() => {
    for (let i = 0; i < 1000; i++) store.insert(answer({ value: 'x'.repeat(500) }));
  }, /full/);
  store.close();
  const reopened = new AnswerStore(file);
  assert.ok([...reopened.all()].length >= 1);
  reopened.close();
});

test('an answer with a missing field is refused, not silently dropped; a repeated id is not an error', () => {
  const store = new AnswerStore(path.join(tempDir(), 'a.sqlite'));
  assert.throws(() => store.insert(answer({ value: null as unknown as string })), /NOT NULL/);
  const a = answer();
  store.insert(a);
  assert.deepEqual(store.insert(a), { stored: false });
  store.close();
});

test('the CSV says its hours are UTC: every hour ends in Z', () => {
  const store = new AnswerStore(path.join(tempDir(), 'a.sqlite'));
  store.insert(answer({ hour: hourOf(new Date('2026-11-22T23:30:00+01:00')) }));
  const [header, row] = [...answersCsv(store)];
  store.close();
  assert.equal(header.split(',')[ANSWER_FIELDS.indexOf('hour')], 'hour');
  assert.equal(row.split(',')[ANSWER_FIELDS.indexOf('hour')], '2026-11-22T22:00Z');
});

/** Answers whose ids sort the other way round from the order they were given in. */
const journey = (n: number): Answer[] =>
  Array.from({ length: n }, () => randomUUID()).sort().reverse().map((id, i) => answer({ id, value: String(i) }));
const inIdOrder = (answers: Answer[]): string[] => answers.map((a) => a.value).reverse();

const physicalOrder = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  const values = db.prepare('SELECT value FROM answers').pluck().all() as string[];
  db.close();
  return values;
};

test('no order of giving survives: the table has no rowid, rows lie in id order, the CSV is sorted', () => {
  const file = path.join(tempDir(), 'a.sqlite');
  const store = new AnswerStore(file);
  const given = journey(8);
  for (const a of given) store.insert(a);
  const byId = inIdOrder(given);
  const csvValues = [...answersCsv(store)].slice(1).map((line) => line.split(',')[ANSWER_FIELDS.indexOf('value')]);
  store.close();
  assert.deepEqual(csvValues, byId);
  assert.deepEqual(physicalOrder(file), byId);
  const db = new Database(file, { readonly: true });
  assert.throws(() => db.prepare('SELECT rowid FROM answers').all(), /no such column: rowid/);
  db.close();
});

test('a database from before keeps its answers, loses their order, and keeps no old pages', () => {
  const file = path.join(tempDir(), 'a.sqlite');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  old.exec(MIGRATIONS[0]);
  old.pragma('user_version = 1');
  const given = journey(8);
  const insert = old.prepare(`INSERT INTO answers (${ANSWER_FIELDS.join(', ')}) VALUES (${ANSWER_FIELDS.map((f) => '@' + f).join(', ')})`);
  for (const a of given) insert.run(a);
  old.close();
  const store = new AnswerStore(file);
  assert.equal(store.schemaVersion, MIGRATIONS.length);
  assert.deepEqual(new Set([...store.all()].map((a) => a.id)), new Set(given.map((a) => a.id)));
  const db = (store as unknown as { db: Database.Database }).db;
  assert.equal(db.pragma('freelist_count', { simple: true }), 0, 'vacuumed: no free pages holding old rows');
  assert.equal(statSync(`${file}-wal`).size, 0, 'no old pages in the write-ahead log either');
  store.close();
  assert.deepEqual(physicalOrder(file), inIdOrder(given));
});

/** Opens the store as the kiosk does, keeping the log lines. */
function openLogged(file: string): { store: AnswerStore; logs: string[] } {
  const logs: string[] = [];
  return { store: openAnswerStore(file, (level, message) => logs.push(`${level} ${message}`)), logs };
}

/** Damages the database with `damage` (which returns the damaged files' bytes by suffix), then opens it as the kiosk does. */
function openDamaged(damage: (file: string) => Record<string, Buffer>): void {
  const dir = tempDir();
  const file = path.join(dir, 'answers.sqlite');
  const damaged = damage(file);
  const { store, logs } = openLogged(file);
  assert.deepEqual([...store.all()], [], 'a new, empty database');
  assert.deepEqual(store.insert(answer()), { stored: true });
  store.close();
  const aside = readdirSync(dir).filter((f) => f.startsWith('answers.sqlite.corrupt-') && !/-(wal|shm)$/.test(f));
  assert.equal(aside.length, 1, readdirSync(dir).join(' '));
  for (const [suffix, bytes] of Object.entries(damaged)) assert.deepEqual(readFileSync(path.join(dir, aside[0] + suffix)), bytes, `${suffix || 'the file'} is kept as it was`);
  assert.ok(logs.some((l) => l.startsWith('error ') && l.includes(`moved to ${path.join(dir, aside[0])}`) && /new, empty answer database/.test(l)), logs.join('\n'));
}

test('a damaged database (random bytes) is moved aside untouched, with its -wal, and a new one started', () => {
  openDamaged((file) => {
    const damaged = { '': randomBytes(8192), '-wal': randomBytes(1000) };
    for (const [suffix, bytes] of Object.entries(damaged)) writeFileSync(file + suffix, bytes);
    return damaged;
  });
});

test('a truncated database is moved aside untouched and a new one started', () => {
  openDamaged((file) => {
    const full = new AnswerStore(file);
    for (let i = 0; i < 2000; i++) full.insert(answer({ value: 'x'.repeat(100) }));
    full.close();
    truncateSync(file, Math.floor(statSync(file).size / 2));
    return { '': readFileSync(file) };
  });
});

test('a sound database is opened as it is, nothing moved', () => {
  const dir = tempDir();
  const file = path.join(dir, 'answers.sqlite');
  const first = new AnswerStore(file);
  first.insert(answer());
  first.close();
  const { store, logs } = openLogged(file);
  assert.equal([...store.all()].length, 1);
  store.close();
  assert.deepEqual(logs, []);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('corrupt')), []);
});

/**
 * Where each row of the answers table lies in its page, in id order: SQLite fills a page's
 * cells from its end, one after the other, so these offsets fall in the order rows came in.
 */
function cellOffsets(file: string): number[] {
  const db = new Database(file, { readonly: true });
  const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'answers'").pluck().get() as number;
  db.close();
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const page = bytes.subarray((root - 1) * pageSize, root * pageSize);
  const header = root === 1 ? 100 : 0;
  assert.equal(page[header], 0x0a, 'the table is one leaf page (WITHOUT ROWID: an index b-tree)');
  return Array.from({ length: page.readUInt16BE(header + 3) }, (_, i) => page.readUInt16BE(header + 8 + 2 * i));
}

test('a copy of the file tells no order of giving, down to where rows lie in a page: the kiosk rewrites it at each start', () => {
  const file = path.join(tempDir(), 'a.sqlite');
  const store = openAnswerStore(file, () => {});
  for (const a of journey(8)) store.insert(a);
  store.close();
  const given = cellOffsets(file);
  assert.deepEqual(given, [...given].sort((a, b) => a - b), 'as written, the last answer given (the first id) lies lowest in the page');
  openAnswerStore(file, () => {}).close();
  const rewritten = cellOffsets(file);
  assert.deepEqual(rewritten, [...rewritten].sort((a, b) => b - a), 'after a start, rows lie in id order');
});

test('another program reading the database at start: the kiosk opens it all the same, keeps every answer, and says what waits', () => {
  const file = path.join(tempDir(), 'a.sqlite');
  const first = new AnswerStore(file);
  first.insert({ id: randomUUID(), pillar_id: 'p', venue_session_id: 'v', pack_id: 'x', pack_version: 1, question_id: 'q', value: '1', language: 'nl', hour: '2026-11-22T14:00Z', suspect: null });
  first.close();
  const reader = new Database(file, { timeout: 0 });
  reader.exec('BEGIN');
  reader.prepare('SELECT COUNT(*) FROM answers').get(); // holds a read snapshot, as an export in progress would
  const logs: string[] = [];
  const store = openAnswerStore(file, (l, m) => logs.push(`${l} ${m}`));
  reader.exec('COMMIT');
  reader.close();
  assert.equal([...store.all()].length, 1);
  assert.ok(logs.some((l) => /^warn .*answers are safe, and it is tried again at the next start/.test(l)), logs.join('\n'));
  store.close();
});
