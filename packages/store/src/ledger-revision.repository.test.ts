import { currency } from '@civic/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertForeignSource } from './foreign-source.repository.ts';
import { ledgerRevision } from './ledger-revision.repository.ts';
import { organisationFixture } from './ledger-test-fixtures.ts';
import { insertReceipts, type NewReceipt } from './receipt.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

const T = '2026-01-01T00:00:00Z';
const receipt = (id: string, org: string, source: string): NewReceipt => ({
  id,
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
});

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`ledger revision on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      for (const o of ['org-a', 'org-b']) await organisationFixture(store.db, o);
    });
    afterAll(async () => store.close());

    it('moves on every insert, update and delete of the organisation’s records, and only its own', async () => {
      const seen = [await ledgerRevision(store.db, 'org-a')];
      const b0 = await ledgerRevision(store.db, 'org-b');
      const moved = async () => {
        const r = await ledgerRevision(store.db, 'org-a');
        expect(seen).not.toContain(r);
        seen.push(r);
      };
      await insertForeignSource(store.db, {
        id: 'src-a',
        organisationId: 'org-a',
        name: 'Fund',
        category: 'foreign-organisation',
        country: 'NL',
        taxId: null,
        accounts: [],
        aliases: [],
        notes: null,
        createdAt: T,
      });
      await moved();
      await insertReceipts(store.db, [
        receipt('r1', 'org-a', 'src-a'),
        receipt('r2', 'org-a', 'src-a'),
        receipt('r3', 'org-a', 'src-a'),
      ]);
      await moved();
      await sql`UPDATE ledger_receipt SET description = 'changed by hand' WHERE id = 'r2'`.execute(store.db);
      await moved();
      await sql`UPDATE foreign_source SET category = 'foreign-state' WHERE id = 'src-a'`.execute(store.db);
      await moved();
      await sql`INSERT INTO ledger_expenditure (id, organisation_id, account_id, bank_line, spent_on, currency, amount_minor, description, counterparty, kzt_minor, rate_status, rate_date, rate_text, rate_units, rate_source, illustrative, created_at)
        VALUES ('e1', 'org-a', NULL, NULL, '2021-02-01', 'KZT', 50, NULL, NULL, 50, 'official', NULL, NULL, NULL, NULL, 0, ${T})`.execute(
        store.db,
      );
      await moved();
      await sql`INSERT INTO filing (id, organisation_id, obligation_id, form, period_from, period_to, state, content, content_hash, receipt_ids, corrects, created_at)
        VALUES ('f1', 'org-a', 'org-a:notify:r1', 'N-1', '2021-01-05', '2021-01-05', 'draft', '{}', 'h', '["r1"]', NULL, ${T})`.execute(
        store.db,
      );
      await moved();
      await sql`UPDATE filing SET state = 'submitted' WHERE id = 'f1'`.execute(store.db);
      await moved();
      await sql`DELETE FROM ledger_receipt WHERE id = 'r3'`.execute(store.db);
      await moved();
      expect(await ledgerRevision(store.db, 'org-b')).toBe(b0);
      expect(await ledgerRevision(store.db, 'org-none')).toBe(0n);
    });
  });
}
