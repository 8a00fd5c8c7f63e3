import { describe, expect, it } from 'vitest';
import type { FilingContent } from './filing-content.ts';
import { lintFiling } from './lint-filing.ts';
import { lintWorld, type WorldOptions } from './lint-fixtures.ts';
import { LINT_CODES, type LintCode } from './lint-problem.ts';

const codes = (o: WorldOptions) => lintFiling(lintWorld(o)).map((p) => p.code);
const editTotals = (c: FilingContent): FilingContent => ({
  ...c,
  totals: { ...c.totals, receiptsEquivalent: '1.00' },
});
const zeroExpense = (c: FilingContent): FilingContent => ({
  ...c,
  expenditures: c.expenditures.map((e) => ({
    ...e,
    amount: '0.00',
    allocations: e.allocations.map((a) => ({ ...a, amount: '0.00' })),
  })),
});

describe('lintFiling', () => {
  it('finds nothing wrong with the clean world', () => {
    expect(lintFiling(lintWorld())).toEqual([]);
  });

  // One row per code: the one thing spoilt, the code expected, and the records it must name.
  const rows: [LintCode, string, WorldOptions, string[]][] = [
    [
      'LINT_SOURCE_CATEGORY_MISSING',
      'source without a category',
      { category: null },
      ['receipt:r1', 'source:src_a'],
    ],
    [
      'LINT_SOURCE_COUNTRY_MISSING',
      'foreign organisation without a country',
      { country: null },
      ['receipt:r1', 'source:src_a'],
    ],
    [
      'LINT_RATE_MISSING',
      'no USD rate at all',
      { rates: false, receipts: [{ id: 'r1', on: '2024-02-01', kzt: 'missing' }], expenditures: [] },
      ['receipt:r1'],
    ],
    [
      'LINT_RATE_NOT_OFFICIAL',
      'equivalent 10.00 KZT off the official rate',
      { receipts: [{ id: 'r1', on: '2024-02-01', kzt: 'wrong' }] },
      ['receipt:r1'],
    ],
    [
      'LINT_RATE_CARRIED_FORWARD',
      'received on a Saturday: the rate of Thursday 1 Feb',
      { receipts: [{ id: 'r1', on: '2024-02-03' }] },
      ['receipt:r1'],
    ],
    [
      'LINT_PROPERTY_VALUATION_MISSING',
      'laptops received in kind, not valued',
      {
        receipts: [
          { id: 'r1', on: '2024-02-01' },
          { id: 'r2', on: '2024-02-05', property: true },
        ],
      },
      ['receipt:r2'],
    ],
    ['LINT_AMOUNT_NOT_POSITIVE', 'an expense of zero', { content: zeroExpense }, ['expenditure:e1']],
    [
      'LINT_ALLOCATION_MISMATCH',
      '1,000 USD allocated as 600 + 300',
      { expenditures: [{ id: 'e1', on: '2024-03-01', usd: '1000.00', allocations: ['600.00', '300.00'] }] },
      ['expenditure:e1'],
    ],
    [
      'LINT_EXPENSE_EXCEEDS_GRANT',
      '6,000 USD spent of 5,000 received',
      { expenditures: [{ id: 'e1', on: '2024-03-01', usd: '6000.00' }] },
      ['grant:grt_1', 'expenditure:e1'],
    ],
    [
      'LINT_EXPENSE_EXCEEDS_GRANT',
      'spent before the money arrived',
      { receipts: [{ id: 'r1', on: '2024-03-05' }] },
      ['grant:grt_1', 'expenditure:e1'],
    ],
    [
      'LINT_EXPENSE_EXCEEDS_GRANT',
      'more than the agreed amount',
      { grantAmount: '900.00' },
      ['grant:grt_1', 'expenditure:e1'],
    ],
    [
      'LINT_EXPENSE_BEFORE_GRANT_START',
      'grant starts 15 Mar, expense 1 Mar',
      { grantFrom: '2024-03-15' },
      ['expenditure:e1', 'grant:grt_1'],
    ],
    [
      'LINT_EXPENSE_AFTER_GRANT_END',
      'grant ended 15 Feb, expense 1 Mar',
      { grantTo: '2024-02-15' },
      ['expenditure:e1', 'grant:grt_1'],
    ],
    [
      'LINT_RECEIPT_OUTSIDE_PERIOD',
      'a July receipt in the H1 report',
      {
        receipts: [
          { id: 'r1', on: '2024-02-01' },
          { id: 'r7', on: '2024-07-01' },
        ],
      },
      ['receipt:r7'],
    ],
    [
      'LINT_EXPENSE_OUTSIDE_PERIOD',
      'a July expense in the H1 report',
      { expenditures: [{ id: 'e7', on: '2024-07-01', usd: '100.00' }] },
      ['expenditure:e7'],
    ],
    [
      'LINT_RECEIPT_WITHOUT_GRANT',
      'a receipt not linked to a grant',
      {
        receipts: [
          { id: 'r1', on: '2024-02-01' },
          { id: 'r2', on: '2024-02-05', grant: false },
        ],
      },
      ['receipt:r2'],
    ],
    [
      'LINT_DUPLICATE_RECEIPT',
      'the same receipt entered twice',
      {
        receipts: [
          { id: 'r1', on: '2024-02-01' },
          { id: 'r1b', on: '2024-02-01' },
        ],
      },
      ['receipt:r1', 'receipt:r1b'],
    ],
    ['LINT_TOTALS_MISMATCH', 'stated total edited', { content: editTotals }, []],
    ['LINT_TOTALS_MISMATCH', 'a receipt recorded after preparing', { laterReceipts: ['r9'] }, ['receipt:r9']],
    [
      'LINT_RECORD_NOT_IN_LEDGER',
      'the receipt was deleted from the ledger',
      { ledgerNow: () => [] },
      ['receipt:r1'],
    ],
    [
      'LINT_RECORD_CHANGED',
      'the receipt was re-dated in the ledger',
      { ledgerNow: (rs) => rs.map((r) => ({ ...r, receivedOn: '2024-02-02' as typeof r.receivedOn })) },
      ['receipt:r1'],
    ],
    [
      'LINT_NOTIFICATION_MISSING',
      'the F.017.00 notification was never filed',
      { notification: 'missed' },
      ['receipt:r1', 'obligation:org_x:notify:r1'],
    ],
    [
      'LINT_NOTIFICATION_LATE',
      'the notification was filed late',
      { notification: 'filed-late' },
      ['receipt:r1', 'obligation:org_x:notify:r1'],
    ],
    [
      'LINT_NOTIFICATION_PENDING',
      'the notification is still due',
      { notification: 'due' },
      ['receipt:r1', 'obligation:org_x:notify:r1'],
    ],
    [
      'LINT_FILING_OVERDUE',
      'not submitted by the due day',
      { asOf: '2024-08-16' },
      ['obligation:org_x:report:2024-H1'],
    ],
    [
      'LINT_CORRECTION_UNCHANGED',
      'a correction that changes nothing',
      { correctionOfSelf: true },
      ['filing:fil_0'],
    ],
    [
      'LINT_RULE_UNVERIFIED',
      'the due date rests on an unverified rule',
      { verified: false },
      ['obligation:org_x:report:2024-H1'],
    ],
    ['LINT_FILING_EMPTY', 'a nil return', { receipts: [], expenditures: [] }, []],
  ];

  it.each(rows)('%s: %s', (code, _why, options, records) => {
    const problems = lintFiling(lintWorld(options));
    const found = problems.filter((p) => p.code === code);
    expect(found.length, JSON.stringify(problems, null, 1)).toBeGreaterThan(0);
    const first = found[0];
    expect(first?.severity).toBe(LINT_CODES[code]);
    expect(first?.message.length).toBeGreaterThan(10);
    expect(first?.records.map((r) => `${r.kind}:${r.id}`)).toEqual(records);
  });

  it('has a row for every code', () => {
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(Object.keys(LINT_CODES)));
  });

  it('asks no country of an international organisation and no notification of a notification', () => {
    expect(codes({ category: 'international-organisation', country: null })).not.toContain(
      'LINT_SOURCE_COUNTRY_MISSING',
    );
    const notice = lintWorld({ notification: 'missed', expenditures: [] });
    const asNotice = {
      ...notice,
      content: {
        ...notice.content,
        obligation: { ...notice.content.obligation, trigger: 'each-receipt' as const },
      },
    };
    expect(lintFiling(asNotice).map((p) => p.code)).not.toContain('LINT_NOTIFICATION_MISSING');
  });

  it('does not flag a submitted filing as overdue, nor a correction that changes a figure', () => {
    expect(codes({ asOf: '2024-08-16', submitted: true })).not.toContain('LINT_FILING_OVERDUE');
    const changed = lintWorld({ correctionOfSelf: true });
    const other = lintFiling({
      ...changed,
      corrected: { ...changed.content, totals: { ...changed.content.totals, receiptCount: 9 } },
    });
    expect(other.map((p) => p.code)).not.toContain('LINT_CORRECTION_UNCHANGED');
  });
});
