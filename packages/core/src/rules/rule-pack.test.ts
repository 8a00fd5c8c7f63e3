import { describe, expect, it } from 'vitest';
import { fixturePackInput } from './rule-pack.fixture.ts';
import { parseRulePack } from './rule-pack.ts';
import type { RulePackInput } from './rule-pack.schema.ts';

function problems(input: unknown): { field: string | undefined; paths: string[]; message: string } {
  const r = parseRulePack(input, 'test.yaml');
  if (r.ok) throw new Error('expected the pack to be invalid');
  expect(r.error.code).toBe('RULE_PACK_INVALID');
  expect(r.error.file).toBe('test.yaml');
  const issues = r.error.details?.['issues'];
  const paths = Array.isArray(issues) ? issues.map((i: { path: string }) => i.path) : [];
  return { field: r.error.field, paths, message: r.error.message };
}

/** The fixture with one change made through a callback on a deep copy. */
function changed(edit: (pack: Record<string, unknown> & RulePackInput) => void): unknown {
  const copy = structuredClone(fixturePackInput()) as Record<string, unknown> & RulePackInput;
  edit(copy);
  return copy;
}

describe('parseRulePack', () => {
  it('accepts a valid pack and normalises citations given as text', () => {
    const r = parseRulePack(fixturePackInput(), 'test.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.offences[0]?.citation).toEqual({ text: 'Test Act s. 1' });
    expect(r.value.fineUnit?.values[1]?.value).toBe('13');
    expect(r.value.offences[0]?.tiers[0]?.repeatWindow).toBeNull();
  });

  it('rejects anything that is not a pack, without throwing', () => {
    for (const bad of [null, 42, 'kz', [], {}]) expect(parseRulePack(bad, 'x.yaml').ok).toBe(false);
  });

  // Each row: a change and the YAML path the error must name.
  const rows: [string, (p: Record<string, unknown> & RulePackInput) => void, string][] = [
    [
      'a fine that is not a number',
      (p) => Object.assign(p.offences?.[0]?.tiers[1] ?? {}, { fine: { 'legal-entity': 'lots' } }),
      'offences[0].tiers[1].fine.legal-entity',
    ],
    [
      'a fine for an unknown kind of offender',
      (p) => Object.assign(p.offences?.[0]?.tiers[1] ?? {}, { fine: { company: 5 } }),
      'offences[0].tiers[1].fine.company',
    ],
    [
      'a missing verified flag',
      (p) => {
        delete (p.limitations?.[0] as { verified?: boolean }).verified;
      },
      'limitations[0].verified',
    ],
    [
      'an unknown key (a typo)',
      (p) => Object.assign(p.obligations?.[0] ?? {}, { dedline: 3 }),
      'obligations[0]',
    ],
    [
      'a bad period',
      (p) => Object.assign(p.limitations?.[0] ?? {}, { period: '2 months' }),
      'limitations[0].period',
    ],
    [
      'a date that is not on the calendar',
      (p) => Object.assign(p.calendar.years?.[0]?.holidays?.[0] ?? {}, { date: '2030-02-30' }),
      'calendar.years[0].holidays[0].date',
    ],
    [
      'inForce ending before it starts',
      (p) => Object.assign(p.obligations?.[0] ?? {}, { inForce: { from: '2020-01-01', to: '2019-01-01' } }),
      'obligations[0].inForce.to',
    ],
    [
      'an unknown deadline kind',
      (p) => Object.assign(p.obligations?.[0] ?? {}, { deadline: { kind: 'fortnights', days: 1 } }),
      'obligations[0].deadline.kind',
    ],
    [
      'a repeat tier naming no tier',
      (p) => Object.assign(p.offences?.[0]?.tiers[2] ?? {}, { repeatOf: ['late', 'nope'] }),
      'offences[0].tiers[2].repeatOf[1]',
    ],
    [
      'two versions in force on the same day',
      (p) =>
        p.obligations?.push({
          ...(p.obligations[0] ?? { id: 'x' }),
          inForce: { from: '2020-01-01', to: null },
        } as never),
      'obligations[2].inForce',
    ],
    [
      'a wrong expected working-day count',
      (p) => Object.assign(p.calendar.years?.[0]?.status ?? {}, { expectedWorkingDays: 250 }),
      'calendar.years[0].status.expectedWorkingDays',
    ],
    [
      'a moved day off for a never-moved feast',
      (p) => p.calendar.years?.[0]?.movedDaysOff?.push({ date: '2030-06-10', for: '2030-06-09' }),
      'calendar.years[0].movedDaysOff[1].for',
    ],
    [
      'a holiday date outside its year',
      (p) => p.calendar.years?.[0]?.holidays?.push({ date: '2031-01-01', name: 'New Year', kind: 'state' }),
      'calendar.years[0].holidays[3].date',
    ],
    [
      'a transfer day off on a weekend',
      (p) =>
        p.calendar.years?.[0]?.transfers?.push({
          workingDay: '2030-05-11',
          dayOff: '2030-05-12',
          instrument: 'x',
        }),
      'calendar.years[0].transfers[1].dayOff',
    ],
  ];
  it.each(rows)('names the path of %s', (_what, edit, path) => {
    const r = problems(changed(edit));
    expect(r.paths).toContain(path);
    expect(r.message).toContain('test.yaml');
  });

  it('puts the first problem path in field and in the message', () => {
    const r = problems(
      changed((p) => Object.assign(p.offences?.[0]?.tiers[1] ?? {}, { fine: { 'legal-entity': -1 } })),
    );
    expect(r.field).toBe('offences[0].tiers[1].fine.legal-entity');
    expect(r.message).toContain('offences[0].tiers[1].fine.legal-entity');
  });

  it('requires a moved day off for a weekend holiday when the pack says holidays move', () => {
    const input = changed((p) => {
      p.calendar.holidayOnDayOff = {
        moves: true,
        citation: 'Test Act s. 3',
        inForce: { from: '2000-01-01', to: null },
        source: 'public-source',
        verified: true,
      };
      p.calendar.years?.[0]?.holidays?.push({ date: '2030-08-04', name: 'Summer Day', kind: 'state' }); // a Sunday
    });
    expect(problems(input).paths).toContain('calendar.years[0].holidays[3].date');
  });
});
