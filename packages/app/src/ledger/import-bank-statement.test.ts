import { readFileSync } from 'node:fs';
import { calendarDate, currency } from '@civic/core';
import { freshStore, testDialects, upsertOfficialRates } from '@civic/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import {
  confirmForeignCandidate,
  listForeignCandidates,
  rejectForeignCandidate,
} from './foreign-candidates.ts';
import { importBankStatement } from './import-bank-statement.ts';
import { ledgerBalance } from './ledger-balance.ts';
import { createSource } from './ledger-entities.ts';
import { build1C, type TestDocument, type TestStatement } from './ledger-test-statements.ts';

const ACCOUNT = 'KZ756010002000123456';
const doc = (
  number: string,
  date: string,
  direction: 'in' | 'out',
  amount: bigint,
  over: Partial<TestDocument> = {},
): TestDocument => ({
  number,
  date,
  direction,
  amount,
  party: 'ТОО «Типография Печать»',
  partyBin: '101040009879',
  partyAccount: 'KZ988560000000123456',
  partyCode: '17',
  purpose: `Документ ${number}`,
  ...over,
});
const NED = {
  party: 'National Endowment for Democracy',
  partyBin: '',
  partyAccount: 'US78000000001234567890',
  partyCode: '21',
  purpose: 'Grant 2021-117',
};

const march: TestStatement = {
  account: ACCOUNT,
  from: '2021-03-01',
  to: '2021-03-20',
  opening: 25000000n,
  documents: [
    doc('301', '2021-03-05', 'in', 223150000n, NED),
    doc('15', '2021-03-10', 'out', 7500000n),
    doc('16', '2021-03-10', 'out', 50000n, { purpose: 'Комиссия банка' }),
    doc('16', '2021-03-10', 'out', 50000n, { purpose: 'Комиссия банка' }),
    doc('17', '2021-03-20', 'in', 1000000n, { partyCode: '19' }),
  ],
};
// Overlaps March 10–20 (same lines, Russian field set, Windows-1251) and adds two new ones.
const overlap: TestStatement = {
  account: ACCOUNT,
  from: '2021-03-10',
  to: '2021-03-31',
  opening: 248150000n,
  fieldSet: 'ru',
  encoding: 'windows-1251',
  documents: [
    ...march.documents.slice(1),
    doc('18', '2021-03-25', 'out', 300000n),
    doc('402', '2021-03-29', 'in', 5000000n, { ...NED, purpose: 'Grant 2021-117, tranche 2' }),
  ],
};

async function snapshot(ctx: AppContext, org: string) {
  const counts: Record<string, bigint> = {};
  for (const t of [
    'bank_line',
    'bank_account',
    'import_batch',
    'foreign_candidate',
    'ledger_receipt',
    'foreign_source',
    'setting',
  ] as const) {
    const r = await ctx.store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .executeTakeFirstOrThrow();
    counts[t] = BigInt(r.n);
  }
  const balance = await ledgerBalance(ctx, { org, by: 'account' });
  return { counts, balance };
}

