import { describe, expect, it } from 'vitest';
import { calendarDate } from '../calendar-date.ts';
import { fixturePack } from './rule-pack.fixture.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDay } from './working-days.ts';

const pack = fixturePack();
const d = calendarDate;

describe('isWorkingDay (fixture calendar 2030)', () => {
  // Each row: [date, working, reason, verified]; the fixture's calendar is the source.
  const rows: [string, boolean, string | null, boolean][] = [
    ['2030-01-01', false, 'holiday: New Year', true],
    ['2030-01-02', true, null, true],
    ['2030-01-05', false, 'Saturday', true],
    ['2030-01-06', false, 'Sunday', true],
    ['2030-03-03', false, 'holiday: Spring Day', true],
    ['2030-03-04', false, 'moved day off for 2030-03-03 (Sunday)', true],
    ['2030-06-09', false, 'holiday: Feast', true],
    ['2030-06-10', true, null, true],
    ['2030-05-03', false, 'transfer day off from 2030-05-04', false],
    ['2030-05-04', true, null, false],
  ];
  it.each(rows)('%s → working %s (%s)', (date, working, reason, verified) => {
    const s = isWorkingDay(pack, d(date));
    expect(s).toMatchObject({ working, reason, verified, covered: true });
  });

  it('classes a day outside the listed years by weekends alone, flagged', () => {
    expect(isWorkingDay(pack, d('2031-01-04'))).toMatchObject({
      working: false,
      reason: 'Saturday',
      covered: false,
      verified: false,
    });
    expect(isWorkingDay(pack, d('2031-01-01'))).toMatchObject({
      working: true,
      reason: null,
      covered: false,
      verified: false,
    });
  });
});

describe('addWorkingDays', () => {
  it('counts from the day after the event and lists what it skipped', () => {
    const r = addWorkingDays(pack, d('2030-02-28'), 3);
    expect(r.ok && r.value).toEqual({
      due: '2030-03-06',
      counted: ['2030-03-01', '2030-03-05', '2030-03-06'],
      skipped: [
        { date: '2030-03-02', reason: 'Saturday' },
        { date: '2030-03-03', reason: 'holiday: Spring Day' },
        { date: '2030-03-04', reason: 'moved day off for 2030-03-03 (Sunday)' },
      ],
      verified: true,
      notes: [],
    });
  });

  it('counts a worked Saturday and flags a result resting on an unverified transfer', () => {
    const r = addWorkingDays(pack, d('2030-05-02'), 2);
    expect(r.ok && r.value.counted).toEqual(['2030-05-04', '2030-05-06']);
    expect(r.ok && r.value.verified).toBe(false);
    expect(r.ok && r.value.notes.join(' ')).toContain('draft only');
  });

  it('returns the event itself for zero days and refuses a negative count', () => {
    expect(addWorkingDays(pack, d('2030-03-03'), 0)).toMatchObject({
      ok: true,
      value: { due: '2030-03-03', counted: [], skipped: [] },
    });
    expect(addWorkingDays(pack, d('2030-03-03'), -1)).toMatchObject({
      ok: false,
      error: { code: 'RULE_DAYS_INVALID' },
    });
  });

  it('fails with RULE_CALENDAR_NOT_COVERED outside the calendar unless asked for weekends only', () => {
    const r = addWorkingDays(pack, d('2030-12-30'), 5);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'RULE_CALENDAR_NOT_COVERED', details: { date: '2031-01-01' } },
    });
    const w = addWorkingDays(pack, d('2030-12-30'), 5, { uncovered: 'weekends-only' });
    expect(w).toMatchObject({ ok: true, value: { due: '2031-01-06', verified: false } });
    expect(w.ok && w.value.notes[0]).toContain('weekends only');
  });

  it('uses the pack setting for uncovered years when the caller does not choose', () => {
    const lenient = fixturePack({ calendar: { ...fixturePack().calendar, uncoveredYears: 'weekends-only' } });
    expect(addWorkingDays(lenient, d('2031-01-01'), 1)).toMatchObject({
      ok: true,
      value: { due: '2031-01-02', verified: false },
    });
  });

  it('nextWorkingDay stays on a working day and moves off a day off', () => {
    expect(nextWorkingDay(pack, d('2030-03-05'))).toMatchObject({
      ok: true,
      value: { due: '2030-03-05', skipped: [] },
    });
    expect(nextWorkingDay(pack, d('2030-03-02'))).toMatchObject({ ok: true, value: { due: '2030-03-05' } });
  });
});
