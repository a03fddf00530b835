// The kiosk's own files beside settings.json, as schemas: the pack store's state.json and the
// sync sender's sync-status.json. Each is read back through its schema (content/schema-check.ts);
// one that breaks it is said in the log with the field and the rule, and its reader goes on as
// it says (a damaged state keeps every pack; a damaged status is made again at the next send).

import Type from 'typebox';

/** A folder the pack store made for a pack: `<pack id>-v<version>-<8 hex digits>`, nothing a path could escape with. */
export const PACK_FOLDER_NAME = Type.String({ pattern: '^[a-z0-9-]{1,40}-v\\d{1,16}-[0-9a-f]{8}$', description: 'a folder the pack store made, such as "olifant-tour-v7-0a1b2c3d"' });

const folderOrNull = Type.Union([Type.Null(), PACK_FOLDER_NAME], { description: 'null, or a folder the pack store made, such as "olifant-tour-v7-0a1b2c3d"' });

/** `packs/state.json`: the pack that runs, and the one a roll-back goes back to (null: the pack that came with the app). */
export const PACK_STATE = Type.Object({ current: folderOrNull, previous: folderOrNull }, { additionalProperties: false, description: 'an object' });

/** `sync-status.json`: what the service screen and `olifant sync status` say of the last sends. */
export const SYNC_STATUS_FILE = Type.Object({
  /** When the hub last stored a batch (UTC, to the minute); null: never. */
  lastSuccess: Type.Union([Type.Null(), Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z$' })], { description: 'null, or a UTC time such as "2026-11-24T13:27Z"' }),
  /** The last problem in plain words; null once a send succeeds again. */
  lastProblem: Type.Union([Type.Null(), Type.String()], { description: 'null, or a sentence' }),
}, { additionalProperties: false, description: 'an object' });
