// The hub's HTTP side (Fastify): `POST /v1/batches` exactly as ../shared/results-sync.md
// says. A batch is stored in one transaction, all of it or none; 200 means it is on disk.
// Refusals change nothing and say why in `{ "error": ... }`: 400 malformed, 401 unknown or
// revoked token (repeated failures from one address are answered ever more slowly), 403
// another pillar's records, 413 over 1000 records or 4 MiB. Bundles uploaded on the hub's
// page are written to a file in the data folder as they arrive, then imported from it.
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
import { isReportLanguage } from '../lecture-files/words.ts';
import type { TSchema } from 'typebox';
import { refusalOf, type SchemaError } from '../../content/schema-check.ts';
import { BATCH, BUNDLE_KEY } from '../api/schemas/sync.ts';
import { BundleError } from '../results/bundle.ts';
import { keyFingerprint, MAX_BUNDLE_BYTES, NewPillarKey } from './bundles.ts';
import { BundleImports } from './import-thread.ts';
import { Lecturers, SESSION_COOKIE, SESSION_MS } from './lecturers.ts';
import { hubLog, type HubLog } from './log.ts';
import { LINK_USED_HTML, PAGE_CSP, SIGN_IN_CSP, SIGN_IN_NEEDED_HTML, signInHtml } from './notices.ts';
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
import { NO_TOUR, registerCheckIn, type CheckInParts } from './check-in.ts';
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
  /** What a check-in sets going, part by part; the fleet's health store, no tour figures and no offers unless told. */
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

