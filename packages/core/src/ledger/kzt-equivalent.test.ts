import { describe, expect, it } from 'vitest';
import { calendarDate } from '../calendar-date.ts';
import { currency } from '../currency.ts';
import { buildRateIndex, computeKztEquivalent, convertToKzt, rateInForce } from './kzt-equivalent.ts';
import { formatScaledRate, makeOfficialRate, parseScaledRate, type OfficialRate } from './official-rate.ts';

const USD = currency('USD');
const EUR = currency('EUR');
const RUB = currency('RUB');
const JPY = currency('JPY');

function rate(date: string, cur: string, text: string, units = 1): OfficialRate {
  const r = makeOfficialRate({ date, currency: cur, rate: text, units, source: 'NBK (illustrative)' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

// Illustrative NBK-style rates around a weekend (Sat 28 – Sun 29 Nov 2020) and the Independence
// Day holidays (16–17 Dec 2020, kz-calendar.md): no rate is published on those days here.
const index = buildRateIndex([
  rate('2020-11-27', 'USD', '424.52'),
  rate('2020-11-30', 'USD', '422.07'),
  rate('2020-12-15', 'USD', '420.82'),
  rate('2020-12-18', 'USD', '419.78'),
  rate('2020-11-27', 'EUR', '506.12'),
  rate('2020-11-27', 'RUB', '5.58'),
  rate('2020-11-27', 'JPY', '40.79', 10),
]);

describe('KZT equivalent at the official rate of the date', () => {
  it.each([
    // [case, date, amount (minor), currency, status, KZT minor, rate date]
    ['a published day', '2020-11-27', 100000n, USD, 'official', 42452000n, '2020-11-27'],
    [
      'Saturday: Friday’s rate carried forward',
      '2020-11-28',
      100000n,
      USD,
      'carried-forward',
      42452000n,
      '2020-11-27',
    ],
    [
      'Sunday: Friday’s rate carried forward',
      '2020-11-29',
      100000n,
      USD,
      'carried-forward',
      42452000n,
      '2020-11-27',
    ],
    ['Monday: its own rate', '2020-11-30', 100000n, USD, 'official', 42207000n, '2020-11-30'],
    ['holiday 16 Dec: 15 Dec rate', '2020-12-16', 1n, USD, 'carried-forward', 421n, '2020-12-15'],
    ['holiday 17 Dec: 15 Dec rate', '2020-12-17', 250050n, USD, 'carried-forward', 105226041n, '2020-12-15'],
    [
      'EUR cents (123.45 × 506.12 = 62480.514)',
      '2020-11-27',
      12345n,
      EUR,
      'official',
      6248051n,
      '2020-11-27',
    ],
    ['rate per 10 units (JPY, no minor units)', '2020-11-27', 1000n, JPY, 'official', 407900n, '2020-11-27'],
    ['RUB', '2020-11-27', 100n, RUB, 'official', 558n, '2020-11-27'],
  ] as const)('%s', (_case, date, minor, cur, status, kzt, rateDate) => {
    const eq = computeKztEquivalent({ minor, currency: cur }, calendarDate(date), index);
    expect(eq.status).toBe(status);
    expect(eq.kzt).toBe(kzt);
    expect(eq.rate?.date).toBe(rateDate);
    if (eq.status === 'carried-forward') expect(eq.note).toContain(rateDate);
  });

  it('a day before the first rate is missing, never zero', () => {
    const eq = computeKztEquivalent({ minor: 100n, currency: USD }, calendarDate('2020-11-26'), index);
    expect(eq).toMatchObject({ status: 'missing', kzt: null, rate: null });
    expect(eq.note).toContain('USD');
  });

  it('a currency with no rates at all is missing', () => {
    expect(
      computeKztEquivalent({ minor: 100n, currency: currency('GBP') }, calendarDate('2020-12-01'), index)
        .status,
    ).toBe('missing');
  });

  it('KZT needs no rate', () => {
    expect(
      computeKztEquivalent({ minor: 777n, currency: currency('KZT') }, calendarDate('1999-01-01'), index),
    ).toEqual({ status: 'official', kzt: 777n, rate: null, note: null });
  });

  it('finds the latest earlier rate by binary search', () => {
    expect(rateInForce(index, USD, calendarDate('2020-12-31'))?.date).toBe('2020-12-18');
    expect(rateInForce(index, USD, calendarDate('2020-12-01'))?.date).toBe('2020-11-30');
  });

  it('rounds half away from zero', () => {
    // 0.01 USD at 424.50 = 4.245 KZT → 4.25 (425 minor)
    expect(convertToKzt(1n, USD, rate('2020-01-01', 'USD', '424.50'))).toBe(425n);
  });
});

describe('official rates', () => {
  it.each([
    ['448.61', 44861n, 2],
    ['5,88', 588n, 2],
    ['1', 1n, 0],
    ['0.012345', 12345n, 6],
  ])('%s is parsed exactly', (text, value, scale) => {
    expect(parseScaledRate(text)).toEqual({ ok: true, value: { value, scale } });
  });

  it.each(['', '0', '0.00', '-1', '1e3', 'abc', '1.2.3'])('rejects %s', (text) => {
    const r = parseScaledRate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('RATE_INVALID');
  });

  it('formats the scaled value back', () => {
    expect(formatScaledRate({ value: 44861n, scale: 2 })).toBe('448.61');
    expect(formatScaledRate({ value: 5n, scale: 3 })).toBe('0.005');
  });

  it('rejects KZT, bad units and bad dates', () => {
    expect(makeOfficialRate({ date: '2020-01-01', currency: 'KZT', rate: '1', source: 's' }).ok).toBe(false);
    expect(
      makeOfficialRate({ date: '2020-01-01', currency: 'USD', rate: '1', units: 0, source: 's' }).ok,
    ).toBe(false);
    expect(makeOfficialRate({ date: '2020-02-30', currency: 'USD', rate: '1', source: 's' }).ok).toBe(false);
  });
});
