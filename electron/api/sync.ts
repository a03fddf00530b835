// The records of ../shared/results-sync.md, as pillars send them and the hub takes them in
// (network batches and USB bundles alike), and the hub's answer to a batch. Types only: the
// records' types are derived from their schemas (schemas/sync.ts).

import type { Static } from 'typebox';
import type { ANSWER_RECORD, BATCH, BATCH_RESULT, PACK_RECORD, VENUE_RECORD } from './schemas/sync.ts';

/** An answer: never changes once made. */
export type AnswerRecord = Static<typeof ANSWER_RECORD>;
/** A venue visit: its name and ended_hour may be corrected later; the highest revision wins. */
export type VenueRecord = Static<typeof VENUE_RECORD>;
/** A pack: the questions' texts, so the hub can show what was asked. */
export type PackRecord = Static<typeof PACK_RECORD>;
export type SyncRecord = AnswerRecord | VenueRecord | PackRecord;

/** `POST /v1/batches`: at most 1000 records and 4 MiB. */
export type Batch = Omit<Static<typeof BATCH>, 'records'> & { records: SyncRecord[] };

/** The hub's 200: the batch is on its disk. */
export type BatchResult = Static<typeof BATCH_RESULT>;

export const MAX_BATCH_RECORDS = 1000;
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/** What the service screen's export wrote onto the stick. */
export interface StickExport {
  /** The signed results bundle. */
  bundle: string;
  /** The pillar's signed health record beside it (docs/results-sync-v2.md). */
  healthFile: string;
  answers: number;
  /** The running venue visit's lecture files (slides, spreadsheet, Dutch CSV); none while it has no answers. */
  lectureFiles: string[];
}

/** What waits on a pillar to reach the hub. */
export interface Waiting {
  answers: number;
  venues: number;
  packs: number;
}

/** A pillar's sync, for its service screen and `olifant sync status`. */
export interface SyncStatus {
  hubSet: boolean;
  hubUrl: string | null;
  waiting: Waiting;
  /** When the hub last stored a batch (UTC, to the minute); null: never. */
  lastSuccess: string | null;
  /** The last problem in plain words; null once a send succeeds again. */
  lastProblem: string | null;
}
