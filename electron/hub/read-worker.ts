// A reader thread of the hub (readers.ts): its own read-only connection to the hub's database,
// beside the connection that stores batches (WAL lets readers and the writer run at once).
// Answers one job at a time.

import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { answerRead, type ReadJob } from './reads.ts';

const db = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');

parentPort!.on('message', async (job: ReadJob) => {
  try {
    const answer = await answerRead(db, job);
    if (!('body' in answer)) return parentPort!.postMessage({ answer });
    const body = answer.body instanceof Uint8Array ? new Uint8Array(answer.body) : answer.body;
    parentPort!.postMessage({ answer: { ...answer, body } }, body instanceof Uint8Array ? [body.buffer as ArrayBuffer] : []);
  } catch (error) {
    parentPort!.postMessage({ error: { message: (error as Error).message, stack: (error as Error).stack } });
  }
});
