import { addWorkingDays, calendarDate, type RulePack } from '@civic/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from './load-rule-pack.ts';

let kz: RulePack;
beforeAll(async () => {
  const r = await loadRulePack('kz');
  if (!r.ok) throw new Error(r.error.message);
  kz = r.value;
});

// N working days counted from the day after `from` (legal-brief §1.2: F.017.00 within 10 working
// days from the day after receipt). Each row: [from, n, due, verified, source].
const ROWS: [string, number, string, boolean, string][] = [
  ['2015-12-31', 1, '2016-01-05', true, 'kz-calendar 2016: 1 Jan holiday, 2 Jan (Sat) moved to Mon 4 Jan'],
  [
    '2016-03-04',
    10,
    '2016-03-24',
    true,
    'kz-calendar 2016: Sat 5 Mar worked for Mon 7 Mar; 8 Mar; Nauryz 21–23 Mar',
  ],
  ['2016-12-14', 5, '2016-12-23', true, 'kz-calendar 2016: 16–17 Dec, 17 Dec (Sat) moved to 19 Dec'],
  ['2017-06-29', 3, '2017-07-03', true, 'kz-calendar 2017: Sat 1 Jul worked for Fri 7 Jul'],
  ['2017-12-14', 3, '2017-12-21', true, 'kz-calendar 2017: 16–17 Dec on a weekend, moved to 18–19 Dec'],
  ['2018-03-02', 1, '2018-03-03', true, 'kz-calendar 2018: Sat 3 Mar worked (decree, primeminister.kz)'],
  ['2018-04-27', 3, '2018-05-03', true, 'kz-calendar 2018: Sat 28 Apr worked for Mon 30 Apr; 1 May'],
  ['2018-08-20', 4, '2018-08-25', true, 'kz-calendar 2018: Kurban Ait 21 Aug; Sat 25 Aug worked for 31 Aug'],
  ['2018-12-28', 2, '2019-01-03', true, 'kz-calendar 2018: Sat 29 Dec worked for Mon 31 Dec; 2019: 1–2 Jan'],
  ['2019-05-03', 2, '2019-05-06', false, 'kz-calendar 2019: Sat 4 May worked for 10 May [U: decree text]'],
  ['2019-12-13', 1, '2019-12-18', true, 'kz-calendar 2019: 16–17 Dec'],
  ['2019-12-31', 1, '2020-01-05', true, 'kz-calendar 2020: 1–2 Jan; Fri 3 Jan off, Sun 5 Jan worked'],
  [
    '2020-05-06',
    1,
    '2020-05-11',
    true,
    'kz-calendar 2020: 7 May; 8 May off from Mon 11 May, which was worked',
  ],
  ['2020-12-15', 3, '2020-12-22', true, 'kz-calendar 2020: 16–17 Dec; Fri 18 Dec off, Sun 20 Dec worked'],
  [
    '2020-12-30',
    2,
    '2021-01-05',
    true,
    'legal-brief §4.3 New Year 2021: 31 Dec worked; 2 Jan (Sat) moved to Mon 4 Jan',
  ],
  ['2020-12-30', 10, '2021-01-18', true, 'legal-brief §4.3: 7 Jan 2021 (Thu) a day off'],
  ['2021-01-15', 10, '2021-01-29', true, 'legal-brief §2.1: Echo ruling 15 Jan 2021, ten working days'],
  ['2021-03-17', 10, '2021-04-05', true, 'legal-brief §4.3 Nauryz 2021: 21 Mar (Sun) moved to 24 Mar'],
  [
    '2021-07-02',
    2,
    '2021-07-07',
    true,
    'legal-brief §4.3: Sat 3 Jul worked, Mon 5 Jul off; Capital Day 6 Jul',
  ],
  ['2021-07-16', 3, '2021-07-22', true, 'legal-brief §4.3: Kurban Ait Tue 20 Jul 2021'],
  [
    '2022-10-21',
    2,
    '2022-10-26',
    true,
    'kz-calendar 2022: Sat 22 Oct worked for Mon 24 Oct; Republic Day 25 Oct',
  ],
  ['2022-11-30', 1, '2022-12-01', true, 'kz-calendar 2022: 1 Dec no longer a holiday'],
  [
    '2022-12-15',
    1,
    '2022-12-19',
    true,
    'kz-calendar 2022: Independence Day 16 Dec only; no moved day on 19 Dec',
  ],
  [
    '2023-06-27',
    3,
    '2023-07-01',
    true,
    'legal-brief §4.3 2023: Kurban Ait 28 Jun; Sat 1 Jul worked for Fri 7 Jul',
  ],
  ['2023-12-15', 1, '2023-12-19', true, 'kz-calendar 2023: 16 Dec (Sat) moved to Mon 18 Dec'],
  ['2024-03-20', 2, '2024-03-27', true, 'kz-calendar 2024: Nauryz 21–23 Mar, 23 Mar (Sat) moved to 25 Mar'],
  [
    '2024-05-03',
    3,
    '2024-05-10',
    true,
    'kz-calendar 2024: Sat 4 May worked for Wed 8 May (ministerial order)',
  ],
  [
    '2024-06-14',
    1,
    '2024-06-17',
    true,
    'kz-calendar 2024: Kurban Ait on Sun 16 Jun, not moved; 17 Jun worked',
  ],
  ['2025-01-02', 1, '2025-01-05', true, 'kz-calendar 2025: Fri 3 Jan off, Sun 5 Jan worked'],
  ['2025-03-20', 1, '2025-03-26', true, 'kz-calendar 2025: Nauryz 21–23 Mar; 24–25 Mar moved days off'],
  ['2025-10-24', 1, '2025-10-28', true, 'legal-brief §4.3 2025: Republic Day on Sat 25 Oct, Mon 27 Oct off'],
  ['2026-05-26', 1, '2026-05-28', false, 'kz-calendar 2026: Kurban Ait 27 May [U: final date]'],
  ['2026-08-28', 1, '2026-08-31', false, 'kz-calendar 2026: 30 Aug no longer a holiday, 31 Aug worked'],
  ['2026-12-15', 1, '2026-12-17', false, 'kz-calendar 2026: Independence Day 16 Dec'],
];

