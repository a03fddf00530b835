// `olifant serve`: the kiosk UI and its APIs over HTTP on 127.0.0.1, for a plain browser
// (tests, and machines that only have Chromium). POST /api/<method> with a JSON body calls a
// student method, POST /api/operator/<method> an operator method (only from this machine);
// GET /api/events streams KioskEvents (server-sent events).

import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { OPERATOR_METHODS } from '../api/operator.ts';
import { STUDENT_METHODS } from '../api/student.ts';
import { createOlifant, kioskLog, StartupError, type Olifant, type OlifantOptions } from '../core/olifant.ts';
import { httpStatusOf } from '../api/errors.ts';
import { showOutOfOrder, type OutOfOrder } from '../core/out-of-order.ts';
import { defaultDataDir } from '../platform/paths.ts';
import { dispatch } from './dispatch.ts';
import { CONTENT_SECURITY_POLICY, mimeType, resolveStatic } from '../platform/renderer-files.ts';
import { outOfOrderResponse, policyFor } from './static.ts';

export const MAX_BODY = 64 * 1024;
const OPERATOR_PATH = '/api/operator/';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

class HttpRefusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  send(res, status, { ok: false, error: { code: status === 403 ? 'forbidden' : 'bad-request', message } });
}

/** The body, or a 413 refusal once it passes MAX_BODY (declared or sent). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpRefusal(413, `the request is larger than ${MAX_BODY / 1024} KiB`);
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return reject(tooLarge());
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new HttpRefusal(400, `unreadable request: ${(error as Error).message}`);
  }
}

/** Serves on 127.0.0.1 to this machine's pages only: a foreign page (or DNS rebinding) is refused. */
async function listen(port: number, handle: (req: IncomingMessage, res: ServerResponse, url: URL) => unknown): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  let origin = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.host !== url.host || (req.headers.origin && req.headers.origin !== origin)) return refuse(res, 403, 'forbidden');
    return handle(req, res, url);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function startServer(app: Olifant, port = 0, root?: string): Promise<RunningServer> {
  const assetFile = (rel: string) => app.student.assetFile(rel);
  return listen(port, async (req, res, url) => {
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${JSON.stringify({ type: 'connected' })}\n\n`);
      const stop = app.student.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      const beat = setInterval(() => res.write(': beat\n\n'), 15_000);
      req.on('close', () => {
        stop();
        clearInterval(beat);
      });
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      const operator = url.pathname.startsWith(OPERATOR_PATH);
      // The server listens on 127.0.0.1 only; the operator's API says so again, whatever a proxy or a later change may do.
      if (operator && !LOOPBACK.has(req.socket.remoteAddress ?? '')) return refuse(res, 403, 'the operator screen is served to this machine only');
      if (req.method !== 'POST') return refuse(res, 405, 'use POST with a JSON body');
      if (!req.headers['content-type']?.startsWith('application/json')) return refuse(res, 415, 'send the request as application/json');
      let argument: unknown;
      try {
        argument = await readJson(req);
      } catch (error) {
        if (!(error instanceof HttpRefusal)) throw error;
        if (error.status === 413) res.setHeader('connection', 'close');
        return refuse(res, error.status, error.message);
      }
      const outcome = operator
        ? await dispatch({ methods: OPERATOR_METHODS, handlers: app.operator.handlers }, url.pathname.slice(OPERATOR_PATH.length), argument, app.log)
        : await dispatch({ methods: STUDENT_METHODS, handlers: app.student.handlers }, url.pathname.slice('/api/'.length), argument, app.log);
      return send(res, outcome.ok ? 200 : httpStatusOf(outcome.error.code), outcome);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    const file = resolveStatic(url.pathname, assetFile, root);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end(url.pathname === '/' ? 'The kiosk UI is not built: run `npm run build` first.' : 'not found');
    }
    res.writeHead(200, {
      'content-type': mimeType(file),
      'content-security-policy': policyFor(file, root),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
}

/** The out-of-order page at every path, and 503 for the API. */
function startOutOfOrderServer(reason: string, port: number): Promise<RunningServer> {
  return listen(port, (req, res, url) => {
    if (url.pathname.startsWith('/api/')) return send(res, 503, { ok: false, error: { code: 'internal', message: `This pillar is out of order: ${reason}` } });
    const page = outOfOrderResponse(url.pathname, reason);
    res.writeHead(page.status, { 'content-type': page.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : page.body);
  });
}

/**
 * The services and the HTTP server together, running until SIGINT or SIGTERM. When the
 * services cannot start, the server shows why on the out-of-order page instead (app null).
 */
export async function serveKiosk(options: OlifantOptions, port: number): Promise<{ app: Olifant | null; dataDir: string; server: RunningServer; stop: () => Promise<void> }> {
  const dataDir = options.dataDir ?? defaultDataDir();
  let app: Olifant | null = null;
  let broken: OutOfOrder | null = null;
  let server: RunningServer;
  try {
    app = await createOlifant({ ...options, dataDir });
    server = await startServer(app, port);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    broken = showOutOfOrder(options, kioskLog({ ...options, dataDir }));
    server = await startOutOfOrderServer(error.message, port);
  }
  const stop = async () => {
    await server.close();
    await app?.close();
    await broken?.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { app, dataDir, server, stop };
}
