import {
  calendarDate,
  computeBalances,
  currency,
  type KztEquivalent,
  type Movement,
  type OfficialRate,
  type StatementLine,
} from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBankAccount, findBankAccount, listBankAccounts } from './bank-account.repository.ts';
import { bankLineTotals, getBankLine, insertBankLines } from './bank-line.repository.ts';
import {
  getCsvMapping,
  getOrganisationSetting,
  saveCsvMapping,
  setOrganisationSetting,
} from './csv-mapping.repository.ts';
import {
  getExpenditure,
  insertExpenditure,
  insertExpenditures,
  listExpenditures,
} from './expenditure.repository.ts';
import {
  decideForeignCandidate,
  insertForeignCandidates,
  listForeignCandidates,
} from './foreign-candidate.repository.ts';
import { findForeignSource, insertForeignSource, listForeignSources } from './foreign-source.repository.ts';
import { findGrant, insertGrant, listGrants } from './grant.repository.ts';
import { insertImportBatch, listImportBatches } from './import-batch.repository.ts';
import { ledgerBalanceTotals, moveBalanceTotals } from './ledger-balance.repository.ts';
import { streamJournalEntries } from './ledger-journal.repository.ts';
import { listOfficialRates, upsertOfficialRates } from './official-rate.repository.ts';
import { organisationFixture } from './ledger-test-fixtures.ts';
import { getReceipt, insertReceipt, insertReceipts, listReceipts } from './receipt.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

const USD = currency('USD');
const KZT = currency('KZT');
const T = '2026-01-01T00:00:00Z';
const usdRate: OfficialRate = {
  date: calendarDate('2020-03-02'),
  currency: USD,
  text: '424.52',
  rate: { value: 42452n, scale: 2 },
  units: 1,
  source: 'NBK',
};
const official = (kzt: bigint): KztEquivalent => ({ status: 'official', kzt, rate: usdRate, note: null });
const missing: KztEquivalent = { status: 'missing', kzt: null, rate: null, note: 'no rate' };

