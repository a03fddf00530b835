// The pillar's own key: an Ed25519 key pair made on first start and kept in the data folder
// (pillar-key.pem, readable by the kiosk's user only). Results bundles are signed with it;
// the private key never leaves the folder, the public key travels in every bundle.

import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateSigningKey, publicKeyOf } from '../../../content/signing.ts';
import { createFileOnce } from '../../platform/atomic.ts';
import type { PillarKey } from '../../results/bundle.ts';

const PILLAR_KEY_FILE = 'pillar-key.pem';

/** The pillar's key pair, made once (two processes starting at once make one). */
export function pillarKey(dataDir: string): PillarKey {
  const file = path.join(dataDir, PILLAR_KEY_FILE);
  // Made only when missing (not at every start); createFileOnce keeps the first of two racing starts.
  if (!existsSync(file)) createFileOnce(file, generateSigningKey().privateKeyPem, 0o600);
  const pem = readFileSync(file, 'utf8');
  return { privateKey: createPrivateKey(pem), publicKey: publicKeyOf(pem) };
}
