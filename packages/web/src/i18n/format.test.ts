import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDecimalMoney, formatMoney, formatNumber } from './format.ts';

// The web's formatting is core's formatter: the same text whatever locale data the browser has.
describe('formatting per language', () => {
  it.each([
    ['en', '29 March 2021'],
    ['ru', '29 марта 2021 г.'],
    ['kk', '2021 жылғы 29 наурыз'],
  ] as const)('dates in %s', (locale, expected) => {
    expect(formatDate(locale, '2021-03-29')).toBe(expected);
  });

  it('keeps every minor unit of a large amount (beyond a float)', () => {
    expect(formatMoney('en', 900719925474099123n, 'KZT')).toBe('₸9,007,199,254,740,991.23');
    expect(formatMoney('en', -5n, 'USD')).toBe('-US$0.05');
    expect(formatMoney('en', 1234n, 'JPY')).toBe('JPY\u00a01,234');
    expect(formatDecimalMoney('en', '9007199254740993.01', 'KZT')).toBe('₸9,007,199,254,740,993.01');
  });

  it('uses the separators of each language', () => {
    expect(formatDecimalMoney('ru', '1166800.00', 'KZT').replace(/\s/g, ' ')).toBe('1 166 800,00 ₸');
    expect(formatDecimalMoney('kk', '18531600.00', 'KZT').replace(/\s/g, ' ')).toBe('18 531 600,00 ₸');
    expect(formatNumber('kk', 1166800).replace(/\s/g, ' ')).toBe('1 166 800');
    expect(formatNumber('en', 1166800)).toBe('1,166,800');
  });

  it('writes a moment with Kazakh words and a 24-hour time', () => {
    expect(formatDateTime('kk', '2021-01-15T10:00:00')).toBe('2021 жылғы 15 қаңтар, 10:00');
  });

  it('shows text that is not a decimal as it is', () => {
    expect(formatDecimalMoney('en', 'n/a', 'KZT')).toBe('n/a KZT');
  });
});
