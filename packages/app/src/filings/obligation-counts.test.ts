import type { Result } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, openContext, type AppContext } from '../context.ts';
import { createSource } from '../ledger/ledger-entities.ts';
import { recordReceipt } from '../ledger/ledger-records.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { listObligations } from './list-obligations.ts';

// The status counts of the obligations list are kept per question at the ledger's revision
// (migration 2026-12-07-700): a new process (a new connection here) answers the same question
// from them without counting every stored obligation; a change to the ledger makes it count again.

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const AS_OF = '2024-03-01';

describe.each(testDialects())('obligation counts kept across processes on %s', (dialect) => {
  let ctx: AppContext & { readonly url: string; close(): Promise<void> };
  beforeAll(async () => {
    ctx = await freshContext(dialect, () => new Date('2024-03-01T06:00:00Z'));
  });
  afterAll(() => ctx.close());

  /** The list asked through a connection of its own, as a new server process would. */
  const fresh = async (org: string) => {
    const other = await openContext(ctx.url);
    try {
      return must(await listObligations(other, { org, asOf: AS_OF, limit: 2 }));
    } finally {
      await closeContext(other);
    }
  };

  it('reads the kept counts in a new process, and counts again once the ledger changes', async () => {
    const org = must(await createOrganisation(ctx, { name: 'Counts NGO', bin: null })).id;
    const source = must(await createSource(ctx, org, { name: 'Donor', category: 'foreign-organisation' })).id;
    for (const on of ['2023-02-10', '2023-05-20', '2023-09-03'])
      must(
        await recordReceipt(ctx, org, { sourceId: source, receivedOn: on, currency: 'KZT', amount: '10.00' }),
      );
    const first = must(await listObligations(ctx, { org, asOf: AS_OF, limit: 2 }));
    expect(first.total).toBeGreaterThan(2);
    const kept = await ctx.store.db
      .selectFrom('obligation_count')
      .select(['question', 'counts'])
      .where('organisation_id', '=', org)
      .execute();
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]?.counts ?? '{}')).toMatchObject({ missed: first.counts.missed });
    // Proof the new process reads them: counts written by hand come back as they are.
    await ctx.store.db
      .updateTable('obligation_count')
      .set({ counts: JSON.stringify({ missed: 1000 }) })
      .where('organisation_id', '=', org)
      .execute();
    const read = await fresh(org);
    expect(read.counts.missed).toBe(1000);
    expect(read.total).toBe(1000);
    expect(read.obligations).toEqual(first.obligations);
    // A new receipt moves the revision: counted again, the kept row replaced.
    must(
      await recordReceipt(ctx, org, {
        sourceId: source,
        receivedOn: '2023-11-11',
        currency: 'KZT',
        amount: '5.00',
      }),
    );
    const after = await fresh(org);
    expect(after.total).toBe(first.total + 1);
    expect(after.counts.missed).toBe(first.counts.missed + 1);
    const rows = await ctx.store.db
      .selectFrom('obligation_count')
      .select('counts')
      .where('organisation_id', '=', org)
      .execute();
    expect(rows.map((r) => JSON.parse(r.counts) as unknown)).toEqual([
      Object.fromEntries(Object.entries(after.counts).filter(([, n]) => n > 0)),
    ]);
  });
});
