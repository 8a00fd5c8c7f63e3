import { testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// An obligation checked before its filing is prepared (issue 13): the F.017.00 notification of a
// receipt from a source without a country names that source; fixed through the record routes, the
// check passes; nothing is stored by checking. Real parts: Fastify through inject(), the kz rule
// pack, a SQLite file and a PostgreSQL database.
interface Check {
  obligationId: string;
  errors: number;
  problems: { code: string; label: string; message: string; records: { kind: string; id: string }[] }[];
}

for (const dialect of testDialects()) {
  describe(`an obligation's check, on ${dialect}`, () => {
    let w: TestWorld;
    let org = '';
    let acc: TestClient;
    const at = (path: string) => `/api/v1/orgs/${org}${path}`;
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Эхо');
      acc = await w.client(await w.user('acc@check.test', { [org]: 'accountant' }), 'acc');
      await acc.request('POST', at('/ledger/rates'), { date: '2021-03-17', currency: 'USD', rate: '420.50' });
    });
    afterAll(async () => w.close());

    it('names the source without a country, in the request language, and passes once it is fixed', async () => {
      const source = (
        await acc.request('POST', at('/ledger/sources'), {
          name: 'Jane Doe',
          category: 'foreign-citizen',
          country: null,
        })
      ).json() as { id: string };
      const receipt = (
        await acc.request('POST', at('/ledger/receipts'), {
          sourceId: source.id,
          receivedOn: '2021-03-17',
          currency: 'USD',
          amount: '300.00',
        })
      ).json() as { id: string };
      const list = (await acc.request('GET', at('/obligations?asOf=2021-03-17'))).json() as {
        obligations: { id: string; form: string; receiptIds: string[] }[];
      };
      const o = list.obligations.find((x) => x.form === 'F.017.00' && x.receiptIds.includes(receipt.id));
      if (!o) throw new Error('no notification obligation');
      const url = at(`/obligations/${encodeURIComponent(o.id)}/check`);

      const found = await acc.request('GET', url, undefined, { 'accept-language': 'ru' });
      expect(found.statusCode, found.body).toBe(200);
      const check = found.json() as Check;
      expect(check.obligationId).toBe(o.id);
      const problem = check.problems.find((p) => p.code === 'LINT_SOURCE_COUNTRY_MISSING');
      expect(problem).toMatchObject({
        label: expect.stringMatching(/[а-я]/),
        message: expect.stringMatching(/[а-я]/),
        records: expect.arrayContaining([{ kind: 'source', id: source.id }]),
      });
      expect(check.errors).toBeGreaterThan(0);
      // Checking stores no filing.
      expect(((await acc.request('GET', at('/filings'))).json() as { filings: unknown[] }).filings).toEqual(
        [],
      );

      await acc.request('PATCH', at(`/ledger/sources/${source.id}`), { country: 'GB', version: 1 });
      const again = (await acc.request('GET', url)).json() as Check;
      expect(again.problems.map((p) => p.code)).not.toContain('LINT_SOURCE_COUNTRY_MISSING');
      expect(again.errors).toBe(0);

      const unknown = await acc.request('GET', at(`/obligations/${encodeURIComponent(`${org}:nope`)}/check`));
      expect([unknown.statusCode, (unknown.json() as { error: { code: string } }).error.code]).toEqual([
        404,
        'OBLIGATION_NOT_FOUND',
      ]);
    });
  });
}
