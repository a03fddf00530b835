// One schema per shape, one checker (content/schema-check.ts): every refusal names the field
// and the rule in words, for records, bundle headers, requests and settings alike; the hub's
// Fastify routes word their Ajv errors the same way (tests/integration/hub.test.ts).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { Shape } from '../../content/schema-check.ts';
import { BUNDLE_HEADER } from '../../electron/api/schemas/sync.ts';
import { ApiError } from '../../electron/api/errors.ts';
import { requestOf, SUBMIT_ANSWER, TEST_DISPENSE } from '../../electron/api/schemas/requests.ts';
import { checkRecord, RecordError } from '../../electron/hub/records.ts';
import { PillarError, Pillars } from '../../electron/hub/pillars.ts';
import { HubStore } from '../../electron/hub/store.ts';
import { tempDir } from '../helpers/tmp.ts';

const answer = (change: Record<string, unknown> = {}) => ({
  type: 'answer', id: randomUUID(), pillar_id: 'pillar-a', venue_session_id: '2026-11-24-hva', pack_id: 'olifant-tour', pack_version: 7,
  question_id: 'naam-op-cv', value: '4', language: 'nl', hour: '2026-11-24T13:00Z', suspect: null, ...change,
});

test('a sync record is refused with its field and the rule in words', () => {
  const refused = (record: unknown, message: string) => assert.throws(() => checkRecord(record, 'records[3]'), (e: unknown) => e instanceof RecordError && e.message === message);
  assert.equal(checkRecord(answer(), 'records[0]').type, 'answer', 'a valid record passes as it is');
  refused(answer({ hour: '2026-11-24T13:27Z' }), 'records[3].hour must be a UTC hour such as "2026-11-24T13:00Z" (nothing finer is sent), not "2026-11-24T13:27Z"');
  refused(answer({ pack_version: 0 }), 'records[3].pack_version must be a whole number from 1 up, not 0');
  refused(answer({ name: 'Jan' }), 'records[3] has an unknown field "name"');
  const { language: _, ...noLanguage } = answer();
  refused(noLanguage, 'records[3] is missing "language"');
  refused(answer({ type: 'vote' }), 'records[3].type must be "answer", "venue" or "pack", not "vote"');
  refused([], 'records[3] must be a record (an object), not []');
  refused({ type: 'venue', id: 'v', pillar_id: 'pillar-a', name: '', started_hour: '2026-11-24T08:00Z', ended_hour: null, revision: 1 }, 'records[3].name must be a name of 1 to 200 characters, not ""');
  refused({ type: 'pack', id: 'olifant-tour', version: 7, manifest: [] }, 'records[3].manifest must be the pack\'s pack.json object, not []');
});

test("a bundle's header is checked by its schema", () => {
  const header = new Shape(BUNDLE_HEADER);
  const good = { format: 'olifant-results/1', pillar_id: 'pillar-a', public_key: `${'A'.repeat(42)}A=`, created_hour: '2026-11-24T13:00Z', counts: { answer: 1, venue: 0, pack: 0 } };
  assert.equal(header.refusal(good, "the bundle's header"), null);
  assert.equal(header.refusal({ ...good, counts: { answer: -1, venue: 0, pack: 0 } }, "the bundle's header")?.message, 'counts.answer must be a whole number from 0 up, not -1');
  assert.equal(header.refusal({ ...good, public_key: 'key' }, "the bundle's header")?.message, 'public_key must be an Ed25519 public key (base64 of its 32 bytes), not "key"');
  assert.deepEqual(header.refusal({ ...good, counts: { answer: 1, venue: 0, pack: 0, vote: 2 } }, "the bundle's header"), { field: 'counts.vote', rule: 'unknown fields', message: 'counts has an unknown field "vote"' });
});

test("the screens' requests are checked by their schemas: a bad-request refusal names the field and the rule", () => {
  const refusal = (schema: Parameters<typeof requestOf>[0], request: unknown) => {
    try {
      requestOf(schema, request);
    } catch (error) {
      assert.ok(error instanceof ApiError && error.failure.code === 'bad-request');
      return error.message;
    }
    return null;
  };
  assert.equal(refusal(TEST_DISPENSE, { slot: 3, sessionKey: null }), null);
  assert.equal(refusal(TEST_DISPENSE, { slot: 9 }), 'slot must be a stack number from 1 to 6, not 9');
  assert.equal(refusal(TEST_DISPENSE, { slot: '3' }), 'slot must be a stack number from 1 to 6, not "3"');
  assert.equal(refusal(TEST_DISPENSE, { slot: 3, sessionKey: 12 }), 'sessionKey must be null, or the key unlock gave this window, not 12');
  assert.equal(refusal(SUBMIT_ANSWER, null), 'the request must be an object, not null');
  assert.equal(refusal(SUBMIT_ANSWER, { answerId: randomUUID(), questionId: 'q', value: 4, language: 'nl', shownMs: 10 }), 'value must be a step number or an option id, as text, not 4');
  assert.equal(refusal(SUBMIT_ANSWER, { answerId: randomUUID(), value: '4', language: 'nl', shownMs: 10 }), 'the request is missing "questionId"');
});

test("a pillar id is checked by its one schema where the hub takes it in (`olifant hub add-pillar`), as the pillar's own file is", () => {
  const store = new HubStore(tempDir('olifant-hub-'));
  const pillars = new Pillars(store);
  const rule = "the pillar id must be up to 60 letters, digits, dashes, underscores or dots, as the pillar's service screen shows it";
  assert.throws(() => pillars.add('Jan Jansen, HvA'), (e: unknown) => e instanceof PillarError && e.message === `${rule}, not "Jan Jansen, HvA"`);
  assert.throws(() => pillars.add('p'.repeat(61)), (e: unknown) => e instanceof PillarError && e.message.startsWith(`${rule}, not "ppp`));
  assert.match(pillars.add('pillar-hva.1_b'), /^[\w-]{43}$/);
  store.close();
});
