import {
  appealRule,
  calendarDate,
  computeDeadline,
  findTier,
  fineUnitFor,
  legalBasisOn,
  limitationFor,
  obligationsInForce,
  reportingPeriods,
  type RulePack,
} from '@civic/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from './load-rule-pack.ts';

let kz: RulePack;
beforeAll(async () => {
  const r = await loadRulePack('kz');
  if (!r.ok) throw new Error(r.error.message);
  kz = r.value;
});
const d = calendarDate;

describe('kz fine unit (MCI) by year — legal-brief §1.7', () => {
  // Each row: [a day in the year, value, verified, source mark]
  it.each([
    ['2015-06-01', 1982, true, '[C]'],
    ['2016-06-01', 2121, true, '[C]'],
    ['2017-06-01', 2269, false, '[U]'],
    ['2018-06-01', 2405, true, '[D]'],
    ['2019-06-01', 2525, true, '[C]'],
    ['2020-06-01', 2778, true, '[C]'],
    ['2021-06-01', 2917, true, '[C]'],
    ['2022-06-01', 3063, true, '[D] fines stay at 3,063 after 1 Apr'],
    ['2023-06-01', 3450, true, '[C]'],
    ['2024-06-01', 3692, true, '[C]'],
    ['2025-06-01', 3932, true, '[C]'],
    ['2026-06-01', 4325, true, '[C]'],
  ])('%s → %i (verified %s, %s)', (day, value, verified) => {
    const r = fineUnitFor(kz, d(day));
    expect(r).toMatchObject({
      ok: true,
      value: { value, verified, currency: 'KZT', minor: BigInt(value) * 100n },
    });
  });

  it('takes the value in force when proceedings began (CoAO Art. 44(1)) and reproduces the 2021 fines', () => {
    expect(kz.fineUnit?.rule.appliesAt).toBe('proceedings-start');
    const mci2020 = fineUnitFor(kz, d('2020-12-01'));
    const mci2021 = fineUnitFor(kz, d('2021-01-05'));
    // Erkindik Kanaty 100 MCI = 277,800 (2020 MCI); Echo 400 MCI = 1,166,800 (2021 MCI) — legal-brief §1.4
    expect(mci2020.ok && mci2020.value.value * 100).toBe(277_800);
    expect(mci2021.ok && mci2021.value.value * 400).toBe(1_166_800);
    expect(fineUnitFor(kz, d('2014-12-31')).ok).toBe(false);
  });
});

describe('kz Art. 460-1, limitation and appeal — legal-brief §1.4–1.6', () => {
  it('has the three tiers with their fines, sanctions and verification', () => {
    expect(findTier(kz, '460-1', 'failure-to-notify')).toMatchObject({
      tier: { fine: { 'legal-entity': 100, individual: null }, suspension: null, ban: false },
      sanctions: ['fine'],
      verified: true,
    });
    expect(findTier(kz, '460-1', 'inaccurate-information')).toMatchObject({
      tier: { fine: { 'legal-entity': 200 }, suspension: { maxMonths: 3 }, finePer: 'protocol' },
      sanctions: ['fine', 'suspension'],
      verified: true,
    });
    expect(findTier(kz, '460-1', 'repeat-within-year')).toMatchObject({
      tier: {
        fine: { 'legal-entity': null },
        ban: true,
        repeatWindow: 'P1Y',
        repeatOf: ['failure-to-notify', 'inaccurate-information'],
      },
      sanctions: ['fine', 'ban'],
      verified: false,
    });
  });

  it('has the Art. 62 two-month limitation from commission, its open questions marked', () => {
    const r = limitationFor(kz, '460-1', d('2018-05-01'));
    expect(r).toMatchObject({
      ok: true,
      value: {
        period: 'P2M',
        from: 'commission',
        verified: true,
        continuing: { from: 'discovery', verified: false },
      },
    });
    expect(r.ok && r.value.openQuestions.length).toBeGreaterThan(0);
  });

  it('has the appeal: complaint in 10 working days from service [U], consideration in 10 days [C]', () => {
    const r = appealRule(kz, d('2021-01-15'), '460-1');
    expect(r).toMatchObject({
      ok: true,
      value: {
        complaint: { deadline: { kind: 'working-days', days: 10 }, from: 'service', verified: false },
        consideration: { deadline: { kind: 'calendar-days', days: 10 }, verified: true },
      },
    });
    if (!r.ok) return;
    expect(computeDeadline(kz, r.value.complaint.deadline, d('2021-01-15'))).toMatchObject({
      ok: true,
      value: { due: '2021-01-29' },
    });
  });
});

