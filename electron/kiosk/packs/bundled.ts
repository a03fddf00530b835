// The pack that ships inside the app (content/default), used until an operator installs
// another. It is checked by the same code as a pack from a USB stick; its signature is by
// the development key in content/dev-key, which is trusted for this bundled pack only.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPack, PACK_FOLDER, type CheckedPack } from '../../../content/pack.ts';
import { appRoot } from '../../platform/paths.ts';

export const bundledPackDir = (): string => path.join(appRoot(), 'content', 'default', PACK_FOLDER);
const devKeyDir = (): string => path.join(appRoot(), 'content', 'dev-key');

export async function loadBundledPack(dir = bundledPackDir()): Promise<CheckedPack> {
  const key = readFileSync(path.join(devKeyDir(), 'public.txt'), 'utf8').trim();
  return checkPack(dir, { trustedKeys: [key], allowUnsigned: false });
}
