// A hub's address and this pillar's token, brought on a USB stick: `olifant hub add-pillar ID
// --stick DRIVE` writes olifant-hub/<pillar id>.json, and the service screen offers to use it
// (a 43-character token is no thing to type on a touch screen). Only this pillar's file counts.

import path from 'node:path';
import { readPlainFile } from '../../platform/plain-file.ts';

const HUB_FOLDER = 'olifant-hub';

export interface HubSettings {
  hubUrl: string;
  hubToken: string;
}

export const hubFileOn = (drive: string, pillarId: string) => path.join(drive, HUB_FOLDER, `${pillarId}.json`);

/** What a hub's address and a pillar's token look like (settings.json checks them the same way). */
export const HUB_URL = /^https?:\/\/[^\s/]+(\/[^\s]*)?$/;
export const HUB_TOKEN = /^[\w-]{10,200}$/;

/** This pillar's hub settings on a drive; null when there are none (or they are not a hub's). */
export function readHubFile(drive: string, pillarId: string): HubSettings | null {
  try {
    const { hubUrl, hubToken } = JSON.parse(readPlainFile(hubFileOn(drive, pillarId), 4096).toString('utf8')) as Record<string, unknown>;
    return typeof hubUrl === 'string' && HUB_URL.test(hubUrl) && typeof hubToken === 'string' && HUB_TOKEN.test(hubToken) ? { hubUrl, hubToken } : null;
  } catch {
    return null;
  }
}
