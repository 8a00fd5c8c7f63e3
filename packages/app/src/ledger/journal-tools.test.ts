import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshStore, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { seedDemoLedger } from '../demo/demo-ledger.ts';
import { seedDemoOrganisations } from '../demo/demo-organisations.ts';
import type { DemoState } from '../demo/seed-demo.ts';
import { formatMinor } from '@civic/core';
import { beancountAccountPart, journalAccountPart } from '@civic/formats';
import { exportLedgerJournal } from './export-ledger-journal.ts';
import { ledgerBalance } from './ledger-balance.ts';
import { add, clean, journalTools, normal, type Balances } from './journal-tool-balances.ts';

// The whole books exported as a journal must give, in ledger, hledger and beancount, exactly the
// balances `civic ledger balance` gives per account, per grant and per source. The three tools are
// Debian packages (ledger, hledger, beancount) that `npm test` installs when missing.

const dir = mkdtempSync(join(tmpdir(), 'civic-journal-'));

/** The same figures from `civic ledger balance`, keyed by the account the journal gives them. */
async function civicBalances(ctx: AppContext, org: string, part: (name: string) => string) {
  const view = async (by: string) => {
    const r = await ledgerBalance(ctx, { org, by });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.rows.map((row) => ({
      name: row.key === null ? 'No grant' : row.name,
      currency: row.currency as string,
      balance: normal(formatMinor(row.balance, row.currency)),
    }));
  };
  return {
    account: (await view('account')).map((r) => ({ ...r, at: `Assets:Bank:${part(r.name)}` })),
    grant: (await view('grant')).map((r) => ({ ...r, at: `Assets:Grants:${part(r.name)}` })),
    source: (await view('source')).map((r) => ({ ...r, at: part(r.name) })),
  };
}

/** A source's balance in a tool: received (Income:Foreign sources:<s>, negated) − spent under it. */
function sourceBalance(b: Balances, source: string, currency: string): string {
  let total = '0';
  for (const [account, row] of b) {
    const v = row.get(currency);
    if (v === undefined) continue;
    if (account === `Income:Foreign sources:${source}` || account === `Income:Foreign-sources:${source}`)
      total = add(total, v.startsWith('-') ? v.slice(1) : `-${v}`);
    if (account.startsWith(`Expenses:Grants:${source}:`))
      total = add(total, v.startsWith('-') ? v.slice(1) : `-${v}`);
  }
  return normal(total);
}

for (const dialect of testDialects()) {
  describe(`the whole books in ledger, hledger and beancount on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    const state: DemoState = { organisations: new Map() };
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      await seedDemoOrganisations.run(ctx, state);
      await seedDemoLedger.run(ctx, state);
    });
    afterAll(async () => store.close());

    for (const format of ['ledger', 'hledger', 'beancount'] as const)
      it(`gives in ${format} the balances civic gives, per account, grant and source`, async () => {
        let checked = 0;
        for (const [key, org] of state.organisations) {
          const chunks: string[] = [];
          const r = await exportLedgerJournal(ctx, {
            org,
            format,
            scope: 'all',
            write: (c) => void chunks.push(c),
          });
          expect(r.ok).toBe(true);
          const file = join(dir, `${dialect}-${key}.${format === 'beancount' ? 'beancount' : 'journal'}`);
          writeFileSync(file, chunks.join(''));
          const b = journalTools[format](file);
          const part = format === 'beancount' ? beancountAccountPart : journalAccountPart;
          const civic = await civicBalances(ctx, org, part);
          const got = clean(b);
          for (const row of [...civic.account, ...civic.grant]) {
            expect(got[row.at]?.[row.currency] ?? '0', `${key} ${row.at} ${row.currency}`).toBe(row.balance);
            checked += 1;
          }
          for (const row of civic.source) {
            expect(sourceBalance(b, row.at, row.currency), `${key} source ${row.at} ${row.currency}`).toBe(
              row.balance,
            );
            checked += 1;
          }
          // Nothing in the journal's bank and grant accounts that civic does not have.
          const known = new Set([...civic.account, ...civic.grant].map((r) => `${r.at} ${r.currency}`));
          for (const [account, row] of Object.entries(got))
            if (account.startsWith('Assets:'))
              for (const currency of Object.keys(row))
                expect(known.has(`${account} ${currency}`), account).toBe(true);
        }
        expect(checked).toBeGreaterThan(20);
      });
  });
}
