// The hub's routes for pack offers (results-sync-v2.md, "Pack offers"):
// - GET /v2/offers/<offer_id>/files/<path>: a pillar fetches a file of an offer made to it,
//   with its token as for a batch; 404 for an offer that is not its own or a path the offer
//   does not list (nothing a request holds is joined to a path on disk).
// - POST /v2/packs?to=PILLAR&to=...&name=FILE: the organiser publishes a zip of a pack from the
//   hub's page; GET /v2/offers: the pillars and the offers with their states, for that page.
//   Both only on the machine the hub runs on, as the bundle upload.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { PackError } from '../../content/pack.ts';
import { sizeInWords } from '../../content/plain-file.ts';
import type { Clock } from '../../time/clock.ts';
import type { OfferList } from '../api/organiser.ts';
import { Offers, PublishError } from './offers.ts';
import type { Pillars } from './pillars.ts';
import { MAX_PACK_ZIP } from './publish.ts';
import { spool } from './uploads.ts';

const FAILURE = {
  file: 'the hub could not send this file of the offer just now; it is fetched again at the next check-in',
  publish: "the hub could not publish the pack, and nothing of it was kept; try again, and if it fails again, the hub's log (hub.log in its data folder) says why",
  list: 'the hub could not list the offers just now; reload the page in a moment',
} as const;

export interface OfferRouteDeps {
  offers: Offers;
  pillars: Pillars;
  /** The pillar a request's token belongs to; null once it is answered 401 (as for a batch). */
  pillarOf: (request: FastifyRequest, reply: FastifyReply) => Promise<string | null>;
  /** Whether the request comes from the machine the hub runs on (and the hub is not behind a proxy). */
  here: (request: FastifyRequest) => boolean;
  /** Where uploads are written as they arrive. */
  uploads: string;
  clock: Clock;
  deadlines: { page: number; bundle: number };
}

export function offerRoutes(app: FastifyInstance, deps: OfferRouteDeps): void {
  const { offers, pillars } = deps;
  const route = (failure: string, deadline: number) => ({ config: { failure }, handlerTimeout: deadline });

  app.get<{ Params: { offerId: string; '*': string } }>('/v2/offers/:offerId/files/*', route(FAILURE.file, deps.deadlines.bundle), async (request, reply) => {
    const pillarId = await deps.pillarOf(request, reply);
    if (pillarId === null) return reply;
    const found = offers.fileOf(pillarId, request.params.offerId, request.params['*']);
    if (found === null) return reply.code(404).send({ error: 'there is no such file in an offer to this pillar' });
    // A file gone from the hub's data folder: the offer cannot be fetched whole, as if it were not listed.
    const stat = statSync(found.file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return reply.code(404).send({ error: 'this file of the offer is no longer on the hub: the tour organiser publishes the pack again' });
    return reply.type('application/octet-stream').headers({ 'content-length': String(stat.size), 'cache-control': 'no-store' }).send(createReadStream(found.file));
  });

  app.get('/v2/offers', route(FAILURE.list, deps.deadlines.page), (request, reply) => {
    if (!deps.here(request)) return reply.code(403).send({ error: 'the offers are shown only on the machine the hub runs on' });
    const list: OfferList = { pillars: pillars.list().map((p) => ({ id: p.id, name: p.name, revoked: p.revoked === 1 })), offers: offers.list() };
    return list;
  });

  app.post<{ Body: IncomingMessage; Querystring: { to?: string | string[]; name?: string } }>('/v2/packs', route(FAILURE.publish, deps.deadlines.bundle), async (request, reply) => {
    if (!deps.here(request)) return reply.code(403).send({ error: 'packs are published only on the machine the hub runs on' });
    if (typeof request.body?.pipe !== 'function') return reply.code(415).send({ error: 'send the zip of the pack as application/octet-stream' });
    const name = request.query.name ?? 'the zip';
    mkdirSync(deps.uploads, { recursive: true });
    const file = path.join(deps.uploads, `${randomUUID()}.zip`);
    try {
      if (!(await spool(request.body, file, MAX_PACK_ZIP, deps.clock))) {
        reply.header('connection', 'close');
        return reply.code(413).send({ error: `${name} is refused, nothing was published: it is larger than ${sizeInWords(MAX_PACK_ZIP)}, more than a pack can be` });
      }
      const to = [request.query.to ?? []].flat();
      return await offers.publish(file, to, (id) => pillars.get(id), [], name);
    } catch (error) {
      if (error instanceof PackError || error instanceof PublishError) return reply.code(400).send({ error: `${name} is refused, nothing was published: ${error.message}` });
      throw error;
    } finally {
      rmSync(file, { force: true });
    }
  });
}
