import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/**
 * The data key of an encrypted store, wrapped (AES-256-GCM) under a key-encryption key that scrypt
 * stretches from the operator's passphrase or key file. Changing the passphrase rewraps these few
 * bytes; the database itself is keyed with the data key and never rewritten.
 *
 * Stored as JSON: everything here is public except what the ciphertext hides. The KDF parameters
 * and the format are bound into the GCM tag as additional data, so none of them can be altered.
 */
export interface WrappedDataKey {
  readonly format: 'civicledger-wrapped-key';
  /** 1: a SQLite file keyed with ChaCha20-Poly1305 (or a PostgreSQL file key); 2: `pageCipher` says which. */
  readonly version: 1 | 2;
  /** The SQLite page cipher the data key is used with (version 2 only; version 1 means 'chacha20'). */
  readonly pageCipher?: PageCipher;
  readonly kdf: {
    readonly name: 'scrypt';
    readonly N: number;
    readonly r: number;
    readonly p: number;
    readonly salt: string;
  };
  readonly cipher: 'aes-256-gcm';
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

/**
 * sqlite3mc's page ciphers this project writes with. 'aegis' (AEGIS-256, AES-NI accelerated) for
 * every new database; 'chacha20' (ChaCha20-Poly1305 in portable C) for those created before it,
 * which keep opening with it. See docs/security.md, "Which cipher".
 */
export type PageCipher = 'chacha20' | 'aegis';
export const PAGE_CIPHERS: readonly PageCipher[] = ['chacha20', 'aegis'];

/** The page cipher of a wrapped key's database (version 1 keys predate the field: ChaCha20). */
export const pageCipherOf = (w: WrappedDataKey): PageCipher => w.pageCipher ?? 'chacha20';

export interface KdfCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** scrypt at 2^17 × 8: 128 MiB and a few hundred milliseconds per unwrap, once per process. */
export const DEFAULT_KDF_COST: KdfCost = { N: 2 ** 17, r: 8, p: 1 };

export const DATA_KEY_BYTES = 32;

function keyEncryptionKey(secret: Uint8Array, salt: Buffer, cost: KdfCost): Buffer {
  return scryptSync(secret, salt, 32, {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    maxmem: 256 * cost.N * cost.r + 1024 * 1024,
  });
}

function additionalData(
  w: Pick<WrappedDataKey, 'format' | 'version' | 'kdf' | 'cipher' | 'pageCipher'>,
): Buffer {
  const fields = [w.format, w.version, w.kdf.name, w.kdf.N, w.kdf.r, w.kdf.p, w.kdf.salt, w.cipher];
  // Version 1's additional data is unchanged, so keys wrapped before version 2 still unwrap.
  return Buffer.from(JSON.stringify(w.version === 1 ? fields : [...fields, w.pageCipher ?? '']));
}

/** A fresh random data key (256 bits). */
export function generateDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/**
 * Wraps `dataKey` under a key stretched from `secret` with a fresh salt and IV. With `pageCipher`
 * (a SQLite database's key) the wrapping is version 2 and records the cipher, bound into the tag.
 */
export function wrapDataKey(
  dataKey: Uint8Array,
  secret: Uint8Array,
  cost: KdfCost = DEFAULT_KDF_COST,
  pageCipher?: PageCipher,
): WrappedDataKey {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kdf = { name: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: salt.toString('base64') } as const;
  const header: Pick<WrappedDataKey, 'format' | 'version' | 'kdf' | 'cipher' | 'pageCipher'> =
    pageCipher === undefined
      ? { format: 'civicledger-wrapped-key', version: 1, kdf, cipher: 'aes-256-gcm' }
      : { format: 'civicledger-wrapped-key', version: 2, pageCipher, kdf, cipher: 'aes-256-gcm' };
  const kek = keyEncryptionKey(secret, salt, cost);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(additionalData(header));
  const ciphertext = Buffer.concat([c.update(dataKey), c.final()]);
  kek.fill(0);
  return {
    ...header,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: c.getAuthTag().toString('base64'),
  };
}

/** The data key, or null when `secret` is not the one it was wrapped with (or the bytes were altered). Never throws on a wrong key. */
export function unwrapDataKey(w: WrappedDataKey, secret: Uint8Array): Buffer | null {
  const kek = keyEncryptionKey(secret, Buffer.from(w.kdf.salt, 'base64'), w.kdf);
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
    d.setAAD(additionalData(w));
    d.setAuthTag(Buffer.from(w.tag, 'base64'));
    const key = Buffer.concat([d.update(Buffer.from(w.ciphertext, 'base64')), d.final()]);
    return key.length === DATA_KEY_BYTES ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Parses the stored JSON; null when it is not a wrapped key of this format (never throws). */
export function parseWrappedDataKey(text: string): WrappedDataKey | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const kdf = o['kdf'] as Record<string, unknown> | undefined;
  const strings = [o['iv'], o['ciphertext'], o['tag'], kdf?.['salt']];
  if (
    o['format'] !== 'civicledger-wrapped-key' ||
    !(o['version'] === 1
      ? o['pageCipher'] === undefined
      : o['version'] === 2 && PAGE_CIPHERS.some((c) => c === o['pageCipher'])) ||
    o['cipher'] !== 'aes-256-gcm' ||
    typeof kdf !== 'object' ||
    kdf['name'] !== 'scrypt' ||
    !isInt(kdf['N'], 2, 2 ** 22) ||
    !isInt(kdf['r'], 1, 64) ||
    !isInt(kdf['p'], 1, 16) ||
    !strings.every((s) => typeof s === 'string' && B64.test(s))
  )
    return null;
  return v as WrappedDataKey;
}
