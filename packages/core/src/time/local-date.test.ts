import { describe, expect, it } from 'vitest';
import type { TimeZone } from '../rules/time-zone.schema.ts';
import { localDateAt, utcOffsetMinutesAt } from './local-date.ts';

// The zone as rules/kz.yaml declares it (UTC+6, then UTC+5 from 00:00 on 1 March 2024).
const ALMATY: TimeZone = {
  name: 'Asia/Almaty',
  offsets: [
    { from: '2004-10-30T20:00:00Z', utcOffset: '+06:00' },
    { from: '2024-02-29T18:00:00Z', utcOffset: '+05:00' },
  ],
  citation: { text: 'test' },
  verified: false,
};
const KOLKATA: TimeZone = {
  name: 'Asia/Kolkata',
  offsets: [{ from: '1945-10-14T18:30:00Z', utcOffset: '+05:30' }],
  citation: { text: 'test' },
  verified: true,
};

describe('localDateAt', () => {
  it.each([
    // instant (UTC) → the date in Almaty
    ['2021-01-14T17:59:59Z', '2021-01-14'], // 23:59:59 at +06
    ['2021-01-14T18:00:00Z', '2021-01-15'], // midnight at +06
    ['2024-02-29T17:59:59Z', '2024-02-29'], // 23:59:59 on the last day of +06
    ['2024-02-29T18:00:00Z', '2024-02-29'], // clocks went back: 23:00 on 29 Feb at +05
    ['2024-02-29T18:59:59Z', '2024-02-29'],
    ['2024-02-29T19:00:00Z', '2024-03-01'], // midnight at +05
    ['2025-12-19T19:30:00Z', '2025-12-20'], // 00:30 in Almaty, still 19 Dec in UTC
    ['2025-12-20T00:00:00Z', '2025-12-20'],
  ])('%s is %s in Almaty', (instant, date) => {
    expect(localDateAt(new Date(instant), ALMATY)).toBe(date);
  });

  it('counts India from UTC+05:30', () => {
    expect(localDateAt(Date.parse('2025-03-31T18:29:59Z'), KOLKATA)).toBe('2025-03-31');
    expect(localDateAt(Date.parse('2025-03-31T18:30:00Z'), KOLKATA)).toBe('2025-04-01');
  });

  it('reads the offset in force at an instant', () => {
    expect(utcOffsetMinutesAt(Date.parse('2016-06-01T00:00:00Z'), ALMATY)).toBe(360);
    expect(utcOffsetMinutesAt(Date.parse('2026-06-01T00:00:00Z'), ALMATY)).toBe(300);
    expect(utcOffsetMinutesAt(Date.parse('2026-06-01T00:00:00Z'), KOLKATA)).toBe(330);
  });
});