for (const dialect of testDialects()) {
  describe(`importing bank statements on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    let org: string;
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      const o = await createOrganisation(ctx, { name: 'Echo' });
      if (!o.ok) throw new Error(o.error.message);
      org = o.value.id;
    });
    afterAll(async () => store.close());

    it('imports a statement, keeps identical lines of one file distinct, and proposes foreign candidates', async () => {
      const r = await importBankStatement(ctx, { bytes: build1C(march), fileName: 'march.txt' });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value).toMatchObject({
        read: 5,
        imported: 5,
        duplicates: 0,
        foreignCandidates: 1,
        format: '1c',
      });
      expect(r.value.accounts).toEqual([
        expect.objectContaining({
          account: ACCOUNT,
          currency: 'KZT',
          lines: 5,
          imported: 5,
          opening: 25000000n,
        }),
      ]);
      const [c] = await listForeignCandidates(ctx, org);
      expect(c?.reasons.map((x) => x.code)).toEqual(['non-resident-sender']);
      const bal = await ledgerBalance(ctx, { org, by: 'account' });
      expect(bal.ok && bal.value.rows).toEqual([
        expect.objectContaining({
          name: ACCOUNT,
          received: 224150000n,
          spent: 7600000n,
          balance: 216550000n,
        }),
      ]);
    });

    it('re-importing the same statement adds nothing', async () => {
      const before = await snapshot(ctx, org);
      const r = await importBankStatement(ctx, { bytes: build1C(march), fileName: 'march-again.txt' });
      expect(r.ok && r.value).toMatchObject({ read: 5, imported: 0, duplicates: 5, foreignCandidates: 0 });
      const after = await snapshot(ctx, org);
      expect(after.balance).toEqual(before.balance);
      expect(after.counts.bank_line).toBe(before.counts.bank_line);
    });

    it('an overlapping statement in another encoding and field set adds only its new lines', async () => {
      const r = await importBankStatement(ctx, { bytes: build1C(overlap), fileName: 'march-2.txt' });
      if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
      // The Russian field set carries no sector code and NED is not a known source yet: no candidate.
      expect(r.value).toMatchObject({ read: 6, imported: 2, duplicates: 4, foreignCandidates: 0 });
      const bal = await ledgerBalance(ctx, { org, by: 'account' });
      expect(bal.ok && bal.value.rows[0]).toMatchObject({ received: 229150000n, spent: 7900000n });
    });

    it.each([
      [
        'a bad amount in the last document',
        (s: string) => s.replace('СуммаРасход=3000,00', 'СуммаРасход=30x0,00'),
        'СуммаРасход',
      ],
      [
        'a wrong balance',
        (s: string) => s.replace(/КонечныйОстаток=[\d,]+/, 'КонечныйОстаток=1,00'),
        'КонечныйОстаток',
      ],
      ['a truncated file', (s: string) => s.slice(0, s.lastIndexOf('КонецДокумента') - 20), undefined],
    ])(
      'a file with %s is rejected whole and the database is exactly as before',
      async (_case, corrupt, field) => {
        const before = await snapshot(ctx, org);
        const good = new TextDecoder().decode(
          build1C({
            ...overlap,
            fieldSet: 'kz',
            encoding: 'utf-8',
            documents: [
              ...overlap.documents,
              doc('19', '2021-03-30', 'out', 300000n),
              doc('20', '2021-03-31', 'in', 700000n, NED),
            ],
          }),
        );
        const r = await importBankStatement(ctx, {
          bytes: new TextEncoder().encode(corrupt(good)),
          fileName: 'bad.txt',
        });
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.file).toBe('bad.txt');
          expect(r.error.code).toMatch(/^IMPORT_/);
          if (field) expect(r.error.field).toBe(field);
          expect(r.error.line).toBeGreaterThan(0);
        }
        expect(await snapshot(ctx, org)).toEqual(before);
      },
    );

    it('confirms a candidate as a receipt with its KZT equivalent, and a known source is then recognised', async () => {
      await upsertOfficialRates(
        ctx.store.db,
        [
          {
            date: calendarDate('2021-03-05'),
            currency: currency('USD'),
            text: '420.16',
            rate: { value: 42016n, scale: 2 },
            units: 1,
            source: 'NBK',
          },
        ],
        null,
      );
      const [first, ...others] = await listForeignCandidates(ctx, org, 'proposed');
      if (!first) throw new Error('a candidate expected');
      expect(others).toEqual([]);
      const bad = await confirmForeignCandidate(ctx, org, {
        candidateId: first.id,
        newSource: { name: 'NED', category: 'charity' },
      });
      expect(!bad.ok && bad.error.code).toBe('LEDGER_SOURCE_CATEGORY_INVALID');
      const r = await confirmForeignCandidate(ctx, org, {
        candidateId: first.id,
        newSource: {
          name: 'National Endowment for Democracy',
          category: 'foreign-organisation',
          country: 'US',
        },
        decidedBy: 'accountant',
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.candidate).toMatchObject({
        status: 'confirmed',
        decidedBy: 'accountant',
        receiptId: r.value.receipt.id,
      });
      expect(r.value.receipt.content).toEqual({
        kind: 'money',
        amount: { minor: 223150000n, currency: 'KZT' },
      });
      expect(r.value.receipt.kzt).toMatchObject({ status: 'official', kzt: 223150000n });
      expect(r.value.receipt.bankLineId).toBe(first.bankLine);
      const again = await confirmForeignCandidate(ctx, org, {
        candidateId: first.id,
        sourceId: 'National Endowment for Democracy',
      });
      expect(!again.ok && again.error.code).toBe('CANDIDATE_ALREADY_DECIDED');
      // The payer's account was saved on the new source: a later payment matches it by account.
      const april: TestStatement = {
        account: ACCOUNT,
        from: '2021-04-01',
        to: '2021-04-30',
        opening: 0n,
        documents: [doc('500', '2021-04-02', 'in', 100n, { ...NED, partyCode: '17' })],
      };
      const imp = await importBankStatement(ctx, { bytes: build1C(april), fileName: 'april.txt' });
      expect(imp.ok && imp.value.foreignCandidates).toBe(1);
      const latest = (await listForeignCandidates(ctx, org, 'proposed')).at(-1);
      expect(latest?.reasons).toEqual([
        expect.objectContaining({ code: 'known-foreign-source', matchedBy: 'account' }),
      ]);
      expect(latest?.suggestedSourceId).toBe(r.value.receipt.sourceId);
      const rejected = await rejectForeignCandidate(ctx, org, {
        candidateId: latest?.id ?? '',
        decidedBy: 'accountant',
      });
      expect(rejected.ok && rejected.value).toMatchObject({
        status: 'rejected',
        decidedBy: 'accountant',
        receiptId: null,
      });
      expect(await listForeignCandidates(ctx, org, 'proposed')).toEqual([]);
    });

    it('imports CSV (streamed on SQLite) idempotently, and a bad row at the very end leaves the database as it was', async () => {
      const header =
        'date,amount,currency,account,counterparty,counterparty_tax_id,sector_code,purpose,reference\n';
      const rows = [
        '2021-05-03,1500.00,USD,KZ04601A871000001234,Freedom House,,21,Grant FH-7,R-1',
        '2021-05-03,-20.00,USD,KZ04601A871000001234,Bank,,17,Fee,R-2',
        '2021-05-03,-20.00,USD,KZ04601A871000001234,Bank,,17,Fee,R-2',
        '2021-05-04,250000.00,KZT,KZ716010131000012345,"ТОО ""Ромашка""",101040009879,17,"Оплата, счёт 5",R-3',
      ];
      const csv = (lines: string[]) => new TextEncoder().encode(`${header}${lines.join('\n')}\n`);
      const first = await importBankStatement(ctx, { bytes: csv(rows), fileName: 'may.csv', org });
      if (!first.ok) throw new Error(first.error.message);
      expect(first.value).toMatchObject({
        read: 4,
        imported: 4,
        duplicates: 0,
        foreignCandidates: 1,
        format: 'csv',
      });
      expect(first.value.accounts.map((a) => [a.account, a.currency, a.lines])).toEqual([
        ['KZ04601A871000001234', 'USD', 3],
        ['KZ716010131000012345', 'KZT', 1],
      ]);
      const again = await importBankStatement(ctx, {
        bytes: csv([...rows, '2021-05-05,-5.00,USD,KZ04601A871000001234,Bank,,17,Fee,R-4']),
        fileName: 'may-2.csv',
        org,
      });
      expect(again.ok && again.value).toMatchObject({
        read: 5,
        imported: 1,
        duplicates: 4,
        foreignCandidates: 0,
      });
      const before = await snapshot(ctx, org);
      const june = [
        ...rows.map((r) => r.replace('2021-05', '2021-06')),
        '2021-06-10,-1.00,KZT,KZ540NEWACCOUNT00001,Y,,17,New account,R-8',
        '2021-06-30,12.3.4,USD,KZ04601A871000001234,X,,17,Bad,R-9',
      ];
      const bad = await importBankStatement(ctx, { bytes: csv(june), fileName: 'june.csv', org });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error).toMatchObject({ file: 'june.csv', line: 7 });
      expect(await snapshot(ctx, org)).toEqual(before);
    });

    it('stops a CSV whose currency column it does not know, or that has none, instead of storing KZT', async () => {
      const before = await snapshot(ctx, org);
      const seed = new TextEncoder().encode(
        'Дата,Сумма,Валюта платежа,Счет\n2021-07-01,15000.00,USD,KZ716010131000012345\n',
      );
      const unknown = await importBankStatement(ctx, { bytes: seed, fileName: 'july.csv', org });
      expect(!unknown.ok && unknown.error).toMatchObject({
        code: 'IMPORT_CSV_MAPPING_REQUIRED',
        file: 'july.csv',
        field: 'Валюта платежа',
      });
      const none = new TextEncoder().encode(
        'date,amount,account\n2021-07-01,15000.00,KZ716010131000012345\n',
      );
      const refused = await importBankStatement(ctx, { bytes: none, fileName: 'n.csv', org });
      expect(!refused.ok && refused.error).toMatchObject({
        code: 'IMPORT_CSV_MAPPING_REQUIRED',
        field: 'currency',
      });
      expect(await snapshot(ctx, org)).toEqual(before);
      const said = await importBankStatement(ctx, { bytes: none, fileName: 'n.csv', org, currency: 'USD' });
      expect(said.ok && said.value.accounts.map((a) => [a.account, a.currency])).toEqual([
        ['KZ716010131000012345', 'USD'],
      ]);
    });

    it('names the organisation when the database has several', async () => {
      await createOrganisation(ctx, { name: 'Other' });
      const r = await importBankStatement(ctx, { bytes: build1C(march), fileName: 'm.txt' });
      expect(!r.ok && r.error.code).toBe('ORG_REQUIRED');
      const known = await createSource(ctx, org, { name: 'x', category: null });
      expect(known.ok).toBe(true);
    });

    it('imports a statement repeated in one MT940 file once: its lines are duplicates (seed)', async () => {
      const o = await createOrganisation(ctx, { name: `twice-${dialect}` });
      if (!o.ok) throw new Error(o.error.message);
      const bytes = new Uint8Array(
        readFileSync(
          new URL('../../../formats/src/fixtures/seeds/mt940-duplicated-statement.sta', import.meta.url),
        ),
      );
      const first = await importBankStatement(ctx, { bytes, fileName: 'twice.sta', org: o.value.id });
      expect(first.ok && first.value).toMatchObject({ read: 6, imported: 4, duplicates: 2 });
      const again = await importBankStatement(ctx, { bytes, fileName: 'twice.sta', org: o.value.id });
      expect(again.ok && again.value).toMatchObject({ read: 6, imported: 0, duplicates: 6 });
      const bal = await ledgerBalance(ctx, { org: o.value.id, by: 'account' });
      const rows = bal.ok ? bal.value.rows.map((r) => [r.received, r.spent]) : [];
      expect(rows.sort((a, b) => Number((a[0] ?? 0n) - (b[0] ?? 0n)))).toEqual([
        [2500000n, 24925n],
        [10000000n, 50n],
      ]);
    });

    it('property: an import never creates or loses a minor unit, and balances equal the sum of movements', async () => {
      const docArb = fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        direction: fc.constantFrom('in' as const, 'out' as const),
        amount: fc.bigInt({ min: 1n, max: 10n ** 13n }),
        code: fc.constantFrom('17', '21'),
      });
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(docArb, { minLength: 1, maxLength: 25 }), async (docs) => {
          run += 1;
          const o = await createOrganisation(ctx, { name: `prop-${dialect}-${String(run)}` });
          if (!o.ok) throw new Error(o.error.message);
          const documents = docs.map((d, i) =>
            doc(String(i % 4), `2021-02-${String(d.day).padStart(2, '0')}`, d.direction, d.amount, {
              partyCode: d.code,
            }),
          );
          const r = await importBankStatement(ctx, {
            bytes: build1C({
              account: ACCOUNT,
              from: '2021-02-01',
              to: '2021-02-28',
              opening: 0n,
              documents,
            }),
            fileName: 'p.txt',
            org: o.value.id,
          });
          if (!r.ok) throw new Error(r.error.message);
          expect(r.value.imported).toBe(docs.length);
          const bal = await ledgerBalance(ctx, { org: o.value.id, by: 'account' });
          if (!bal.ok) throw new Error(bal.error.message);
          const fileIn = documents.filter((d) => d.direction === 'in').reduce((s, d) => s + d.amount, 0n);
          const fileOut = documents.filter((d) => d.direction === 'out').reduce((s, d) => s + d.amount, 0n);
          expect(bal.value.rows.reduce((s, x) => s + x.received, 0n)).toBe(fileIn);
          expect(bal.value.rows.reduce((s, x) => s + x.spent, 0n)).toBe(fileOut);
          expect(bal.value.rows.reduce((s, x) => s + x.balance, 0n)).toBe(fileIn - fileOut);
        }),
        { numRuns: 12 },
      );
    });
  });
}
