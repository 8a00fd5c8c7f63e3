import type { Result } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, openContext, type AppContext } from '../context.ts';
import { createSource } from '../ledger/ledger-entities.ts';
import { recordReceipt } from '../ledger/ledger-records.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { listObligations } from './list-obligations.ts';

// Requests that miss the stored obligations' answer cache together share one computation (a new
// server process under a steady load); one that reads a newer ledger revision never joins an
// answer computed at an older one.

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const AS_OF = '2024-03-01';

describe.each(testDialects())('the stored obligations list under concurrent misses on %s', (dialect) => {
  let ctx: AppContext & { readonly url: string; close(): Promise<void> };
  let org = '';
  let source = '';
  beforeAll(async () => {
    ctx = await freshContext(dialect, () => new Date('2024-03-01T06:00:00Z'));
    org = must(await createOrganisation(ctx, { name: 'Flight NGO', bin: null })).id;
    source = must(await createSource(ctx, org, { name: 'Donor', category: 'foreign-organisation' })).id;
    for (const on of ['2023-02-10', '2023-05-20', '2023-09-03'])
      must(
        await recordReceipt(ctx, org, { sourceId: source, receivedOn: on, currency: 'KZT', amount: '10.00' }),
      );
  });
  afterAll(() => ctx.close());

  /** A connection of its own, as a new server process: its answer cache starts empty. */
  const process = async <T>(fn: (c: AppContext) => Promise<T>): Promise<T> => {
    const other = await openContext(ctx.url);
    try {
      return await fn(other);
    } finally {
      await closeContext(other);
    }
  };

  it('answers requests that miss together once, with the list a lone request gets', async () => {
    const alone = must(await listObligations(ctx, { org, asOf: AS_OF, limit: 5 }));
    const together = await process((c) =>
      Promise.all([1, 2, 3].map(() => listObligations(c, { org, asOf: AS_OF, limit: 5 }))),
    );
    const [a, b, c] = together.map(must);
    expect(a?.obligations).toEqual(alone.obligations);
    expect(a?.total).toBe(alone.total);
    expect(a?.counts).toEqual(alone.counts);
    // One computation: the same list, not three equal ones.
    expect(b?.obligations).toBe(a?.obligations);
    expect(c?.obligations).toBe(a?.obligations);
    // A different question is not answered by another's computation.
    const [page, other] = await process((c) =>
      Promise.all([
        listObligations(c, { org, asOf: AS_OF, limit: 5 }),
        listObligations(c, { org, asOf: AS_OF, limit: 1 }),
      ]),
    );
    expect(must(other).obligations).toEqual(alone.obligations.slice(0, 1));
    expect(must(other).obligations).not.toBe(must(page).obligations);
  });

  it('does not join an answer of an older revision once the ledger changed', async () => {
    const before = must(await listObligations(ctx, { org, asOf: AS_OF }));
    const [early, late] = await process(async (c) => {
      const first = listObligations(c, { org, asOf: AS_OF });
      must(
        await recordReceipt(ctx, org, {
          sourceId: source,
          receivedOn: '2023-11-11',
          currency: 'KZT',
          amount: '5.00',
        }),
      );
      const second = listObligations(c, { org, asOf: AS_OF });
      return [must(await first), must(await second)];
    });
    expect(early.total === before.total || early.total === before.total + 1).toBe(true);
    expect(late.total).toBe(before.total + 1);
    expect(late.obligations).toEqual(must(await listObligations(ctx, { org, asOf: AS_OF })).obligations);
  });
});
