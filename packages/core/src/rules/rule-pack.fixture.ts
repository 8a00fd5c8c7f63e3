import { parseRulePack } from './rule-pack.ts';
import type { RulePack, RulePackInput } from './rule-pack.schema.ts';

/**
 * A small synthetic pack for tests (not a real jurisdiction): Monday–Friday work week, one listed
 * year (2030) with a weekday holiday, a Sunday holiday and its moved day off, a never-moved feast
 * and a Saturday worked for a Friday off. Tests override parts with `fixturePack({...})`.
 */
export function fixturePackInput(overrides: Partial<RulePackInput> = {}): RulePackInput {
  const meta = {
    citation: 'Test Act s. 1',
    inForce: { from: '2000-01-01', to: null },
    source: 'public-source' as const,
    verified: true,
  };
  return {
    schemaVersion: 1,
    id: 'xx',
    name: 'Test land',
    jurisdiction: 'XX',
    currency: 'EUR',
    reviewed: '2030-01-01',
    periodEndOnDayOff: { rollForward: true, ...meta },
    offenderKinds: [
      { id: 'legal-entity', title: 'Legal entity' },
      { id: 'individual', title: 'Individual' },
    ],
    obligations: [
      {
        id: 'notice',
        title: 'Notice',
        trigger: { kind: 'each-receipt' },
        deadline: { kind: 'working-days', days: 5 },
        form: { id: 'N-1', title: 'Notice form' },
        ...meta,
      },
      {
        id: 'report',
        title: 'Report',
        trigger: { kind: 'period', period: 'quarter', startMonth: 1 },
        deadline: { kind: 'fixed-day', monthOffset: 1, day: 20 },
        form: { id: 'R-1', title: 'Report form' },
        ...meta,
        inForce: { from: '2029-01-01', to: null },
      },
    ],
    offences: [
      {
        article: '7',
        title: 'Late notice',
        ...meta,
        tiers: [
          {
            id: 'late',
            conduct: 'Late',
            fine: { 'legal-entity': 10, individual: null },
            suspension: null,
            source: 'public-source',
            verified: true,
          },
          {
            id: 'false',
            conduct: 'False data',
            fine: { 'legal-entity': 20 },
            suspension: { maxMonths: 2 },
            source: 'derived',
            verified: true,
          },
          {
            id: 'again',
            conduct: 'Again',
            fine: {},
            suspension: null,
            ban: true,
            repeatOf: ['late', 'false'],
            repeatWindow: 'P1Y',
            source: 'unconfirmed',
            verified: false,
          },
        ],
      },
    ],
    limitations: [
      { id: 'general', articles: ['*'], period: 'P2M', from: 'commission', ...meta },
      {
        id: 'special-7',
        articles: ['7'],
        period: 'P6M',
        from: 'commission',
        ...meta,
        inForce: { from: '2030-01-01', to: null },
      },
    ],
    appeals: [
      {
        id: 'complaint',
        title: 'Complaint',
        complaint: {
          deadline: { kind: 'working-days', days: 3 },
          from: 'service',
          citation: 'Test Act s. 9',
          source: 'unconfirmed',
          verified: false,
        },
        ...meta,
      },
    ],
    fineUnit: {
      code: 'TU',
      name: 'test unit',
      currency: 'EUR',
      rule: { appliesAt: 'proceedings-start', text: 'The unit in force when proceedings began', ...meta },
      values: [
        {
          year: 2029,
          value: '12.50',
          citation: 'Budget 2029',
          inForce: { from: '2029-01-01', to: '2029-12-31' },
          source: 'public-source',
          verified: true,
        },
        {
          year: 2030,
          value: 13,
          citation: 'Budget 2030',
          inForce: { from: '2030-01-01', to: '2030-12-31' },
          source: 'unconfirmed',
          verified: false,
        },
      ],
    },
    calendar: {
      ...meta,
      workWeek: 'five-day week',
      weekends: ['saturday', 'sunday'],
      neverMoved: [{ name: 'Feast', citation: 'Test Act s. 2', verified: true }],
      years: [
        {
          year: 2030,
          status: { verified: true, source: 'Test calendar 2030', expectedWorkingDays: 259 },
          holidays: [
            { date: '2030-01-01', name: 'New Year', kind: 'state' }, // Tuesday
            { date: '2030-03-03', name: 'Spring Day', kind: 'state' }, // Sunday
            { date: '2030-06-09', name: 'Feast', kind: 'religious' }, // Sunday, never moved
          ],
          movedDaysOff: [{ date: '2030-03-04', for: '2030-03-03' }],
          transfers: [
            {
              workingDay: '2030-05-04',
              dayOff: '2030-05-03',
              instrument: 'Decree 1/2030',
              verified: false,
              note: 'draft only',
            },
          ],
        },
      ],
    },
    ...overrides,
  };
}

export function fixturePack(overrides: Partial<RulePackInput> = {}): RulePack {
  const r = parseRulePack(fixturePackInput(overrides), 'fixture.yaml');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
