import { describe, expect, it } from 'vitest';
import { d, testPack, testReceipt } from './obligation-fixtures.ts';
import { deriveObligations, type DeriveObligationsInput, type FilingFact } from './derive-obligations.ts';

const sources = [
  { id: 'src_1', category: 'foreign-organisation' as const },
  { id: 'src_state', category: 'foreign-state' as const },
  { id: 'src_unknown', category: null },
];

function derive(over: Partial<DeriveObligationsInput>) {
  const r = deriveObligations({
    organisation: 'org_x',
    pack: testPack(),
    receipts: [],
    sources,
    expenditureDates: [],
    filings: [],
    from: d('2024-01-01'),
    to: d('2024-12-31'),
    asOf: d('2024-12-31'),
    ...over,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const filing = (
  id: string,
  obligationId: string,
  submittedOn: string | null,
  receiptIds: string[] = [],
  form = 'N-1',
): FilingFact => ({
  id,
  obligationId,
  form,
  receiptIds,
  state: submittedOn ? 'submitted' : 'draft',
  submittedOn: submittedOn ? d(submittedOn) : null,
  createdAt: '2024-01-01T00:00:00Z',
});

describe('deriveObligations with a non-Kazakh pack (XX)', () => {
  it('makes one notification per covered receipt, due N working days after it (test pack rows)', () => {
    const receipts = [
      testReceipt('2024-03-27', 100n, { id: 'r1' }), // Wed: 28, 29 | 30–31 weekend, 1 Apr moved day off | 2, 3, 4 → 4 Apr
      testReceipt('2024-12-20', 100n, { id: 'r2' }), // Fri: 23, 24 | 25, 26 holidays | 27, 30, 31 → 31 Dec
      testReceipt('2024-06-01', 100n, { id: 'r3', sourceId: 'src_state' }), // a category the pack does not cover
      testReceipt('2024-06-03', 100n, { id: 'r4', sourceId: 'src_unknown' }), // unknown category: covered, lint asks
    ];
    const notes = derive({ receipts }).filter((o) => o.trigger === 'each-receipt');
    expect(notes.map((o) => [o.receiptIds[0], o.dueOn, o.form])).toEqual([
      ['r1', '2024-04-04', 'N-1'],
      ['r4', '2024-06-10', 'N-1'],
      ['r2', '2024-12-31', 'N-1'],
    ]);
    expect(notes[0]).toMatchObject({
      id: 'org_x:notify:r1',
      obligationId: 'notify',
      citation: 'XX Act §2',
      verified: true,
      period: { from: '2024-03-27', to: '2024-03-27' },
    });
  });

  it('makes one report per quarter with activity (nil returns when the pack asks), rolled off days off', () => {
    const receipts = [testReceipt('2024-02-10', 100n, { id: 'r1' })];
    const reports = derive({ receipts, expenditureDates: [d('2024-11-05')] }).filter(
      (o) => o.trigger === 'period',
    );
    // Q1 ends 31 Mar → 20 Apr is a Saturday → 22 Apr; Q4 → 20 Jan 2025 (outside the calendar: weekends only, unverified).
    expect(reports.map((o) => [o.period.label, o.period.from, o.period.to, o.dueOn, o.receiptIds])).toEqual([
      ['2024-Q1', '2024-01-01', '2024-03-31', '2024-04-22', ['r1']],
      ['2024-Q4', '2024-10-01', '2024-12-31', '2025-01-20', []],
    ]);
    expect(reports.every((o) => !o.verified && o.notes.some((n) => n.startsWith('unverified')))).toBe(true);
    const nil = deriveObligations({
      organisation: 'org_x',
      pack: testPack({ nilReturn: true }),
      receipts: [],
      sources,
      expenditureDates: [],
      filings: [],
      from: d('2024-01-01'),
      to: d('2024-12-31'),
      asOf: d('2024-06-01'),
    });
    expect(nil.ok && nil.value.map((o) => o.period.label)).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
    ]);
  });

  it('applies thresholds in the pack and keeps receipts outside the range out', () => {
    const receipts = [
      testReceipt('2024-05-06', 10000n, { id: 'small' }),
      testReceipt('2024-05-07', 10001n, { id: 'big' }),
      testReceipt('2023-05-07', 50000n, { id: 'old' }),
    ];
    const r = deriveObligations({
      organisation: 'org_x',
      pack: testPack({ thresholdEur: '100.00' }),
      receipts,
      sources,
      expenditureDates: [],
      filings: [],
      from: d('2024-01-01'),
      to: d('2024-12-31'),
      asOf: d('2024-12-31'),
    });
    expect(r.ok && r.value.filter((o) => o.trigger === 'each-receipt').map((o) => o.receiptIds[0])).toEqual([
      'big',
    ]);
  });

  it('reads statuses from the filings: on time, late, missed, due, upcoming; a draft does not count', () => {
    const receipts = ['2024-03-01', '2024-03-04', '2024-03-05', '2024-03-11', '2024-03-20'].map((day, i) =>
      testReceipt(day, 100n, { id: `r${i}` }),
    );
    const filings = [
      filing('f0', 'org_x:notify:r0', '2024-03-08'), // due 8 Mar: on time
      filing('f1', 'other', '2024-03-14', ['r1']), // covers r1 by its receipts; due 11 Mar: late
      filing('f2', 'org_x:notify:r2', null), // draft only: still missed on 15 Mar (due 12 Mar)
    ];
    const byReceipt = Object.fromEntries(
      derive({ receipts, filings, asOf: d('2024-03-15') })
        .filter((o) => o.trigger === 'each-receipt')
        .map((o) => [o.receiptIds[0], [o.status, o.filingId]]),
    );
    expect(byReceipt).toEqual({
      r0: ['filed-on-time', 'f0'],
      r1: ['filed-late', 'f1'],
      r2: ['missed', 'f2'],
      r3: ['due', null],
      r4: ['upcoming', null],
    });
  });
});
