import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 signatures over an organisation's chain heads (issue 12, defect 5).
 *
 * - A public key travels as the standard base64 (padded) of its raw 32 bytes.
 * - Its fingerprint is the SHA-256 of those 32 bytes in lower-case hex, in 16 groups of 4
 *   separated by spaces (`3f9a 0c21 …`): what an organisation publishes and what a reader compares.
 * - A signature is the lower-case hex of the 64 signature bytes over the UTF-8 text
 *   `civicledger-head/1 ` + the entry's hash. The entry hash already covers the organisation's
 *   id, the sequence number, the kind, the content hash and the previous hash, so signing it
 *   signs the whole chain up to that entry. Hex, not base64: base64 has spare bits in its last
 *   character, and a changed byte must never decode to the same signature.
 */

/** The log entry (kind) that introduces an organisation's key and says who the organisation is. */
export const ORG_KEY_KIND = 'organisation.key';

const HEAD_PREFIX = 'civicledger-head/1 ';

const b64url = (b: Buffer): string => b.toString('base64url');

/** The public key object of raw 32 bytes (undefined when they are not 32 bytes). */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject | undefined {
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: b64url(Buffer.from(raw)) },
      format: 'jwk',
    });
  } catch {
    return undefined;
  }
}

/** The raw 32 bytes of an Ed25519 public key (or of the public half of a private key). */
export function rawPublicKeyOf(key: KeyObject): Buffer {
  const pub = key.type === 'public' ? key : createPublicKey(key);
  const jwk = pub.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

/** A public key's raw bytes from its base64 text; undefined unless it is canonical base64 of 32 bytes. */
export function rawFromPublicKeyText(text: string): Buffer | undefined {
  const raw = Buffer.from(text, 'base64');
  return raw.length === 32 && raw.toString('base64') === text ? raw : undefined;
}

/** The published fingerprint: SHA-256 of the raw public key, hex in groups of four. */
export function fingerprintOf(rawPublicKey: Uint8Array): string {
  const hex = createHash('sha256').update(rawPublicKey).digest('hex');
  return (hex.match(/.{4}/g) ?? []).join(' ');
}

/** Signs one chain head (an entry hash) with an organisation's private key. */
export function signHead(privateKey: KeyObject, entryHash: string): string {
  return sign(null, Buffer.from(HEAD_PREFIX + entryHash, 'utf8'), privateKey).toString('hex');
}

/** Whether `signatureHex` is a valid signature of the head `entryHash` by `publicKey`. Never throws. */
export function isHeadSignatureValid(publicKey: KeyObject, entryHash: string, signatureHex: string): boolean {
  if (!/^[0-9a-f]{128}$/.test(signatureHex)) return false;
  try {
    return verify(
      null,
      Buffer.from(HEAD_PREFIX + entryHash, 'utf8'),
      publicKey,
      Buffer.from(signatureHex, 'hex'),
    );
  } catch {
    return false;
  }
}

/**
 * Whether a key given by a person (`civic verify --key`) names this public key: its fingerprint
 * (any case, with or without spaces or colons), its base64 text, or the hex of its 32 bytes.
 */
export function keyMatches(given: string, rawPublicKey: Uint8Array): boolean {
  const text = given.trim();
  const raw = Buffer.from(rawPublicKey);
  if (text === raw.toString('base64')) return true;
  const hex = text.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) return false;
  return hex === fingerprintOf(raw).replace(/ /g, '') || hex === raw.toString('hex');
}

/** What an `organisation.key` entry logs: who the organisation is and the key that signs its chain. */
export function orgKeyLogContent(input: {
  readonly organisation: { readonly id: string; readonly name: string; readonly bin: string | null };
  readonly rawPublicKey: Uint8Array;
}) {
  return {
    organisation: { id: input.organisation.id, name: input.organisation.name, bin: input.organisation.bin },
    algorithm: 'Ed25519',
    publicKey: Buffer.from(input.rawPublicKey).toString('base64'),
    fingerprint: fingerprintOf(input.rawPublicKey),
  };
}
