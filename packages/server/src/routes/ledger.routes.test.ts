import { readFileSync } from 'node:fs';
import { importRates, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build1CStatement } from '../../../../e2e/support/statements.ts';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// API tests for the ledger, obligations and filings routes: happy path, bad input (400 with code
// and field), no session (401), wrong role (403) or tenant (404).
// Real parts: Fastify through inject(), the real 1C reader, a SQLite file and a PostgreSQL database.
const statement = (number: string, date: string) =>
  build1CStatement({
    account: 'KZ716010131000012345',
    holder: 'ОФ «Альфа»',
    holderBin: '070940000014',
    from: '01.03.2021',
    to: '31.03.2021',
    opening: '0.00',
    incoming: {
      number,
      date,
      amount: '1000000.00',
      payer: 'Open Door Fund (Germany)',
      payerAccount: 'DE89370400440532013000',
      payerSector: '21',
      purpose: 'Grant 2021-1',
    },
  });

for (const dialect of testDialects()) {
  describe(`ledger and filings routes on ${dialect}`, () => {
    let w: TestWorld;
    let orgA = '';
    let orgB = '';
    let accountant: TestClient;
    let viewer: TestClient;
    let monitor: TestClient;
    let outsider: TestClient;
    beforeAll(async () => {
      w = await testWorld(dialect);
      orgA = await w.org('Alpha Org');
      orgB = await w.org('Beta Org');
      accountant = await w.client(await w.user('acc@a.test', { [orgA]: 'accountant' }), 'acc');
      viewer = await w.client(await w.user('view@a.test', { [orgA]: 'viewer' }), 'view');
      monitor = await w.client(await w.user('mon@a.test', { [orgA]: 'monitor' }), 'mon');
      outsider = await w.client(await w.user('out@b.test', { [orgB]: 'admin' }), 'out');
    });
    afterAll(async () => w.close());

    const code = (res: { statusCode: number; json(): unknown }) => [
      res.statusCode,
      (res.json() as { error?: { code: string; field?: string } }).error,
    ];
    const upload = (c: TestClient, org: string, body: string, query = 'fileName=march.txt') =>
      c.request('POST', `/api/v1/orgs/${org}/ledger/imports?${query}`, Buffer.from(body, 'utf8'), {
        'content-type': 'application/octet-stream',
      });

    it('imports a statement once, proposes the foreign payment, and refuses what it must', async () => {
      const first = await upload(accountant, orgA, statement('1', '10.03.2021'));
      expect(first.json()).toMatchObject({ read: 1, imported: 1, duplicates: 0, foreignCandidates: 1 });
      expect((await upload(accountant, orgA, statement('1', '10.03.2021'))).json()).toMatchObject({
        imported: 0,
        duplicates: 1,
      });
      expect(code(await upload(accountant, orgA, 'not a statement at all'))).toEqual([
        400,
        expect.objectContaining({ code: expect.stringMatching(/^IMPORT_/) }),
      ]);
      expect(code(await upload(accountant, orgA, statement('2', '11.03.2021'), 'format=1c'))).toEqual([
        400,
        {
          code: 'REQUEST_INVALID',
          field: 'fileName',
          message: expect.any(String),
          requestId: expect.any(String),
        },
      ]);
      expect(
        code(await upload(accountant, orgA, statement('2', '11.03.2021'), 'fileName=x.txt&format=pdf')),
      ).toEqual([400, expect.objectContaining({ code: 'REQUEST_INVALID', field: 'format' })]);
      expect(code(await upload(viewer, orgA, statement('2', '11.03.2021')))).toEqual([
        403,
        expect.objectContaining({ code: 'AUTH_FORBIDDEN' }),
      ]);
      expect(code(await upload(outsider, orgA, statement('2', '11.03.2021')))).toEqual([
        404,
        expect.objectContaining({ code: 'ORG_NOT_FOUND' }),
      ]);
      expect(code(await upload(w.anonymous, orgA, statement('2', '11.03.2021')))).toEqual([
        401,
        expect.objectContaining({ code: 'AUTH_REQUIRED' }),
      ]);
    });

    it('names the file, the line and the field of a bad statement, with the specific account, and stores nothing', async () => {
      const count = async () =>
        (
          (await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/receipts`)).json() as {
            receipts: unknown[];
          }
        ).receipts.length +
        (
          (await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/candidates`)).json() as {
            candidates: unknown[];
          }
        ).candidates.length;
      const before = await count();
      const bad = statement('8', '14.03.2021').replace(/Сумма=1000000\.00/, 'Сумма=1000000.00.5');
      expect(bad).toContain('Сумма=1000000.00.5');
      const res = await upload(accountant, orgA, bad, 'fileName=bad-march.txt');
      const line = bad.split(/\r?\n/).findIndex((l) => l.startsWith('Сумма=1000000.00.5')) + 1;
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json() as { error: unknown }).error).toMatchObject({
        code: expect.stringMatching(/^IMPORT_/),
        file: 'bad-march.txt',
        line,
        field: expect.any(String),
        detail: expect.stringContaining('1000000.00.5'),
      });
      expect(await count()).toBe(before);
    });

    it('asks for a currency mapping instead of storing an unknown currency as KZT (400 naming the column)', async () => {
      const seed = 'Дата,Сумма,Валюта платежа,Счет\n2021-03-01,15000.00,USD,KZ716010131000012345\n';
      expect(code(await upload(accountant, orgA, seed, 'fileName=usd.csv'))).toEqual([
        400,
        expect.objectContaining({ code: 'IMPORT_CSV_MAPPING_REQUIRED', field: 'Валюта платежа' }),
      ]);
      const none = 'date,amount,account\n2021-03-01,15000.00,KZ716010131000012345\n';
      expect(code(await upload(accountant, orgA, none, 'fileName=none.csv'))).toEqual([
        400,
        expect.objectContaining({ code: 'IMPORT_CSV_MAPPING_REQUIRED', field: 'currency' }),
      ]);
      // Said by the user (in the other organisation, whose ledger no later test reads).
      const said = await upload(outsider, orgB, none, 'fileName=none.csv&currency=USD');
      expect(said.json()).toMatchObject({
        imported: 1,
        accounts: [expect.objectContaining({ currency: 'USD' })],
      });
      // The column the user picks as the currency column (the web preview's mapping).
      const unknown = encodeURIComponent('Валюта платежа');
      expect(code(await upload(accountant, orgA, seed, 'fileName=usd.csv&currencyColumn=Nope'))).toEqual([
        400,
        expect.objectContaining({ code: 'IMPORT_CSV_MAPPING_REQUIRED', field: 'currencyColumn' }),
      ]);
      const other = seed.replace('15000.00', '16000.00');
      const picked = await upload(outsider, orgB, other, `fileName=usd.csv&currencyColumn=${unknown}`);
      expect(picked.json()).toMatchObject({
        imported: 1,
        accounts: [expect.objectContaining({ currency: 'USD' })],
      });
    });

    it('answers a DOCTYPE or 50,000 nested elements with 400 IMPORT_XML_INVALID naming the line, never 500', async () => {
      const seed = (name: string) =>
        readFileSync(new URL(`../../../formats/src/fixtures/seeds/${name}`, import.meta.url), 'utf8');
      expect(
        code(await upload(accountant, orgA, seed('camt053-doctype-entities.xml'), 'fileName=d.xml')),
      ).toEqual([400, expect.objectContaining({ code: 'IMPORT_XML_INVALID', line: 2, field: 'DOCTYPE' })]);
      expect(
        code(await upload(accountant, orgA, seed('camt053-deep-nesting.xml'), 'fileName=n.xml')),
      ).toEqual([400, expect.objectContaining({ code: 'IMPORT_XML_INVALID', line: 3 })]);
    });

    it('lists candidates and confirms one as a receipt (audited), then refuses a second decision', async () => {
      const list = (
        await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/candidates?status=proposed`)
      ).json() as { candidates: { id: string; reasons: { code: string }[] }[] };
      expect(list.candidates).toHaveLength(1);
      expect(list.candidates[0]?.reasons.map((r) => r.code)).toEqual(['non-resident-sender']);
      const id = list.candidates[0]?.id ?? '';
      expect(
        code(await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/candidates?status=maybe`)),
      ).toEqual([400, expect.objectContaining({ field: 'status' })]);
      expect(
        code(
          await accountant.request('POST', `/api/v1/orgs/${orgA}/ledger/candidates/${id}/confirm`, {
            newSource: { name: 'Open Door Fund', category: 'alien' },
          }),
        ),
      ).toEqual([400, expect.objectContaining({ code: 'REQUEST_INVALID' })]);
      expect(
        code(await viewer.request('POST', `/api/v1/orgs/${orgA}/ledger/candidates/${id}/confirm`, {})),
      ).toEqual([403, expect.objectContaining({ code: 'AUTH_FORBIDDEN' })]);
      expect(
        code(
          await outsider.request('POST', `/api/v1/orgs/${orgB}/ledger/candidates/${id}/confirm`, {
            newSource: { category: 'foreign-organisation' },
          }),
        ),
      ).toEqual([404, expect.objectContaining({ code: 'CANDIDATE_NOT_FOUND' })]);
      const ok = await accountant.request('POST', `/api/v1/orgs/${orgA}/ledger/candidates/${id}/confirm`, {
        newSource: { name: 'Open Door Fund', category: 'foreign-organisation', country: 'DE' },
      });
      expect(ok.json()).toMatchObject({
        candidate: { status: 'confirmed', decidedBy: 'acc@a.test' },
        receipt: { receivedOn: '2021-03-10', amount: '1000000.00', currency: 'KZT' },
      });
      expect(
        code(await accountant.request('POST', `/api/v1/orgs/${orgA}/ledger/candidates/${id}/reject`)),
      ).toEqual([409, expect.objectContaining({ code: 'CANDIDATE_ALREADY_DECIDED' })]);
      const trail = await w.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/${orgA}/audit`,
        cookies: (await w.client(await w.user('adm@a.test', { [orgA]: 'admin' }), 'adm')).cookies,
      });
      expect(
        (trail.json() as { entries: { entity: string; action: string }[] }).entries
          .slice(0, 3)
          .map((e) => `${e.entity}:${e.action}`),
      ).toEqual(expect.arrayContaining(['receipt:create', 'foreign-candidate:confirm']));
    });

    it('lists receipts, expenditures, grants, sources and balances to readers only', async () => {
      const receipts = (await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/receipts`)).json() as {
        receipts: { amount: string }[];
      };
      expect(receipts.receipts.map((r) => r.amount)).toEqual(['1000000.00']);
      expect(
        (await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/receipts?from=2021-04-01`)).json(),
      ).toEqual({ receipts: [], hasMore: false });
      expect(
        (await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/receipts?limit=1&offset=1`)).json(),
      ).toEqual({ receipts: [], hasMore: false });
      expect(code(await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/receipts?limit=0`))).toEqual([
        400,
        expect.objectContaining({ field: 'limit' }),
      ]);
      expect(code(await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/receipts?from=April`))).toEqual([
        400,
        expect.objectContaining({ field: 'from' }),
      ]);
      expect((await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/expenditures`)).json()).toEqual({
        expenditures: [],
        hasMore: false,
      });
      expect((await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/grants`)).json()).toEqual({
        grants: [],
      });
      expect(
        (
          (await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/sources`)).json() as {
            sources: { name: string; category: string }[];
          }
        ).sources,
      ).toMatchObject([{ name: 'Open Door Fund', category: 'foreign-organisation' }]);
      const balance = (
        await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/balance?by=source`)
      ).json() as { balances: { balance: string }[] };
      expect(balance.balances.map((b) => b.balance)).toEqual(['1000000.00']);
      expect(code(await viewer.request('GET', `/api/v1/orgs/${orgA}/ledger/balance?by=colour`))).toEqual([
        400,
        expect.objectContaining({ field: 'by' }),
      ]);
      for (const p of ['receipts', 'expenditures', 'grants', 'sources', 'balance', 'candidates']) {
        expect(code(await monitor.request('GET', `/api/v1/orgs/${orgA}/ledger/${p}`))[0]).toBe(403);
        expect(code(await outsider.request('GET', `/api/v1/orgs/${orgA}/ledger/${p}`))[0]).toBe(404);
        expect(code(await w.anonymous.request('GET', `/api/v1/orgs/${orgA}/ledger/${p}`))[0]).toBe(401);
      }
      expect(
        (
          (await outsider.request('GET', `/api/v1/orgs/${orgB}/ledger/receipts`)).json() as {
            receipts: unknown[];
          }
        ).receipts,
      ).toEqual([]);
    });

    it('derives the notification obligation of the confirmed receipt', async () => {
      const res = await viewer.request('GET', `/api/v1/orgs/${orgA}/obligations?asOf=2021-03-12`);
      const obligations = (
        res.json() as {
          obligations: { form: string; dueOn: string; status: string; period: { from: string } }[];
        }
      ).obligations;
      expect(obligations.find((o) => o.form === 'F.017.00')).toMatchObject({
        dueOn: '2021-03-29',
        status: 'upcoming',
        period: { from: '2021-03-10' },
      });
      expect(code(await viewer.request('GET', `/api/v1/orgs/${orgA}/obligations?asOf=12.03.2021`))).toEqual([
        400,
        expect.objectContaining({ field: 'asOf' }),
      ]);
      expect(code(await monitor.request('GET', `/api/v1/orgs/${orgA}/obligations`))[0]).toBe(403);
      expect(code(await outsider.request('GET', `/api/v1/orgs/${orgA}/obligations`))[0]).toBe(404);
      expect(code(await w.anonymous.request('GET', `/api/v1/orgs/${orgA}/obligations`))[0]).toBe(401);
    });

    it('lists filings and refuses another organisation\u2019s filing document', async () => {
      expect((await viewer.request('GET', `/api/v1/orgs/${orgA}/filings`)).json()).toEqual({ filings: [] });
      expect(
        code(await viewer.request('GET', `/api/v1/orgs/${orgA}/filings/fil_nope/document?format=pdf`)),
      ).toEqual([404, expect.objectContaining({ code: 'FILING_NOT_FOUND' })]);
      expect(
        code(await viewer.request('GET', `/api/v1/orgs/${orgA}/filings/fil_nope/document?format=doc`)),
      ).toEqual([400, expect.objectContaining({ field: 'format' })]);
      expect(code(await monitor.request('GET', `/api/v1/orgs/${orgA}/filings`))[0]).toBe(403);
      expect(code(await outsider.request('GET', `/api/v1/orgs/${orgA}/filings`))[0]).toBe(404);
      expect(code(await w.anonymous.request('GET', `/api/v1/orgs/${orgA}/filings`))[0]).toBe(401);
    });
    it('prepares a filing for the obligation, lints it, records its submission and gives its proof bundle', async () => {
      const list = (
        await viewer.request('GET', `/api/v1/orgs/${orgA}/obligations?asOf=2021-03-12`)
      ).json() as { obligations: { id: string; form: string }[] };
      const obligation = list.obligations.find((o) => o.form === 'F.017.00');
      expect(obligation).toBeDefined();
      const obligationId = obligation?.id ?? '';
      expect(code(await viewer.request('POST', `/api/v1/orgs/${orgA}/filings`, { obligationId }))).toEqual([
        403,
        expect.objectContaining({ code: 'AUTH_FORBIDDEN' }),
      ]);
      expect(code(await outsider.request('POST', `/api/v1/orgs/${orgB}/filings`, { obligationId }))).toEqual([
        404,
        expect.objectContaining({ code: 'OBLIGATION_NOT_FOUND', field: 'obligationId' }),
      ]);
      expect(
        code(
          await accountant.request('POST', `/api/v1/orgs/${orgA}/filings`, { obligationId, colour: 'red' }),
        ),
      ).toEqual([400, expect.objectContaining({ code: 'REQUEST_INVALID', field: 'colour' })]);
      const prepared = await accountant.request('POST', `/api/v1/orgs/${orgA}/filings`, { obligationId });
      expect(prepared.statusCode, prepared.body).toBe(201);
      const filing = prepared.json() as { id: string; state: string; form: string };
      expect(filing).toMatchObject({ state: 'draft', form: 'F.017.00' });
      const lint = (await viewer.request('GET', `/api/v1/orgs/${orgA}/filings/${filing.id}/lint`)).json() as {
        errors: number;
        problems: { code: string }[];
      };
      expect(typeof lint.errors).toBe('number');
      expect(code(await outsider.request('GET', `/api/v1/orgs/${orgB}/filings/${filing.id}/lint`))).toEqual([
        404,
        expect.objectContaining({ code: 'FILING_NOT_FOUND' }),
      ]);
      const pdf = await viewer.request(
        'GET',
        `/api/v1/orgs/${orgA}/filings/${filing.id}/document?format=pdf`,
      );
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(
        code(
          await accountant.request('POST', `/api/v1/orgs/${orgA}/filings/${filing.id}/submission`, {
            submittedOn: '2021-03-20',
            channel: 'egov',
          }),
        ),
      ).toEqual([400, expect.objectContaining({ field: 'incomingNumber' })]);
      expect(
        code(
          await viewer.request('POST', `/api/v1/orgs/${orgA}/filings/${filing.id}/submission`, {
            submittedOn: '2021-03-20',
            channel: 'egov',
            incomingNumber: 'N-1',
          }),
        )[0],
      ).toBe(403);
      const submitted = await accountant.request(
        'POST',
        `/api/v1/orgs/${orgA}/filings/${filing.id}/submission`,
        { submittedOn: '2021-03-20', channel: 'egov', incomingNumber: 'N-1' },
      );
      expect(submitted.json()).toMatchObject({ id: filing.id, state: 'submitted' });
      expect(
        (
          await accountant.request('POST', `/api/v1/orgs/${orgA}/filings/${filing.id}/submission`, {
            submittedOn: '2021-03-21',
            channel: 'egov',
            incomingNumber: 'N-2',
          })
        ).statusCode,
      ).toBeGreaterThanOrEqual(400);
      const bundle = await viewer.request('GET', `/api/v1/orgs/${orgA}/filings/${filing.id}/bundle`);
      expect(bundle.statusCode).toBe(200);
      expect(bundle.body).toContain(filing.id);
      expect(code(await outsider.request('GET', `/api/v1/orgs/${orgB}/filings/${filing.id}/bundle`))[0]).toBe(
        404,
      );
      expect(
        code(await w.anonymous.request('GET', `/api/v1/orgs/${orgA}/filings/${filing.id}/bundle`))[0],
      ).toBe(401);
      const after = (
        await viewer.request('GET', `/api/v1/orgs/${orgA}/obligations?asOf=2021-03-25`)
      ).json() as { obligations: { id: string; status: string; filingId: string | null }[] };
      expect(after.obligations.find((o) => o.id === obligationId)).toMatchObject({
        status: 'filed-on-time',
        filingId: filing.id,
      });
    });
    it('lists official rates newest first, in every base currency held, to any signed-in user', async () => {
      const csv =
        'date,currency,rate,units\n2021-03-09,USD,420.50,1\n2021-03-10,USD,421.07,1\n2021-03-10,EUR,502.11,1\n';
      const imported = await importRates(w.ctx, { bytes: Buffer.from(csv), fileName: 'rates.csv' });
      expect(imported.ok).toBe(true);
      // The RBI's rupee rate of the same currency and day lives beside the NBK's tenge rate.
      const rupee = await importRates(w.ctx, {
        bytes: Buffer.from('date,currency,rate,units\n2021-03-10,USD,72.85,1\n'),
        fileName: 'rbi.csv',
        pack: 'in-fcra',
      });
      expect(rupee.ok).toBe(true);
      expect((await viewer.request('GET', '/api/v1/rates?currency=USD')).json()).toEqual({
        currency: 'USD',
        rates: [
          { base: 'INR', date: '2021-03-10', rate: '72.85', units: 1, source: expect.any(String) },
          { base: 'KZT', date: '2021-03-10', rate: '421.07', units: 1, source: expect.any(String) },
          { base: 'KZT', date: '2021-03-09', rate: '420.50', units: 1, source: expect.any(String) },
        ],
      });
      expect((await viewer.request('GET', '/api/v1/rates?currency=USD&base=INR')).json()).toEqual({
        currency: 'USD',
        rates: [{ base: 'INR', date: '2021-03-10', rate: '72.85', units: 1, source: expect.any(String) }],
      });
      expect(code(await viewer.request('GET', '/api/v1/rates?currency=USD&base=rupee'))).toEqual([
        400,
        expect.objectContaining({ code: 'REQUEST_INVALID', field: 'base' }),
      ]);
      expect(
        (
          (await monitor.request('GET', '/api/v1/rates?currency=USD&to=2021-03-09&limit=5')).json() as {
            rates: unknown[];
          }
        ).rates,
      ).toHaveLength(1);
      expect(code(await viewer.request('GET', '/api/v1/rates?currency=usd'))).toEqual([
        400,
        expect.objectContaining({ code: 'REQUEST_INVALID', field: 'currency' }),
      ]);
      expect(code(await viewer.request('GET', '/api/v1/rates'))).toEqual([
        400,
        expect.objectContaining({ field: 'currency' }),
      ]);
      expect(code(await w.anonymous.request('GET', '/api/v1/rates?currency=USD'))[0]).toBe(401);
    });
  });
}
