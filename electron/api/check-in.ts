// Version 2 of the results sync (docs/results-sync-v2.md): the check-in, the health record,
// the tour's figures and the pack offers. Types only: derived from their schemas
// (schemas/check-in.ts).

import type { Static } from 'typebox';
import type { CHECK_IN, CHECK_IN_ANSWER, HEALTH_FILE_HEADER, HEALTH_RECORD, OFFER, OFFER_REPORT, TOUR_FIGURES } from './schemas/check-in.ts';

/** `POST /v2/check-in`. */
export type CheckIn = Static<typeof CHECK_IN>;
/** How a pillar is: sent with every check-in and beside every bundle. Nothing of a student's finer than the hour. */
export type HealthRecord = Static<typeof HEALTH_RECORD>;
export type DispenserState = HealthRecord['dispenser'];
/** The hub's 200 to a check-in. */
export type CheckInAnswer = Static<typeof CHECK_IN_ANSWER>;
/** The rest of the tour for a visit, under the lecture's floor and suppression rules. */
export type TourFigures = Static<typeof TOUR_FIGURES>;
/** A pack offered to a pillar. */
export type Offer = Static<typeof OFFER>;
/** A pillar's word on an offer. */
export type OfferReport = Static<typeof OFFER_REPORT>;
/** A health file's first line. */
export type HealthFileHeader = Static<typeof HEALTH_FILE_HEADER>;

/** The version of the sync contract a version-2 hub answers with. */
export const SYNC_VERSION = 2;
