// `olifant pack`: install, current and rollback in the kiosk's data folder, as the service screen
// does; check, keygen and sign for whoever makes content packs.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPack, packFolder, PackError } from '../../content/pack.ts';
import { generateSigningKey, publicKeyIn, publicKeyOf, signManifest } from '../../content/signing.ts';
import { openPackStore, type PackStore } from '../kiosk/packs/store.ts';
import { SettingsStore } from '../kiosk/settings/settings.ts';
import { createLogger } from '../platform/log.ts';
import { keyFrom } from './key-file.ts';
import { dataDirFrom, UsageError } from './kiosk-args.ts';

/** A refused pack is said to be one, with the rule it breaks. */
async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PackError) throw new Error(`the pack is refused: ${error.message}`);
    throw error;
  }
}

/** The kiosk's pack store in its data folder, with the settings it runs under. */
async function packStore(dataDir: string | undefined): Promise<PackStore> {
  const dir = dataDirFrom(dataDir);
  const log = createLogger(path.join(dir, 'olifant.log'), false);
  const settings = new SettingsStore(dir, log);
  const current = settings.current();
  settings.close();
  return openPackStore(dir, () => current, log);
}

const running = ({ pack }: { pack: { id: string; version: number } }) =>
  process.stdout.write(`${pack.id} version ${pack.version} is running; a running kiosk takes it at its next attract loop\n`);

export async function packInstall(dir: string, values: { rollback?: boolean; dataDir?: string }): Promise<void> {
  await refusing(async () => running(await (await packStore(values.dataDir)).install(packFolder(path.resolve(dir)), { rollback: values.rollback ?? false })));
}

export async function packRollback(values: { dataDir?: string }): Promise<void> {
  await refusing(async () => running(await (await packStore(values.dataDir)).rollback()));
}

export async function packCurrent(values: { dataDir?: string }): Promise<void> {
  const { pack } = (await packStore(values.dataDir)).current();
  process.stdout.write(`${JSON.stringify({ id: pack.id, version: pack.version })}\n`);
}

export function packKeygen(values: { out: string }): void {
  const key = generateSigningKey();
  mkdirSync(values.out, { recursive: true });
  writeFileSync(path.join(values.out, 'private.pem'), key.privateKeyPem, { mode: 0o600 });
  writeFileSync(path.join(values.out, 'public.txt'), key.publicKey + '\n');
  process.stdout.write(`private key: ${path.join(values.out, 'private.pem')} (keep it secret)\npublic key for the kiosk's trustedKeys: ${key.publicKey}\n`);
}

export async function packSign(dir: string, values: { key: string }): Promise<void> {
  await refusing(async () => {
    const folder = packFolder(path.resolve(dir));
    const privateKeyPem = readFileSync(values.key, 'utf8');
    writeFileSync(path.join(folder, 'pack.sig'), signManifest(readFileSync(path.join(folder, 'pack.json')), privateKeyPem));
    const checked = await checkPack(folder, { trustedKeys: [publicKeyOf(privateKeyPem)], allowUnsigned: false });
    process.stdout.write(`signed ${checked.pack.id} version ${checked.pack.version}\n`);
  });
}

export async function packCheck(dir: string, values: { key?: string[]; allowUnsigned?: boolean }): Promise<void> {
  if (!values.key && !values.allowUnsigned) throw new UsageError('pack check: no key given. Give the public key with --key: the public.txt `olifant pack keygen` wrote, or the key itself (as in the kiosk\'s trustedKeys); or --allow-unsigned to check all but the signature');
  await refusing(async () => {
    const checked = await checkPack(packFolder(path.resolve(dir)), { trustedKeys: (values.key ?? []).map((key) => keyFrom(key, publicKeyIn)), allowUnsigned: values.allowUnsigned ?? false });
    process.stdout.write(`${checked.pack.id} version ${checked.pack.version}: ${checked.pack.questions.length} questions, ${checked.signed ? 'signed by a trusted key' : 'not signed by a trusted key'}; the pack is valid\n`);
  });
}
