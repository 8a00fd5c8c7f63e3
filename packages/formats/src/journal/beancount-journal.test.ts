import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalendarDate, CurrencyCode } from '@civic/core';
import { describe, expect, it } from 'vitest';
import {
  beancountAccount,
  beancountAccountPart,
  beancountString,
  renderBeancountOpen,
  renderBeancountTransaction,
} from './beancount-journal.ts';

describe('beancount rendering', () => {
  it.each([
    ['National Endowment for Democracy', 'National-Endowment-for-Democracy'],
    ['Фонд «Сорос-Казахстан»', 'Фонд-«Сорос-Казахстан»'],
    ['open society (OSF)', 'Open-society-OSF'],
    ['  ', 'Unnamed'],
    ['NED-2018/0412', 'NED-2018-0412'],
    ['a:b;c', 'A-b-c'],
  ])('cleans the account part %j to %j', (text, part) => {
    expect(beancountAccountPart(text)).toBe(part);
  });

  it('keeps the root and quotes texts with their quotes escaped', () => {
    expect(beancountAccount(['Income', 'Foreign sources', 'x'])).toBe('Income:Foreign-sources:X');
    expect(beancountString('He said "no"\n\\ ok')).toBe('"He said \\"no\\" \\\\ ok"');
  });

  it('writes a file bean-check accepts, and refuses an unbalanced transaction', () => {
    const used = new Set<string>();
    const usd = 'USD' as CurrencyCode;
    const text = renderBeancountTransaction(
      {
        date: '2021-01-05' as CalendarDate,
        payee: 'Donor "A"',
        note: 'grant; tranche | 1',
        tags: [
          ['receipt', 'rct_1'],
          ['kzt', '4200000.00 KZT official'],
        ],
        postings: [
          { account: ['Assets', 'Grants', 'G-1'], amount: 10000n, currency: usd },
          { account: ['Income', 'Foreign sources', 'Donor "A"'], amount: -10000n, currency: usd },
        ],
      },
      (a) => used.add(a),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'civic-bean-')), 'x.beancount');
    writeFileSync(file, text + renderBeancountOpen(used, '2021-01-01' as CalendarDate));
    expect(() => execFileSync('bean-check', [file], { encoding: 'utf8' })).not.toThrow();
    expect(() =>
      renderBeancountTransaction({
        date: '2021-01-05' as CalendarDate,
        payee: 'x',
        postings: [{ account: ['Assets', 'X'], amount: 1n, currency: usd }],
      }),
    ).toThrow(/does not balance/);
  });
});
