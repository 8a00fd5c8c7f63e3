import { canonicalJsonOf } from '@civic/core';
import { sha256Hex } from '@civic/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestTsa, type TestTsa } from '../../../../e2e/support/test-tsa.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { exportBundle, verifyBundleBytes } from './filing-bundle.ts';
import { seedFilingLedger } from './filing-test-ledger.ts';
import { listFilings } from './filing-records.ts';
import { filingTimestamp, tsaFromEnv } from './head-timestamp.ts';
import { listObligations } from './list-obligations.ts';
import { prepareFiling } from './prepare-filing.ts';
import { submitFiling } from './submit-filing.ts';

type Doc = Record<string, unknown> & { bundleHash: string; timestamp?: Record<string, unknown> };
const parse = (text: string): Doc => JSON.parse(text) as Doc;
/** Re-seals a changed bundle the way a forger would: a fresh bundleHash over the rest. */
const reseal = (doc: Doc): Uint8Array => {
  const { bundleHash: _old, ...rest } = doc;
  return new TextEncoder().encode(
    `${canonicalJsonOf({ ...rest, bundleHash: sha256Hex(canonicalJsonOf(rest)) })}\n`,
  );
};

// Real parts: a real RFC 3161 authority (`openssl ts -reply`, throwaway CA) served over HTTP on the
// loopback, a SQLite file and a real PostgreSQL database.
let tsa: TestTsa;
let server: Awaited<ReturnType<TestTsa['listen']>>;
let silent: Awaited<ReturnType<TestTsa['listen']>>;
beforeAll(async () => {
  tsa = makeTestTsa('Civic Loopback TSA');
  server = await tsa.listen();
  silent = await tsa.listen({ hang: true });
});
afterAll(async () => {
  await server.close();
  await silent.close();
  tsa.remove();
});

describe('tsaFromEnv', () => {
  it.each([
    [{}, undefined],
    [{ TSA_URL: '  ' }, undefined],
    [{ TSA_URL: 'http://tsa.test/' }, { url: 'http://tsa.test/' }],
    [
      { TSA_URL: 'http://tsa.test/', TSA_TIMEOUT_MS: '20000' },
      { url: 'http://tsa.test/', timeoutMs: 20000 },
    ],
    [{ TSA_URL: 'http://tsa.test/', TSA_TIMEOUT_MS: 'soon' }, { url: 'http://tsa.test/' }],
    [{ TSA_URL: 'http://tsa.test/', TSA_TIMEOUT_MS: '-1' }, { url: 'http://tsa.test/' }],
    [{ TSA_TIMEOUT_MS: '20000' }, undefined],
  ])('%j gives %j', (env, want) => {
    expect(tsaFromEnv(env)).toEqual(want);
  });
});

