import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvRecords } from '@civic/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { exportLedgerJournal } from './export-ledger-journal.ts';
import { clean, journalTools } from './journal-tool-balances.ts';
import { createGrant, createSource } from './ledger-entities.ts';
import { recordExpenditure } from './ledger-records.ts';

// Real parts: a real SQLite file and PostgreSQL database; ledger-cli, hledger and beancount (the
// Debian packages `npm test` installs) reading the exported journal. An allocation's budget line is
// metadata of its expense posting: each tool still balances the books, and can select by it.
const dir = mkdtempSync(join(tmpdir(), 'civic-journal-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const dialect of testDialects()) {
  describe(`budget lines in the exported journal on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let org = '';
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2021-06-01T00:00:00Z'));
      const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      org = must(await createOrganisation(ctx, { name: 'Echo', bin: '070940000014' })).id;
      must(await createSource(ctx, org, { name: 'NED', category: 'foreign-organisation', country: 'US' }));
      const grant = must(
        await createGrant(ctx, org, {
          sourceId: 'NED',
          agreementNumber: 'NED-1',
          currency: 'KZT',
          amount: '50000.00',
          budgetLines: [
            { name: 'Travel', amount: '12000.00' },
            { name: 'Office rent', amount: '24000.00' },
          ],
        }),
      );
      const line = (name: string) => grant.budgetLines?.find((l) => l.name === name)?.id ?? null;
      for (const [day, amount, budgetLineId] of [
        ['2021-03-05', '5000.00', line('Travel')],
        ['2021-03-06', '700.00', line('Travel')],
        ['2021-03-07', '9000.00', line('Office rent')],
        ['2021-03-08', '100.00', null],
      ] as const)
        must(
          await recordExpenditure(ctx, org, {
            spentOn: day,
            currency: 'KZT',
            amount,
            allocations: [{ grantId: grant.id, amount, budgetLineId }],
          }),
        );
    });
    afterAll(async () => ctx.close());

    const exported = async (format: 'ledger' | 'hledger' | 'beancount'): Promise<string> => {
      const chunks: string[] = [];
      const r = await exportLedgerJournal(ctx, { org, format, write: (c) => void chunks.push(c) });
      expect(r.ok).toBe(true);
      const file = join(dir, `${dialect}.${format}`);
      writeFileSync(file, chunks.join(''));
      return file;
    };

    it.each(['ledger', 'hledger', 'beancount'] as const)(
      '%s reads the lines as posting metadata and balances as before',
      async (format) => {
        const file = await exported(format);
        const got = clean(journalTools[format](file));
        expect(got['Expenses:Grants:NED:NED-1']).toEqual({ KZT: '14800' });
        expect(got['Assets:Grants:NED-1']).toEqual({ KZT: '-14800' });
        // What each tool spent under one line, selected by the posting's metadata.
        const travel =
          format === 'ledger'
            ? execFileSync('ledger', ['-f', file, 'balance', '--flat', '%budget-line=Travel'], {
                encoding: 'utf8',
              })
            : format === 'hledger'
              ? execFileSync('hledger', ['-f', file, 'balance', 'tag:budget-line=Travel'], {
                  encoding: 'utf8',
                })
              : execFileSync(
                  'bean-query',
                  [file, `SELECT sum(number) WHERE meta('budget-line') = 'Travel'`],
                  { encoding: 'utf8' },
                );
        expect(travel.replace(/,/g, '')).toMatch(/\b5700(\.00)?\b/);
        expect(travel).not.toMatch(/9000|14800/);
      },
    );

    it('the CSV gives each expenditure row its budget line in the last column, in the language', async () => {
      const chunks: string[] = [];
      const r = await exportLedgerJournal(ctx, {
        org,
        format: 'csv',
        lang: 'ru',
        write: (c) => void chunks.push(c),
      });
      expect(r.ok).toBe(true);
      const rows: string[][] = [];
      readCsvRecords(chunks.join(''), ',', 'journal.csv', (fields) => void rows.push([...fields]));
      const header = rows[0] ?? [];
      expect(header.at(-1)).toBe('статья бюджета');
      const line = header.length - 1;
      const amount = header.indexOf('сумма');
      const spent = rows.slice(1).map((row) => [row[amount], row[line]]);
      expect(spent).toEqual(
        expect.arrayContaining([
          ['-5000.00', 'Travel'],
          ['-700.00', 'Travel'],
          ['-9000.00', 'Office rent'],
          ['-100.00', ''],
        ]),
      );
      expect(rows.slice(1).every((row) => row.length === header.length)).toBe(true);
    });
  });
}
