// `POST /v2/check-in` (docs/results-sync-v2.md): a pillar says how it is, and the hub answers
// with what it needs: the tour's figures for its visit and the packs offered to it. The token
// is checked as for a batch; the body by its schema (400, naming the field and the rule, the
// hub keeping nothing of it), 64 KiB at most (413); a check-in or health record of another
// pillar is 403. The hub's three parts are handed in: the fleet keeps the health record, the
// tour's figures and the offers answer from their own caches.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../api/errors.ts';
import { SYNC_VERSION, type CheckIn, type CheckInAnswer, type HealthRecord, type Offer, type OfferReport, type TourFigures } from '../api/check-in.ts';
import { CHECK_IN, MAX_CHECK_IN_BYTES } from '../api/schemas/check-in.ts';
import { sizeInWords } from '../../content/plain-file.ts';
import type { Clock } from '../../time/clock.ts';

/** What a check-in sets going on the hub, one function per part. */
export interface CheckInParts {
  /** Keeps the pillar's health record (the fleet view's), with the visit it said it is at. */
  recordHealth(pillarId: string, health: HealthRecord, visit: string | null): void;
  /** The rest of the tour for a visit, or null when the hub has none to give. */
  tourFor(visit: string): TourFigures | null;
  /** Takes the pillar's offer reports and answers the offers waiting for it. */
  offersFor(pillarId: string, reports: OfferReport[]): Offer[];
}

export interface CheckInRoute {
  parts: CheckInParts;
  /** The pillar a request's token belongs to; refused 401 (an ApiError) for an unknown or revoked one. */
  pillarOf(request: FastifyRequest): Promise<string>;
  clock: Clock;
  /** The route's deadline, and its words when it fails (500). */
  deadline: number;
}

/** A time to the minute, as the contract writes the hub's clock. */
export const minuteOf = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

const FAILURE = 'the hub could not take the check-in; the pillar checks in again at its next moment';

export function registerCheckIn(app: FastifyInstance, route: CheckInRoute): void {
  const config = { failure: FAILURE, tooLarge: `the check-in is larger than ${sizeInWords(MAX_CHECK_IN_BYTES)}`, body: 'the check-in' };
  app.post<{ Body: CheckIn }>('/v2/check-in', { schema: { body: CHECK_IN }, bodyLimit: MAX_CHECK_IN_BYTES, config, handlerTimeout: route.deadline }, async (request) => {
    const pillarId = await route.pillarOf(request);
    const { pillar_id, health, visit, offers } = request.body;
    if (pillar_id !== pillarId) throw new ApiError('forbidden', `the token belongs to pillar ${pillarId}, not ${pillar_id}`);
    if (health.pillar_id !== pillarId) throw new ApiError('forbidden', `the health record belongs to pillar ${health.pillar_id}, not to ${pillarId}`);
    route.parts.recordHealth(pillarId, health, visit);
    const answer: CheckInAnswer = {
      sync: SYNC_VERSION,
      hub_clock: minuteOf(route.clock.now()),
      tour: visit === null ? null : route.parts.tourFor(visit),
      offers: route.parts.offersFor(pillarId, offers),
    };
    return answer;
  });
}
