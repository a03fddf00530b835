// `olifant pack`: install, current and rollback in the kiosk's data folder, as the service screen
// does; check, keygen and sign for whoever makes content packs.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkPack, packFolder } from '../../content/pack.ts';
import { generateSigningKey, publicKeyIn, publicKeyOf, signManifest } from '../../content/signing.ts';
import { openPackStore } from '../core/packs/store.ts';
import { createLogger } from '../platform/log.ts';
import { SettingsStore } from '../core/settings/settings.ts';
import { keyFrom } from './key-file.ts';
import { dataDirFrom, UsageError } from './kiosk-args.ts';

function packDir(arg: string | undefined): string {
  if (!arg) throw new UsageError('name the pack folder');
  return packFolder(path.resolve(arg));
}

export async function pack(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      key: { type: 'string', multiple: true },
      out: { type: 'string' },
      'allow-unsigned': { type: 'boolean', default: false },
      rollback: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
  });
  if (action === 'install' || action === 'current' || action === 'rollback') {
    const dataDir = dataDirFrom(values);
    const log = createLogger(path.join(dataDir, 'olifant.log'), false);
    const settings = new SettingsStore(dataDir, log);
    const current = settings.current();
    settings.close();
    const store = await openPackStore(dataDir, () => current, log);
    const running = action === 'install' ? await store.install(packDir(positionals[0]), { rollback: values.rollback }) : action === 'rollback' ? await store.rollback() : store.current();
    if (action === 'current') process.stdout.write(`${JSON.stringify({ id: running.pack.id, version: running.pack.version })}\n`);
    else process.stdout.write(`${running.pack.id} version ${running.pack.version} is running; a running kiosk takes it at its next attract loop\n`);
  } else if (action === 'keygen') {
    if (!values.out) throw new UsageError('pack keygen needs --out DIR');
    const key = generateSigningKey();
    mkdirSync(values.out, { recursive: true });
    writeFileSync(path.join(values.out, 'private.pem'), key.privateKeyPem, { mode: 0o600 });
    writeFileSync(path.join(values.out, 'public.txt'), key.publicKey + '\n');
    process.stdout.write(`private key: ${path.join(values.out, 'private.pem')} (keep it secret)\npublic key for the kiosk's trustedKeys: ${key.publicKey}\n`);
  } else if (action === 'sign') {
    const dir = packDir(positionals[0]);
    if (!values.key?.[0]) throw new UsageError('pack sign needs --key PRIVATE_KEY_FILE');
    const privateKeyPem = readFileSync(values.key[0], 'utf8');
    writeFileSync(path.join(dir, 'pack.sig'), signManifest(readFileSync(path.join(dir, 'pack.json')), privateKeyPem));
    const checked = await checkPack(dir, { trustedKeys: [publicKeyOf(privateKeyPem)], allowUnsigned: false });
    process.stdout.write(`signed ${checked.pack.id} version ${checked.pack.version}\n`);
  } else if (action === 'check') {
    const dir = packDir(positionals[0]);
    if (!values.key && !values['allow-unsigned']) throw new UsageError('pack check: no key given. Give the public key with --key: the public.txt `olifant pack keygen` wrote, or the key itself (as in the kiosk\'s trustedKeys); or --allow-unsigned to check all but the signature');
    const checked = await checkPack(dir, { trustedKeys: (values.key ?? []).map((key) => keyFrom(key, publicKeyIn)), allowUnsigned: values['allow-unsigned'] });
    process.stdout.write(`${checked.pack.id} version ${checked.pack.version}: ${checked.pack.questions.length} questions, ${checked.signed ? 'signed by a trusted key' : 'not signed by a trusted key'}; the pack is valid\n`);
  } else {
    throw new UsageError('pack takes install, current, rollback, check, keygen or sign');
  }
}
