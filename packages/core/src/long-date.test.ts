import { describe, expect, it } from 'vitest';
import { calendarDate } from './calendar-date.ts';
import { formatLongDate } from './long-date.ts';

describe('formatLongDate', () => {
  it.each([
    ['ru', '2025-12-20', '20 декабря 2025 г.'],
    ['kk', '2025-12-20', '2025 жылғы 20 желтоқсан'],
    ['en', '2025-12-20', '20 December 2025'],
    ['ru', '2021-01-05', '5 января 2021 г.'],
    ['kk', '2021-03-01', '2021 жылғы 1 наурыз'],
  ] as const)('%s %s → %s', (locale, date, text) => {
    expect(formatLongDate(locale, calendarDate(date))).toBe(text);
  });
});
