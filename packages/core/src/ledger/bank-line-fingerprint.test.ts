import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../calendar-date.ts';
import { bankLineIdentity, fingerprintLines } from './bank-line-fingerprint.ts';
import { testLine } from './ledger-test-lines.ts';

const id = (t: string): string => t;

describe('bank-line fingerprints', () => {
  it('ignores spacing and case in accounts and spacing in texts', () => {
    const a = testLine({ account: 'KZ86 125K ZT50 0410 0100', purpose: 'Grant  payment ' });
    const b = testLine({ account: 'kz86125kzt5004100100', purpose: 'Grant payment' });
    expect(bankLineIdentity(a)).toBe(bankLineIdentity(b));
  });

  it.each([
    ['date', { bookedOn: calendarDate('2020-03-03') }],
    ['direction', { direction: 'out' as const }],
    ['amount', { amount: 100001n }],
    ['document number', { documentNumber: '18' }],
    ['purpose', { purpose: 'Other' }],
    ['bank reference', { bankReference: 'REF1' }],
    ['counterparty tax id', { counterparty: { taxId: '123' } }],
    ['counterparty account', { counterparty: { account: 'KZ00' } }],
  ])('a different %s is a different line', (_f, over) => {
    expect(bankLineIdentity(testLine(over))).not.toBe(bankLineIdentity(testLine()));
  });

  it('keeps identical lines inside one file distinct, and stable across re-reads', () => {
    const lines = [testLine(), testLine({ amount: 5n }), testLine()];
    const first = fingerprintLines(lines, id);
    expect(new Set(first).size).toBe(3);
    expect(fingerprintLines(lines, id)).toEqual(first);
  });

  it('an overlapping file repeats the fingerprints of the lines it shares', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        (amounts, cut) => {
          // Lines of one day with repeated amounts; the second file starts at a day boundary.
          const days = amounts.map((a, i) =>
            testLine({
              amount: BigInt(a),
              bookedOn: calendarDate(`2020-03-${String(1 + Math.floor(i / 5)).padStart(2, '0')}`),
            }),
          );
          const startDay = days[cut % days.length]?.bookedOn ?? calendarDate('2020-03-01');
          const second = days.filter((l) => l.bookedOn >= startDay);
          const all = new Set(fingerprintLines(days, id));
          for (const f of fingerprintLines(second, id)) expect(all.has(f)).toBe(true);
        },
      ),
    );
  });
});

describe('fingerprintLines against a plain reference', () => {
  it('numbers repeats exactly as a Map of identities would (short hashes force table collisions)', () => {
    const shortHash = (t: string): string => {
      let h = 7;
      for (let i = 0; i < t.length; i++) h = (h * 31 + t.charCodeAt(i)) % 9973;
      return `${String(h)}:${t.length > 40 ? t.slice(-12) : t}`;
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 60 }), (amounts) => {
        const lines = amounts.map((a) => testLine({ amount: BigInt(a) }));
        const seen = new Map<string, number>();
        const expected = lines.map((l) => {
          const first = shortHash(bankLineIdentity(l));
          const n = seen.get(first) ?? 0;
          seen.set(first, n + 1);
          return n === 0 ? first : shortHash(`${first}\u001f${String(n)}`);
        });
        expect(fingerprintLines(lines, shortHash)).toEqual(expected);
        expect(new Set(expected).size).toBe(lines.length);
      }),
    );
  });
});
