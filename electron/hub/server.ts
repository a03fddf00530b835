// The hub's HTTP side (Fastify): `POST /v1/batches` exactly as ../shared/results-sync.md
// says. A batch is stored in one transaction, all of it or none; 200 means it is on disk.
// Refusals change nothing and say why in `{ "error": ... }`: 400 malformed, 401 unknown or
// revoked token (repeated failures from one address are answered ever more slowly), 403
// another pillar's records, 413 over 1000 records or 4 MiB. Every refusal is one of the error
// vocabulary's (api/errors.ts), thrown as an ApiError and answered by refuse(); a request's path
// and query are checked by their schemas (api/schemas/). Bundles uploaded on the hub's page are
// written to a file in the data folder as they arrive, then imported from it.
// It listens on 127.0.0.1 unless told otherwise, and beyond it only with TLS or behind a proxy
// (whose addresses are named: only they may say who the client is). Every 500 is written to
// the hub's log (log.ts) with its route, and answered in that route's own words.

import fastifyCookie from '@fastify/cookie';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Pillars } from './pillars.ts';
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, type SyncRecord } from '../api/sync.ts';
import { CONTENT_SECURITY_POLICY, mimeType, resolveStatic } from '../platform/renderer-files.ts';
import { sizeInWords } from '../../content/plain-file.ts';
import type { TSchema } from 'typebox';
import { refusalOf, type SchemaError } from '../../content/schema-check.ts';
import { ApiError, httpStatusOf } from '../api/errors.ts';
import { BUNDLE_UPLOAD, CHART_PATH, FILE_PATH, IN_LANGUAGE, VISIT_PATH, type BundleUpload, type ChartPath, type FilePath, type InLanguage, type VisitPath } from '../api/schemas/lecture.ts';
import { BATCH } from '../api/schemas/sync.ts';
import { BundleError } from '../results/bundle.ts';
import { keyFingerprint, MAX_BUNDLE_BYTES, NewPillarKey } from './bundles.ts';
import { BundleImports } from './import-thread.ts';
import { Lecturers, SESSION_COOKIE } from './lecturers.ts';
import { signInRoutes } from './sign-in-routes.ts';
import { hubLog, type HubLog } from './log.ts';
import { PAGE_CSP, SIGN_IN_NEEDED_HTML } from './notices.ts';
import { crossSite, hostName, OwnHosts } from './hosts.ts';
import { FailureBrake } from './brake.ts';
import { systemClock, wait, type Clock } from '../../time/clock.ts';
import { checkRecord, RecordError } from './records.ts';
import { spool } from './uploads.ts';
import { Offers } from './offers.ts';
import { offerRoutes } from './offer-routes.ts';
import { createHttpServer, routeOf } from '../platform/http-server.ts';
import { ReadAbandoned, ReaderPool, type Reader } from './readers.ts';
import type { ReadAnswer, ReadJob } from './reads.ts';
import type { HubHealth } from '../api/organiser.ts';
import type { HubStore } from './store.ts';
import { registerCheckIn, type CheckInParts } from './check-in.ts';
import { TourFiguresCache } from './tour-figures.ts';
import { HealthStore } from './health.ts';
import { FLEET_RULES, type FleetRules } from './fleet.ts';
import { registerFleet } from './fleet-routes.ts';

/** The hub page's style sheet in the built UI, under a name that stays (renderer/vite.config.ts). */
const HUB_CSS = '/assets/hub.css';

/** Where uploaded bundles are written while they arrive, in the hub's data folder. */
const UPLOADS = 'uploads';

interface HubListen {
  port: number;
  /** 127.0.0.1 by default; any other address needs `tls` or `behindProxy`. */
  host?: string;
  tls?: { cert: string; key: string };
  /**
   * The addresses (or CIDR ranges) of the reverse proxy in front, which terminates TLS. Only a
   * request from one of them may say who the client is (X-Forwarded-For); with a proxy, no
   * request counts as coming from this machine.
   */
  behindProxy?: string[];
  /** Names pillars and browsers reach the hub by, beyond loopback and this machine's own name and addresses. */
  publicHosts?: string[];
}

