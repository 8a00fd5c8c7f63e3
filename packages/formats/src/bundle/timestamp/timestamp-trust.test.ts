import { randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestTsa, type TestTsa } from '../../../../../e2e/support/test-tsa.ts';
import { timestampQuery, tokenFromResponse } from './timestamp-query.ts';
import {
  checkTimestampTrust,
  parseTrustAnchors,
  TRUST_CHAINED,
  TRUST_NO_CHAIN,
  TRUST_NOT_CHECKED,
} from './timestamp-trust.ts';
import { verifyTimestampToken } from './verify-timestamp.ts';

// Real parts: two throwaway CAs made by openssl, each with a TSA (`openssl ts -reply`) it certified.
let tsa: TestTsa;
let other: TestTsa;
beforeAll(() => {
  tsa = makeTestTsa('Civic Trusted TSA');
  other = makeTestTsa('Civic Other TSA');
});
afterAll(() => {
  tsa.remove();
  other.remove();
});

const HEAD = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const pem = (t: TestTsa, file: string) => readFileSync(join(t.dir, file), 'utf8');
const anchorsOf = (text: string): X509Certificate[] => {
  const r = parseTrustAnchors(text);
  if (!r.ok) throw new Error(r.reason);
  return r.anchors;
};

async function check(t: TestTsa, anchors?: X509Certificate[]) {
  const nonce = randomBytes(8);
  const r = tokenFromResponse(await t.reply(timestampQuery(HEAD, nonce)));
  if (!r.ok) throw new Error(r.reason);
  return verifyTimestampToken(r.token, { headHash: HEAD, nonce, anchors });
}

describe("a timestamp's authority checked against the reader's CA file", () => {
  it('without a CA file the authority is named, not checked', async () => {
    expect(await check(tsa)).toMatchObject({
      ok: true,
      authority: 'Civic Trusted TSA',
      trust: { trusted: null, reason: TRUST_NOT_CHECKED },
    });
  });

  it("a token whose signer the CA issued is trusted; one from another CA's authority is not", async () => {
    const anchors = anchorsOf(pem(tsa, 'ca.crt'));
    expect(await check(tsa, anchors)).toMatchObject({
      ok: true,
      trust: { trusted: true, reason: TRUST_CHAINED },
    });
    // Still a token that holds (its signature is the other authority's): only the trust fails.
    expect(await check(other, anchors)).toMatchObject({
      ok: true,
      authority: 'Civic Other TSA',
      trust: { trusted: false, reason: TRUST_NO_CHAIN },
    });
  });

  it('a CA file of several certificates trusts each; the TSA certificate itself can be the anchor', async () => {
    const both = anchorsOf(`${pem(other, 'ca.crt')}\n${pem(tsa, 'ca.crt')}`);
    expect(both).toHaveLength(2);
    expect(await check(tsa, both)).toMatchObject({ trust: { trusted: true } });
    expect(await check(other, both)).toMatchObject({ trust: { trusted: true } });
    expect(await check(tsa, anchorsOf(pem(tsa, 'tsa.crt')))).toMatchObject({ trust: { trusted: true } });
    expect(await check(other, anchorsOf(pem(tsa, 'tsa.crt')))).toMatchObject({ trust: { trusted: false } });
  });

  it("a CA with the issuer's very name but another key is not its issuer", () => {
    // Both throwaway CAs are "CN=Throwaway CA": the link is the signature, not the name.
    const signer = new X509Certificate(pem(tsa, 'tsa.crt'));
    const impostor = new X509Certificate(pem(other, 'ca.crt'));
    expect(impostor.subject).toBe(new X509Certificate(pem(tsa, 'ca.crt')).subject);
    expect(checkTimestampTrust(signer, [impostor], [impostor], Date.now())).toEqual({
      trusted: false,
      reason: TRUST_NO_CHAIN,
    });
    const real = new X509Certificate(pem(tsa, 'ca.crt'));
    expect(checkTimestampTrust(signer, [], [real], Date.now()).trusted).toBe(true);
    // …and only at a time when the CA was valid (the throwaway CA lives two days).
    expect(checkTimestampTrust(signer, [], [real], Date.parse(real.validTo) + 86_400_000)).toEqual({
      trusted: false,
      reason: 'the trusted root was not valid at the time of the timestamp',
    });
  });

  it('a file with no PEM certificate, or a broken one, is refused', () => {
    expect(parseTrustAnchors('not a certificate')).toEqual({
      ok: false,
      reason: 'the CA file holds no PEM certificate',
    });
    expect(parseTrustAnchors('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).toEqual({
      ok: false,
      reason: 'certificate 1 of the CA file cannot be read',
    });
  });
});
