import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar-date.ts';
import { computeSchedule, type ScheduleInput } from './compute-schedule.ts';
import { d, morningOf, notificationPack as pack, obligation, user } from './notification-fixtures.ts';
import { currentStep } from './reminder-step.ts';

const base = (over: Partial<ScheduleInput>): ScheduleInput => ({
  pack,
  asOf: morningOf('2030-05-01'),
  obligations: [],
  legalDeadlines: [],
  events: [],
  users: [user('u_acc', 'accountant'), user('u_law', 'lawyer'), user('u_mon', 'monitor')],
  organisations: [],
  ...over,
});

// The 2030 fixture calendar: Mon–Fri, Fri 3 May a day off given for Sat 4 May worked.
// A due day of Wed 8 May 2030: counting back 7, 6, 4 (Sat worked), 2, 1 May, the fifth working
// day before is Wed 1 May; one working day before is Tue 7 May.
describe('currentStep (default offsets 5 and 1) — table', () => {
  const rows: [string, string, string | null][] = [
    ['2030-04-30', 'nothing before the first step', null],
    ['2030-05-01', '5 working days before (Sat 4 May is worked, Fri 3 May is off)', 'before-5'],
    ['2030-05-06', 'the 5-day step lasts until the 1-day step', 'before-5'],
    ['2030-05-07', '1 working day before', 'before-1'],
    ['2030-05-08', 'the due day', 'due-day'],
    ['2030-05-09', 'the next working day after a miss', 'missed'],
    ['2030-05-15', 'still within 5 working days of the miss', 'missed'],
    ['2030-05-16', 'old misses stay quiet', null],
  ];
  it.each(rows)('%s: %s', (today, _why, step) => {
    expect(currentStep(pack, d(today), d('2030-05-08'), [5, 1], true)).toBe(step);
  });
  it('legal deadlines have no missed step', () => {
    expect(currentStep(pack, d('2030-05-09'), d('2030-05-08'), [5, 1], false)).toBeNull();
  });
});

describe('computeSchedule', () => {
  it('sends an obligation reminder to the accountant only, keyed by recipient, kind, item, due day and step', () => {
    const s = computeSchedule(base({ obligations: [obligation('2030-05-08')] }));
    expect(s.today).toBe('2030-05-01');
    expect(s.messages.map((m) => m.key)).toEqual([
      'u_acc|obligation|org_a:notice:2030-05-08|2030-05-08|before-5',
    ]);
  });
  it('takes today in the pack time zone, not UTC', () => {
    // 20:00 UTC on 30 Apr is 01:00 on 1 May in Almaty.
    const s = computeSchedule(
      base({ asOf: new Date('2030-04-30T20:00:00Z'), obligations: [obligation('2030-05-08')] }),
    );
    expect(s.today).toBe('2030-05-01');
    expect(s.messages).toHaveLength(1);
  });
  it('uses the organisation offsets', () => {
    const s = computeSchedule(
      base({
        asOf: morningOf('2030-04-24'),
        obligations: [obligation('2030-05-08')],
        organisations: [{ organisationId: 'org_a', offsets: [10], minimalContent: true }],
      }),
    );
    expect(s.messages.map((m) => [m.step, m.minimal])).toEqual([['before-10', true]]);
  });
  it('counts the earliest reading of a legal deadline, for the lawyer', () => {
    const reading = {
      id: 'act_1:appeal',
      organisationId: 'org_a',
      kind: 'appeal' as const,
      open: true,
      caseTitle: 'Case',
      caseId: 'c1',
    };
    const s = computeSchedule(
      base({
        asOf: morningOf('2030-05-07'),
        legalDeadlines: [
          { ...reading, dueOn: d('2030-05-20') },
          { ...reading, dueOn: d('2030-05-08') },
        ],
      }),
    );
    expect(s.messages.map((m) => [m.to, m.dueOn, m.step])).toEqual([
      ['u_law@example.org', '2030-05-08', 'before-1'],
    ]);
  });
  it('holds a digest until the user’s local time', () => {
    const users = [user('u_acc', 'accountant', 'org_a', { delivery: 'digest', digestAt: '18:00' })];
    const early = computeSchedule(base({ users, obligations: [obligation('2030-05-08')] }));
    expect(early.messages).toHaveLength(0);
    const late = computeSchedule(
      base({ users, asOf: new Date('2030-05-01T13:30:00Z'), obligations: [obligation('2030-05-08')] }),
    );
    expect(late.messages.map((m) => m.digest)).toEqual([true]);
  });
  it('respects the kinds a user chose', () => {
    const users = [user('u_acc', 'accountant', 'org_a', { kinds: ['legal-deadline'] })];
    expect(computeSchedule(base({ users, obligations: [obligation('2030-05-08')] })).messages).toHaveLength(
      0,
    );
  });
  it('tells monitors of waves with p < 0.05 and of incidents against their organisations, for a week', () => {
    const events = [
      {
        id: 'w1',
        kind: 'wave' as const,
        on: d('2030-04-28'),
        title: 'Wave',
        organisationIds: ['org_a'],
        pValue: 0.01,
      },
      {
        id: 'w2',
        kind: 'wave' as const,
        on: d('2030-04-28'),
        title: 'Chance',
        organisationIds: ['org_a'],
        pValue: 0.2,
      },
      { id: 'i1', kind: 'incident' as const, on: d('2030-04-20'), title: 'Old', organisationIds: ['org_a'] },
      { id: 'i2', kind: 'incident' as const, on: d('2030-05-01'), title: 'New', organisationIds: ['org_b'] },
    ];
    const s = computeSchedule(base({ events }));
    expect(s.messages.map((m) => [m.to, m.kind, m.itemId])).toEqual([['u_mon@example.org', 'wave', 'w1']]);
  });
});

