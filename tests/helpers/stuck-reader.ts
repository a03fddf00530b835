// A test double of the hub's reader thread (electron/hub/read-worker.ts) that takes every job
// and never answers: a read that can only end at its deadline.

import { parentPort } from 'node:worker_threads';

parentPort!.on('message', () => {});
