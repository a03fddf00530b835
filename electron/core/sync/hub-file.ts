// A hub's address and this pillar's token, brought on a USB stick: `olifant hub add-pillar ID
// --stick DRIVE` writes olifant-hub/<pillar id>.json, and the service screen offers to use it
// (a 43-character token is no thing to type on a touch screen). Only this pillar's file counts.

import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
  let text: string;
  try {
    // A small plain file only: a FIFO or a device on a stick must not hang the screen.
    const fd = openSync(hubFileOn(drive, pillarId), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile() || stat.size > 4096) return null;
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  try {
    const { hubUrl, hubToken } = JSON.parse(text) as Record<string, unknown>;
    return typeof hubUrl === 'string' && HUB_URL.test(hubUrl) && typeof hubToken === 'string' && HUB_TOKEN.test(hubToken) ? { hubUrl, hubToken } : null;
  } catch {
    return null;
  }
}