/** A hub that may not start as asked, in the organiser's words. */
export class HubConfigError extends Error {
  override name = 'HubConfigError';
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

type HubOptions = Omit<HubListen, 'port'> & {
  /** The largest bundle an upload may be (MAX_BUNDLE_BYTES unless told). */
  maxBundleBytes?: number;
  /** Where the hub logs; `hub.log` in the data folder unless told. */
  log?: HubLog;
  /** What slows down refused tokens, per client address. */
  brake?: FailureBrake;
  /** What the refusals' delays and the lecturers' links and sessions are timed on. */
  clock?: Clock;
  /** Who answers the lecturer's reads: READER_THREADS reader threads unless told. */
  reader?: Reader;
  /** How long a request may take before it is answered 503 (ms); DEADLINES unless told. */
  deadlines?: Partial<typeof DEADLINES>;
  /** 1: a hub of results sync version 1, without check-ins (for the compatibility tests); 2 unless told. */
  syncVersion?: 1 | 2;
  /** What a check-in sets going, part by part; the fleet's health store, the tour's figures and the offers unless told. */
  checkIn?: Partial<CheckInParts>;
  /** When the fleet view says a pillar needs someone; FLEET_RULES unless told. */
  fleet?: Partial<FleetRules>;
};

/** Reader threads of a hub: the lecturer's reads run beside the event loop that takes batches. */
const READER_THREADS = 2;

/**
 * Every request's deadline (ms): past it, the request is answered 503 with a time to try again,
 * and a read still running is given up. A batch or a page is quick; a lecture file is made;
 * a bundle of up to 1 GiB is uploaded and imported on the hub's own machine.
 */
const DEADLINES = { batch: 30_000, page: 10_000, read: 10_000, file: 60_000, bundle: 30 * 60_000 };
/** How long the hub's event loop waits for the database's write lock (ms). */
const WRITE_LOCK_WAIT_MS = 250;
/** What a 503 asks the sender to wait before trying again (s). */
const RETRY_AFTER_S = 5;

/** What a route says when it fails (500): its own words, set as its `config.failure`. */
const FAILURE = {
  batch: 'the hub could not store the batch; send it again later',
  bundle: 'the hub could not import the bundle, and nothing of it was imported; try again later, and if it fails again, the hub\'s log (hub.log in its data folder) says why',
  results: 'the hub could not read the results just now; try again, and if it fails again, the hub\'s log (hub.log in its data folder) says why',
  signIn: 'the hub could not sign you in just now; try the link again in a moment',
  page: 'the hub could not send this page just now; reload it in a moment',
} as const;

const behindProxy = (listen: Pick<HubListen, 'behindProxy'>) => (listen.behindProxy ?? []).length > 0;

/** A refusal of the error vocabulary as the hub answers every one: the vocabulary's status, and `{ "error": ... }` with what the refusal adds. */
function refuse(reply: FastifyReply, refusal: ApiError): FastifyReply {
  const { details, retryAfterS } = refusal.refusing;
  if (retryAfterS !== undefined) reply.header('retry-after', String(retryAfterS));
  return reply.code(httpStatusOf(refusal.failure.code)).send({ error: refusal.message, ...details });
}

/** The schema-checked parts of a request, by the name Fastify gives the part a schema refused. */
const PARTS = { body: (r: FastifyRequest) => r.body, params: (r: FastifyRequest) => r.params, querystring: (r: FastifyRequest) => r.query } as const;

export function buildHub(store: HubStore, pillars: Pillars, listen: HubOptions = {}): FastifyInstance {
  const maxBundleBytes = listen.maxBundleBytes ?? MAX_BUNDLE_BYTES;
  const deadlines = { ...DEADLINES, ...listen.deadlines };
  /** A route's words when it fails, and its deadline. */
  const route = (words: string, deadline: number) => ({ config: { failure: words }, handlerTimeout: deadline });
  /** The database's write lock is another's (a bundle being imported): 503, send again later. */
  const writeLockBusy = (request: FastifyRequest) => {
    request.log.warn(routeOf(request), 'answered 503: the database was busy (a bundle being imported)');
    return new ApiError('busy', `the hub is busy importing a bundle; nothing of this request was stored. Try again in ${RETRY_AFTER_S} seconds`, { retryAfterS: RETRY_AFTER_S });
  };
  const own = listen.log ? null : hubLog(store.dir, false);
  const clock = listen.clock ?? systemClock;
  const proxied = behindProxy(listen);
  const app = createHttpServer({
    bodyLimit: MAX_BATCH_BYTES,
    // Only the named proxy may say who the client is; from anyone else X-Forwarded-For is ignored.
    trustProxy: listen.behindProxy,
    log: (listen.log ?? own!.log) as FastifyBaseLogger,
    ...(listen.tls ? { https: { cert: readFileSync(listen.tls.cert), key: readFileSync(listen.tls.key) } } : {}),
    // Every refusal as the contract's `{ "error": ... }`, whatever part of Fastify refused.
    refusal: (_status, error) => ({ error }),
    tooLarge: `the batch is larger than ${sizeInWords(MAX_BATCH_BYTES)}`,
    failure: FAILURE.page,
    clock,
    // A request its route's schema refuses is said as every refusal is: the field and the rule
    // in words. A body is named by its route (the batch unless it says); a path's or a query's fields are named alone.
    refusedRequest: (request, error) => {
      const part = error.validationContext as keyof typeof PARTS;
      const schema = request.routeOptions.schema?.[part] as TSchema | undefined;
      const body = (request.routeOptions.config as { body?: string }).body ?? 'the batch';
      return schema && refusalOf(schema, error.validation as SchemaError[], PARTS[part](request), part === 'body' ? body : '')?.message;
    },
    answer: (error, request, reply) => {
      if (error instanceof ApiError) return refuse(reply, error);
      if (error.code === 'FST_ERR_HANDLER_TIMEOUT') {
        const seconds = (request.routeOptions.handlerTimeout ?? 0) / 1000;
        request.log.warn(routeOf(request), `answered 503: not done within its deadline of ${seconds} s`);
        return refuse(reply, new ApiError('busy', `the hub is busy and could not answer within ${seconds} seconds; try again in ${RETRY_AFTER_S} seconds`, { retryAfterS: RETRY_AFTER_S }));
      }
      return error.code?.startsWith('SQLITE_BUSY') ? refuse(reply, writeLockBusy(request)) : undefined;
    },
  });
  if (own) app.addHook('onClose', async () => own.close());
  // The event loop waits for the write lock only a moment (a bundle being imported holds it):
  // a batch that cannot have it is answered 503, and sent again later.
  store.db.pragma(`busy_timeout = ${WRITE_LOCK_WAIT_MS}`);
  // Once the hub is stopping, the requests in hand are answered and their connections closed,
  // so that the hub does not wait for keep-alive connections to idle out.
  let stopping = false;
  app.addHook('preClose', async () => {
    stopping = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (stopping) reply.header('connection', 'close');
  });
  void app.register(fastifyCookie);
  const brake = listen.brake ?? new FailureBrake(clock);
  const imports = new BundleImports();

  // Only requests for this hub, and nothing changed from another site (hosts.ts).
  const ownHosts = new OwnHosts(listen.host, listen.publicHosts ?? []);
  const strangers = new Set<string>();
  app.addHook('onRequest', async (request) => {
    if (!ownHosts.has(request.host)) {
      const name = hostName(request.host) ?? String(request.host);
      if (strangers.size < 100 && !strangers.has(name)) {
        strangers.add(name);
        app.log.warn({ host: name }, 'refused requests for a name that is not this hub\'s (421)');
      }
      throw new ApiError('wrong-host', `this hub does not answer to "${name}": it answers to ${ownHosts.list().join(', ')} and this machine's addresses. If pillars or lecturers reach it by that name, start the hub with --public-host ${name}`);
    }
    const cross = crossSite(request.method, request.headers, request.host);
    if (cross) throw new ApiError('forbidden', `${cross}: refused, nothing was changed`);
  });

  /** The pillar a request's bearer token belongs to; else refused 401 (ever more slowly from one address). */
  const pillarOf = async (request: FastifyRequest): Promise<string> => {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer ([\w-]{10,200})$/.exec(header)?.[1];
    const pillarId = token ? pillars.authenticate(token) : null;
    if (pillarId !== null) return pillarId;
    const delay = brake.delayFor(request.ip);
    if (delay > 0) await wait(clock, delay);
    throw new ApiError('not-signed-in', 'unknown or revoked token: ask the tour organiser for this pillar\'s token (olifant hub add-pillar)');
  };

  app.post<{ Body: { pillar_id: string; records: unknown[] } }>('/v1/batches', { schema: { body: BATCH }, ...route(FAILURE.batch, deadlines.batch) }, async (request) => {
    const pillarId = await pillarOf(request);
    const { pillar_id, records } = request.body;
    if (records.length > MAX_BATCH_RECORDS) throw new ApiError('too-large', `a batch holds at most ${MAX_BATCH_RECORDS} records; this one has ${records.length}`);
    if (pillar_id !== pillarId) throw new ApiError('forbidden', `the token belongs to pillar ${pillarId}, not ${pillar_id}`);
    let checked: SyncRecord[];
    try {
      checked = records.map((record, i) => checkRecord(record, `records[${i}]`));
    } catch (error) {
      throw error instanceof RecordError ? new ApiError('bad-request', error.message) : error;
    }
    const foreign = checked.findIndex((r) => r.type !== 'pack' && r.pillar_id !== pillarId);
    if (foreign >= 0) throw new ApiError('forbidden', `records[${foreign}] belongs to pillar ${(checked[foreign] as { pillar_id: string }).pillar_id}, not to ${pillarId}`);
    // A bundle being imported holds the write lock: the batch is not kept waiting for it.
    if (imports.busy) throw writeLockBusy(request);
    return store.store(checked, pillarId, 'batch');
  });

  // Version 2 (docs/results-sync-v2.md), left out of a hub that speaks version 1 only: the
  // check-in (check-in.ts), the fleet (fleet-routes.ts) and pack offers (offers.ts, offer-routes.ts).
  const version2 = (listen.syncVersion ?? 2) >= 2;
  const health = new HealthStore(store.db, clock);
  const offers = new Offers(store, clock);
  if (version2) {
    const tour = new TourFiguresCache(store.db);
    const parts: CheckInParts = { recordHealth: (id, record, visit) => health.fromCheckIn(id, record, visit), tourFor: (visit) => tour.for(visit), offersFor: (id, reports) => offers.offersFor(id, reports), ...listen.checkIn };
    registerCheckIn(app, { parts, pillarOf, clock, deadline: deadlines.batch });
  }

  // The page, and bundles uploaded on it: only for someone at this machine (there is no sign-in yet).
  const here = (request: { socket: { remoteAddress?: string } }) => !proxied && LOOPBACK_PEERS.has(request.socket.remoteAddress ?? '');
  /** Refuses a request from anywhere but this machine before anything else is done, saying what is `only` here. */
  const onlyHere = (only: string) => async (request: FastifyRequest) => {
    if (!here(request)) throw new ApiError('forbidden', `${only} only on the machine the hub runs on`);
  };
  /** A file of the built UI (dist/renderer), with its policy. */
  const built = (reply: FastifyReply, file: string | null, policy = CONTENT_SECURITY_POLICY) =>
    file ? reply.type(mimeType(file)).header('content-security-policy', policy).send(createReadStream(file)) : reply.code(httpStatusOf('not-found')).type('text/plain; charset=utf-8').send('not found (is the UI built? npm run build)');
  const pages = route(FAILURE.page, deadlines.page);
  // The page: its fleet view for the organiser and signed-in lecturers; bundles are imported only on this machine.
  const lecturerOrHere = async (request: FastifyRequest) => {
    if (!lecturer(request)) throw new ApiError('forbidden', "the hub's page is open only on the machine the hub runs on, and to lecturers signed in");
  };
  app.get('/', { ...pages, onRequest: lecturerOrHere }, (_request, reply) => built(reply, resolveStatic('/hub/', () => null), PAGE_CSP));
  // The style sheet is for everyone: the sign-in notices use it too.
  app.get('/hub.css', pages, (_request, reply) => built(reply, resolveStatic(HUB_CSS, () => null)));
  // The lecturer's side: the tour, a visit's results, its files, and the presenter page.
  // On this machine no sign-in is needed; from anywhere else (or behind a proxy) a lecturer's session is.
  const lecturers = new Lecturers(store, clock);
  const lecturer = (request: FastifyRequest) => here(request) || lecturers.signedIn(request.cookies[SESSION_COOKIE]);
  const refuseFar = (reply: FastifyReply) => reply.code(httpStatusOf('not-signed-in')).type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(SIGN_IN_NEEDED_HTML);
  signInRoutes(app, { lecturers, secure: Boolean(listen.tls) || proxied, route: route(FAILURE.signIn, deadlines.page) });
  // The lecturer's reads run on reader threads (readers.ts), each within its deadline; a
  // stored manifest that is not a valid pack (from an older hub) is left out, and said.
  const reader = listen.reader ?? new ReaderPool({ file: store.file, threads: READER_THREADS });
  app.addHook('onClose', () => reader.close());
  const read = async (request: FastifyRequest, reply: FastifyReply, job: ReadJob) => {
    let answer: ReadAnswer;
    try {
      answer = await reader.run(job, request.signal);
    } catch (error) {
      if (!(error instanceof ReadAbandoned)) throw error;
      // Given up at the deadline: the 503 is on its way already. Else the hub is closing.
      if (request.signal.aborted) return reply;
      throw new ApiError('busy', `the hub is stopping; try again in ${RETRY_AFTER_S} seconds`, { retryAfterS: RETRY_AFTER_S });
    }
    for (const warning of answer.warnings) request.log.warn(warning);
    if ('refused' in answer) throw new ApiError(answer.refused.code, answer.refused.message);
    reply.headers(answer.headers ?? {});
    if (answer.type) reply.type(answer.type);
    return reply.send(answer.body);
  };
  // A lecturer's, each: someone who is none is sent to sign in before anything is checked or read.
  const lecturerOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!lecturer(request)) return refuseFar(reply);
  };
  if (version2) registerFleet(app, { store, pillars, health, rules: { ...FLEET_RULES, ...listen.fleet }, clock, here, lecturerOnly, onlyHere, uploads: path.join(store.dir, UPLOADS), route: pages });
  const reads = { ...route(FAILURE.results, deadlines.read), onRequest: lecturerOnly };
  app.get('/v1/lecture/overview', reads, (request, reply) => read(request, reply, { read: 'overview' }));
  app.get<{ Params: VisitPath }>('/v1/lecture/visits/:id', { ...reads, schema: { params: VISIT_PATH } }, (request, reply) => read(request, reply, { read: 'visit', visit: request.params.id }));
  // Files and charts in the lecture's language (?language=nl|en|de|fr, Dutch unless told).
  const files = { ...route(FAILURE.results, deadlines.file), onRequest: lecturerOnly, schema: { params: FILE_PATH, querystring: IN_LANGUAGE } };
  app.get<{ Params: FilePath; Querystring: InLanguage }>('/v1/lecture/visits/:id/lecture.:format', files, (request, reply) =>
    read(request, reply, { read: 'file', visit: request.params.id, format: request.params.format, language: request.query.language ?? 'nl' }),
  );
  app.get<{ Params: ChartPath; Querystring: InLanguage }>('/v1/lecture/visits/:id/questions/:question/chart.:image', { ...reads, schema: { params: CHART_PATH, querystring: IN_LANGUAGE } }, (request, reply) => {
    const { id, question, image } = request.params;
    return read(request, reply, { read: 'chart', visit: id, question, language: request.query.language ?? 'nl', image });
  });
  // How the hub itself is doing, for the organiser on its machine (and the bench): how late its
  // event loop ran since the last look, its memory, its reader threads.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  app.addHook('onClose', async () => loop.disable());
  app.get('/v1/hub/health', { ...pages, onRequest: onlyHere("the hub's health is shown") }, () => {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const health: HubHealth = {
      eventLoopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
      residentBytes: process.memoryUsage.rss(),
      readerThreads: reader.size,
    };
    loop.reset();
    return health;
  });
  app.get('/presenter/*', pages, (request, reply) => serveRenderer(request, reply));
  app.get('/assets/*', pages, (request, reply) => serveRenderer(request, reply));
  const serveRenderer = (request: FastifyRequest, reply: FastifyReply) =>
    lecturer(request) ? built(reply, resolveStatic(new URL(request.url, 'http://hub').pathname, () => null)) : refuseFar(reply);

  // A bundle is not held in memory: its bytes go to a file as they arrive, and are read from there.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  const uploads = { ...route(FAILURE.bundle, deadlines.bundle), onRequest: onlyHere('bundles are imported'), schema: { querystring: BUNDLE_UPLOAD } };
  app.post<{ Body: IncomingMessage; Querystring: BundleUpload }>('/v1/bundles', uploads, async (request, reply) => {
    if (typeof request.body?.pipe !== 'function') throw new ApiError('wrong-type', 'send the bundle as application/octet-stream');
    const name = request.query.name ?? 'the bundle';
    const trustKey = request.query['trust-key'];
    const folder = path.join(store.dir, UPLOADS);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${randomUUID()}.olifant-results`);
    try {
      if (!(await spool(request.body, file, maxBundleBytes, clock))) {
        reply.header('connection', 'close');
        throw new ApiError('too-large', `${name} is refused, nothing of it was imported: it is larger than ${sizeInWords(maxBundleBytes)}, more than a bundle can be`);
      }
      // Ended only at its deadline: the request's own signal also aborts once its body has been read.
      const deadline = new AbortController();
      request.signal.addEventListener('abort', () => {
        if ((request.signal.reason as { code?: string } | undefined)?.code === 'FST_ERR_HANDLER_TIMEOUT') deadline.abort(request.signal.reason);
      });
      return await imports.run(store.dir, file, { trust: trustKey === undefined ? 'no' : { key: trustKey }, name, signal: deadline.signal });
    } catch (error) {
      if (error instanceof NewPillarKey) {
        throw new ApiError('needs-confirmation', error.message, { details: { pillarId: error.pillarId, publicKey: error.publicKey, fingerprint: keyFingerprint(error.publicKey) } });
      }
      throw error instanceof BundleError ? new ApiError('bad-request', error.message) : error;
    } finally {
      rmSync(file, { force: true });
    }
  });

  if (version2) offerRoutes(app, { offers, pillars, pillarOf, here, uploads: path.join(store.dir, UPLOADS), clock, deadlines });

  return app;
}

/** Starts the hub as asked; resolves with the URL pillars and browsers use. */
export async function startHub(store: HubStore, pillars: Pillars, listen: HubListen & Pick<HubOptions, 'fleet'>): Promise<{ url: string; close: () => Promise<void> }> {
  const host = listen.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !listen.tls && !behindProxy(listen)) {
    throw new HubConfigError(`the hub listens on ${host} only with TLS (--tls-cert and --tls-key) or behind a reverse proxy that adds it (--behind-proxy ITS_ADDRESS): answers and tokens must not cross a network in the clear`);
  }
  // What an upload left behind when the hub was stopped in the middle of it.
  rmSync(path.join(store.dir, UPLOADS), { recursive: true, force: true });
  const log = hubLog(store.dir, true);
  const app = buildHub(store, pillars, { ...listen, log: log.log });
  app.addHook('onClose', async () => log.close());
  await app.listen({ port: listen.port, host });
  const { port } = app.server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { url: `${listen.tls ? 'https' : 'http'}://${shown}:${port}`, close: () => app.close() };
}
