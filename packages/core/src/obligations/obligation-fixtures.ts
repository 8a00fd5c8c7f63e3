import { calendarDate, type CalendarDate } from '../calendar-date.ts';
import { currency } from '../currency.ts';
import type { ReceiptId, SourceId } from '../ids.ts';
import type { Receipt } from '../ledger/receipt.ts';
import { parseRulePack } from '../rules/rule-pack.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';

/**
 * Test support: a small pack for an imaginary jurisdiction (XX, EUR) written to the same schema as
 * the real ones, so the derivation is shown to hold no Kazakhstan assumption: notify each receipt
 * within 5 working days (form N-1), report each quarter by the 20th of the next month (form Q-1,
 * rolled forward off days off). 2024 calendar: weekends, 1 Jan and 25–26 Dec, 1 Apr moved to 2 Apr.
 */
export function testPack(overrides: { nilReturn?: boolean; thresholdEur?: string } = {}): RulePack {
  const meta = { citation: 'XX Act §1', inForce: { from: '2020-01-01', to: null }, verified: true };
  const r = parseRulePack(
    {
      schemaVersion: 1,
      id: 'xx',
      name: 'Testland',
      jurisdiction: 'XX',
      currency: 'EUR',
      reviewed: '2024-01-01',
      periodEndOnDayOff: { rollForward: true, ...meta },
      sourceCategories: [{ id: 'foreign-organisation', title: 'Foreign organisation', ...meta }],
      thresholds: overrides.thresholdEur
        ? [
            {
              id: 'min',
              title: 'Minimum',
              amount: overrides.thresholdEur,
              currency: 'EUR',
              comparison: 'gt',
              ...meta,
            },
          ]
        : [],
      obligations: [
        {
          id: 'notify',
          title: 'Notify a receipt',
          trigger: { kind: 'each-receipt' },
          deadline: { kind: 'working-days', days: 5 },
          form: { id: 'N-1', title: 'Notice' },
          ...meta,
          citation: 'XX Act §2',
        },
        {
          id: 'quarterly',
          title: 'Quarterly report',
          trigger: { kind: 'period', period: 'quarter', startMonth: 1 },
          deadline: { kind: 'fixed-day', monthOffset: 1, day: 20 },
          form: { id: 'Q-1', title: 'Report' },
          nilReturn: overrides.nilReturn ?? false,
          ...meta,
          verified: false,
          note: 'the due day is assumed',
        },
      ],
      calendar: {
        ...meta,
        workWeek: 'five-day week',
        weekends: ['saturday', 'sunday'],
        years: [
          {
            year: 2024,
            status: { verified: true, source: 'XX calendar 2024' },
            holidays: [
              { date: '2024-01-01', name: 'New Year', kind: 'state' },
              { date: '2024-03-31', name: 'Spring Day', kind: 'state' },
              { date: '2024-12-25', name: 'Winter Day', kind: 'state' },
              { date: '2024-12-26', name: 'Winter Day 2', kind: 'state' },
            ],
            movedDaysOff: [{ date: '2024-04-01', for: '2024-03-31' }],
          },
        ],
      },
    },
    'xx.test',
  );
  if (!r.ok) throw new Error(`test pack: ${r.error.message}`);
  return r.value;
}

let counter = 0;

/** Test support: a receipt of money in a currency with its equivalent, from source `src_1` unless told. */
export function testReceipt(
  receivedOn: string,
  amount: bigint,
  options: { id?: string; currency?: string; sourceId?: string; kzt?: bigint | null } = {},
): Receipt {
  counter += 1;
  const c = currency(options.currency ?? 'EUR');
  const kzt = options.kzt === undefined ? amount * 500n : options.kzt;
  return {
    id: (options.id ?? `rcp_${counter}`) as ReceiptId,
    organisationId: 'org_x',
    sourceId: (options.sourceId ?? 'src_1') as SourceId,
    grantId: null,
    accountId: null,
    bankLineId: null,
    receivedOn: calendarDate(receivedOn),
    content: { kind: 'money', amount: { minor: amount, currency: c } },
    kzt:
      kzt === null
        ? { status: 'missing', kzt: null, rate: null, note: 'no rate' }
        : { status: 'official', kzt, rate: null, note: null },
    description: null,
    illustrative: false,
  };
}

export const d = (s: string): CalendarDate => calendarDate(s);