export function buildHub(store: HubStore, pillars: Pillars, listen: HubOptions = {}): FastifyInstance {
  const maxBundleBytes = listen.maxBundleBytes ?? MAX_BUNDLE_BYTES;
  const deadlines = { ...DEADLINES, ...listen.deadlines };
  /** A route's words when it fails, and its deadline. */
  const route = (words: string, deadline: number) => ({ config: { failure: words }, handlerTimeout: deadline });
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
    // A body its route's schema refuses is said as every refusal is: the field and the rule in words.
    refusedBody: (request, error) => {
      const schema = request.routeOptions.schema?.body as TSchema | undefined;
      const named = (request.routeOptions.config as { body?: string }).body ?? 'the batch';
      return schema && refusalOf(schema, error.validation as SchemaError[], request.body, named)?.message;
    },
    answer: (error, request, reply) => {
      if (error.code === 'FST_ERR_HANDLER_TIMEOUT') {
        const seconds = (request.routeOptions.handlerTimeout ?? 0) / 1000;
        request.log.warn(routeOf(request), `answered 503: not done within its deadline of ${seconds} s`);
        return reply.code(503).header('retry-after', String(RETRY_AFTER_S)).send({ error: `the hub is busy and could not answer within ${seconds} seconds; try again in ${RETRY_AFTER_S} seconds` });
      }
      return error.code?.startsWith('SQLITE_BUSY') ? writeLockBusy(request, reply) : undefined;
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
  /** The database's write lock is another's (a bundle being imported): 503, send again later. */
  const writeLockBusy = (request: FastifyRequest, reply: FastifyReply) => {
    request.log.warn(routeOf(request), 'answered 503: the database was busy (a bundle being imported)');
    return reply.code(503).header('retry-after', String(RETRY_AFTER_S)).send({ error: `the hub is busy importing a bundle; nothing of this request was stored. Try again in ${RETRY_AFTER_S} seconds` });
  };

  // Only requests for this hub, and nothing changed from another site (hosts.ts).
  const ownHosts = new OwnHosts(listen.host, listen.publicHosts ?? []);
  const strangers = new Set<string>();
  app.addHook('onRequest', async (request, reply) => {
    if (!ownHosts.has(request.host)) {
      const name = hostName(request.host) ?? String(request.host);
      if (strangers.size < 100 && !strangers.has(name)) {
        strangers.add(name);
        app.log.warn({ host: name }, 'refused requests for a name that is not this hub\'s (421)');
      }
      await reply.code(421).send({ error: `this hub does not answer to "${name}": it answers to ${ownHosts.list().join(', ')} and this machine's addresses. If pillars or lecturers reach it by that name, start the hub with --public-host ${name}` });
      return reply;
    }
    const cross = crossSite(request.method, request.headers, request.host);
    if (cross) {
      await reply.code(403).send({ error: `${cross}: refused, nothing was changed` });
      return reply;
    }
  });

  /** The pillar a request's bearer token belongs to; else answered 401 (ever more slowly from one address) and null. */
  const pillarOf = async (request: FastifyRequest, reply: FastifyReply): Promise<string | null> => {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer ([\w-]{10,200})$/.exec(header)?.[1];
    const pillarId = token ? pillars.authenticate(token) : null;
    if (pillarId !== null) return pillarId;
    const delay = brake.delayFor(request.ip);
    if (delay > 0) await wait(clock, delay);
    await reply.code(401).send({ error: 'unknown or revoked token: ask the tour organiser for this pillar\'s token (olifant hub add-pillar)' });
    return null;
  };

  app.post<{ Body: { pillar_id: string; records: unknown[] } }>('/v1/batches', { schema: { body: BATCH }, ...route(FAILURE.batch, deadlines.batch) }, async (request, reply) => {
    const pillarId = await pillarOf(request, reply);
    if (pillarId === null) return reply;
    const { pillar_id, records } = request.body;
    if (records.length > MAX_BATCH_RECORDS) return reply.code(413).send({ error: `a batch holds at most ${MAX_BATCH_RECORDS} records; this one has ${records.length}` });
    if (pillar_id !== pillarId) return reply.code(403).send({ error: `the token belongs to pillar ${pillarId}, not ${pillar_id}` });
    let checked: SyncRecord[];
    try {
      checked = records.map((record, i) => checkRecord(record, `records[${i}]`));
    } catch (error) {
      if (error instanceof RecordError) return reply.code(400).send({ error: error.message });
      throw error;
    }
    const foreign = checked.findIndex((r) => r.type !== 'pack' && r.pillar_id !== pillarId);
    if (foreign >= 0) return reply.code(403).send({ error: `records[${foreign}] belongs to pillar ${(checked[foreign] as { pillar_id: string }).pillar_id}, not to ${pillarId}` });
    // A bundle being imported holds the write lock: the batch is not kept waiting for it.
    if (imports.busy) return writeLockBusy(request, reply);
    return store.store(checked, pillarId, 'batch');
  });

  // Packs offered to chosen pillars (offers.ts): answered at their check-ins, fetched from the routes below.
  const offers = new Offers(store, clock);
  // Version 2: the check-in (check-in.ts) and the fleet (fleet-routes.ts), left out of a hub that speaks version 1 only.
  const health = new HealthStore(store.db, clock);
  if ((listen.syncVersion ?? 2) >= 2) {
    const parts: CheckInParts = { recordHealth: (id, record, visit) => health.fromCheckIn(id, record, visit), tourFor: NO_TOUR, offersFor: (id, reports) => offers.offersFor(id, reports), ...listen.checkIn };
    registerCheckIn(app, { parts, pillarOf, clock, deadline: deadlines.batch });
  }

  // The page, and bundles uploaded on it: only for someone at this machine (there is no sign-in yet).
  const here = (request: { socket: { remoteAddress?: string } }) => !proxied && LOOPBACK_PEERS.has(request.socket.remoteAddress ?? '');
  /** A file of the built UI (dist/renderer), with its policy. */
  const built = (reply: FastifyReply, file: string | null, policy = CONTENT_SECURITY_POLICY) =>
    file ? reply.type(mimeType(file)).header('content-security-policy', policy).send(createReadStream(file)) : reply.code(404).type('text/plain; charset=utf-8').send('not found (is the UI built? npm run build)');
  const pages = route(FAILURE.page, deadlines.page);
  // The page: its fleet view for the organiser and signed-in lecturers; bundles are imported only on this machine.
  app.get('/', pages, (request, reply) =>
    lecturer(request) ? built(reply, resolveStatic('/hub/', () => null), PAGE_CSP) : reply.code(403).send({ error: 'the hub\'s page is open only on the machine the hub runs on, and to lecturers signed in' }));
  // The style sheet is for everyone: the sign-in notices use it too.
  app.get('/hub.css', pages, (_request, reply) => built(reply, resolveStatic(HUB_CSS, () => null)));
  // The lecturer's side: the tour, a visit's results, its files, and the presenter page.
  // On this machine no sign-in is needed; from anywhere else (or behind a proxy) a lecturer's session is.
  const lecturers = new Lecturers(store, clock);
  const lecturer = (request: FastifyRequest) => here(request) || lecturers.signedIn(request.cookies[SESSION_COOKIE]);
  const refuseFar = (reply: FastifyReply) => reply.code(401).type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(SIGN_IN_NEEDED_HTML);
  // Opening a sign-in link (a click in a mail, a link preview, a HEAD) spends nothing: it shows
  // a button, and only its POST, from the hub's own page, signs in. So the SameSite=Strict
  // cookie is set by a same-site request, and the browser sends it on to the presenter.
  const linkUsed = (reply: FastifyReply) => reply.code(401).type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(LINK_USED_HTML);
  const linkToken = (token: unknown) => (typeof token === 'string' && /^[\w-]{43}$/.test(token) ? token : null);
  app.get<{ Querystring: { token?: string } }>('/signin', route(FAILURE.signIn, deadlines.page), (request, reply) => {
    const token = linkToken(request.query.token);
    if (token === null || !lecturers.linkValid(token)) return linkUsed(reply);
    return reply.type('text/html; charset=utf-8').header('content-security-policy', SIGN_IN_CSP).header('cache-control', 'no-store').header('referrer-policy', 'same-origin').send(signInHtml(token));
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
  app.post<{ Body: { token?: unknown } }>('/signin', route(FAILURE.signIn, deadlines.page), (request, reply) => {
    const token = linkToken(request.body?.token);
    const session = token === null ? null : lecturers.redeem(token);
    if (session === null) return linkUsed(reply);
    const secure = Boolean(listen.tls) || proxied;
    reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_MS / 1000 });
    return reply.redirect('/presenter/', 303);
  });
  // The lecturer's reads run on reader threads (readers.ts), each within its deadline; a
  // stored manifest that is not a valid pack (from an older hub) is left out, and said.
  const reader = listen.reader ?? new ReaderPool({ file: store.file, threads: READER_THREADS });
  app.addHook('onClose', () => reader.close());
  const read = async (request: FastifyRequest, reply: FastifyReply, job: ReadJob) => {
    if (!lecturer(request)) return refuseFar(reply);
    let answer: ReadAnswer;
    try {
      answer = await reader.run(job, request.signal);
    } catch (error) {
      if (!(error instanceof ReadAbandoned)) throw error;
      // Given up at the deadline: the 503 is on its way already. Else the hub is closing.
      return request.signal.aborted ? reply : reply.code(503).header('retry-after', String(RETRY_AFTER_S)).send({ error: `the hub is stopping; try again in ${RETRY_AFTER_S} seconds` });
    }
    for (const warning of answer.warnings) request.log.warn(warning);
    reply.code(answer.status).headers(answer.headers ?? {});
    if (answer.type) reply.type(answer.type);
    return reply.send(answer.body);
  };
  if ((listen.syncVersion ?? 2) >= 2) {
    registerFleet(app, { store, pillars, health, rules: { ...FLEET_RULES, ...listen.fleet }, clock, here, lecturer, refuseFar, uploads: path.join(store.dir, UPLOADS), route: pages });
  }
  const reads = route(FAILURE.results, deadlines.read);
  app.get('/v1/lecture/overview', reads, (request, reply) => read(request, reply, { read: 'overview' }));
  app.get<{ Params: { id: string } }>('/v1/lecture/visits/:id', reads, (request, reply) => read(request, reply, { read: 'visit', visit: request.params.id }));
  // Files and charts in the lecture's language (?language=nl|en|de|fr, Dutch unless told).
  const language = (request: FastifyRequest<{ Querystring: { language?: string } }>) => (isReportLanguage(request.query.language) ? request.query.language : 'nl');
  app.get<{ Params: { id: string; format: string }; Querystring: { language?: string } }>('/v1/lecture/visits/:id/lecture.:format', route(FAILURE.results, deadlines.file), (request, reply) =>
    read(request, reply, { read: 'file', visit: request.params.id, format: request.params.format, language: language(request) }),
  );
  app.get<{ Params: { id: string; question: string; image: string }; Querystring: { language?: string } }>('/v1/lecture/visits/:id/questions/:question/chart.:image', reads, (request, reply) => {
    const image = request.params.image;
    if (image !== 'svg' && image !== 'png') return reply.code(404).send({ error: 'a chart is chart.svg or chart.png' });
    return read(request, reply, { read: 'chart', visit: request.params.id, question: request.params.question, language: language(request), image });
  });
  // How the hub itself is doing, for the organiser on its machine (and the bench): how late its
  // event loop ran since the last look, its memory, its reader threads.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  app.addHook('onClose', async () => loop.disable());
  app.get('/v1/hub/health', pages, (request, reply) => {
    if (!here(request)) return reply.code(403).send({ error: 'the hub\'s health is shown only on the machine the hub runs on' });
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
  app.post<{ Body: IncomingMessage; Querystring: { name?: string; 'trust-key'?: string } }>('/v1/bundles', route(FAILURE.bundle, deadlines.bundle), async (request, reply) => {
    if (!here(request)) return reply.code(403).send({ error: 'bundles are imported only on the machine the hub runs on' });
    if (typeof request.body?.pipe !== 'function') return reply.code(415).send({ error: 'send the bundle as application/octet-stream' });
    const name = request.query.name ?? 'the bundle';
    const trustKey = request.query['trust-key'];
    if (trustKey !== undefined && !BUNDLE_KEY.test(trustKey)) return reply.code(400).send({ error: `trust-key is not a bundle key; nothing of ${name} was imported` });
    const folder = path.join(store.dir, UPLOADS);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${randomUUID()}.olifant-results`);
    try {
      if (!(await spool(request.body, file, maxBundleBytes, clock))) {
        reply.header('connection', 'close');
        return reply.code(413).send({ error: `${name} is refused, nothing of it was imported: it is larger than ${sizeInWords(maxBundleBytes)}, more than a bundle can be` });
      }
      // Ended only at its deadline: the request's own signal also aborts once its body has been read.
      const deadline = new AbortController();
      request.signal.addEventListener('abort', () => {
        if ((request.signal.reason as { code?: string } | undefined)?.code === 'FST_ERR_HANDLER_TIMEOUT') deadline.abort(request.signal.reason);
      });
      return await imports.run(store.dir, file, { trust: trustKey === undefined ? 'no' : { key: trustKey }, name, signal: deadline.signal });
    } catch (error) {
      if (error instanceof NewPillarKey) {
        return reply.code(409).send({ error: error.message, pillarId: error.pillarId, publicKey: error.publicKey, fingerprint: keyFingerprint(error.publicKey) });
      }
      if (error instanceof BundleError) return reply.code(400).send({ error: error.message });
      throw error;
    } finally {
      rmSync(file, { force: true });
    }
  });

  // Packs offered to chosen pillars: published here, fetched by them (offer-routes.ts).
  offerRoutes(app, { offers, pillars, pillarOf, here, uploads: path.join(store.dir, UPLOADS), clock, deadlines });

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
