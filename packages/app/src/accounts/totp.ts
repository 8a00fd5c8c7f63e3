import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** TOTP (RFC 6238) over HOTP (RFC 4226), with node's crypto only. Secrets travel as base32 (RFC 4648). */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  readonly digits?: number;
  /** Seconds per step (X in RFC 6238); default 30. */
  readonly period?: number;
  readonly algorithm?: TotpAlgorithm;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (case-insensitive, spaces and padding ignored); undefined when not base32. */
export function base32Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) return undefined;
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** HOTP value for a counter (RFC 4226 §5.3: dynamic truncation). */
export function hotp(
  key: Uint8Array,
  counter: bigint,
  digits = 6,
  algorithm: TotpAlgorithm = 'sha1',
): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(counter);
  const mac = createHmac(algorithm, key).update(msg).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return (binary % 10 ** digits).toString().padStart(digits, '0');
}

/** The time step of a moment: floor(unix seconds / period). */
export function totpStep(at: Date, period = 30): bigint {
  return BigInt(Math.floor(at.getTime() / 1000 / period));
}

/** The TOTP code of a key at a moment. */
export function totpCode(key: Uint8Array, at: Date, options: TotpOptions = {}): string {
  return hotp(key, totpStep(at, options.period), options.digits ?? 6, options.algorithm ?? 'sha1');
}

/**
 * Checks a code against the steps around `at` (±`window`, default 1: 30 s of clock drift) and
 * returns the step that matched, or undefined. A step at or before `lastStep` is refused, so a code
 * seen once can never be replayed.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  at: Date,
  options: TotpOptions & { window?: number; lastStep?: bigint | null } = {},
): bigint | undefined {
  const key = base32Decode(secretBase32);
  const digits = options.digits ?? 6;
  if (!key || !new RegExp(`^\\d{${digits}}$`).test(code)) return undefined;
  const now = totpStep(at, options.period);
  const window = options.window ?? 1;
  for (let d = -window; d <= window; d++) {
    const step = now + BigInt(d);
    if (options.lastStep !== undefined && options.lastStep !== null && step <= options.lastStep) continue;
    const expected = hotp(key, step, digits, options.algorithm ?? 'sha1');
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code))) return step;
  }
  return undefined;
}

/** A new random secret (160 bits, RFC 4226's recommendation) in base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The otpauth:// URI authenticator apps read (from a QR code or typed in). */
export function otpauthUri(secretBase32: string, account: string, issuer = 'CivicLedger'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
