// A hub's address and this pillar's token, brought on a USB stick: `olifant hub add-pillar ID
// --stick DRIVE` writes olifant-hub/<pillar id>.json, and the service screen offers to use it
// (a 43-character token is no thing to type on a touch screen). Only this pillar's file counts.

import path from 'node:path';
import { readPlainFile } from '../../../content/plain-file.ts';
import { Shape } from '../../../content/schema-check.ts';
import { HUB_ON_STICK, type HubSettings } from '../../api/schemas/settings.ts';

export type { HubSettings } from '../../api/schemas/settings.ts';

const HUB_FOLDER = 'olifant-hub';

const HUB_FILE = new Shape(HUB_ON_STICK);

export const hubFileOn = (drive: string, pillarId: string) => path.join(drive, HUB_FOLDER, `${pillarId}.json`);

/** This pillar's hub settings on a drive; null when there are none (or they are not a hub's). */
export function readHubFile(drive: string, pillarId: string): HubSettings | null {
  try {
    const found: unknown = JSON.parse(readPlainFile(hubFileOn(drive, pillarId), 4096).toString('utf8'));
    return HUB_FILE.is(found) ? { hubUrl: found.hubUrl, hubToken: found.hubToken } : null;
  } catch {
    return null;
  }
}
