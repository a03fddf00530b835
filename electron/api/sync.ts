// The records of ../shared/results-sync.md, as pillars send them and the hub takes them in
// (network batches and USB bundles alike), and the hub's answer to a batch. Types only.

export interface AnswerRecord {
  type: 'answer';
  id: string;
  pillar_id: string;
  venue_session_id: string;
  pack_id: string;
  pack_version: number;
  question_id: string;
  /** The step number for a scale, the option id for a choice. */
  value: string;
  language: string;
  /** UTC, rounded down to the hour: `2026-11-24T13:00Z`. */
  hour: string;
  /** null, or why it is left out of every result shown (`too-fast`, `burst`, `test`). */
  suspect: string | null;
}

export interface VenueRecord {
  type: 'venue';
  id: string;
  pillar_id: string;
  name: string;
  started_hour: string;
  ended_hour: string | null;
  /** Rises with every change; the hub keeps the highest. */
  revision: number;
}

export interface PackRecord {
  type: 'pack';
  id: string;
  version: number;
  /** The pack's pack.json object exactly as installed. */
  manifest: Record<string, unknown>;
}

export type SyncRecord = AnswerRecord | VenueRecord | PackRecord;

/** `POST /v1/batches`: at most 1000 records and 4 MiB. */
export interface Batch {
  pillar_id: string;
  records: SyncRecord[];
}

/** The hub's 200: the batch is on its disk. */
export interface BatchResult {
  stored: number;
  duplicates: number;
  /** Ids of answers that came again with other content: refused, the stored ones unchanged. */
  conflicts: string[];
}

export const MAX_BATCH_RECORDS = 1000;
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/** What the service screen's export wrote onto the stick. */
export interface StickExport {
  /** The signed results bundle. */
  bundle: string;
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
