// Where the app's own files and its data live, on every platform it ships to.

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, from the source tree or from the built dist/ tree. */
export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the app folder (no package.json above the code)');
    dir = up;
  }
  return dir;
}

let version: string | undefined;

/** The app's version, as its package.json says. */
export function appVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** A data folder: the environment variable's, else `name` in the platform's place for app data. */
function dataFolder(variable: string, name: string): string {
  if (process.env[variable]) return path.resolve(process.env[variable]);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), name);
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), name);
}

/** The kiosk's data folder: $OLIFANT_DATA_DIR, else the platform's place for app data. */
export function defaultDataDir(): string {
  return dataFolder('OLIFANT_DATA_DIR', 'olifant');
}

/** The hub's data folder: $OLIFANT_HUB_DIR, else olifant-hub in the platform's place for app data. */
export function defaultHubDir(): string {
  return dataFolder('OLIFANT_HUB_DIR', 'olifant-hub');
}
