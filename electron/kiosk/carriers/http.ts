// `olifant serve`: the kiosk UI and its APIs over HTTP on 127.0.0.1, for a plain browser
// (tests, and machines that only have Chromium), on Fastify like the hub (platform/http-server.ts).
// POST /api/<method> with a JSON body calls a student method, POST /api/operator/<method> an
// operator method (only from this machine); GET /api/events streams KioskEvents (server-sent
// events). A route per method on its role's allow-list, its request checked by its schema
// (api/schemas/requests.ts) before the handler; an operator request only by the handler, after
// it has checked the session, so that a caller without one learns nothing but "forbidden".

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { TSchema } from 'typebox';
import { OPERATOR_METHODS, type OperatorMethod } from '../../api/operator.ts';
import { DISPENSE_CARD, requestOf, RESULTS, SET_MOOD, SUBMIT_ANSWER, UNLOCK } from '../../api/schemas/requests.ts';
import { STUDENT_METHODS, type StudentMethod } from '../../api/student.ts';
import { createKiosk, kioskLog, StartupError, type Kiosk, type KioskOptions } from '../services.ts';
import { failureOfStatus, httpStatusOf, type FailureCode } from '../../api/errors.ts';
import { showOutOfOrder, type OutOfOrder } from '../out-of-order.ts';
import { createHttpServer, lineLogger } from '../../platform/http-server.ts';
import type { Logger } from '../../platform/log.ts';
import { defaultDataDir } from '../../platform/paths.ts';
import { systemClock, type Clock } from '../../../time/clock.ts';
import { dispatch, type RoleApi } from './dispatch.ts';
import { CONTENT_SECURITY_POLICY, mimeType, resolveStatic } from '../../platform/renderer-files.ts';
import { outOfOrderResponse, policyFor } from './static.ts';

export const MAX_BODY = 64 * 1024;
const OPERATOR_PATH = '/api/operator/';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** How often the event stream says it is still there, so that nothing between closes it as idle (ms). */
const HEARTBEAT_MS = 15_000;

/** The requests checked by their schema before the handler runs. */
const STUDENT_BODIES: Partial<Record<StudentMethod, TSchema>> = { submitAnswer: SUBMIT_ANSWER, results: RESULTS, dispenseCard: DISPENSE_CARD, setMood: SET_MOOD };
const OPERATOR_BODIES: Partial<Record<OperatorMethod, TSchema>> = { unlock: UNLOCK };

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** A refusal as every answer of the API is: an Outcome, its code the vocabulary's for the status. */
const refusal = (status: number, message: string) => ({ ok: false, error: { code: failureOfStatus(status), message } });

/** Refuses with one of the vocabulary's codes, at its status (a pillar out of order: a fault inside, said as 503, the service unavailable). */
const refuse = (reply: FastifyReply, code: FailureCode, message: string, status = httpStatusOf(code)) => reply.code(status).header('cache-control', 'no-store').send({ ok: false, error: { code, message } });

/** Serves on 127.0.0.1 to this machine's pages only: a foreign page (or DNS rebinding) is refused. */
async function listen(port: number, log: Logger, clock: Clock, routes: (app: FastifyInstance) => void): Promise<RunningServer> {
  const app = createHttpServer({
    bodyLimit: MAX_BODY,
    log: lineLogger(log),
    clock,
    refusal,
    tooLarge: `the request is larger than ${MAX_BODY / 1024} KiB`,
    failure: 'the kiosk could not answer just now; try again, and if it fails again, the log says why',
  });
  let origin = '';
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.host !== new URL(origin).host || (request.headers.origin && request.headers.origin !== origin)) return refuse(reply, 'forbidden', 'forbidden');
  });
  routes(app);
  await app.listen({ port, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    close: async () => {
      const closed = app.close();
      // The event streams too: they end only when their connection does.
      app.server.closeAllConnections();
      await closed;
    },
  };
}

/** The JSON body, none when empty; a body that is not JSON is refused in words. */
function jsonBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      done(Object.assign(new Error(`unreadable request: ${(error as Error).message}`), { statusCode: 400 }), undefined);
    }
  });
}

