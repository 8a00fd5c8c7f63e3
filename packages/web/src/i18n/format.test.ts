import { describe, expect, it } from 'vitest';
import { formatDate, formatDecimalMoney, formatMoney, formatNumber } from './format.ts';

// Intl per interface language; money from minor units or decimal text without a float in between.
describe('formatting per language', () => {
  it.each([
    ['en', '29 March 2021'],
    ['ru', '29 марта 2021 г.'],
    ['kk', '2021 ж. 29 наурыз'],
  ] as const)('dates in %s', (locale, expected) => {
    expect(formatDate(locale, '2021-03-29')).toBe(expected);
  });

  it('keeps every minor unit of a large amount (beyond a float)', () => {
    expect(formatMoney('en', 900719925474099123n, 'KZT').replace(/\s/g, ' ')).toBe(
      'KZT 9,007,199,254,740,991.23',
    );
    expect(formatMoney('en', -5n, 'USD')).toBe('-US$0.05');
    expect(formatMoney('en', 1234n, 'JPY')).toBe('JP¥1,234');
    expect(formatDecimalMoney('en', '9007199254740993.01', 'KZT').replace(/\s/g, ' ')).toBe(
      'KZT 9,007,199,254,740,993.01',
    );
  });

  it('uses the separators of each language', () => {
    expect(formatDecimalMoney('ru', '1166800.00', 'KZT').replace(/\s/g, ' ')).toMatch(
      /^1 166 800,00 (₸|KZT)$/,
    );
    expect(formatNumber('kk', 1166800).replace(/\s/g, ' ')).toBe('1 166 800');
    expect(formatNumber('en', 1166800)).toBe('1,166,800');
  });

  it('shows text that is not a decimal as it is', () => {
    expect(formatDecimalMoney('en', 'n/a', 'KZT')).toBe('n/a KZT');
  });
});
