import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObligationStatus } from '../obligations/obligation-status.ts';
import type { FilingContent, ReceiptLine } from './filing-content.ts';
import { lintFiling, lintFilingView } from './lint-filing.ts';
import { lintWorld, type WorldOptions } from './lint-fixtures.ts';
import { lintViewText, parseLintView } from './lint-view.ts';

// The lint from the stored lint view (issue 17) against the lint of the whole content: the same
// problems, in the same order, on varied worlds (receipts in and out of the period, property,
// without a grant or a rate, notifications of every status, the content edited after preparing:
// sources renamed line by line, lines with odd values).

const day = fc
  .integer({ min: 0, max: 400 })
  .map((n) => new Date(Date.UTC(2023, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
const receipt = fc.record({
  id: fc.integer({ min: 1, max: 40 }).map((n) => `rcp_${String(n)}`),
  on: day,
  usd: fc.constantFrom('5000.00', '0.00', '120.50', '1.00'),
  property: fc.boolean(),
  grant: fc.boolean(),
  kzt: fc.constantFrom('official' as const, 'missing' as const, 'wrong' as const),
});
const options: fc.Arbitrary<WorldOptions> = fc.record(
  {
    category: fc.constantFrom(null, 'foreign-organisation' as const, 'stateless-person' as const),
    country: fc.constantFrom(null, 'US', 'NL'),
    receipts: fc.array(receipt, { maxLength: 12 }),
    rates: fc.boolean(),
    verified: fc.boolean(),
    notification: fc.constantFrom<ObligationStatus | null>(
      null,
      'missed',
      'filed-late',
      'due',
      'upcoming',
      'filed-on-time',
    ),
    submitted: fc.boolean(),
    laterReceipts: fc.array(fc.constantFrom('rcp_later_1', 'rcp_later_2'), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
/** A line edited after preparing: what a stored filing of an older ledger may say. */
const edit: fc.Arbitrary<LineEdit> = fc.record({
  name: fc.constantFrom('Фонд «Открытое общество»', 'a "quoted" name', '\u0000\u2028', ''),
  category: fc.constantFrom(null, 'foreign-citizen'),
  country: fc.constantFrom(null, 'KZ'),
  rate: fc.constantFrom('official' as const, 'carried-forward' as const, 'missing' as const),
  rateDate: fc.constantFrom(null, '2024-01-31'),
  amount: fc.constantFrom(null, '-1.00', 'x', '100.00'),
  currency: fc.constantFrom(null, 'USD', 'KZT', 'XXX'),
  grant: fc.boolean(),
});

interface LineEdit {
  readonly name: string;
  readonly category: 'foreign-citizen' | null;
  readonly country: 'KZ' | null;
  readonly rate: ReceiptLine['rate']['status'];
  readonly rateDate: string | null;
  readonly amount: string | null;
  readonly currency: string | null;
  readonly grant: boolean;
}

function edited(c: FilingContent, edits: readonly (LineEdit | null)[]): FilingContent {
  const receipts = c.receipts.map((r, i): ReceiptLine => {
    const e = edits[i % Math.max(1, edits.length)];
    if (!e) return r;
    return {
      ...r,
      amount: e.amount,
      currency: e.currency,
      source: { ...r.source, name: e.name, category: e.category, country: e.country },
      rate: { ...r.rate, status: e.rate, date: e.rateDate },
      grant: e.grant ? { id: 'grt_other', agreementNumber: 'X-1' } : null,
    };
  });
  return { ...c, receipts };
}

describe('the lint view', () => {
  it('lints as the whole content does, whatever the world', () => {
    fc.assert(
      fc.property(options, fc.array(fc.option(edit), { maxLength: 4 }), (o, edits) => {
        const world = lintWorld({ ...o, content: (c) => edited(c, edits) });
        const view = parseLintView(lintViewText(world.content));
        expect(view).toBeDefined();
        if (!view) return;
        expect(lintFilingView({ ...world, content: view })).toEqual(lintFiling(world));
      }),
    );
  });

  it('holds every member the lint reads of each line', () => {
    fc.assert(
      fc.property(options, fc.array(fc.option(edit), { maxLength: 4 }), (o, edits) => {
        const { content } = lintWorld({ ...o, content: (c) => edited(c, edits) });
        const view = parseLintView(lintViewText(content));
        const { receipts: _lines, ...rest } = content;
        expect(view && { ...view, receipts: [] }).toEqual({ ...rest, receipts: [] });
        expect(view?.receipts).toEqual(
          content.receipts.map((r) => ({
            id: r.id,
            receivedOn: r.receivedOn,
            kind: r.kind,
            amount: r.amount,
            currency: r.currency,
            propertyDescription: r.propertyDescription,
            equivalent: r.equivalent,
            rate: { status: r.rate.status, date: r.rate.date },
            source: r.source,
            grant: r.grant && { id: r.grant.id },
          })),
        );
      }),
    );
  });

  it('is not read in another version', () => {
    expect(parseLintView(JSON.stringify({ version: 'civicledger.lint-view/0' }))).toBeUndefined();
  });
});
