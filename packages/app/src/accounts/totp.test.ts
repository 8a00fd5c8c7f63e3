import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, newTotpSecret, totpCode, verifyTotp } from './totp.ts';

// RFC 6238 Appendix B: the seeds are the ASCII strings below (20, 32 and 64 bytes), 8 digits, X = 30 s.
const SEED = {
  sha1: Buffer.from('12345678901234567890', 'ascii'),
  sha256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
} as const;

describe('TOTP (RFC 6238 Appendix B test vectors)', () => {
  it.each([
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ])('T = %i s', (seconds, sha1, sha256, sha512) => {
    const at = new Date(seconds * 1000);
    expect(totpCode(SEED.sha1, at, { digits: 8, algorithm: 'sha1' })).toBe(sha1);
    expect(totpCode(SEED.sha256, at, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
    expect(totpCode(SEED.sha512, at, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
  });
});

describe('HOTP (RFC 4226 Appendix D)', () => {
  it('gives the published values for counters 0–9', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expected.forEach((code, i) => expect(hotp(SEED.sha1, BigInt(i))).toBe(code));
  });
});

describe('base32 (RFC 4648 §10)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%s ↔ %s', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(Buffer.from(base32Decode(`${encoded}======`) ?? []).toString()).toBe(plain);
  });

  it('refuses what is not base32', () => {
    expect(base32Decode('MZ1W')).toBeUndefined();
  });
});

describe('verifyTotp', () => {
  const secret = base32Encode(SEED.sha1);
  const at = new Date(1111111111 * 1000);

  it('accepts the current code and one step of drift, and returns the step', () => {
    const code = totpCode(SEED.sha1, at);
    expect(verifyTotp(secret, code, at)).toBe(37037037n);
    expect(verifyTotp(secret, code, new Date(at.getTime() + 30_000))).toBe(37037037n);
    expect(verifyTotp(secret, code, new Date(at.getTime() + 90_000))).toBeUndefined();
  });

  it('refuses a replayed step, a wrong code and a malformed one', () => {
    const code = totpCode(SEED.sha1, at);
    expect(verifyTotp(secret, code, at, { lastStep: 37037037n })).toBeUndefined();
    expect(verifyTotp(secret, code === '000000' ? '111111' : '000000', at)).toBeUndefined();
    expect(verifyTotp(secret, '12ab56', at)).toBeUndefined();
  });

  it('makes 160-bit secrets', () => {
    expect(base32Decode(newTotpSecret())).toHaveLength(20);
  });
});
