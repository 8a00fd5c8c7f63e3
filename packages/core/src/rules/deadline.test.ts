import { describe, expect, it } from 'vitest';
import { calendarDate } from '../calendar-date.ts';
import { computeDeadline, periodEnd } from './deadline.ts';
import { isoPeriod } from './iso-period.ts';
import { fixturePack } from './rule-pack.fixture.ts';

const pack = fixturePack();
const d = calendarDate;

describe('computeDeadline (fixture calendar 2030, pack rolls periods forward)', () => {
  it('counts working days from the day after the event', () => {
    expect(computeDeadline(pack, { kind: 'working-days', days: 1 }, d('2030-03-01'))).toMatchObject({
      ok: true,
      value: { due: '2030-03-05', rolledForward: false },
    });
  });

  it('adds calendar days and moves an end on a day off to the next working day', () => {
    const r = computeDeadline(pack, { kind: 'calendar-days', days: 2 }, d('2030-03-01'));
    expect(r).toMatchObject({
      ok: true,
      value: { due: '2030-03-05', unadjusted: '2030-03-03', rolledForward: true, verified: true },
    });
    expect(r.ok && r.value.skipped.map((s) => s.date)).toEqual(['2030-03-03', '2030-03-04']);
  });

  it('lets a rule switch the roll-forward off', () => {
    const r = computeDeadline(pack, { kind: 'calendar-days', days: 2, rollForward: false }, d('2030-03-01'));
    expect(r).toMatchObject({ ok: true, value: { due: '2030-03-03', rolledForward: false, verified: true } });
  });

  it('puts a fixed day after the period end, clamped to the month', () => {
    expect(
      computeDeadline(pack, { kind: 'fixed-day', monthOffset: 1, day: 20 }, d('2030-03-31')),
    ).toMatchObject({ ok: true, value: { due: '2030-04-22', unadjusted: '2030-04-20' } });
    expect(
      computeDeadline(
        pack,
        { kind: 'fixed-day', monthOffset: 1, day: 31, rollForward: false },
        d('2030-01-31'),
      ),
    ).toMatchObject({ ok: true, value: { due: '2030-02-28' } });
    expect(
      computeDeadline(
        pack,
        { kind: 'fixed-day', monthOffset: 0, day: 'last', rollForward: false },
        d('2030-06-15'),
      ),
    ).toMatchObject({ ok: true, value: { due: '2030-06-30' } });
  });

  it('ends a month period on the same day-number or the month end, then rolls', () => {
    expect(periodEnd(pack, d('2030-01-31'), isoPeriod('P1M'))).toMatchObject({
      ok: true,
      value: { unadjusted: '2030-02-28', due: '2030-02-28' },
    });
    expect(periodEnd(pack, d('2030-01-03'), isoPeriod('P2M'))).toMatchObject({
      ok: true,
      value: { unadjusted: '2030-03-03', due: '2030-03-05', rolledForward: true },
    });
    expect(periodEnd(pack, d('2030-01-03'), isoPeriod('P2M'), false)).toMatchObject({
      ok: true,
      value: { due: '2030-03-03' },
    });
  });

  it('flags a roll resting on an unverified pack setting, and a non-roll that might have moved', () => {
    const unsure = { ...pack.periodEndOnDayOff, source: 'unconfirmed' as const, verified: false };
    const rolling = fixturePack({ periodEndOnDayOff: { ...unsure, rollForward: true } });
    const moved = computeDeadline(rolling, { kind: 'calendar-days', days: 2 }, d('2030-03-01'));
    expect(moved).toMatchObject({ ok: true, value: { due: '2030-03-05', verified: false } });
    const kept = computeDeadline(rolling, { kind: 'calendar-days', days: 3 }, d('2030-03-02'));
    expect(kept).toMatchObject({ ok: true, value: { due: '2030-03-05', verified: true } });
    const still = fixturePack({ periodEndOnDayOff: { ...unsure, rollForward: false } });
    const r = computeDeadline(still, { kind: 'calendar-days', days: 2 }, d('2030-03-01'));
    expect(r).toMatchObject({ ok: true, value: { due: '2030-03-03', verified: false } });
    expect(r.ok && r.value.notes[0]).toContain('holiday: Spring Day');
  });

  it('needs the calendar only when it has to look at a day', () => {
    expect(
      computeDeadline(pack, { kind: 'calendar-days', days: 10, rollForward: false }, d('2040-01-01')),
    ).toMatchObject({ ok: true, value: { due: '2040-01-11' } });
    expect(computeDeadline(pack, { kind: 'calendar-days', days: 10 }, d('2040-01-01'))).toMatchObject({
      ok: false,
      error: { code: 'RULE_CALENDAR_NOT_COVERED' },
    });
  });
});
