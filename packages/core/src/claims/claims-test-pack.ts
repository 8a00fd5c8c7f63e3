import { parseRulePack } from '../rules/rule-pack.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';

/**
 * A small pack for the claim-check tests (test support only). Its offence mirrors the structure of
 * CoAO Art. 460-1 as legal-brief.md §1.4 gives it (a fine-only tier, a 200-per-protocol tier with up
 * to 3 months' suspension, a repeat tier within one year), Art. 62(1)'s two months (§1.5) and the MCI
 * of 2019–2022 (§1.7). `overrides` patch the literal before validation.
 */
export function claimsTestPack(overrides: (p: Record<string, unknown>) => void = () => {}): RulePack {
  const meta = {
    citation: { text: 'test citation' },
    inForce: { from: '2015-01-01', to: null },
    verified: true,
  };
  const data: Record<string, unknown> = {
    schemaVersion: 1,
    id: 'xx',
    name: 'Test pack',
    jurisdiction: 'KZ',
    currency: 'KZT',
    reviewed: '2026-01-01',
    periodEndOnDayOff: { rollForward: false, ...meta },
    offenderKinds: [
      { id: 'legal-entity', title: 'Legal entity' },
      { id: 'individual', title: 'Individual' },
    ],
    offences: [
      {
        article: '460-1',
        title: 'Reporting procedure',
        ...meta,
        inForce: { from: '2016-10-10', to: null },
        citation: { text: 'CoAO Art. 460-1' },
        tiers: [
          {
            id: 'failure-to-notify',
            conduct: 'Failing to notify',
            fine: { 'legal-entity': 100, individual: null },
            suspension: null,
            verified: true,
            citation: { text: 'CoAO 460-1 tier A' },
          },
          {
            id: 'inaccurate-information',
            conduct: 'Inaccurate information',
            fine: { 'legal-entity': 200, individual: null },
            finePer: 'protocol',
            suspension: { maxMonths: 3 },
            verified: true,
            citation: { text: 'CoAO 460-1 tier B' },
          },
          {
            id: 'repeat-within-year',
            conduct: 'Repeat within a year',
            fine: { 'legal-entity': null, individual: null },
            suspension: null,
            ban: true,
            repeatOf: ['failure-to-notify', 'inaccurate-information'],
            repeatWindow: 'P1Y',
            verified: false,
            citation: { text: 'CoAO 460-1 tier C' },
          },
        ],
      },
    ],
    limitations: [
      {
        id: 'general',
        articles: ['*'],
        period: 'P2M',
        from: 'commission',
        continuing: { from: 'discovery', verified: false },
        rollForward: false,
        ...meta,
        citation: { text: 'CoAO Art. 62(1)' },
      },
    ],
    appeals: [
      {
        id: 'complaint',
        title: 'Complaint',
        articles: ['*'],
        complaint: {
          deadline: { kind: 'working-days', days: 10 },
          from: 'service',
          citation: { text: 'CoAO Art. 826-1' },
          verified: false,
        },
        ...meta,
        verified: false,
      },
    ],
    fineUnit: {
      code: 'MCI',
      name: 'monthly calculation index',
      currency: 'KZT',
      rule: {
        appliesAt: 'proceedings-start',
        text: 'MCI at the initiation of proceedings',
        ...meta,
        citation: { text: 'CoAO Art. 44(1)' },
      },
      values: [
        { year: 2019, value: 2525, ...meta, inForce: { from: '2019-01-01', to: '2019-12-31' } },
        { year: 2020, value: 2778, ...meta, inForce: { from: '2020-01-01', to: '2020-12-31' } },
        { year: 2021, value: 2917, ...meta, inForce: { from: '2021-01-01', to: '2021-12-31' } },
        { year: 2022, value: 3063, ...meta, inForce: { from: '2022-01-01', to: '2022-12-31' } },
      ],
    },
    calendar: {
      ...meta,
      workWeek: 'five-day week',
      weekends: ['saturday', 'sunday'],
      uncoveredYears: 'weekends-only',
      years: [
        {
          year: 2021,
          status: { verified: true, source: 'kz-calendar.md 2021' },
          holidays: [
            { date: '2021-01-01', name: 'New Year', kind: 'state' },
            { date: '2021-01-02', name: 'New Year', kind: 'state' },
            { date: '2021-01-07', name: 'Orthodox Christmas', kind: 'religious' },
          ],
          movedDaysOff: [{ date: '2021-01-04', for: '2021-01-02' }],
        },
      ],
    },
  };
  overrides(data);
  const r = parseRulePack(data, 'claims-test-pack');
  if (!r.ok) throw new Error(`${r.error.message} ${JSON.stringify(r.error.details)}`);
  return r.value;
}
