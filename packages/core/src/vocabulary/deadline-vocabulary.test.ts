import { describe, expect, it } from 'vitest';
import type { DeadlineBasis } from '../claims/case-deadlines.ts';
import type { CalendarDate } from '../calendar-date.ts';
import { formatDayCount } from '../format/format-duration.ts';
import { caseDeadlineText } from './deadline-vocabulary.ts';

const basis = (b: Partial<DeadlineBasis>): DeadlineBasis => ({
  from: null,
  days: null,
  dayKind: null,
  period: null,
  place: null,
  authority: null,
  ...b,
});
const day = (s: string) => s as CalendarDate;

describe('caseDeadlineText: a deadline in the reader’s words, never an ISO date or period', () => {
  it.each([
    [
      'ru',
      'limitation',
      { from: day('2020-11-12'), period: 'P2M' },
      'Истекает срок давности (2\u00a0месяца с 12 ноября 2020 г.): после этого дня ответственность наложить нельзя',
    ],
    [
      'kk',
      'limitation',
      { from: day('2020-11-12'), period: 'P2M' },
      'Ескіру мерзімі аяқталады (2020 жылғы 12 қараша бастап 2\u00a0ай): осы күннен кейін жауапкершілік жүктелмейді',
    ],
    [
      'en',
      'limitation',
      { from: day('2020-11-12'), period: 'P1Y6M' },
      'Limitation period ends (1\u00a0year and 6\u00a0months from 12 November 2020): no liability may be imposed after this day',
    ],
    [
      'ru',
      'appeal',
      { from: day('2021-01-15'), days: 10, dayKind: 'working-days' },
      'Последний день обжалования постановления от 15 января 2021 г. (10\u00a0рабочих дней)',
    ],
    [
      'kk',
      'appeal',
      { from: day('2021-01-15'), days: 10, dayKind: 'calendar-days' },
      'Шағымданудың соңғы күні 2021 жылғы 15 қаңтар қаулысына (10\u00a0күн)',
    ],
    ['ru', 'hearing', { place: 'Актобе', authority: 'суд' }, 'Рассмотрение дела в Актобе (суд)'],
    [
      'ru',
      'suspension-end',
      { from: day('2021-01-15') },
      'Окончание приостановления деятельности, наложенного 15 января 2021 г.',
    ],
  ] as const)('%s %s', (locale, kind, b, text) => {
    const out = caseDeadlineText(locale, { kind, basis: basis(b) });
    expect(out).toBe(text);
    expect(out).not.toMatch(/\bP\d|\d{4}-\d{2}-\d{2}/);
  });

  it.each([
    ['ru', 1, '1\u00a0рабочий день'],
    ['ru', 3, '3\u00a0рабочих дня'],
    ['ru', 10, '10\u00a0рабочих дней'],
    ['kk', 10, '10\u00a0жұмыс күні'],
    ['en', 1, '1\u00a0working day'],
  ] as const)('%s %i working days', (locale, n, text) => {
    expect(formatDayCount(locale, n, 'working-days')).toBe(text);
  });
});
