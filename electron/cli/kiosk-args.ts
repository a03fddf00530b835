// The kiosk's own command-line options, read one way wherever the kiosk starts:
// `olifant serve`, `npm start` and the Electron shell.

import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OlifantOptions } from '../core/olifant.ts';
import { defaultDataDir } from '../platform/paths.ts';

export class UsageError extends Error {}

/** The kiosk's data folder: --data-dir, else $OLIFANT_DATA_DIR or the platform's place. */
export const dataDirFrom = (values: { 'data-dir'?: string }) => (values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir());

export interface KioskArgs {
  options: OlifantOptions;
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
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not ${values.port}`);
  const pillar = text(values.pillar);
  if (pillar !== undefined && !(PILLARS as readonly string[]).includes(pillar)) throw new UsageError('--pillar must be auto or simulated');
  const dataDir = text(values['data-dir']);
  const bundledPack = text(values['bundled-pack']);
  return {
    options: {
      dataDir: dataDir ? path.resolve(dataDir) : undefined,
      pillar: pillar as OlifantOptions['pillar'],
      pillarPort: text(values['pillar-port']) ?? null,
      bundledPackDir: bundledPack ? path.resolve(bundledPack) : undefined,
    },
    port,
    dev: values.dev === true,
  };
}
