import { describe, expect, it } from 'vitest';
import { calendarDate } from '../calendar-date.ts';
import {
  appealRule,
  findOffence,
  findTier,
  fineUnitFor,
  fineUnitRule,
  inForceOn,
  limitationFor,
  mciFor,
  obligationOn,
  obligationsInForce,
} from './lookups.ts';
import { fixturePack } from './rule-pack.fixture.ts';
import { reportingPeriods } from './reporting-periods.ts';

const pack = fixturePack();
const d = calendarDate;

describe('lookups (fixture pack)', () => {
  it('finds an offence and a tier with its citation, verification and lawful sanctions', () => {
    expect(findOffence(pack, '7')?.title).toBe('Late notice');
    expect(findOffence(pack, '8')).toBeUndefined();
    expect(findOffence(pack, '7', d('1999-01-01'))).toBeUndefined();
    expect(findTier(pack, '7', 'false')).toMatchObject({
      sanctions: ['fine', 'suspension'],
      verified: true,
      citation: { text: 'Test Act s. 1' },
    });
    expect(findTier(pack, '7', 'again')).toMatchObject({ sanctions: ['fine', 'ban'], verified: false });
    expect(findTier(pack, '7', 'late')?.tier.fine).toEqual({ 'legal-entity': 10, individual: null });
    expect(findTier(pack, '7', 'none')).toBeUndefined();
  });

  it('chooses the limitation version by offence date, article-specific over general', () => {
    expect(limitationFor(pack, '7', d('2029-12-31'))).toMatchObject({
      ok: true,
      value: { id: 'general', period: 'P2M' },
    });
    expect(limitationFor(pack, '7', d('2030-01-01'))).toMatchObject({
      ok: true,
      value: { id: 'special-7', period: 'P6M' },
    });
    expect(limitationFor(pack, '9', d('2030-06-01'))).toMatchObject({ ok: true, value: { id: 'general' } });
    expect(limitationFor(pack, '7', d('1990-01-01'))).toMatchObject({
      ok: false,
      error: { code: 'RULE_NOT_IN_FORCE' },
    });
  });

  it('finds the appeal rule in force', () => {
    expect(appealRule(pack, d('2030-01-10'))).toMatchObject({
      ok: true,
      value: { id: 'complaint', complaint: { verified: false } },
    });
    expect(appealRule(pack, d('1990-01-10'))).toMatchObject({
      ok: false,
      error: { code: 'RULE_NOT_IN_FORCE' },
    });
  });

  it('gives the fine unit of a date with its minor units and verification', () => {
    expect(fineUnitFor(pack, d('2029-06-30'))).toMatchObject({
      ok: true,
      value: {
        year: 2029,
        value: 12.5,
        valueText: '12.50',
        minor: 1250n,
        currency: 'EUR',
        code: 'TU',
        verified: true,
      },
    });
    expect(mciFor(pack, d('2030-01-01'))).toMatchObject({
      ok: true,
      value: { year: 2030, minor: 1300n, verified: false },
    });
    expect(fineUnitFor(pack, d('2031-01-01'))).toMatchObject({
      ok: false,
      error: { code: 'RULE_NOT_IN_FORCE' },
    });
    expect(fineUnitFor(fixturePack({ fineUnit: null }), d('2030-01-01')).ok).toBe(false);
    expect(fineUnitRule(pack)?.appliesAt).toBe('proceedings-start');
  });

  it('lists obligations in force on a day', () => {
    expect(obligationsInForce(pack, d('2028-06-01')).map((o) => o.id)).toEqual(['notice']);
    expect(obligationsInForce(pack, d('2030-06-01')).map((o) => o.id)).toEqual(['notice', 'report']);
    expect(obligationOn(pack, 'report', d('2028-06-01'))).toBeUndefined();
    expect(inForceOn({ inForce: { from: d('2020-01-01'), to: d('2020-12-31') } }, d('2020-12-31'))).toBe(
      true,
    );
    expect(inForceOn({ inForce: { from: d('2020-01-01'), to: d('2020-12-31') } }, d('2021-01-01'))).toBe(
      false,
    );
  });
});

describe('reportingPeriods (fixture pack)', () => {
  it('lists the quarters overlapping a range with due days from the period end', () => {
    const r = reportingPeriods(pack, 'report', d('2030-02-10'), d('2030-07-01'));
    expect(r.ok && r.value.map((p) => [p.label, p.start, p.end, p.due])).toEqual([
      ['2030-Q1', '2030-01-01', '2030-03-31', '2030-04-22'],
      ['2030-Q2', '2030-04-01', '2030-06-30', '2030-07-22'],
      ['2030-Q3', '2030-07-01', '2030-09-30', '2030-10-21'],
    ]);
  });

  it('skips periods ending before the obligation is in force', () => {
    const r = reportingPeriods(pack, 'report', d('2028-10-01'), d('2029-03-31'), {
      uncovered: 'weekends-only',
    });
    expect(r.ok && r.value.map((p) => p.label)).toEqual(['2029-Q1']);
    expect(r.ok && r.value[0]?.verified).toBe(false);
  });

  it('refuses an each-receipt obligation', () => {
    expect(reportingPeriods(pack, 'notice', d('2030-01-01'), d('2030-12-31'))).toMatchObject({
      ok: false,
      error: { code: 'RULE_OBLIGATION_NOT_PERIODIC' },
    });
  });
});
