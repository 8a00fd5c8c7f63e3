import {
  listObligations,
  prepareFiling,
  seedFilingTestLedger,
  testDialects,
  verifyBundleBytes,
} from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestTsa, type TestTsa } from '../../../../e2e/support/test-tsa.ts';
import { testWorld, type TestWorld } from '../http-test-kit.ts';

// Real parts: the server through inject, a SQLite file and a real PostgreSQL database, and a real
// RFC 3161 authority (`openssl ts -reply`, throwaway CA) over HTTP on the loopback (TSA_URL). The
// authority is given two minutes: on a loaded 2-core runner, `openssl ts -reply` took past the
// default 5 s and the filing went without its timestamp.
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
      w = await testWorld(dialect, { tsa: { url: server.url, timeoutMs: 120_000 } });
      org = (await seedFilingTestLedger(w.ctx)).org.id;
      const list = await listObligations(w.ctx, { asOf: '2021-04-01', from: '2021-03-01', to: '2021-04-30' });
      const n = list.ok ? list.value.obligations.find((o) => o.receiptIds.length > 0) : undefined;
      const f = await prepareFiling(w.ctx, { obligationId: n?.id });
      if (!f.ok) throw new Error(f.error.message);
      filingId = f.value.id;
    });
    afterAll(async () => w.close());

    it('submitting timestamps the filing at once; the bundle carries that token; the list gives time and authority', async () => {
      const viewer = await w.client(await w.user(`ts-${dialect}@a.test`, { [org]: 'viewer' }), 'ts');
      const accountant = await w.client(
        await w.user(`acc-${dialect}@a.test`, { [org]: 'accountant' }),
        'acc',
      );
      const list = async () =>
        (
          (await viewer.request('GET', `/api/v1/orgs/${org}/filings`)).json() as {
            filings: { id: string; timestamp: unknown }[];
          }
        ).filings.find((f) => f.id === filingId)?.timestamp;
      expect(await list()).toBeNull();
      const lint = (
        await accountant.request('GET', `/api/v1/orgs/${org}/filings/${filingId}/lint`)
      ).json() as {
        problems: { code: string; severity: string }[];
      };
      const asked = server.queries.length;
      const submitted = await accountant.request(
        'POST',
        `/api/v1/orgs/${org}/filings/${filingId}/submission`,
        {
          submittedOn: '2021-04-02',
          channel: 'cabinet.salyk.kz',
          incomingNumber: 'KGD-17',
          acknowledgedLintErrors: lint.problems.filter((p) => p.severity === 'error').map((p) => p.code),
        },
      );
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(server.queries.length).toBe(asked + 1);
      expect(await list()).toMatchObject({ authority: 'Civic Route Test TSA' });
      const bundle = await viewer.request('GET', `/api/v1/orgs/${org}/filings/${filingId}/bundle`);
      expect(bundle.statusCode).toBe(200);
      const v = verifyBundleBytes(new TextEncoder().encode(bundle.body));
      expect(v).toMatchObject({ ok: true, summary: { timestamp: { authority: 'Civic Route Test TSA' } } });
      expect(server.queries.length).toBe(asked + 1);
      expect(await list()).toEqual({
        time: v.ok ? v.summary.timestamp?.time : 'none',
        authority: 'Civic Route Test TSA',
      });
    });
  });
}
