// Ed25519 signing of pack.json (../shared/content-pack.md, Signing). Keys travel as text:
// a public key is base64 of its raw 32 bytes; a private key is PKCS#8 PEM.

import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A trusted key as settings hold it: base64 of the raw 32-byte Ed25519 public key. */
export function publicKeyFromBase64(text: string): KeyObject {
  const raw = Buffer.from(text.trim(), 'base64');
  if (raw.length !== 32) throw new Error(`"${text}" is not a base64 Ed25519 public key (32 bytes)`);
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/**
 * The one public key in a text: the key itself, or public.txt as `olifant pack keygen` wrote it.
 * Throws, in words, for anything else (a private key given by mistake, say).
 */
export function publicKeyIn(text: string): string {
  if (text.includes('PRIVATE KEY')) throw new Error('that is the private key, which stays secret: give the public key (public.txt beside private.pem, or the text `olifant pack keygen` printed)');
  const keys = [...new Set(text.split(/\s+/).filter((word) => word !== '' && isPublicKey(word)))];
  if (keys.length === 1) return keys[0];
  throw new Error(keys.length === 0
    ? 'that is not a public key: it is 44 characters of base64, as `olifant pack keygen` printed it and wrote it to public.txt'
    : 'that text holds more than one public key: give one per --key');
}

/** Whether a text is a public key as settings hold it (trustedKeys). */
export function isPublicKey(text: string): boolean {
  try {
    publicKeyFromBase64(text);
    return true;
  } catch {
    return false;
  }
}

export function signatureIsTrusted(manifest: Buffer, signature: string, trustedKeys: string[]): boolean {
  const sig = Buffer.from(signature.trim(), 'base64');
  if (sig.length !== 64) return false;
  return trustedKeys.some((key) => {
    try {
      return verify(null, manifest, publicKeyFromBase64(key), sig);
    } catch {
      return false; // a malformed key trusts nothing; settings.ts reports it
    }
  });
}

export function generateSigningKey(): { publicKey: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    publicKey: spki.subarray(ED25519_SPKI_PREFIX.length).toString('base64'),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** The base64 public key that belongs to a PEM private key. */
export function publicKeyOf(privateKeyPem: string): string {
  const spki = createPublicKey(createPrivateKey(privateKeyPem)).export({ format: 'der', type: 'spki' });
  return spki.subarray(ED25519_SPKI_PREFIX.length).toString('base64');
}

/** The text of pack.sig for these exact manifest bytes. */
export function signManifest(manifest: Buffer, privateKeyPem: string): string {
  return sign(null, manifest, createPrivateKey(privateKeyPem)).toString('base64') + '\n';
}
