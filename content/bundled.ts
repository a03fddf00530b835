// The pack that ships inside the app (content/default), used until an operator installs
// another. It is checked by the same code as a pack from a USB stick; its signature is by
// the development key in content/dev-key, which is trusted for this bundled pack only.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPack, PACK_FOLDER, type CheckedPack } from './pack.ts';

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

export const bundledPackDir = (): string => path.join(appRoot(), 'content', 'default', PACK_FOLDER);
export const devKeyDir = (): string => path.join(appRoot(), 'content', 'dev-key');

export function loadBundledPack(): Promise<CheckedPack> {
  const key = readFileSync(path.join(devKeyDir(), 'public.txt'), 'utf8').trim();
  return checkPack(bundledPackDir(), { trustedKeys: [key], allowUnsigned: false });
}
