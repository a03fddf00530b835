// The fleet's routes on the hub: `GET /v2/fleet`, the fleet view (fleet.ts) the hub's page asks
// for every few seconds, for the organiser and signed-in lecturers; and `POST /v2/health-files`,
// a health file picked on the page (beside a bundle on a stick), imported only on the hub's own
// machine, whole or refused with the reason.

import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../time/clock.ts';
import { sizeInWords } from '../../content/plain-file.ts';
import { BundleError } from '../results/bundle.ts';
import { MAX_HEALTH_FILE_BYTES } from '../results/health-file.ts';
import { importHealthFile } from './bundles.ts';
import { fleetView, type FleetRules } from './fleet.ts';
import type { HealthStore } from './health.ts';
import type { Pillars } from './pillars.ts';
import type { HubStore } from './store.ts';
import { spool } from './uploads.ts';

export interface FleetDoors {
  store: HubStore;
  pillars: Pillars;
  health: HealthStore;
  rules: FleetRules;
  clock: Clock;
  /** The request comes from the hub's own machine. */
  here(request: FastifyRequest): boolean;
  /** The request is the organiser's or a signed-in lecturer's. */
  lecturer(request: FastifyRequest): boolean;
  /** What someone not signed in is answered. */
  refuseFar(reply: FastifyReply): FastifyReply;
  /** Where an upload is written while it arrives. */
  uploads: string;
  /** The routes' options: deadline and words when they fail. */
  route: { config: { failure: string }; handlerTimeout: number };
}

export function registerFleet(app: FastifyInstance, doors: FleetDoors): void {
  app.get('/v2/fleet', doors.route, (request, reply) =>
    doors.lecturer(request) ? { ...fleetView(doors.store.db, doors.clock.now(), doors.rules), onHubMachine: doors.here(request) } : doors.refuseFar(reply));

  app.post<{ Body: IncomingMessage; Querystring: { name?: string } }>('/v2/health-files', doors.route, async (request, reply) => {
    if (!doors.here(request)) return reply.code(403).send({ error: 'health files are imported only on the machine the hub runs on' });
    if (typeof request.body?.pipe !== 'function') return reply.code(415).send({ error: 'send the health file as application/octet-stream' });
    const name = request.query.name ?? 'the health file';
    mkdirSync(doors.uploads, { recursive: true });
    const file = path.join(doors.uploads, `${randomUUID()}.olifant-health`);
    try {
      if (!(await spool(request.body, file, MAX_HEALTH_FILE_BYTES, doors.clock))) {
        reply.header('connection', 'close');
        return reply.code(413).send({ error: `${name} is refused, nothing of it was kept: it is larger than ${sizeInWords(MAX_HEALTH_FILE_BYTES)}, more than a health file can be` });
      }
      return importHealthFile(file, doors.health, doors.pillars, name);
    } catch (error) {
      if (error instanceof BundleError) return reply.code(400).send({ error: error.message });
      throw error;
    } finally {
      rmSync(file, { force: true });
    }
  });
}
