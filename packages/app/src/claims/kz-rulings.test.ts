import { calendarDate as d, checkClaim, currency, money, type Claim, type RulePack } from '@civic/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '../rules/load-rule-pack.ts';

// The real Kazakhstan pack (rules/kz.yaml) against each ruling of January 2021 (legal-brief.md §2.1–2.2).
let kz: RulePack;
beforeAll(async () => {
  const r = await loadRulePack('kz');
  if (!r.ok) throw new Error(r.error.message);
  kz = r.value;
});

const ruling = (
  tier: string,
  mci: number,
  amount: string,
  proceedingsStartedOn: string,
  rulingOn: string,
  suspensionMonths: number | null,
): Claim => ({
  pack: 'kz',
  offence: { article: '460-1', tier, committedOn: d('2020-10-01'), continuing: false, discoveredOn: null },
  offender: 'legal-entity',
  proceedingsStartedOn: d(proceedingsStartedOn),
  rulingOn: d(rulingOn),
  servedOn: d(rulingOn),
  penalty: { mci, amount: money(BigInt(amount) * 100n, currency('KZT')), suspensionMonths },
  priorPenalties: [],
});

describe('the 2021 rulings reproduced to the tenge with the kz pack', () => {
  it.each([
    // [organisation and source, tier, MCI, tenge, proceedings began (illustrative, per §1.4 [D]), ruling, suspension months, MCI year]
    [
      'Echo, 15 Jan 2021, 400 MCI = 1,166,800 + 3 months (§2.1; Adil Soz, KazTAG)',
      'inaccurate-information',
      400,
      '1166800',
      '2021-01-05',
      '2021-01-15',
      3,
      2021,
    ],
    [
      'Erkindik Kanaty, 18 Jan 2021, 100 MCI = 277,800, MCI 2020 (§1.4 [D]: 277,800 / 100 = 2,778)',
      'failure-to-notify',
      100,
      '277800',
      '2020-12-28',
      '2021-01-18',
      null,
      2020,
    ],
    [
      'KIBHR, 25 Jan 2021, 800 MCI = 2,333,600, four protocols (§1.4; OMCT)',
      'inaccurate-information',
      800,
      '2333600',
      '2021-01-11',
      '2021-01-25',
      3,
      2021,
    ],
    [
      'ILI, 25 Jan 2021, 400 MCI = 1,166,800, two protocols (§1.4; OMCT)',
      'inaccurate-information',
      400,
      '1166800',
      '2021-01-11',
      '2021-01-25',
      3,
      2021,
    ],
  ] as const)('%s', (_source, tier, mci, amount, started, ruled, months, mciYear) => {
    const r = checkClaim(kz, ruling(tier, mci, amount, started, ruled, months), { asOf: d('2021-02-01') });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.penalty).toMatchObject({
      mciYear,
      expectedAmount: amount,
      amountMatches: true,
      suspensionLawful: true,
    });
    const codes = r.value.findings.map((f) => f.code);
    expect(codes).not.toContain('PENALTY_AMOUNT_MISMATCH');
    expect(codes).not.toContain('PENALTY_NOT_MULTIPLE_OF_TIER');
  });

  it('the MCI year boundary: Erkindik Kanaty at the 2021 MCI would be 291,700, the wrong year', () => {
    const r = checkClaim(kz, ruling('failure-to-notify', 100, '291700', '2020-12-28', '2021-01-18', null), {
      asOf: d('2021-02-01'),
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.penalty).toMatchObject({ mciYear: 2020, expectedAmount: '277800', amountMatches: false });
    expect(r.value.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['PENALTY_AMOUNT_MISMATCH', 'PENALTY_MCI_WRONG_YEAR']),
    );
  });

  it('a suspension under the fine-only tier is not provided by the pack', () => {
    const r = checkClaim(kz, ruling('failure-to-notify', 100, '277800', '2020-12-28', '2021-01-18', 3), {
      asOf: d('2021-02-01'),
    });
    expect(r.ok && r.value.penalty.suspensionLawful).toBe(false);
    expect(r.ok && r.value.findings.map((f) => f.code)).toContain('SUSPENSION_NOT_PROVIDED');
  });

  it('a 2018 report ruled on in January 2021 is time-barred (HRW; CAMR: reports "dating back to 2018", §1.5)', () => {
    const c = {
      ...ruling('inaccurate-information', 400, '1166800', '2021-01-05', '2021-01-15', 3),
      offence: {
        article: '460-1',
        tier: 'inaccurate-information',
        committedOn: d('2018-12-31'),
        continuing: false,
        discoveredOn: null,
      },
    };
    const r = checkClaim(kz, c, { asOf: d('2021-02-01') });
    expect(r.ok && r.value.limitation).toMatchObject({ expiresOn: '2019-02-28', status: 'expired' });
  });
});