describe('kz deadlines in working days, 2016–2026', () => {
  it.each(ROWS)('%s + %i working days = %s (verified %s; %s)', (from, n, due, verified) => {
    const r = addWorkingDays(kz, calendarDate(from), n);
    expect(r.ok && r.value.due).toBe(due);
    expect(r.ok && r.value.verified).toBe(verified);
    if (r.ok && !verified) expect(r.value.notes.join(' ')).toMatch(/unverified/);
  });

  it('explains each day skipped around Nauryz 2021 (legal-brief §4.3)', () => {
    const r = addWorkingDays(kz, calendarDate('2021-03-17'), 10);
    expect(r.ok && r.value.skipped.slice(0, 5)).toEqual([
      { date: '2021-03-20', reason: 'Saturday' },
      { date: '2021-03-21', reason: 'holiday: Nauryz' },
      { date: '2021-03-22', reason: 'holiday: Nauryz' },
      { date: '2021-03-23', reason: 'holiday: Nauryz' },
      { date: '2021-03-24', reason: 'moved day off for 2021-03-21 (Sunday)' },
    ]);
  });

  it('names transfers and the New Year 2021 moved day off', () => {
    const transfer = addWorkingDays(kz, calendarDate('2018-03-07'), 1);
    expect(transfer.ok && transfer.value.skipped).toContainEqual({
      date: '2018-03-08',
      reason: "holiday: International Women's Day",
    });
    expect(transfer.ok && transfer.value.skipped).toContainEqual({
      date: '2018-03-09',
      reason: 'transfer day off from 2018-03-03',
    });
    const newYear = addWorkingDays(kz, calendarDate('2020-12-31'), 1);
    expect(newYear.ok && newYear.value).toMatchObject({
      due: '2021-01-05',
      skipped: [
        { date: '2021-01-01', reason: 'holiday: New Year' },
        { date: '2021-01-02', reason: 'holiday: New Year' },
        { date: '2021-01-03', reason: 'Sunday' },
        { date: '2021-01-04', reason: 'moved day off for 2021-01-02 (Saturday)' },
      ],
    });
  });

  it('refuses to count outside 2016–2026 unless weekends only are asked for', () => {
    expect(addWorkingDays(kz, calendarDate('2026-12-31'), 1)).toMatchObject({
      ok: false,
      error: { code: 'RULE_CALENDAR_NOT_COVERED' },
    });
    expect(addWorkingDays(kz, calendarDate('2015-12-30'), 1)).toMatchObject({
      ok: false,
      error: { code: 'RULE_CALENDAR_NOT_COVERED' },
    });
    const lenient = addWorkingDays(kz, calendarDate('2026-12-31'), 1, { uncovered: 'weekends-only' });
    expect(lenient).toMatchObject({ ok: true, value: { due: '2027-01-01', verified: false } });
  });
});