for (const dialect of testDialects()) {
  describe(`RFC 3161 timestamps of a filing's head on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let filingId = '';
    let org = '';
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2021-09-01T10:00:00.000Z'));
      const world = await seedFilingLedger(ctx);
      org = world.org.id;
      const list = await listObligations(ctx, { asOf: '2021-04-01', from: '2021-03-01', to: '2021-04-30' });
      const n = list.ok ? list.value.obligations.find((o) => o.receiptIds.length > 0) : undefined;
      const f = await prepareFiling(ctx, { obligationId: n?.id });
      if (!f.ok) throw new Error(f.error.message);
      filingId = f.value.id;
      const s = await submitFiling(ctx, {
        filingId,
        submittedOn: '2021-04-02',
        channel: 'cabinet.salyk.kz',
        incomingNumber: 'KGD-17',
        attachments: [],
      });
      if (!s.ok) throw new Error(s.error.message);
    });
    afterAll(async () => ctx.close());

    it('without an authority the bundle says it has no timestamp, and verifies', async () => {
      const b = await exportBundle(ctx, { filingId });
      if (!b.ok) throw new Error(b.error.message);
      expect(parse(b.value.text).timestamp).toEqual({
        token: null,
        reason: 'no time-stamping authority is configured (TSA_URL)',
      });
      expect(b.value.verification).toMatchObject({
        ok: true,
        summary: { timestamp: null, timestampReason: 'no time-stamping authority is configured (TSA_URL)' },
      });
      expect(await filingTimestamp(ctx, { id: filingId, organisation: org })).toBeNull();
      const list = await listFilings(ctx, { org });
      expect(list.ok && list.value.find((f) => f.id === filingId)?.timestamp).toBeNull();
    });

    it('an authority that does not answer in time leaves the head without one, and the filing stands', async () => {
      const asked = silent.queries.length;
      const b = await exportBundle(ctx, { filingId, tsa: { url: silent.url, timeoutMs: 300 } });
      if (!b.ok) throw new Error(b.error.message);
      expect(silent.queries.length).toBe(asked + 1);
      expect(parse(b.value.text).timestamp).toEqual({
        token: null,
        reason: 'the time-stamping authority did not answer within 0.3 s',
      });
      expect(b.value.verification.ok).toBe(true);
    });

    it('with an authority the head gets a token: verify gives its time and authority; it is stored and reused', async () => {
      const before = Date.now();
      const b = await exportBundle(ctx, { filingId, tsa: { url: server.url, timeoutMs: 120_000 } });
      if (!b.ok) throw new Error(b.error.message);
      const v = verifyBundleBytes(new TextEncoder().encode(b.value.text));
      expect(v).toMatchObject({
        ok: true,
        summary: { timestamp: { authority: 'Civic Loopback TSA' }, timestampReason: null },
      });
      const time = v.ok ? (v.summary.timestamp?.time ?? '') : '';
      expect(Math.abs(Date.parse(time) - before)).toBeLessThan(60_000);
      expect(await filingTimestamp(ctx, { id: filingId, organisation: org })).toEqual({
        time,
        authority: 'Civic Loopback TSA',
      });
      const list = await listFilings(ctx, { org });
      expect(list.ok && list.value.find((f) => f.id === filingId)?.timestamp).toEqual({
        time,
        authority: 'Civic Loopback TSA',
      });
      const asked = server.queries.length;
      const again = await exportBundle(ctx, { filingId, tsa: { url: server.url, timeoutMs: 120_000 } });
      if (!again.ok) throw new Error(again.error.message);
      expect(server.queries.length).toBe(asked);
      expect(parse(again.value.text).timestamp).toEqual(parse(b.value.text).timestamp);
    });

    it('a tampered token, a token for another head and another nonce are refused', async () => {
      const b = await exportBundle(ctx, { filingId, tsa: { url: server.url, timeoutMs: 120_000 } });
      if (!b.ok) throw new Error(b.error.message);
      const doc = parse(b.value.text);
      const stamp = doc.timestamp as { token: string; nonce: string };
      const token = Buffer.from(stamp.token, 'base64');
      const genTime = token.indexOf(Buffer.from(String(new Date().getUTCFullYear())));
      token[genTime + 6] = (token[genTime + 6] ?? 0) ^ 0x01;
      const tampered = { ...doc, timestamp: { ...stamp, token: token.toString('base64') } };
      expect(verifyBundleBytes(reseal(tampered))).toMatchObject({
        ok: false,
        fault: { code: 'BUNDLE_TIMESTAMP_INVALID', where: 'timestamp' },
      });
      // A genuine token of the authority, for a head that is not this bundle's.
      const { timestampQuery, tokenFromResponse } = await import('@civic/formats');
      const nonce = Buffer.from('0102030405060708', 'hex');
      const other = tokenFromResponse(await tsa.reply(timestampQuery('ab'.repeat(32), nonce)));
      if (!other.ok) throw new Error(other.reason);
      const foreign = {
        ...doc,
        timestamp: { token: Buffer.from(other.token).toString('base64'), nonce: '0102030405060708' },
      };
      expect(verifyBundleBytes(reseal(foreign))).toMatchObject({
        ok: false,
        fault: { code: 'BUNDLE_TIMESTAMP_INVALID', message: 'the timestamp is for another head' },
      });
      const renonced = { ...doc, timestamp: { ...stamp, nonce: '00' } };
      expect(verifyBundleBytes(reseal(renonced))).toMatchObject({
        ok: false,
        fault: {
          code: 'BUNDLE_TIMESTAMP_INVALID',
          message: 'the timestamp does not carry the nonce that was sent',
        },
      });
      // Dropping the token makes a bundle that says it has none: it proves no time, and says so.
      const { timestamp: _t, ...bare } = doc;
      expect(verifyBundleBytes(reseal(bare as Doc))).toMatchObject({
        ok: true,
        summary: { timestamp: null, timestampReason: 'the bundle carries no timestamp' },
      });
    });
  });
}
