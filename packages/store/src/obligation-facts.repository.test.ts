import { currency, receiptAmount } from '@civic/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertForeignSource } from './foreign-source.repository.ts';
import { organisationFixture } from './ledger-test-fixtures.ts';
import { listExpenditureDays, listObligationReceipts } from './obligation-facts.repository.ts';
import { insertReceipts, listReceipts, type NewReceipt } from './receipt.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

const T = '2026-01-01T00:00:00Z';
const receipts = (org: string, source: string): NewReceipt[] => [
  {
    id: `${org}-m2`,
    organisationId: org,
    sourceId: source,
    grantId: null,
    accountId: null,
    bankLine: null,
    receivedOn: '2021-02-03',
    content: { kind: 'money', amount: { minor: 250_000_00n, currency: currency('EUR') } },
    kzt: { status: 'missing', kzt: null, rate: null, note: 'no rate' },
    description: 'tranche',
    createdAt: T,
  },
  {
    id: `${org}-m1`,
    organisationId: org,
    sourceId: source,
    grantId: null,
    accountId: null,
    bankLine: null,
    receivedOn: '2021-01-05',
    content: { kind: 'money', amount: { minor: 100n, currency: currency('KZT') } },
    kzt: { status: 'official', kzt: 100n, rate: null, note: null },
    description: null,
    createdAt: T,
  },
  {
    id: `${org}-p1`,
    organisationId: org,
    sourceId: source,
    grantId: null,
    accountId: null,
    bankLine: null,
    receivedOn: '2021-01-05',
    content: {
      kind: 'property',
      description: 'laptops',
      valuation: {
        amount: { minor: 900_000_00n, currency: currency('KZT') },
        method: 'invoice',
        valuedOn: '2021-01-05' as never,
      },
    },
    kzt: { status: 'official', kzt: 900_000_00n, rate: null, note: null },
    description: null,
    createdAt: T,
  },
  {
    id: `${org}-p2`,
    organisationId: org,
    sourceId: source,
    grantId: null,
    accountId: null,
    bankLine: null,
    receivedOn: '2021-03-01',
    content: { kind: 'property', description: 'a car, not yet valued', valuation: null },
    kzt: { status: 'missing', kzt: null, rate: null, note: 'not valued' },
    description: null,
    createdAt: T,
  },
];

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`obligation facts on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      for (const o of ['org-a', 'org-b']) {
        await organisationFixture(store.db, o);
        await insertForeignSource(store.db, {
          id: `src-${o}`,
          organisationId: o,
          name: 'Fund',
          category: 'foreign-organisation',
          country: 'NL',
          taxId: null,
          accounts: [],
          aliases: [],
          notes: null,
          createdAt: T,
        });
        await insertReceipts(store.db, receipts(o, `src-${o}`));
      }
      for (const [id, day] of [
        ['e2', '2021-04-02'],
        ['e1', '2021-01-09'],
        ['e3', '2021-04-02'],
      ]) {
        await sql`INSERT INTO ledger_expenditure (id, organisation_id, account_id, bank_line, spent_on, currency, amount_minor, description, counterparty, kzt_minor, rate_status, rate_date, rate_text, rate_units, rate_source, illustrative, created_at)
          VALUES (${id}, 'org-a', NULL, NULL, ${day}, 'KZT', 50, NULL, NULL, 50, 'official', NULL, NULL, NULL, NULL, 0, ${T})`.execute(
          store.db,
        );
      }
    });
    afterAll(async () => store.close());

    it('reads each receipt of the organisation as the full record says: day, source, amount, KZT equivalent, in day order', async () => {
      const lean = await listObligationReceipts(store.db, 'org-a');
      const full = await listReceipts(store.db, 'org-a');
      expect(
        lean.map((r) => [
          r.id,
          r.sourceId,
          r.receivedOn,
          r.content.kind,
          receiptAmount(r.content),
          r.kzt.kzt,
        ]),
      ).toEqual(
        full.map((r) => [
          r.id,
          r.sourceId,
          r.receivedOn,
          r.content.kind,
          receiptAmount(r.content),
          r.kzt.kzt,
        ]),
      );
      expect(lean.map((r) => r.id)).toEqual(['org-a-m1', 'org-a-p1', 'org-a-m2', 'org-a-p2']);
      expect(await listObligationReceipts(store.db, 'org-none')).toEqual([]);
    });

    it('reads the days money was spent, oldest first, repeats kept', async () => {
      expect(await listExpenditureDays(store.db, 'org-a')).toEqual([
        '2021-01-09',
        '2021-04-02',
        '2021-04-02',
      ]);
      expect(await listExpenditureDays(store.db, 'org-b')).toEqual([]);
    });
  });
}
