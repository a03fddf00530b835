// A hub's address and this pillar's token, brought on a USB stick: `olifant hub add-pillar ID
// --stick DRIVE` writes olifant-hub/<pillar id>.json, and the service screen offers to use it
// (a 43-character token is no thing to type on a touch screen). Only this pillar's file counts.

import path from 'node:path';
import { readPlainFile } from '../../../content/plain-file.ts';
import { Shape } from '../../../content/schema-check.ts';
import { HUB_ON_STICK, type HubSettings } from '../../api/schemas/settings.ts';
import type { Logger } from '../../platform/log.ts';

export type { HubSettings } from '../../api/schemas/settings.ts';

const HUB_FOLDER = 'olifant-hub';

const HUB_FILE = new Shape(HUB_ON_STICK);

export const hubFileOn = (drive: string, pillarId: string) => path.join(drive, HUB_FOLDER, `${pillarId}.json`);

/** This pillar's hub settings on a drive; null when there are none, or when the file there cannot be used (logged, with why). */
export function readHubFile(drive: string, pillarId: string, log: Logger): HubSettings | null {
  const file = hubFileOn(drive, pillarId);
  const unusable = (why: string) => (log('warn', `the hub settings on the stick (${file}) are not offered: ${why}`), null);
  let found: unknown;
  try {
    found = JSON.parse(readPlainFile(file, 4096).toString('utf8'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : unusable((error as Error).message);
  }
  const refusal = HUB_FILE.refusal(found, 'the file');
  return refusal ? unusable(refusal.message) : { hubUrl: (found as HubSettings).hubUrl, hubToken: (found as HubSettings).hubToken };
}
