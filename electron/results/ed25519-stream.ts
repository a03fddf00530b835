// Checking an Ed25519 signature (pure, RFC 8032) of a message read piece by piece, so that
// a bundle of any size is checked in bounded memory: node:crypto's verify needs the whole
// message at once. The check is OpenSSL's: S below the group order, the key a canonical
// point, and [S]B - [k]A encoded exactly as the signature's R, with k = SHA-512(R || A || M).

import { ed25519 } from '@noble/curves/ed25519.js';
import { createHash, type Hash } from 'node:crypto';

const { Point } = ed25519;
const ORDER = Point.Fn.ORDER;

/** A little-endian number, as Ed25519 writes scalars. */
const littleEndian = (bytes: Uint8Array) => BigInt('0x' + (Buffer.from(bytes).reverse().toString('hex') || '0'));

export class Ed25519StreamVerifier {
  private readonly hash: Hash;
  private readonly publicKey: Uint8Array;
  private readonly signature: Uint8Array;

  /** `publicKey`: the raw 32 bytes; `signature`: R || S, 64 bytes (any other length never verifies). */
  constructor(publicKey: Uint8Array, signature: Uint8Array) {
    this.publicKey = publicKey;
    this.signature = signature;
    this.hash = createHash('sha512');
    if (signature.length === 64) this.hash.update(signature.subarray(0, 32));
    this.hash.update(publicKey);
  }

  /** The message's next bytes. */
  update(bytes: Uint8Array): void {
    this.hash.update(bytes);
  }

  /** Whether the signature holds for every byte given; call once, at the end. */
  verify(): boolean {
    const k = littleEndian(this.hash.digest()) % ORDER;
    if (this.signature.length !== 64 || this.publicKey.length !== 32) return false;
    const r = this.signature.subarray(0, 32);
    const s = littleEndian(this.signature.subarray(32));
    if (s >= ORDER) return false;
    let a;
    try {
      a = Point.fromBytes(this.publicKey, false);
    } catch {
      return false;
    }
    const expected = Point.BASE.multiplyUnsafe(s).subtract(a.multiplyUnsafe(k));
    return Buffer.from(expected.toBytes()).equals(Buffer.from(r));
  }
}
