import { describe, expect, it } from 'vitest';
import { calendarDate as d } from '../calendar-date.ts';
import { obligationStatus } from './obligation-status.ts';

describe('obligationStatus around the due day (definition in obligation-status.ts, docs/formats.md)', () => {
  it.each([
    // [due, first submission, as of, window, status]
    ['2021-04-05', null, '2021-03-18', 10, 'upcoming'],
    ['2021-04-05', null, '2021-03-25', 10, 'upcoming'],
    ['2021-04-05', null, '2021-03-26', 10, 'due'],
    ['2021-04-05', null, '2021-04-05', 10, 'due'],
    ['2021-04-05', null, '2021-04-06', 10, 'missed'],
    ['2021-04-05', null, '2021-04-05', 0, 'due'],
    ['2021-04-05', null, '2021-04-04', 0, 'upcoming'],
    ['2021-04-05', '2021-04-05', '2021-04-06', 10, 'filed-on-time'],
    ['2021-04-05', '2021-03-20', '2021-03-20', 10, 'filed-on-time'],
    ['2021-04-05', '2021-04-06', '2021-04-06', 10, 'filed-late'],
    ['2021-04-05', '2021-05-01', '2026-01-01', 10, 'filed-late'],
    // A submission after asOf did not exist yet on asOf.
    ['2021-04-05', '2021-04-10', '2021-04-07', 10, 'missed'],
    ['2021-04-05', '2021-04-02', '2021-04-01', 10, 'due'],
  ] as const)('due %s, submitted %s, as of %s (window %i) → %s', (due, submitted, asOf, window, status) => {
    expect(obligationStatus(d(due), submitted === null ? null : d(submitted), d(asOf), window)).toBe(status);
  });
});