function line(i: number): StatementLine {
  return {
    sourceLine: i + 1,
    account: 'KZ86125KZT5004100100',
    direction: i % 3 === 0 ? 'out' : 'in',
    amount: BigInt(1000 + i),
    currency: KZT,
    bookedOn: calendarDate('2020-03-02'),
    documentDate: null,
    documentNumber: String(i),
    counterparty: {
      name: 'Payer',
      taxId: null,
      account: null,
      bankCode: null,
      sectorCode: '17',
      country: null,
    },
    purpose: 'p',
    purposeCode: null,
    bankReference: null,
    raw: {},
  };
}
const lineBatch = (org: string, n: number) => {
  const lines = Array.from({ length: n }, (_, i) => line(i));
  return {
    organisationId: org,
    batchId: 'b-1',
    lines,
    fingerprints: lines.map((_, i) => `fp-${String(i)}`),
    accountIds: lines.map(() => 'acc-1'),
  };
};

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`ledger store on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    const org = 'org-echo';
    beforeAll(async () => {
      store = await freshStore(dialect);
      await organisationFixture(store.db, org);
      await insertForeignSource(store.db, {
        id: 'src-ned',
        organisationId: org,
        name: 'National Endowment for Democracy',
        category: 'foreign-organisation',
        country: 'US',
        taxId: null,
        accounts: ['US00NED'],
        aliases: ['NED'],
        notes: null,
        createdAt: T,
      });
      await insertForeignSource(store.db, {
        id: 'src-osce',
        organisationId: org,
        name: 'OSCE',
        category: 'international-organisation',
        country: null,
        taxId: null,
        accounts: [],
        aliases: [],
        notes: null,
        createdAt: T,
      });
      await insertGrant(store.db, {
        id: 'g-1',
        organisationId: org,
        sourceId: 'src-ned',
        agreementNumber: 'NED-1',
        agreementDate: '2020-01-10',
        currency: 'USD',
        amountMinor: 5000000n,
        periodFrom: '2020-01-01',
        periodTo: '2020-12-31',
        activity: 'legal-assistance',
        title: null,
        createdAt: T,
      });
      await insertGrant(store.db, {
        id: 'g-2',
        organisationId: org,
        sourceId: 'src-osce',
        agreementNumber: 'OSCE-7',
        agreementDate: null,
        currency: 'KZT',
        amountMinor: 100000000n,
        periodFrom: null,
        periodTo: null,
        activity: null,
        title: 'Trainings',
        createdAt: T,
      });
      await ensureBankAccount(store.db, {
        id: 'acc-1',
        organisationId: org,
        number: 'KZ86125KZT5004100100',
        currency: 'KZT',
        createdAt: T,
      });
      await insertImportBatch(store.db, {
        id: 'b-1',
        organisationId: org,
        kind: 'bank',
        fileName: 'a.txt',
        format: '1c',
        sha256: 'x',
        encoding: 'utf-8',
        read: 0,
        imported: 0,
        duplicates: 0,
        candidates: 0,
        importedAt: T,
      });
    });
    afterAll(async () => store.close());

    it('stores sources, grants and accounts and finds them by name or number', async () => {
      expect((await listForeignSources(store.db, org)).map((s) => s.name)).toEqual([
        'National Endowment for Democracy',
        'OSCE',
      ]);
      expect((await findForeignSource(store.db, org, 'osce'))?.category).toBe('international-organisation');
      expect((await findForeignSource(store.db, org, 'src-ned'))?.accounts).toEqual(['US00NED']);
      expect((await findGrant(store.db, org, 'NED-1'))?.amount).toEqual({ minor: 5000000n, currency: 'USD' });
      expect(await listGrants(store.db, org, { sourceId: 'src-osce' })).toHaveLength(1);
      expect(
        await ensureBankAccount(store.db, {
          id: 'acc-other',
          organisationId: org,
          number: 'KZ86125KZT5004100100',
          currency: 'KZT',
          createdAt: T,
        }),
      ).toEqual({ id: 'acc-1', created: false });
      expect((await findBankAccount(store.db, org, 'kz86 125k zt50 0410 0100'))?.id).toBe('acc-1');
      expect(await listBankAccounts(store.db, org)).toHaveLength(1);
    });

    it('bulk-inserts bank lines and skips fingerprints it already has', async () => {
      const first = await insertBankLines(store.db, lineBatch(org, 2500));
      expect(first.reduce((s, x) => s + x, 0)).toBe(2500);
      // Outside a transaction too (the SQLite path opens its own), and Kysely's transaction on both.
      const again = await store.db.transaction().execute((trx) => insertBankLines(trx, lineBatch(org, 3000)));
      expect([...again.keys()].filter((i) => again[i] === 1)).toEqual(
        Array.from({ length: 500 }, (_, i) => 2500 + i),
      );
      // As an import does once its lines are written: the balance's maintained totals take them.
      await moveBalanceTotals(store.db, 1, { organisationId: org, batchId: 'b-1' });
      const totals = await bankLineTotals(store.db, org);
      const lines = Array.from({ length: 3000 }, (_, i) => line(i));
      expect(totals).toEqual([
        {
          currency: 'KZT',
          lines: 3000n,
          inMinor: lines.filter((l) => l.direction === 'in').reduce((s, l) => s + l.amount, 0n),
          outMinor: lines.filter((l) => l.direction === 'out').reduce((s, l) => s + l.amount, 0n),
        },
      ]);
      expect((await getBankLine(store.db, org, 'fp-7'))?.amountMinor).toBe(1007n);
      expect(await listImportBatches(store.db, org)).toHaveLength(1);
    });

    it('stores receipts (money and unvalued property) with their KZT equivalents', async () => {
      await insertReceipt(store.db, {
        id: 'r-1',
        organisationId: org,
        sourceId: 'src-ned',
        grantId: 'g-1',
        accountId: null,
        bankLine: null,
        receivedOn: '2020-03-02',
        content: { kind: 'money', amount: { minor: 100000n, currency: USD } },
        kzt: official(42452000n),
        description: 'tranche 1',
        createdAt: T,
      });
      await insertReceipt(store.db, {
        id: 'r-2',
        organisationId: org,
        sourceId: 'src-osce',
        grantId: null,
        accountId: null,
        bankLine: null,
        receivedOn: '2020-04-01',
        content: { kind: 'property', description: 'laptops', valuation: null },
        kzt: missing,
        description: null,
        createdAt: T,
      });
      const r1 = await getReceipt(store.db, org, 'r-1');
      expect(r1?.kzt).toEqual(official(42452000n));
      expect(r1?.content).toEqual({ kind: 'money', amount: { minor: 100000n, currency: 'USD' } });
      const r2 = await getReceipt(store.db, org, 'r-2');
      expect(r2?.content).toEqual({ kind: 'property', description: 'laptops', valuation: null });
      expect(r2?.kzt.status).toBe('missing');
      expect((await listReceipts(store.db, org, { from: '2020-03-03' })).map((r) => r.id)).toEqual(['r-2']);
    });

    it('stores expenditures with allocations and balances them by SQL aggregation', async () => {
      await insertExpenditure(store.db, {
        id: 'e-1',
        organisationId: org,
        accountId: null,
        bankLine: null,
        spentOn: '2020-05-01',
        currency: 'USD',
        amountMinor: 150000n,
        kzt: official(63678000n),
        description: 'rent',
        counterparty: null,
        allocations: [{ grantId: 'g-1', amountMinor: 150000n, kztMinor: 63678000n }],
        createdAt: T,
      });
      await insertExpenditure(store.db, {
        id: 'e-2',
        organisationId: org,
        accountId: 'acc-1',
        bankLine: null,
        spentOn: '2020-05-02',
        currency: 'KZT',
        amountMinor: 30000n,
        kzt: official(30000n),
        description: null,
        counterparty: null,
        allocations: [
          { grantId: 'g-2', amountMinor: 10000n, kztMinor: 10000n },
          { grantId: 'g-1', amountMinor: 20000n, kztMinor: 20000n },
        ],
        createdAt: T,
      });
      expect((await getExpenditure(store.db, org, 'e-2'))?.allocations).toEqual([
        { grantId: 'g-1', amount: 20000n },
        { grantId: 'g-2', amount: 10000n },
      ]);
      expect((await listExpenditures(store.db, org, { grantId: 'g-2' })).map((e) => e.id)).toEqual(['e-2']);
      const byGrant = await ledgerBalanceTotals(store.db, org, 'grant');
      expect(byGrant.find((r) => r.key === 'g-1' && r.currency === 'USD')).toMatchObject({
        received: 100000n,
        spent: 150000n,
        receivedKzt: 42452000n,
        spentKzt: 63678000n,
      });
      expect(byGrant.find((r) => r.key === 'g-1' && r.currency === 'KZT')).toMatchObject({
        received: 0n,
        spent: 20000n,
      });
      const atMarch = await ledgerBalanceTotals(store.db, org, 'grant', '2020-03-31');
      expect(atMarch).toEqual([
        {
          key: 'g-1',
          currency: 'USD',
          received: 100000n,
          spent: 0n,
          receivedKzt: 42452000n,
          spentKzt: 0n,
          missingKzt: 0,
          movements: 1,
        },
      ]);
      const bySource = await ledgerBalanceTotals(store.db, org, 'source');
      expect(bySource.find((r) => r.key === 'src-ned' && r.currency === 'KZT')).toMatchObject({
        spent: 20000n,
      });
      expect(bySource.find((r) => r.key === 'src-osce')).toMatchObject({ spent: 10000n, currency: 'KZT' });
      const byAccount = await ledgerBalanceTotals(store.db, org, 'account');
      const lines = await bankLineTotals(store.db, org);
      expect(byAccount).toEqual([
        {
          key: 'acc-1',
          currency: 'KZT',
          received: lines[0]?.inMinor,
          spent: (lines[0]?.outMinor ?? 0n) + 30000n,
          receivedKzt: lines[0]?.inMinor,
          spentKzt: (lines[0]?.outMinor ?? 0n) + 30000n,
          missingKzt: 0,
          movements: 3001,
        },
      ]);
    });

    it('bulk balances equal the pure sum of movements', async () => {
      const org2 = 'org-bulk';
      await organisationFixture(store.db, org2);
      await insertForeignSource(store.db, {
        id: 'src-b',
        organisationId: org2,
        name: 'EU',
        category: 'international-organisation',
        country: null,
        taxId: null,
        accounts: [],
        aliases: [],
        notes: null,
        createdAt: T,
      });
      for (const g of ['gb-1', 'gb-2', 'gb-3'])
        await insertGrant(store.db, {
          id: g,
          organisationId: org2,
          sourceId: 'src-b',
          agreementNumber: g,
          agreementDate: null,
          currency: 'EUR',
          amountMinor: 1n,
          periodFrom: null,
          periodTo: null,
          activity: null,
          title: null,
          createdAt: T,
        });
      const movements: Movement[] = [];
      const receipts = Array.from({ length: 700 }, (_, i) => {
        const grantId = `gb-${String((i % 3) + 1)}`;
        const date = calendarDate(`2020-0${String((i % 9) + 1)}-1${String(i % 10)}`);
        const kzt = i % 11 === 0 ? missing : official(BigInt(i) * 500n);
        movements.push({
          key: grantId,
          currency: i % 2 ? USD : KZT,
          direction: 'in',
          amount: BigInt(i + 1),
          kzt: kzt.kzt,
          date,
        });
        return {
          id: `rb-${String(i)}`,
          organisationId: org2,
          sourceId: 'src-b',
          grantId,
          accountId: null,
          bankLine: null,
          receivedOn: date,
          content: { kind: 'money' as const, amount: { minor: BigInt(i + 1), currency: i % 2 ? USD : KZT } },
          kzt,
          description: null,
          createdAt: T,
        };
      });
      await insertReceipts(store.db, receipts);
      const expenditures = Array.from({ length: 400 }, (_, i) => {
        const grantId = `gb-${String((i % 3) + 1)}`;
        const date = calendarDate(`2020-0${String((i % 9) + 1)}-2${String(i % 8)}`);
        movements.push({
          key: grantId,
          currency: KZT,
          direction: 'out',
          amount: BigInt(i * 2 + 1),
          kzt: BigInt(i * 2 + 1),
          date,
        });
        return {
          id: `eb-${String(i)}`,
          organisationId: org2,
          accountId: null,
          bankLine: null,
          spentOn: date,
          currency: 'KZT',
          amountMinor: BigInt(i * 2 + 1),
          kzt: official(BigInt(i * 2 + 1)),
          description: null,
          counterparty: null,
          allocations: [{ grantId, amountMinor: BigInt(i * 2 + 1), kztMinor: BigInt(i * 2 + 1) }],
          createdAt: T,
        };
      });
      await insertExpenditures(store.db, expenditures);
      for (const at of [undefined, calendarDate('2020-04-15'), calendarDate('2020-09-30')]) {
        const expected = computeBalances(movements, at).map(
          ({ key, currency: c, received, spent, receivedKzt, spentKzt, missingKzt, movements: n }) => ({
            key,
            currency: c,
            received,
            spent,
            receivedKzt,
            spentKzt,
            missingKzt,
            movements: n,
          }),
        );
        expect(await ledgerBalanceTotals(store.db, org2, 'grant', at)).toEqual(expected);
      }
      let entries = 0;
      let lastDate = '';
      for await (const e of streamJournalEntries(store.db, org2)) {
        const d = e.kind === 'receipt' ? e.row.received_on : e.row.spent_on;
        expect(d >= lastDate).toBe(true);
        lastDate = d;
        entries += 1;
      }
      expect(entries).toBe(1100);
    });

    it('upserts official rates by date and currency', async () => {
      const r = (date: string, text: string): OfficialRate => ({
        ...usdRate,
        date: calendarDate(date),
        text,
        rate: { value: BigInt(text.replace('.', '')), scale: 2 },
      });
      expect(
        await upsertOfficialRates(store.db, [r('2020-03-02', '424.52'), r('2020-03-03', '425.00')], null),
      ).toEqual({ imported: 2, unchanged: 0, updated: 0 });
      expect(
        await upsertOfficialRates(store.db, [r('2020-03-02', '424.52'), r('2020-03-03', '425.10')], null),
      ).toEqual({ imported: 0, unchanged: 1, updated: 1 });
      const rates = await listOfficialRates(store.db, { currencies: ['USD'] });
      expect(rates.map((x) => [x.date, x.text, x.rate])).toEqual([
        ['2020-03-02', '424.52', { value: 42452n, scale: 2 }],
        ['2020-03-03', '425.10', { value: 42510n, scale: 2 }],
      ]);
      expect(await listOfficialRates(store.db, { currencies: ['USD'], to: '2020-03-02' })).toHaveLength(1);
    });

    it('proposes candidates once and records the decision once', async () => {
      const c = {
        id: 'c-1',
        organisationId: org,
        bankLine: 'fp-1',
        batchId: 'b-1',
        reasons: [{ code: 'non-resident-sender' as const, message: 'sector 21' }],
        suggestedSourceId: 'src-ned',
        createdAt: T,
      };
      expect(await insertForeignCandidates(store.db, [c])).toBe(1);
      expect(await insertForeignCandidates(store.db, [{ ...c, id: 'c-dup' }])).toBe(0);
      expect((await listForeignCandidates(store.db, org, 'proposed'))[0]).toMatchObject({
        reasons: c.reasons,
        amountMinor: 1001n,
        bookedOn: '2020-03-02',
        counterpartyName: 'Payer',
        counterpartySector: '17',
        accountId: 'acc-1',
      });
      expect(
        await decideForeignCandidate(store.db, {
          id: 'c-1',
          organisationId: org,
          status: 'rejected',
          decidedBy: 'ann',
          decidedAt: T,
          receiptId: null,
        }),
      ).toBe(true);
      expect(
        await decideForeignCandidate(store.db, {
          id: 'c-1',
          organisationId: org,
          status: 'confirmed',
          decidedBy: 'ann',
          decidedAt: T,
          receiptId: null,
        }),
      ).toBe(false);
      expect((await listForeignCandidates(store.db, org))[0]).toMatchObject({
        status: 'rejected',
        decidedBy: 'ann',
      });
    });

    it('saves CSV mappings and per-organisation settings', async () => {
      await saveCsvMapping(store.db, {
        organisationId: org,
        name: 'kaspi',
        mapping: { date: 'A' },
        createdAt: T,
      });
      await saveCsvMapping(store.db, {
        organisationId: org,
        name: 'kaspi',
        mapping: { date: 'B' },
        createdAt: T,
      });
      expect(await getCsvMapping(store.db, org, 'kaspi')).toEqual({ date: 'B' });
      await setOrganisationSetting(store.db, org, '1c-aliases', '{"X":"Номер"}');
      expect(await getOrganisationSetting(store.db, org, '1c-aliases')).toBe('{"X":"Номер"}');
    });
  });
}