describe('kz obligations — legal-brief §1.1–1.2', () => {
  it('notifies each receipt on F.017.00 within 10 working days (Order 241, verified) from 30 Mar 2018', () => {
    const on = obligationsInForce(kz, d('2021-01-15'));
    const notify = on.find((o) => o.id === 'receipt-notification');
    expect(notify).toMatchObject({
      trigger: { kind: 'each-receipt' },
      deadline: { kind: 'working-days', days: 10 },
      form: { id: 'F.017.00' },
      verified: true,
    });
    expect(on.find((o) => o.id === 'receipt-expenditure-report')).toMatchObject({
      trigger: { period: 'quarter' },
      form: { id: 'F.018.00' },
      verified: false,
    });
    expect(obligationsInForce(kz, d('2017-06-01')).every((o) => !o.verified)).toBe(true);
  });

  it('reports quarterly before 2023 (unverified) and half-yearly from 2023 with H1 due 15 Aug', () => {
    const r = reportingPeriods(kz, 'receipt-expenditure-report', d('2022-07-01'), d('2024-06-30'));
    expect(r.ok && r.value.map((p) => [p.label, p.end, p.due, p.verified])).toEqual([
      ['2022-Q3', '2022-09-30', '2022-11-15', false],
      ['2022-Q4', '2022-12-31', '2023-02-15', false],
      ['2023-H1', '2023-06-30', '2023-08-15', true],
      ['2023-H2', '2023-12-31', '2024-02-15', false],
      ['2024-H1', '2024-06-30', '2024-08-15', true],
    ]);
  });

  it('moves a due day on a day off to the next working day and says it is unverified', () => {
    // 15 Aug 2026 is a Saturday; the pack rolls forward (Civil Code Art. 173, not confirmed here).
    const r = reportingPeriods(kz, 'receipt-expenditure-report', d('2026-01-01'), d('2026-06-30'));
    const h1 = r.ok ? r.value[0] : undefined;
    expect(h1).toMatchObject({
      label: '2026-H1',
      due: '2026-08-17',
      verified: false,
      deadline: { unadjusted: '2026-08-15', rolledForward: true },
    });
  });

  it('rests on the Tax Code article in force on the day', () => {
    const notify = obligationsInForce(kz, d('2019-01-10')).find((o) => o.id === 'receipt-notification');
    expect(notify && legalBasisOn(kz, notify, d('2019-01-10')).map((b) => b.id)).toEqual([
      'tax-code-2017-art-29',
    ]);
    const later = obligationsInForce(kz, d('2026-02-01')).find((o) => o.id === 'receipt-notification');
    expect(later && legalBasisOn(kz, later, d('2026-02-01'))).toMatchObject([
      { id: 'tax-code-2026', verified: false },
    ]);
  });

  it('covers three activities, the five source categories, receipts over 1 tenge, and the listed exemptions', () => {
    expect(kz.coveredActivities).toHaveLength(3);
    expect(kz.sourceCategories.map((s) => s.id)).toEqual([
      'foreign-state',
      'international-organisation',
      'foreign-organisation',
      'foreign-citizen',
      'stateless-person',
    ]);
    expect(kz.thresholds[0]).toMatchObject({ amount: '1', currency: 'KZT', comparison: 'gt' });
    expect(kz.exemptions).toHaveLength(9);
  });
});
