// `olifant pillar id`: this pillar's id, and its bundle key for `olifant hub add-pillar --key`.

import path from 'node:path';
import { SettingsStore } from '../kiosk/settings/settings.ts';
import { pillarKey } from '../kiosk/sync/identity.ts';
import { createLogger } from '../platform/log.ts';
import { dataDirFrom } from './kiosk-args.ts';

export function pillarId(values: { dataDir?: string }): void {
  const dataDir = dataDirFrom(values.dataDir);
  const settings = new SettingsStore(dataDir, createLogger(path.join(dataDir, 'olifant.log'), false));
  process.stdout.write(`${settings.current().pillarId}\n`);
  settings.close();
  // The first line alone is the id (scripts read it); the key is for `olifant hub add-pillar --key`.
  process.stdout.write(`bundle key: ${pillarKey(dataDir).publicKey}\n`);
}
