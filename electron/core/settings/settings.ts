// The settings file, <data dir>/settings.json, written with defaults on first start.
// Until the operator screen exists, this is where the pillar id, the venue and the
// timings are set.

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { publicKeyFromBase64 } from '../../../content/signing.ts';
import type { Logger } from '../platform/log.ts';

export interface Settings {
  /** Which pillar recorded an answer (the tour may have more than one). */
  pillarId: string;
  /** The current venue visit, e.g. `2026-11-hva-amsterdam`; set by the crew at each venue. */
  venueSessionId: string;
  /** `auto`: the controller board, looked for until it answers (`serial` means the same); `simulated`: no board, no real cards. */
  pillar: 'auto' | 'serial' | 'simulated';
  /** A fixed serial port for the board (e.g. `/dev/ttyACM0`, `COM3`); null: search. */
  pillarPort: string | null;
  /** Quiet seconds before "still there?". */
  idleSeconds: number;
  /** Seconds "still there?" waits before going back to the attract loop. */
  stillThereSeconds: number;
  /** Base64 Ed25519 public keys whose content packs this kiosk accepts. */
  trustedKeys: string[];
  /** Accept unsigned content packs: for development only. */
  allowUnsignedPacks: boolean;
}

function defaults(): Settings {
  return {
    pillarId: `pillar-${randomBytes(3).toString('hex')}`,
    venueSessionId: 'venue-not-set',
    pillar: 'auto',
    pillarPort: null,
    idleSeconds: 45,
    stillThereSeconds: 15,
    trustedKeys: [],
    allowUnsignedPacks: false,
  };
}

function isPublicKey(text: string): boolean {
  try {
    publicKeyFromBase64(text);
    return true;
  } catch {
    return false;
  }
}

const CHECKS: { [K in keyof Settings]: (v: unknown) => boolean } = {
  pillarId: (v) => typeof v === 'string' && /^[\w.-]{1,60}$/.test(v),
  venueSessionId: (v) => typeof v === 'string' && /^[\w.-]{1,80}$/.test(v),
  pillar: (v) => v === 'auto' || v === 'serial' || v === 'simulated',
  pillarPort: (v) => v === null || (typeof v === 'string' && v.length > 0),
  idleSeconds: (v) => typeof v === 'number' && v >= 5 && v <= 3600,
  stillThereSeconds: (v) => typeof v === 'number' && v >= 3 && v <= 600,
  trustedKeys: (v) => Array.isArray(v) && v.every((k) => typeof k === 'string' && isPublicKey(k)),
  allowUnsignedPacks: (v) => typeof v === 'boolean',
};

/** Reads settings.json; a missing file is created, a bad value is logged and replaced by its default. */
export function loadSettings(dataDir: string, log: Logger): Settings {
  const file = path.join(dataDir, 'settings.json');
  const settings = defaults();
  let raw: string | null = null;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(settings, null, 2) + '\n');
    renameSync(tmp, file);
    log('info', `wrote default settings to ${file}`);
    return settings;
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    log('error', `${file} is not valid JSON (${(error as Error).message}); running with default settings until it is fixed`);
    return settings;
  }
  for (const key of Object.keys(CHECKS) as Array<keyof Settings>) {
    if (!(key in parsed)) continue;
    if (CHECKS[key](parsed[key])) (settings as unknown as Record<string, unknown>)[key] = parsed[key];
    else log('error', `${file}: "${key}" has an invalid value ${JSON.stringify(parsed[key])}; using ${JSON.stringify(settings[key])}`);
  }
  for (const key of Object.keys(parsed)) {
    if (!(key in CHECKS)) log('warn', `${file}: unknown setting "${key}" is ignored`);
  }
  return settings;
}
