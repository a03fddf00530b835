// Who answers the lecturer's reads (reads.ts). On a running hub: a few reader threads, each
// with its own read-only connection, so that the event loop is left to the pillars' batches
// and no read holds up another request. A read that outlives its request's deadline (the
// request's signal aborts) is given up: its thread is ended and a new one started when
// needed, so a stuck read never keeps a thread from the next.

import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { answerRead, type ReadAnswer, type ReadJob } from './reads.ts';

export interface Reader {
  run(job: ReadJob, signal?: AbortSignal): Promise<ReadAnswer>;
  close(): Promise<void>;
  /** Reader threads running now (none for reads on the calling thread). */
  readonly size: number;
}

/** A read given up because its request's deadline passed (or the hub is closing). */
export class ReadAbandoned extends Error {
  override name = 'ReadAbandoned';
}

/** Reads on the calling thread, with the connection given: a hub built in-process by a tool, or a test that watches its statements. */
export function inlineReader(db: Database.Database): Reader {
  return { run: (job) => answerRead(db, job), close: async () => {}, size: 0 };
}

interface Task {
  job: ReadJob;
  signal?: AbortSignal;
  resolve: (answer: ReadAnswer) => void;
  reject: (error: Error) => void;
  worker?: Worker;
}

const WORKER = new URL(import.meta.url.endsWith('.ts') ? './read-worker.ts' : './read-worker.js', import.meta.url);

export class ReaderPool implements Reader {
  private readonly file: string;
  private readonly threads: number;
  private readonly workerUrl: URL;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  /** Threads given up and asked to end: counted until they have (one inside SQLite ends only when it returns). */
  private readonly ending = new Set<Worker>();
  private readonly queue: Task[] = [];
  private closed = false;

  /** `workerUrl`: the reader thread's script (read-worker.ts unless told). */
  constructor(options: { file: string; threads: number; workerUrl?: URL }) {
    this.file = options.file;
    this.threads = Math.max(1, options.threads);
    this.workerUrl = options.workerUrl ?? WORKER;
  }

  run(job: ReadJob, signal?: AbortSignal): Promise<ReadAnswer> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new ReadAbandoned('the hub is closing'));
      if (signal?.aborted) return reject(new ReadAbandoned('the request was given up'));
      const task: Task = { job, signal, resolve, reject };
      signal?.addEventListener('abort', () => this.abandon(task, 'the request was given up'), { once: true });
      this.queue.push(task);
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new ReadAbandoned('the hub is closing'));
    const all = [...this.idle.splice(0), ...this.busy.keys(), ...this.ending];
    for (const task of this.busy.values()) task.reject(new ReadAbandoned('the hub is closing'));
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  /** Threads now running (idle, busy, or given up and not ended yet). */
  get size(): number {
    return this.idle.length + this.busy.size + this.ending.size;
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.size < this.threads)) {
      const worker = this.idle.pop() ?? this.spawn();
      const task = this.queue.shift()!;
      task.worker = worker;
      this.busy.set(worker, task);
      // A busy reader keeps the process alive until it answers; an idle one never does.
      worker.ref();
      worker.postMessage(task.job);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.workerUrl, { workerData: { file: this.file } });
    worker.on('message', (message: { answer?: ReadAnswer; error?: { message: string; stack?: string } }) => {
      const task = this.busy.get(worker);
      // A thread given up (its read past its deadline) may still answer before it ends: not taken back.
      if (!task) return;
      this.busy.delete(worker);
      worker.unref();
      if (!this.closed) this.idle.push(worker);
      if (message.answer) task.resolve(withBuffer(message.answer));
      else task.reject(Object.assign(new Error(message.error!.message), { stack: message.error!.stack }));
      this.pump();
    });
    // A thread that failed or ended on its own takes its job with it; the next job gets a new one.
    const gone = (error: Error) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      this.ending.delete(worker);
      const idle = this.idle.indexOf(worker);
      if (idle >= 0) this.idle.splice(idle, 1);
      task?.reject(error);
      if (!this.closed) this.pump();
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`a reader thread ended (exit code ${code})`)));
    return worker;
  }

  private abandon(task: Task, why: string): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) this.queue.splice(queued, 1);
    else if (task.worker && this.busy.get(task.worker) === task) {
      this.busy.delete(task.worker);
      this.ending.add(task.worker);
      void task.worker.terminate();
    } else return;
    task.reject(new ReadAbandoned(why));
    this.pump();
  }
}

/** A file's bytes arrive as a Uint8Array; Fastify sends a Buffer as it is. */
function withBuffer(answer: ReadAnswer): ReadAnswer {
  const body = 'body' in answer ? answer.body : null;
  return body instanceof Uint8Array && !Buffer.isBuffer(body) ? { ...answer, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) } : answer;
}
