import { calendarDate, KZT, type CurrencyCode } from '@civic/core';
import { chunksOf, generate1CStatement, generateBankCsv, withIbanCheckDigits } from '@civic/formats';
import { ledgerBalanceTotals, recountLedgerBalanceTotals } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { importBankStatement } from './import-bank-statement.ts';

// The balance's maintained totals after streamed bank imports (1C through the line writer; CSV
// through its own stream on SQLite and the line writer on PostgreSQL), which tally their new lines
// by day as they write them: by account, with and without a date, they equal the recount from the
// stored lines, after files that overlap (duplicates count once) and span two currencies.

const AT = [undefined, '2021-01-31', '2021-02-15', '2021-03-01'];

for (const dialect of testDialects()) {
  describe(`balance totals after streamed bank imports on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2026-12-06T07:00:00Z'));
    });
    afterAll(async () => ctx.close());

    async function imported(org: string, bytes: Uint8Array, fileName: string, csv?: unknown) {
      const r = await importBankStatement(ctx, {
        source: chunksOf(bytes, 997),
        fileName,
        org,
        ...(csv === undefined ? {} : { csvMapping: csv }),
      });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    }

    const expectRecount = async (org: string): Promise<void> => {
      for (const at of AT)
        expect(await ledgerBalanceTotals(ctx.store.db, org, 'account', at)).toEqual(
          await recountLedgerBalanceTotals(ctx.store.db, org, 'account', at),
        );
    };

    it('equal the recount after overlapping 1C and CSV files', async () => {
      const o = await createOrganisation(ctx, { name: 'Totals' });
      if (!o.ok) throw new Error(o.error.message);
      const org = o.value.id;
      const from = calendarDate('2021-01-20');
      const small = generate1CStatement({ documents: 300, seed: 3, encoding: 'utf-8', perDay: 20, from });
      const large = generate1CStatement({ documents: 900, seed: 3, encoding: 'utf-8', perDay: 20, from });
      expect((await imported(org, small.bytes, 'a.txt')).imported).toBe(300);
      await expectRecount(org);
      // The same documents and more: the first 300 are duplicates, counted once.
      expect((await imported(org, large.bytes, 'b.txt')).imported).toBe(600);
      const csv = generateBankCsv({
        rows: 800,
        seed: 5,
        perDay: 30,
        accounts: [
          { account: 'KZ716010131000012345', currency: KZT },
          { account: withIbanCheckDigits('KZ', '6010131000099999'), currency: 'USD' as CurrencyCode },
        ],
      });
      expect((await imported(org, csv.bytes, 'c.csv', csv.mapping)).imported).toBe(800);
      expect((await imported(org, csv.bytes, 'c.csv', csv.mapping)).imported).toBe(0);
      const rows = await ledgerBalanceTotals(ctx.store.db, org, 'account');
      expect(new Set(rows.map((r) => r.currency))).toEqual(new Set(['KZT', 'USD']));
      expect(rows.reduce((n, r) => n + r.movements, 0)).toBe(1700);
      await expectRecount(org);
    });
  });
}
