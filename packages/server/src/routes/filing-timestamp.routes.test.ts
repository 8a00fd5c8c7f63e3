import {
  listObligations,
  prepareFiling,
  seedFilingTestLedger,
  submitFiling,
  testDialects,
  verifyBundleBytes,
} from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestTsa, type TestTsa } from '../../../../e2e/support/test-tsa.ts';
import { testWorld, type TestWorld } from '../http-test-kit.ts';

// Real parts: the server through inject, a SQLite file and a real PostgreSQL database, and a real
// RFC 3161 authority (`openssl ts -reply`, throwaway CA) over HTTP on the loopback (TSA_URL).
let tsa: TestTsa;
let server: Awaited<ReturnType<TestTsa['listen']>>;
beforeAll(async () => {
  tsa = makeTestTsa('Civic Route Test TSA');
  server = await tsa.listen();
});
afterAll(async () => {
  await server.close();
  tsa.remove();
});

for (const dialect of testDialects()) {
  describe(`a filing's timestamp through the API on ${dialect}`, () => {
    let w: TestWorld;
    let org = '';
    let filingId = '';
    beforeAll(async () => {
      w = await testWorld(dialect, { tsa: { url: server.url } });
      org = (await seedFilingTestLedger(w.ctx)).org.id;
      const list = await listObligations(w.ctx, { asOf: '2021-04-01', from: '2021-03-01', to: '2021-04-30' });
      const n = list.ok ? list.value.obligations.find((o) => o.receiptIds.length > 0) : undefined;
      const f = await prepareFiling(w.ctx, { obligationId: n?.id });
      if (!f.ok) throw new Error(f.error.message);
      filingId = f.value.id;
      const s = await submitFiling(w.ctx, {
        filingId,
        submittedOn: '2021-04-02',
        channel: 'cabinet.salyk.kz',
        incomingNumber: 'KGD-17',
        attachments: [],
      });
      if (!s.ok) throw new Error(s.error.message);
    });
    afterAll(async () => w.close());

    it('the bundle route timestamps the head; the filings list then gives its time and authority', async () => {
      const viewer = await w.client(await w.user(`ts-${dialect}@a.test`, { [org]: 'viewer' }), 'ts');
      const before = (await viewer.request('GET', `/api/v1/orgs/${org}/filings`)).json() as {
        filings: { id: string; timestamp: unknown }[];
      };
      expect(before.filings.find((f) => f.id === filingId)?.timestamp).toBeNull();
      const bundle = await viewer.request('GET', `/api/v1/orgs/${org}/filings/${filingId}/bundle`);
      expect(bundle.statusCode).toBe(200);
      const v = verifyBundleBytes(new TextEncoder().encode(bundle.body));
      expect(v).toMatchObject({ ok: true, summary: { timestamp: { authority: 'Civic Route Test TSA' } } });
      const after = (await viewer.request('GET', `/api/v1/orgs/${org}/filings`)).json() as {
        filings: { id: string; timestamp: unknown }[];
      };
      expect(after.filings.find((f) => f.id === filingId)?.timestamp).toEqual({
        time: v.ok ? v.summary.timestamp?.time : 'none',
        authority: 'Civic Route Test TSA',
      });
    });
  });
}
