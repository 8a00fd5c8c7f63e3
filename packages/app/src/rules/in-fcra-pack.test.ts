import {
  addWorkingDays,
  calendarDate,
  findOffence,
  requirementOn,
  reportingPeriods,
  type RulePack,
} from '@civic/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from './load-rule-pack.ts';

let pack: RulePack;
beforeAll(async () => {
  const r = await loadRulePack('in-fcra');
  if (!r.ok) throw new Error(r.error.message);
  pack = r.value;
});
const d = calendarDate;

describe('India FCRA pack (legal-brief §3) through the same code', () => {
  it('is due nine months after the financial year ending 31 March, even as a NIL return', () => {
    const r = reportingPeriods(pack, 'fc4-annual-return', d('2019-04-01'), d('2022-03-31'));
    expect(r.ok && r.value.map((p) => [p.label, p.start, p.end, p.due])).toEqual([
      ['2019/2020', '2019-04-01', '2020-03-31', '2020-12-31'],
      ['2020/2021', '2020-04-01', '2021-03-31', '2021-12-31'],
      ['2021/2022', '2021-04-01', '2022-03-31', '2022-12-31'],
    ]);
    expect(pack.obligations.find((o) => o.id === 'fc4-annual-return')).toMatchObject({
      nilReturn: true,
      form: { id: 'FC-4' },
      verified: true,
    });
    // 31 Dec 2022 is a Saturday: the pack does not move it, and says that rests on an unverified setting.
    expect(r.ok && r.value[2]).toMatchObject({ verified: false });
    expect(r.ok && r.value[1]).toMatchObject({ verified: true });
  });

  it('caps administrative expenses at 50% before 29 Sep 2020 and 20% from then', () => {
    expect(requirementOn(pack, 'administrative-expense-cap', d('2020-09-28'))).toMatchObject({
      value: 50,
      unit: 'percent',
    });
    expect(requirementOn(pack, 'administrative-expense-cap', d('2020-09-29'))).toMatchObject({
      value: 20,
      unit: 'percent',
    });
    expect(requirementOn(pack, 'designated-account', d('2020-09-28'))).toBeUndefined();
    expect(requirementOn(pack, 'designated-account', d('2021-01-01'))).toMatchObject({
      by: '2021-03-31',
      verified: true,
    });
    expect(requirementOn(pack, 'record-retention', d('2021-01-01'))).toMatchObject({ value: 'P6Y' });
  });

  it('counts working days with weekends only, flagged unverified, and marks the quarterly disclosure unverified', () => {
    const r = addWorkingDays(pack, d('2023-03-31'), 3);
    expect(r).toMatchObject({ ok: true, value: { due: '2023-04-05', verified: false } });
    const q = reportingPeriods(pack, 'quarterly-donor-disclosure', d('2023-04-01'), d('2023-06-30'));
    expect(q.ok && q.value).toMatchObject([
      { label: '2023/2024-Q1', end: '2023-06-30', due: '2023-07-15', verified: false },
    ]);
    expect(findOffence(pack, '460-1')).toBeUndefined();
    expect(pack.fineUnit).toBeNull();
  });
});
