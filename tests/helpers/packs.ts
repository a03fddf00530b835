// Builds content packs as real folders, the way the tour organiser's laptop would.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundledPackDir } from '../../electron/core/packs/bundled.ts';
import { generateSigningKey, signManifest } from '../../content/signing.ts';
import { tempDir } from './tmp.ts';

/** The smallest valid PNG: 1x1 pixel. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5dd3d7f0000000049454e44ae426082', 'hex');

export const KEY = generateSigningKey();

export function defaultManifest(): Record<string, any> {
  return JSON.parse(readFileSync(path.join(bundledPackDir(), 'pack.json'), 'utf8'));
}

export interface BuiltPack {
  /** The drive root (holds olifant-pack/). */
  drive: string;
  dir: string;
}

/** Writes a pack: the manifest (changed by `edit`), the files, and a signature by KEY. */
export function buildPack(edit: (m: Record<string, any>) => void = () => {}, files: Record<string, Buffer> = {}, options: { sign?: boolean; raw?: Buffer } = {}): BuiltPack {
  const drive = tempDir('olifant-usb-');
  const dir = path.join(drive, 'olifant-pack');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  const manifest = defaultManifest();
  for (const [file, bytes] of Object.entries(files)) {
    writeFileSync(path.join(dir, file), bytes);
    manifest.assets[file] = createHash('sha256').update(bytes).digest('hex');
  }
  edit(manifest);
  const raw = options.raw ?? Buffer.from(JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'pack.json'), raw);
  if (options.sign !== false) writeFileSync(path.join(dir, 'pack.sig'), signManifest(raw, KEY.privateKeyPem));
  return { drive, dir };
}

export const trust = { trustedKeys: [KEY.publicKey], allowUnsigned: false };
