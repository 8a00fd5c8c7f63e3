import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestTsa, type TestTsa } from '../../../../../e2e/support/test-tsa.ts';
import { timestampQuery, tokenFromResponse } from './timestamp-query.ts';
import { verifyTimestampToken } from './verify-timestamp.ts';

// A real authority: `openssl ts -reply` with a throwaway CA and TSA certificate.
let tsa: TestTsa;
beforeAll(() => {
  tsa = makeTestTsa('Civic Test TSA');
});
afterAll(() => tsa.remove());

const HEAD = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const OTHER = HEAD.replace(/^ba/, 'bb');

async function tokenFor(head: string, nonce: Uint8Array): Promise<Uint8Array> {
  const r = tokenFromResponse(await tsa.reply(timestampQuery(head, nonce)));
  if (!r.ok) throw new Error(r.reason);
  return r.token;
}

describe('RFC 3161 timestamps of a chain head', () => {
  it('a token from the authority holds: its time and the authority named in its certificate', async () => {
    const nonce = randomBytes(8);
    const before = Date.now();
    const v = verifyTimestampToken(await tokenFor(HEAD, nonce), { headHash: HEAD, nonce });
    expect(v).toMatchObject({ ok: true, authority: 'Civic Test TSA' });
    if (!v.ok) return;
    expect(Math.abs(Date.parse(v.time) - before)).toBeLessThan(60_000);
  });

  it('the query openssl reads carries the SHA-256 imprint of the head, the nonce and certReq', async () => {
    const nonce = Buffer.from('8f0011223344556677', 'hex');
    const q = timestampQuery(HEAD, nonce);
    const { execFileSync } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${tsa.dir}/check.tsq`, q);
    const text = execFileSync('openssl', ['ts', '-query', '-in', `${tsa.dir}/check.tsq`, '-text'], {
      encoding: 'utf8',
    });
    expect(text).toMatch(/Hash Algorithm: sha256/);
    expect(text.replace(/[^0-9a-f]/gi, '').toLowerCase()).toContain(HEAD.slice(0, 16));
    expect(text).toMatch(/Nonce: 0x8F0011223344556677/i);
    expect(text).toMatch(/Certificate required: yes/);
  });

  it('a nonce that starts with zero bytes is sent as a minimal DER integer, granted and verified', async () => {
    for (const hex of ['0011223344556677', '0000ff0102030405', '00000000000000a1', '0000000000000000']) {
      const nonce = Buffer.from(hex, 'hex');
      const v = verifyTimestampToken(await tokenFor(HEAD, nonce), { headHash: HEAD, nonce });
      expect(v, hex).toMatchObject({ ok: true, authority: 'Civic Test TSA' });
    }
  });

  it('a token for another head is refused', async () => {
    const nonce = randomBytes(8);
    const v = verifyTimestampToken(await tokenFor(OTHER, nonce), { headHash: HEAD, nonce });
    expect(v).toEqual({ ok: false, reason: 'the timestamp is for another head' });
  });

  it('a token with another nonce is refused', async () => {
    const v = verifyTimestampToken(await tokenFor(HEAD, randomBytes(8)), {
      headHash: HEAD,
      nonce: randomBytes(8),
    });
    expect(v).toEqual({ ok: false, reason: 'the timestamp does not carry the nonce that was sent' });
  });

  it('a tampered token is refused wherever the byte is changed (every fifth byte, all through)', async () => {
    const nonce = randomBytes(8);
    const token = await tokenFor(HEAD, nonce);
    const held: number[] = [];
    for (let i = 0; i < token.length; i += 5) {
      const bad = new Uint8Array(token);
      bad[i] = (bad[i] ?? 0) ^ 0x01;
      const v = verifyTimestampToken(bad, { headHash: HEAD, nonce });
      if (v.ok) held.push(i);
    }
    expect(held).toEqual([]);
    const genTimeAt = Buffer.from(token).indexOf(Buffer.from(String(new Date().getUTCFullYear())));
    const bad = new Uint8Array(token);
    bad[genTimeAt + 5] = (bad[genTimeAt + 5] ?? 0) ^ 0x01;
    expect(verifyTimestampToken(bad, { headHash: HEAD, nonce })).toMatchObject({ ok: false });
  });

  it('bytes that are not a token are refused, never thrown', () => {
    expect(
      verifyTimestampToken(new Uint8Array([1, 2, 3]), { headHash: HEAD, nonce: randomBytes(8) }),
    ).toEqual({
      ok: false,
      reason: 'the timestamp token is not a valid RFC 3161 token',
    });
    expect(tokenFromResponse(new Uint8Array([48, 0]))).toMatchObject({ ok: false });
  });
});
