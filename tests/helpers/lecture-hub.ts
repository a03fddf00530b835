// A hub with a lecture to give, for the presenter's tests and screenshots: the real `olifant
// hub` process, a pack's manifest and answers pushed as pillars push them (a pillar's data
// folder for the lecture files is lecture.ts's). The visit to present
// has every question's answers over the floor but the last's; another visit is the rest of the
// tour (one answer of it given a thousand times, for the widest figure); and answers given
// before any visit was started (`venue-not-set`) are there too, as a forgetful crew leaves them.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { BEFORE_ANY_VISIT } from '../../electron/api/lecture.ts';
import { addPillar, startHubProcess, stopProcess } from './hub.ts';
import { tempDir } from './tmp.ts';

const HOUR = '2026-11-24T13:00Z';

interface Manifest {
  id: string;
  version: number;
  questions: Array<{ id: string; answer: { type: 'scale'; steps: number } | { type: 'choice'; options: Array<{ id: string }> } }>;
}

export interface LectureHub {
  url: string;
  child: ChildProcess;
  /** Sends records as pillar-1 (`pillar-2` for the rest of the tour); each batch must be stored. */
  push(records: unknown[], pillar?: string): Promise<void>;
  stop(): Promise<void>;
}

/** A hub in `dir` (a test's own temporary folder unless given), pillar-1 and pillar-2 registered. */
export async function startLectureHub(dir = tempDir()): Promise<LectureHub> {
  const tokens: Record<string, string> = { 'pillar-1': addPillar(dir, 'pillar-1'), 'pillar-2': addPillar(dir, 'pillar-2') };
  const { url, child } = await startHubProcess(dir);
  const push = async (records: unknown[], pillar = 'pillar-1') => {
    // A pillar sends at most 1000 records a batch.
    for (let from = 0; from < records.length; from += 1000) {
      const response = await fetch(`${url}/v1/batches`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[pillar]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ pillar_id: pillar, records: records.slice(from, from + 1000) }),
      });
      assert.equal(response.status, 200, await response.text());
    }
  };
  return { url, child, push, stop: () => stopProcess(child) };
}

/** Answer records, one per value given. */
export function answers(pillar: string, visit: string, pack: { id: string; version: number }, question: string, values: string[], language = 'nl') {
  return values.map((value) => ({ type: 'answer' as const, id: randomUUID(), pillar_id: pillar, venue_session_id: visit, pack_id: pack.id, pack_version: pack.version, question_id: question, value, language, hour: HOUR, suspect: null }));
}

const valuesOf = (question: Manifest['questions'][number]) => (question.answer.type === 'choice' ? question.answer.options.map((o) => o.id) : Array.from({ length: question.answer.steps }, (_, i) => String(i + 1)));
/** `value` `n` times, for each value and count. */
const given = (values: string[], counts: (i: number) => number) => values.flatMap((value, i) => Array<string>(counts(i)).fill(value));

/**
 * Pushes a lecture for `visit` (named `name`) under the pack: every question answered there and
 * at another visit (the rest of the tour; its first question by 1000 people who all gave the
 * first answer), and some before any visit was started. The last question has only 3 answers
 * here (this venue under the floor); of three or more, the one before it only 2 elsewhere (the
 * rest of the tour under the floor); of four or more, the one before that 2 in both (nothing shown).
 */
export async function pushLecture(hub: LectureHub, manifest: Manifest, visit: { id: string; name: string }, other = { id: `${visit.id}-elders`, name: 'Universiteit Utrecht' }): Promise<void> {
  const pack = { id: manifest.id, version: manifest.version };
  const venue = (id: string, pillar: string, name: string) => ({ type: 'venue', id, pillar_id: pillar, name, started_hour: '2026-11-24T08:00Z', ended_hour: null, revision: 1 });
  const here: unknown[] = [];
  const elsewhere: unknown[] = [];
  manifest.questions.forEach((question, q) => {
    const values = valuesOf(question);
    const fromEnd = manifest.questions.length - q;
    const few = (n: number) => values.slice(0, n);
    here.push(...answers('pillar-1', visit.id, pack, question.id, fromEnd === 1 ? few(3) : fromEnd === 3 && q > 0 ? few(2) : given(values, (i) => [9, 0, 4, 13, 2, 7, 5][(i + q) % 7])));
    const there = q === 0 ? Array<string>(1000).fill(values[0]) : fromEnd === 2 || fromEnd === 3 ? few(2) : given(values, (i) => [1, 5, 9, 3, 7, 2, 8][(i + q) % 7]);
    elsewhere.push(...answers('pillar-2', other.id, pack, question.id, there));
  });
  const before = answers('pillar-1', BEFORE_ANY_VISIT, pack, manifest.questions[0].id, given(valuesOf(manifest.questions[0]), () => 2));
  await hub.push([{ type: 'pack', id: pack.id, version: pack.version, manifest }, venue(visit.id, 'pillar-1', visit.name), ...before, ...here]);
  await hub.push([{ type: 'pack', id: pack.id, version: pack.version, manifest }, venue(other.id, 'pillar-2', other.name), ...elsewhere], 'pillar-2');
}