function apiRoutes(app: FastifyInstance, olifant: Kiosk): void {
  jsonBodies(app);
  app.addHook('onRequest', async (request, reply) => {
    // The server listens on 127.0.0.1 only; the operator's API says so again, whatever a proxy or a later change may do.
    if (request.url.startsWith(OPERATOR_PATH) && !LOOPBACK.has(request.socket.remoteAddress ?? '')) return refuse(reply, 'forbidden', 'the operator screen is served to this machine only');
  });
  const role = (prefix: string, api: RoleApi, bodies: Partial<Record<string, TSchema>>) => {
    const call = async (request: FastifyRequest, reply: FastifyReply) => {
      const outcome = await dispatch(api, new URL(request.url, 'http://kiosk').pathname.slice(prefix.length), request.body, olifant.log, (code) => olifant.health.countError(code));
      return reply.code(outcome.ok ? 200 : httpStatusOf(outcome.error.code)).header('cache-control', 'no-store').send(outcome);
    };
    const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.headers['content-type']?.startsWith('application/json')) return refuse(reply, 'wrong-type', 'send the request as application/json');
    };
    // The schema checks with the handler's own words (requestOf): one rule, said once.
    const validatorCompiler = ({ schema }: { schema: TSchema }) => (value: unknown) => {
      try {
        return { value: requestOf(schema, value) };
      } catch (error) {
        return { error: error as Error };
      }
    };
    for (const method of api.methods) app.post(`${prefix}${method}`, { onRequest, validatorCompiler, ...(bodies[method] ? { schema: { body: bodies[method] } } : {}) }, call);
    // A method off the list: the dispatcher says which.
    app.post(`${prefix}*`, { onRequest }, call);
  };
  role(OPERATOR_PATH, { methods: OPERATOR_METHODS, handlers: olifant.operator.handlers }, OPERATOR_BODIES);
  role('/api/', { methods: STUDENT_METHODS, handlers: olifant.student.handlers }, STUDENT_BODIES);
  app.route({ method: ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'], url: '/api/*', handler: (_request, reply) => refuse(reply, 'wrong-method', 'use POST with a JSON body') });

  app.get('/api/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`data: ${JSON.stringify({ type: 'connected' })}\n\n`);
    const stop = olifant.student.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const beat = olifant.clock.setInterval(() => res.write(': beat\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      stop();
      olifant.clock.clear(beat);
    });
  });
}

/** The built UI's files, with their policy; any other method than GET or HEAD is refused. */
function fileRoutes(app: FastifyInstance, olifant: Kiosk, root?: string): void {
  const serve = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(reply, 'wrong-method', 'method not allowed');
    const urlPath = new URL(request.url, 'http://kiosk').pathname;
    const file = resolveStatic(urlPath, (rel) => olifant.student.assetFile(rel), root);
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send(urlPath === '/' ? 'The kiosk UI is not built: run `npm run build` first.' : 'not found');
    reply.type(mimeType(file)).headers({ 'content-security-policy': policyFor(file, root), 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
    return request.method === 'HEAD' ? reply.send() : reply.send(createReadStream(file));
  };
  app.route({ method: ['GET', 'HEAD'], url: '/*', exposeHeadRoute: false, handler: serve });
  app.setNotFoundHandler(serve);
}

export function startServer(olifant: Kiosk, port = 0, root?: string): Promise<RunningServer> {
  return listen(port, olifant.log, olifant.clock, (app) => {
    apiRoutes(app, olifant);
    fileRoutes(app, olifant, root);
  });
}

/** The out-of-order page at every path, and 503 for the API. */
function startOutOfOrderServer(reason: string, port: number, log: Logger, clock: Clock): Promise<RunningServer> {
  return listen(port, log, clock, (app) => {
    // Whatever is sent is read and let be: the answer is the same.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
    app.all('/*', (request, reply) => {
      const urlPath = new URL(request.url, 'http://kiosk').pathname;
      if (urlPath.startsWith('/api/')) return refuse(reply, 'internal', `This pillar is out of order: ${reason}`, 503);
      const page = outOfOrderResponse(urlPath, reason);
      reply.code(page.status).type(page.type).headers({ 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
      return reply.send(request.method === 'HEAD' ? undefined : page.body);
    });
  });
}

/**
 * The services and the HTTP server together, running until SIGINT or SIGTERM. When the
 * services cannot start, the server shows why on the out-of-order page instead (app null).
 */
export async function serveKiosk(options: KioskOptions, port: number): Promise<{ app: Kiosk | null; dataDir: string; server: RunningServer; stop: () => Promise<void> }> {
  const dataDir = options.dataDir ?? defaultDataDir();
  let app: Kiosk | null = null;
  let broken: OutOfOrder | null = null;
  let server: RunningServer;
  try {
    app = await createKiosk({ ...options, dataDir });
    server = await startServer(app, port);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    const log = kioskLog({ ...options, dataDir });
    broken = showOutOfOrder(options, log);
    server = await startOutOfOrderServer(error.message, port, log, options.clock ?? systemClock);
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
