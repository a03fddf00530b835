// One way to build an HTTP server (Fastify), for the kiosk's `olifant serve` and the hub alike:
// the same body limit and schema rules, no line per request, and one error handler: every
// refusal in the server's own shape and words, a body over the limit read away before it is
// answered 413 (so the sender sees the answer), and every 500 logged with its route (never its
// URL: a sign-in link's token is in its query) and answered in that route's own words.

import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { once } from 'node:events';
import type { Logger } from './log.ts';
import { wait, type Clock } from '../../time/clock.ts';

/** How long the rest of a refused body is read away, so that the sender sees the refusal. */
export const DRAIN_MS = 10_000;

export type HttpError = Pick<FastifyError, 'message'> & Partial<Pick<FastifyError, 'statusCode' | 'code' | 'validation'>>;

export interface HttpServerOptions {
  /** The largest body a route takes unless it says otherwise (bytes). */
  bodyLimit: number;
  log: FastifyBaseLogger;
  /** Only these addresses may say who the client is (X-Forwarded-For); none unless named. */
  trustProxy?: string[];
  https?: { cert: Buffer; key: Buffer };
  /** A refusal's body: the hub's `{ "error": ... }`, the kiosk's Outcome. */
  refusal: (status: number, message: string) => object;
  /** What a body over the limit is told, unless its route says it in its `config.tooLarge`. */
  tooLarge: string;
  /** What a request that failed (500) is told, unless its route says it in its `config.failure`. */
  failure: string;
  /** A body its route's schema refused, in words (the field and the rule); the validator's own message if none. */
  refusedBody?: (request: FastifyRequest, error: HttpError) => string | undefined;
  /** Errors this server answers its own way (the hub's 503s): the reply, or undefined for the rest. */
  answer?: (error: HttpError, request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;
  /** The clock the drain of a refused body waits on. */
  clock: Clock;
}

/** The route of a request as logs name it. */
export const routeOf = (request: FastifyRequest) => ({ method: request.method, route: request.routeOptions.url ?? '(no route)' });

export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: options.bodyLimit,
    // What is sent is what is checked: no coercing a string into a list, no dropping unknown fields.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    loggerInstance: options.log,
    // Not a line per request (a tour sends many): what went wrong is logged, below.
    logController: new LogController({ disableRequestLogging: true }),
    ...(options.https ? { https: options.https } : {}),
  });
  app.setErrorHandler(async (error: HttpError, request, reply) => {
    const answered = options.answer?.(error, request, reply);
    if (answered) return answered;
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const config = request.routeOptions.config as { failure?: string; tooLarge?: string };
    const words = config.failure ?? options.failure;
    const refused = error.validation ? options.refusedBody?.(request, error) : undefined;
    const message = status === 413 ? (config.tooLarge ?? options.tooLarge) : status === 500 ? words : (refused ?? error.message);
    if (status === 500) request.log.error({ err: error, ...routeOf(request) }, `answered 500: ${words}`);
    if (status === 413 && !request.raw.readableEnded) {
      // Closing on unread bytes resets the connection, and the sender may never see the 413.
      request.raw.resume();
      await Promise.race([once(request.raw, 'end'), wait(options.clock, DRAIN_MS)]);
      reply.header('connection', 'close');
    }
    return reply.code(status).send(options.refusal(status, message));
  });
  return app;
}

/** The kiosk's line logger as the logger Fastify asks for: what it logs, with the route, on the operator's log. */
export function lineLogger(log: Logger): FastifyBaseLogger {
  const at = (level: 'info' | 'warn' | 'error') => (first: unknown, message?: string) => {
    if (typeof first === 'string') return log(level, first);
    const { err, method, route } = (first ?? {}) as { err?: Error; method?: string; route?: string };
    log(level, `${message ?? ''}${route ? ` (${method} ${route})` : ''}${err ? `: ${err.stack ?? err.message}` : ''}`);
  };
  const quiet = () => undefined;
  const logger = { level: 'info', silent: quiet, trace: quiet, debug: quiet, info: at('info'), warn: at('warn'), error: at('error'), fatal: at('error'), child: () => logger };
  return logger as unknown as FastifyBaseLogger;
}