describe('computeSchedule — properties', () => {
  const arbitraryItems = fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 300 }),
      open: fc.boolean(),
      org: fc.constantFrom('org_a', 'org_b'),
    }),
    { maxLength: 12 },
  );
  const users = [
    user('u_acc', 'accountant'),
    user('u_adm', 'admin', 'org_b'),
    user('u_acc2', 'accountant', 'org_b'),
  ];
  const items = (xs: { at: number; open: boolean; org: string }[]) =>
    xs.map((x, i) =>
      obligation(addDays(d('2030-01-10'), x.at), { id: `o${i}`, open: x.open, organisationId: x.org }),
    );

  it('never reminds of a closed item, and keys are unique', () => {
    fc.assert(
      fc.property(arbitraryItems, fc.integer({ min: 0, max: 330 }), (xs, day) => {
        const obligations = items(xs);
        const s = computeSchedule(
          base({ users, obligations, asOf: morningOf(addDays(d('2030-01-01'), day)) }),
        );
        const closed = new Set(obligations.filter((o) => !o.open).map((o) => o.id));
        expect(s.messages.some((m) => closed.has(m.itemId))).toBe(false);
        expect(new Set(s.messages.map((m) => m.key)).size).toBe(s.messages.length);
      }),
      { numRuns: 60 },
    );
  });

  it('moving the as-of day by day produces each step once, in order, per recipient and item', () => {
    fc.assert(
      fc.property(arbitraryItems, (xs) => {
        const obligations = items(xs).filter((o) => o.dueOn <= '2030-11-01');
        const seen = new Map<string, string[]>();
        const keys = new Set<string>();
        for (let day = d('2030-01-01'); day <= '2030-12-15'; day = addDays(day, 1)) {
          for (const m of computeSchedule(base({ users, obligations, asOf: morningOf(day) })).messages) {
            if (keys.has(m.key)) continue;
            keys.add(m.key);
            const k = `${m.userId}/${m.itemId}`;
            seen.set(k, [...(seen.get(k) ?? []), m.step]);
          }
        }
        for (const o of obligations.filter((x) => x.open)) {
          const recipients = o.organisationId === 'org_a' ? ['u_acc'] : ['u_adm', 'u_acc2'];
          for (const r of recipients)
            expect(seen.get(`${r}/${o.id}`)).toEqual(['before-5', 'before-1', 'due-day', 'missed']);
        }
      }),
      { numRuns: 15 },
    );
  });
});
