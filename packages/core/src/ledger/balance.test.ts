import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, fromEpochDay } from '../calendar-date.ts';
import { currency } from '../currency.ts';
import { computeBalances, type Movement } from './balance.ts';

const USD = currency('USD');
const KZT = currency('KZT');

const movementArb = fc.record({
  key: fc.constantFrom('g1', 'g2', 'g3'),
  currency: fc.constantFrom(USD, KZT),
  direction: fc.constantFrom('in' as const, 'out' as const),
  amount: fc.bigInt({ min: 1n, max: 10n ** 12n }),
  kzt: fc.option(fc.bigInt({ min: 1n, max: 10n ** 14n }), { nil: null }),
  date: fc.integer({ min: 17_500, max: 18_700 }).map(fromEpochDay),
});

describe('balances', () => {
  it('flags a grant spent beyond what it received', () => {
    const rows = computeBalances([
      {
        key: 'g1',
        currency: USD,
        direction: 'in',
        amount: 1000n,
        kzt: 420000n,
        date: calendarDate('2020-01-10'),
      },
      {
        key: 'g1',
        currency: USD,
        direction: 'out',
        amount: 1500n,
        kzt: 630000n,
        date: calendarDate('2020-02-10'),
      },
      { key: 'g2', currency: USD, direction: 'in', amount: 10n, kzt: null, date: calendarDate('2020-02-10') },
    ]);
    expect(rows).toEqual([
      {
        key: 'g1',
        currency: USD,
        received: 1000n,
        spent: 1500n,
        balance: -500n,
        receivedKzt: 420000n,
        spentKzt: 630000n,
        balanceKzt: -210000n,
        missingKzt: 0,
        overspent: true,
        movements: 2,
      },
      {
        key: 'g2',
        currency: USD,
        received: 10n,
        spent: 0n,
        balance: 10n,
        receivedKzt: 0n,
        spentKzt: 0n,
        balanceKzt: 0n,
        missingKzt: 1,
        overspent: false,
        movements: 1,
      },
    ]);
  });

  it('counts movements up to and including the date', () => {
    const ms: Movement[] = [
      { key: 'g1', currency: USD, direction: 'in', amount: 5n, kzt: 5n, date: calendarDate('2020-01-10') },
      { key: 'g1', currency: USD, direction: 'in', amount: 7n, kzt: 7n, date: calendarDate('2020-01-11') },
    ];
    expect(computeBalances(ms, calendarDate('2020-01-10'))[0]?.received).toBe(5n);
    expect(computeBalances(ms, calendarDate('2020-01-09'))).toEqual([]);
  });

  it('property: balances equal the sum of movements, and no minor unit is created or lost', () => {
    fc.assert(
      fc.property(fc.array(movementArb, { maxLength: 200 }), (ms) => {
        const rows = computeBalances(ms);
        for (const cur of [USD, KZT]) {
          const signed = ms
            .filter((m) => m.currency === cur)
            .reduce((s, m) => s + (m.direction === 'in' ? m.amount : -m.amount), 0n);
          expect(rows.filter((r) => r.currency === cur).reduce((s, r) => s + r.balance, 0n)).toBe(signed);
        }
        expect(rows.reduce((s, r) => s + r.movements, 0)).toBe(ms.length);
        for (const r of rows) expect(r.overspent).toBe(r.spent > r.received);
      }),
    );
  });
});
