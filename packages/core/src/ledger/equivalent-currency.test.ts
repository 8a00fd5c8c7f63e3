import { describe, expect, it } from 'vitest';
import { calendarDate } from '../calendar-date.ts';
import { currency } from '../currency.ts';
import { buildRateIndex, computeEquivalent, computeKztEquivalent } from './kzt-equivalent.ts';
import { makeOfficialRate, type OfficialRate } from './official-rate.ts';

const INR = currency('INR');
const KZT = currency('KZT');
const USD = currency('USD');

function rate(date: string, cur: string, text: string): OfficialRate {
  const r = makeOfficialRate({ date, currency: cur, rate: text, source: 'illustrative' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

// Illustrative reference rates into rupees (a USD at 83.12 INR on a Friday, none on the weekend).
const rupees = buildRateIndex([rate('2024-03-01', 'USD', '83.12')]);

describe("the equivalent is in the jurisdiction's currency (the pack's), not always KZT", () => {
  it('converts into INR for in-fcra', () => {
    const eq = computeEquivalent({ minor: 10_000n, currency: USD }, calendarDate('2024-03-01'), rupees, INR);
    expect(eq).toMatchObject({ status: 'official', kzt: 831_200n });
  });

  it('takes an amount already in the base currency as it is, with no rate', () => {
    const eq = computeEquivalent({ minor: 5_000n, currency: INR }, calendarDate('2024-03-02'), rupees, INR);
    expect(eq).toEqual({ status: 'official', kzt: 5_000n, rate: null, note: null });
  });

  it('names the base currency when a rate is carried forward', () => {
    const eq = computeEquivalent({ minor: 100n, currency: USD }, calendarDate('2024-03-02'), rupees, INR);
    expect(eq.status).toBe('carried-forward');
    expect(eq.note).toContain('83.12 INR per 1');
    expect(eq.note).not.toContain('KZT');
  });

  it('needs a rate for KZT itself when the base is INR, and keeps the KZT ledger as it was', () => {
    const eq = computeEquivalent({ minor: 100n, currency: KZT }, calendarDate('2024-03-01'), rupees, INR);
    expect(eq.status).toBe('missing');
    const kz = computeKztEquivalent({ minor: 100n, currency: KZT }, calendarDate('2024-03-01'), rupees);
    expect(kz).toMatchObject({ status: 'official', kzt: 100n });
  });
});
