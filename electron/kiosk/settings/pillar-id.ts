// The pillar's identity, in its own file <data dir>/pillar-id, made once and never
// rewritten: whatever happens to settings.json, the pillar's answers keep one id.

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Shape } from '../../../content/schema-check.ts';
import { PILLAR_ID } from '../../api/schemas/sync.ts';
import { createFileOnce } from '../../platform/atomic.ts';
import type { Logger } from '../../platform/log.ts';

export const PILLAR_ID_FILE = 'pillar-id';

const ID = new Shape(PILLAR_ID);

/**
 * The pillar id from <data dir>/pillar-id. On first start the file is made, with the
 * `pillarId` settings.json held until now (so answers keep their id), else a new random one.
 * `settingsProblem`: settings.json exists but cannot be read, so it may hold the old id.
 */
export function pillarIdentity(dataDir: string, fromSettings: unknown, log: Logger, settingsProblem: string | null = null): string {
  const file = path.join(dataDir, PILLAR_ID_FILE);
  if (settingsProblem && !existsSync(file)) {
    // Making a new id now would part this pillar from its answers for good once the file is mended.
    throw new Error(`This pillar has no ${PILLAR_ID_FILE} file yet, and settings.json ${settingsProblem}: it may hold the pillar's id. Mend settings.json (or remove it for a new pillar), then start again.`);
  }
  const moved = ID.is(fromSettings) ? fromSettings : null;
  const made = moved ?? `pillar-${randomBytes(3).toString('hex')}`;
  if (!existsSync(file) && createFileOnce(file, made + '\n')) {
    const refused = fromSettings === undefined ? null : ID.refusal(fromSettings, 'its "pillarId"');
    if (refused) log('warn', `settings.json names no pillar id to keep: ${refused.message}`);
    log('info', `the pillar id ${made} is kept in ${file}${moved ? ' (moved from settings.json)' : ''}`);
    return made;
  }
  let id: string;
  try {
    id = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new Error(`The pillar id file ${file} cannot be read (${(error as Error).message}): make it a file whose only line is the pillar's id.`);
  }
  const refused = ID.refusal(id, 'the pillar id');
  if (refused) throw new Error(`The pillar id file ${file} is refused: ${refused.message}. Put back the pillar's id as its only line.`);
  if (fromSettings !== undefined && fromSettings !== id) log('warn', `settings.json names the pillar ${JSON.stringify(fromSettings)}, but its id is ${id}, kept in ${file}: the "pillarId" in settings.json is not used`);
  return id;
}
