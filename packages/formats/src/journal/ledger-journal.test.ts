import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate, currency } from '@civic/core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  journalAccountPart,
  renderCsvRecord,
  renderJournalComment,
  renderJournalTransaction,
} from './ledger-journal.ts';

const USD = currency('USD');
const KZT = currency('KZT');
const dir = mkdtempSync(join(tmpdir(), 'civic-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger journal', () => {
  it('cleans account-name parts', () => {
    expect(journalAccountPart('NED: grant (2020)  [A]; x@y')).toBe('NED- grant -2020- -A-- x-y');
    expect(journalAccountPart('  ')).toBe('unnamed');
  });

  it('refuses a transaction that does not balance', () => {
    expect(() =>
      renderJournalTransaction({
        date: calendarDate('2020-01-01'),
        payee: 'x',
        postings: [{ account: ['A'], amount: 1n, currency: USD }],
      }),
    ).toThrow(/balance/);
  });

  it('is read by ledger-cli with the right balances (real `ledger`)', () => {
    const text =
      renderJournalTransaction({
        date: calendarDate('2020-03-02'),
        payee: 'National Endowment for Democracy; Inc | x',
        note: 'receipt NED-1',
        tags: [
          ['receipt', 'rcp_1'],
          ['kzt', '424520.00 KZT official 424.52 per 1 USD of 2020-03-02 (NBK)'],
        ],
        postings: [
          { account: ['Assets', 'Grants', 'NED-1'], amount: 100000n, currency: USD },
          {
            account: ['Income', 'Foreign sources', 'National Endowment for Democracy'],
            amount: -100000n,
            currency: USD,
          },
        ],
      }) +
      renderJournalComment(['property received in kind without a valuation: laptops']) +
      renderJournalTransaction({
        date: calendarDate('2020-03-05'),
        payee: 'Landlord',
        postings: [
          { account: ['Expenses', 'NED-1'], amount: 2000000n, currency: KZT },
          { account: ['Assets', 'Grants', 'NED-1'], amount: -2000000n, currency: KZT },
          { account: ['Expenses', 'NED-1'], amount: 5000n, currency: USD },
          { account: ['Assets', 'Grants', 'NED-1'], amount: -5000n, currency: USD },
        ],
      });
    const file = join(dir, 'j.ledger');
    writeFileSync(file, text);
    const out = execFileSync('ledger', ['-f', file, 'bal', '--flat', '--no-total', 'Assets'], {
      encoding: 'utf8',
    });
    expect(out).toMatch(/-20000\.00 KZT/);
    expect(out).toMatch(/950\.00 USD\s+Assets:Grants:NED-1/);
    const reg = execFileSync('ledger', ['-f', file, 'reg', '--format', '%(tag("receipt"))\\n', 'Income'], {
      encoding: 'utf8',
    });
    expect(reg.trim()).toBe('rcp_1');
  });

  it('quotes CSV fields when needed', () => {
    expect(renderCsvRecord(['a', 'b,c', 'say "hi"', null, ' x'])).toBe('a,"b,c","say ""hi""",," x"\r\n');
  });
});
