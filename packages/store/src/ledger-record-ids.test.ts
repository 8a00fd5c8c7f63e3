import { currency } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertForeignSource } from './foreign-source.repository.ts';
import { listExpenditures } from './expenditure.repository.ts';
import { ledgerRecordVersionsOf } from './ledger-record.repository.ts';
import { organisationFixture } from './ledger-test-fixtures.ts';
import { sqliteHandle } from './raw-sqlite.ts';
import { insertReceipts, listReceipts, type NewReceipt } from './receipt.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

// Records read by their ids (a page's versions, a filing's receipts): found through the primary
// key, whatever the size of the organisation's ledger. With fifty ids and no statistics SQLite
// took an index on organisation_id instead and read every receipt of the organisation (2.5 s per
// page of the receipts list at a million receipts). Real parts: a SQLite file and PostgreSQL; the
// plan is SQLite's own (EXPLAIN QUERY PLAN of the statements the functions prepare).

const T = '2026-01-01T00:00:00Z';
const receipt = (org: string, n: number): NewReceipt => ({
  id: `${org}-r${String(n)}`,
  organisationId: org,
  sourceId: `src-${org}`,
  grantId: null,
  accountId: null,
  bankLine: null,
  receivedOn: `2023-01-${String(1 + (n % 28)).padStart(2, '0')}`,
  content: { kind: 'money', amount: { minor: 100n + BigInt(n), currency: currency('KZT') } },
  kzt: { status: 'official', kzt: 100n + BigInt(n), rate: null, note: null },
  description: null,
  createdAt: T,
});

describe.each(testDialects())('ledger records by id on %s', (dialect) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore(dialect);
    for (const org of ['org-a', 'org-b']) {
      await organisationFixture(store.db, org);
      await insertForeignSource(store.db, {
        id: `src-${org}`,
        organisationId: org,
        name: 'Fund',
        category: 'foreign-organisation',
        country: 'NL',
        taxId: null,
        accounts: [],
        aliases: [],
        notes: null,
        createdAt: T,
      });
      await insertReceipts(
        store.db,
        Array.from({ length: 60 }, (_, n) => receipt(org, n)),
      );
    }
  });
  afterAll(() => store.close());

  const ids = [...Array.from({ length: 49 }, (_, n) => `org-a-r${String(n)}`), 'org-b-r1'];

  it("reads only the organisation's own records of the ids asked for", async () => {
    const versions = await ledgerRecordVersionsOf(store.db, 'receipts', 'org-a', ids);
    expect([...versions.keys()].sort()).toEqual(ids.filter((id) => id.startsWith('org-a-')).sort());
    const rows = await listReceipts(store.db, 'org-a', { ids });
    expect(rows.map((r) => r.id).sort()).toEqual(ids.filter((id) => id.startsWith('org-a-')).sort());
    expect(await listExpenditures(store.db, 'org-b', { ids })).toEqual([]);
  });

  // The plan is SQLite's question (PostgreSQL has statistics and takes the key).
  if (dialect === 'sqlite')
    it('finds them through the primary key (SQLite plan)', async () => {
      const sqlite = sqliteHandle(store.db);
      if (!sqlite) throw new Error('no SQLite handle');
      const prepared: string[] = [];
      const prepare = sqlite.prepare.bind(sqlite);
      sqlite.prepare = ((source: string) => {
        prepared.push(source);
        return prepare(source);
      }) as typeof sqlite.prepare;
      // One id more than above: SQL not prepared before (kept statements are not prepared again).
      const more = [...ids, 'org-a-r59'];
      try {
        await ledgerRecordVersionsOf(store.db, 'receipts', 'org-a', more);
        await listReceipts(store.db, 'org-a', { ids: more });
        await listExpenditures(store.db, 'org-a', { ids: more });
      } finally {
        sqlite.prepare = prepare;
      }
      const byIds = prepared.filter((s) => /"id" in \(/.test(s));
      expect(byIds).toHaveLength(3);
      for (const source of byIds) {
        const plan = sqlite
          .prepare(`EXPLAIN QUERY PLAN ${source}`)
          .all(...Array.from({ length: (source.match(/\?/g) ?? []).length }, () => 'x')) as {
          detail: string;
        }[];
        expect(plan[0]?.detail, source).toMatch(/USING INDEX sqlite_autoindex_\w+ \(id=\?\)/);
      }
    });
});
