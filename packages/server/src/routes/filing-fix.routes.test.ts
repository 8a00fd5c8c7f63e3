import { listAudit, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// From a finding to its fix (issue 13): the filing check names the source at fault, the source is
// changed through the ledger's record routes, the check passes; a submission while the check finds
// errors is refused (409, naming them in the request's language) until they are acknowledged.
// Real parts: Fastify through inject(), the kz rule pack, a SQLite file and a PostgreSQL database.
for (const dialect of testDialects()) {
  describe(`from a lint finding to its fix, on ${dialect}`, () => {
    let w: TestWorld;
    let org = '';
    let acc: TestClient;
    const at = (path: string) => `/api/v1/orgs/${org}${path}`;
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Эхо');
      acc = await w.client(await w.user('acc@echo.test', { [org]: 'accountant' }), 'acc');
      await acc.request('POST', at('/ledger/rates'), { date: '2021-03-17', currency: 'USD', rate: '420.50' });
    });
    afterAll(async () => w.close());

    /** A country-less source, its receipt on `day`, and the draft F.017.00 notification of it. */
    const draftFor = async (name: string, day: string) => {
      const source = (
        await acc.request('POST', at('/ledger/sources'), { name, category: 'foreign-citizen', country: null })
      ).json() as { id: string; version: number };
      const receipt = await acc.request('POST', at('/ledger/receipts'), {
        sourceId: source.id,
        receivedOn: day,
        currency: 'USD',
        amount: '300.00',
      });
      expect(receipt.statusCode, receipt.body).toBe(201);
      const receiptId = (receipt.json() as { id: string }).id;
      const obligations = (await acc.request('GET', at(`/obligations?asOf=${day}`))).json() as {
        obligations: { id: string; form: string; receiptIds?: string[] }[];
      };
      const o = obligations.obligations.find(
        (x) => x.form === 'F.017.00' && x.receiptIds?.includes(receiptId),
      );
      const prepared = await acc.request('POST', at('/filings'), { obligationId: o?.id ?? '' });
      expect(prepared.statusCode, prepared.body).toBe(201);
      const filing = (prepared.json() as { id: string }).id;
      obligationOf[filing] = o?.id ?? '';
      return { source, filing };
    };
    const lint = async (filing: string) =>
      (await acc.request('GET', at(`/filings/${filing}/lint`))).json() as {
        errors: number;
        problems: { code: string; severity: string; records: { kind: string; id: string }[] }[];
      };
    const obligationOf: Record<string, string> = {};
    const submission = { submittedOn: '2021-03-20', channel: 'paper', incomingNumber: '17' };

    it('names the source at fault, refuses the submission naming the errors, passes once the source is fixed', async () => {
      const { source, filing } = await draftFor('Jane Doe', '2021-03-17');
      const found = await lint(filing);
      expect(found.problems.find((p) => p.code === 'LINT_SOURCE_COUNTRY_MISSING')).toMatchObject({
        severity: 'error',
        records: expect.arrayContaining([{ kind: 'source', id: source.id }]) as unknown,
      });
      const refused = await acc.request('POST', at(`/filings/${filing}/submission`), submission, {
        'accept-language': 'ru',
      });
      expect(refused.statusCode).toBe(409);
      const error = (refused.json() as { error: Record<string, unknown> }).error;
      expect(error).toMatchObject({ code: 'FILING_LINT_UNACKNOWLEDGED', field: 'acknowledgedLintErrors' });
      expect(error['message']).toMatch(/ошибк/);
      expect(error['lintErrors']).toEqual([
        { code: 'LINT_SOURCE_COUNTRY_MISSING', label: expect.stringMatching(/[а-я]/) },
      ]);
      const fixed = await acc.request('PATCH', at(`/ledger/sources/${source.id}`), {
        country: 'GB',
        version: 1,
      });
      expect(fixed.json()).toMatchObject({ country: 'GB', version: 2 });
      // The check reruns on the draft prepared again from the ledger as it now is.
      const again = await acc.request('POST', at('/filings'), { obligationId: obligationOf[filing] });
      expect((again.json() as { id: string }).id).toBe(filing);
      expect((await lint(filing)).errors).toBe(0);
      const done = await acc.request('POST', at(`/filings/${filing}/submission`), submission);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ state: 'submitted' });
    });

    it('records a submission made with its errors acknowledged, and says so in the audit trail', async () => {
      const { filing } = await draftFor('John Roe', '2021-03-18');
      expect((await lint(filing)).errors).toBeGreaterThan(0);
      const partial = await acc.request('POST', at(`/filings/${filing}/submission`), {
        ...submission,
        acknowledgedLintErrors: ['LINT_RATE_MISSING'],
      });
      expect(partial.statusCode).toBe(409);
      const done = await acc.request('POST', at(`/filings/${filing}/submission`), {
        ...submission,
        acknowledgedLintErrors: ['LINT_SOURCE_COUNTRY_MISSING'],
      });
      expect(done.statusCode, done.body).toBe(200);
      const audit = await listAudit(w.ctx, { organisationId: org, entityId: filing });
      expect(audit.find((e) => e.action === 'submit')?.after).toMatchObject({
        acknowledgedLintErrors: ['LINT_SOURCE_COUNTRY_MISSING'],
      });
    });
  });
}
