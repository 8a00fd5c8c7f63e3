import { describe, expect, it } from 'vitest';
import { lastDayRulingStood } from './objection-date.ts';

const ruling = (on: string) => ({ kind: 'ruling', rulingOn: on });

describe('lastDayRulingStood', () => {
  it('is the day before a withdrawal that undid the latest ruling', () => {
    expect(
      lastDayRulingStood([
        { kind: 'notice', rulingOn: null, servedOn: '2020-11-16' },
        ruling('2021-01-15'),
        { kind: 'withdrawal', rulingOn: null, servedOn: '2021-02-04' },
        { kind: 'court-decision', rulingOn: '2021-04-06', outcome: 'annulled' },
      ]),
    ).toBe('2021-02-03');
  });

  it('is the day before a court decision that annulled the ruling', () => {
    expect(
      lastDayRulingStood([
        ruling('2021-01-15'),
        { kind: 'court-decision', rulingOn: '2021-03-01', outcome: 'annulled' },
      ]),
    ).toBe('2021-02-28');
  });

  it('is null when the ruling stands: upheld, no ruling, or undone only before a later ruling', () => {
    expect(
      lastDayRulingStood([
        ruling('2021-01-15'),
        { kind: 'court-decision', rulingOn: '2021-03-01', outcome: 'upheld' },
      ]),
    ).toBeNull();
    expect(lastDayRulingStood([{ kind: 'withdrawal', rulingOn: null, servedOn: '2021-02-04' }])).toBeNull();
    expect(
      lastDayRulingStood([
        ruling('2021-01-15'),
        { kind: 'withdrawal', rulingOn: null, servedOn: '2021-02-04' },
        ruling('2021-05-10'),
      ]),
    ).toBeNull();
  });

  it('is the ruling day itself when the ruling was withdrawn the day it was made', () => {
    expect(
      lastDayRulingStood([
        ruling('2021-01-15'),
        { kind: 'withdrawal', rulingOn: null, servedOn: '2021-01-15' },
      ]),
    ).toBe('2021-01-15');
  });
});
