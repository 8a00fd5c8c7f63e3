import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../calendar-date.ts';
import { d, testPack, testReceipt } from './obligation-fixtures.ts';
import { deriveObligations, type FilingFact } from './derive-obligations.ts';

// The derivation reads periods by binary search over receipts in day order and filings through an
// index: whatever order the ledger hands them in, each obligation must carry exactly the receipts
// and the filing a plain scan finds.
const sources = [
  { id: 'src_1', category: 'foreign-organisation' as const },
  { id: 'src_state', category: 'foreign-state' as const },
];
const day = (n: number): CalendarDate => addDays(d('2023-10-01'), n);

const arbitraryLedger = fc.record({
  receipts: fc.array(fc.record({ at: fc.integer({ min: 0, max: 540 }), state: fc.boolean() }), {
    maxLength: 40,
  }),
  spent: fc.array(fc.integer({ min: 0, max: 540 }), { maxLength: 5 }),
  filings: fc.array(
    fc.record({
      receipt: fc.nat(),
      period: fc.boolean(),
      submittedAfter: fc.option(fc.integer({ min: 0, max: 200 })),
      created: fc.nat(9),
    }),
    { maxLength: 12 },
  ),
  from: fc.integer({ min: 0, max: 300 }),
  span: fc.integer({ min: 0, max: 400 }),
});

describe('deriveObligations finds what a plain scan finds (property)', () => {
  it('receipts per period, one notification per receipt in range, and the first submitted filing', () => {
    fc.assert(
      fc.property(arbitraryLedger, (g) => {
        const receipts = g.receipts.map((r, i) =>
          testReceipt(day(r.at), 100n, { id: `r${i}`, sourceId: r.state ? 'src_state' : 'src_1' }),
        );
        const from = day(g.from);
        const to = day(g.from + g.span);
        const covered = receipts.filter((r) => r.sourceId === 'src_1');
        const filings: FilingFact[] = g.filings.flatMap((f, i) => {
          const r = covered[f.receipt % Math.max(1, covered.length)];
          if (!r) return [];
          const submittedOn = f.submittedAfter === null ? null : addDays(r.receivedOn, f.submittedAfter);
          return [
            {
              id: `f${i}`,
              obligationId: f.period ? 'elsewhere' : `org_x:notify:${r.id}`,
              form: 'N-1',
              receiptIds: f.period ? [r.id] : [],
              state: submittedOn ? 'submitted' : 'draft',
              submittedOn,
              createdAt: `2024-01-0${f.created}T00:00:00Z`,
            },
          ];
        });
        const asOf = day(600);
        const result = deriveObligations({
          organisation: 'org_x',
          pack: testPack(),
          receipts,
          sources,
          expenditureDates: g.spent.map(day),
          filings,
          from,
          to,
          asOf,
        });
        if (!result.ok) throw new Error(result.error.message);
        const notes = result.value.filter((o) => o.trigger === 'each-receipt');
        expect(notes.map((o) => o.receiptIds[0]).sort()).toEqual(
          covered
            .filter((r) => r.receivedOn >= from && r.receivedOn <= to)
            .map((r) => r.id)
            .sort(),
        );
        for (const o of notes) {
          const rid = o.receiptIds[0] ?? '';
          const related = filings.filter(
            (f) => f.obligationId === o.id || (f.form === o.form && f.receiptIds.includes(rid)),
          );
          const submitted = related
            .filter((f) => f.submittedOn !== null && f.submittedOn <= asOf)
            .sort((a, b) => ((a.submittedOn ?? '') < (b.submittedOn ?? '') ? -1 : 1));
          const drafts = related
            .filter((f) => f.state === 'draft')
            .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
          expect(o.filingId).toBe(submitted[0]?.id ?? drafts[0]?.id ?? null);
          expect(o.submittedOn).toBe(submitted[0]?.submittedOn ?? null);
        }
        for (const o of result.value.filter((x) => x.trigger === 'period')) {
          const inside = covered
            .filter((r) => r.receivedOn >= o.period.from && r.receivedOn <= o.period.to)
            .map((r) => r.id);
          expect([...o.receiptIds].sort()).toEqual(inside.sort());
          expect(
            inside.length > 0 || g.spent.map(day).some((s) => s >= o.period.from && s <= o.period.to),
          ).toBe(true);
        }
        const sorted = [...result.value].sort((a, b) =>
          a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id < b.id ? -1 : 1,
        );
        expect(result.value.map((o) => o.id)).toEqual(sorted.map((o) => o.id));
      }),
      { numRuns: 200 },
    );
  });
});
