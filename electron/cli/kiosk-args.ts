// The kiosk's own command-line options, read one way wherever the kiosk starts:
// `olifant serve` (its values read by commander), `npm start` and the Electron shell.

import path from 'node:path';
import { parseArgs } from 'node:util';
import type { KioskOptions } from '../kiosk/services.ts';
import { defaultDataDir } from '../platform/paths.ts';

/** A command or option not given as it must be: exit code 2, the usage told. */
export class UsageError extends Error {}

/** The kiosk's data folder: --data-dir, else $OLIFANT_DATA_DIR or the platform's place. */
export const dataDirFrom = (dataDir: string | undefined) => (dataDir ? path.resolve(dataDir) : defaultDataDir());

/** The kiosk's options as given (strings, as typed). */
export interface KioskValues {
  port?: string;
  pillar?: string;
  pillarPort?: string;
  dataDir?: string;
  bundledPack?: string;
  dev?: boolean;
}

export interface KioskArgs {
  options: KioskOptions;
  /** 0: any free port. */
  port: number;
  /** A normal window with developer tools instead of kiosk mode. */
  dev: boolean;
}

const PILLARS = ['auto', 'simulated'] as const;

/** Reads the kiosk options; `strict: false` lets Electron's and Chromium's own switches pass. */
export function parseKioskArgs(args: string[], { strict = true } = {}): KioskArgs {
  const { values } = parseArgs({
    args,
    strict,
    allowPositionals: !strict,
    options: {
      port: { type: 'string', default: '0' },
      pillar: { type: 'string' },
      'pillar-port': { type: 'string' },
      'data-dir': { type: 'string' },
      'bundled-pack': { type: 'string' },
      dev: { type: 'boolean', default: false },
    },
  });
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return kioskArgsFrom({ port: text(values.port), pillar: text(values.pillar), pillarPort: text(values['pillar-port']), dataDir: text(values['data-dir']), bundledPack: text(values['bundled-pack']), dev: values.dev === true });
}

/** The kiosk options from their values, checked: a bad one is a UsageError naming its flag. */
export function kioskArgsFrom({ port: portText = '0', pillar, pillarPort, dataDir, bundledPack, dev = false }: KioskValues): KioskArgs {
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not ${portText}`);
  if (pillar !== undefined && !(PILLARS as readonly string[]).includes(pillar)) throw new UsageError('--pillar must be auto or simulated');
  return {
    options: {
      dataDir: dataDir ? path.resolve(dataDir) : undefined,
      pillar: pillar as KioskOptions['pillar'],
      pillarPort: pillarPort ?? null,
      bundledPackDir: bundledPack ? path.resolve(bundledPack) : undefined,
    },
    port,
    dev,
  };
}
