import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDate as d, type CalendarDate } from '../calendar-date.ts';
import { currency, money } from '../index.ts';
import type { Claim } from './claim.ts';
import { checkClaim } from './check-claim.ts';
import { claimsTestPack } from './claims-test-pack.ts';

const pack = claimsTestPack();
const KZT = currency('KZT');

interface ClaimSpec {
  tier?: string;
  committedOn?: string;
  continuing?: boolean;
  discoveredOn?: string;
  proceedingsStartedOn?: string;
  rulingOn?: string;
  servedOn?: string;
  mci?: number;
  amount?: string;
  suspensionMonths?: number;
  offender?: string | null;
  priorPenalties?: Claim['priorPenalties'];
}

/** A claim built from the fields a row gives; everything else absent. */
function claim(s: ClaimSpec): Claim {
  const on = (x: string | undefined): CalendarDate | null => (x === undefined ? null : d(x));
  const hasPenalty = s.mci !== undefined || s.amount !== undefined || s.suspensionMonths !== undefined;
  return {
    pack: 'xx',
    offence: {
      article: '460-1',
      tier: s.tier ?? 'inaccurate-information',
      committedOn: d(s.committedOn ?? '2020-11-01'),
      continuing: s.continuing ?? false,
      discoveredOn: on(s.discoveredOn),
    },
    offender: s.offender === undefined ? 'legal-entity' : s.offender,
    proceedingsStartedOn: on(s.proceedingsStartedOn),
    rulingOn: on(s.rulingOn),
    servedOn: on(s.servedOn),
    penalty: hasPenalty
      ? {
          mci: s.mci ?? null,
          amount: s.amount === undefined ? null : money(BigInt(s.amount) * 100n, KZT),
          suspensionMonths: s.suspensionMonths ?? null,
        }
      : null,
    priorPenalties: s.priorPenalties ?? [],
  };
}

function run(s: ClaimSpec, asOf = '2026-01-01') {
  const r = checkClaim(pack, claim(s), { asOf: d(asOf) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const codes = (s: ClaimSpec, asOf?: string) => run(s, asOf).findings.map((f) => f.code);

describe('limitation (CoAO Art. 62(1): two months from commission, legal-brief.md §1.5; month-end rule of issue 3)', () => {
  it.each([
    // [source, committedOn, decisive fields, expiresOn, status, evaluatedAgainst]
    [
      'issue 4 claim example: 2019 report, ruled Jan 2021',
      '2019-04-10',
      { rulingOn: '2021-01-15' },
      '2019-06-10',
      'expired',
      'ruling',
    ],
    [
      'month end: 31 Dec + 2 months = 28 Feb in a common year',
      '2020-12-31',
      { rulingOn: '2021-03-01' },
      '2021-02-28',
      'expired',
      'ruling',
    ],
    [
      'month end, the last day itself is still within the period',
      '2020-12-31',
      { rulingOn: '2021-02-28' },
      '2021-02-28',
      'running',
      'ruling',
    ],
    [
      'leap year: 31 Dec 2019 + 2 months = 29 Feb 2020',
      '2019-12-31',
      { rulingOn: '2020-02-29' },
      '2020-02-29',
      'running',
      'ruling',
    ],
    [
      'leap year: the day after 29 Feb 2020 is too late',
      '2019-12-31',
      { rulingOn: '2020-03-01' },
      '2020-02-29',
      'expired',
      'ruling',
    ],
    [
      'leap day start: 29 Feb 2020 + 2 months = 29 Apr',
      '2020-02-29',
      { rulingOn: '2020-04-30' },
      '2020-04-29',
      'expired',
      'ruling',
    ],
    [
      '30 Dec + 2 months = 28 Feb (clamped)',
      '2018-12-30',
      { rulingOn: '2019-02-28' },
      '2019-02-28',
      'running',
      'ruling',
    ],
    [
      'no ruling: the start of proceedings decides',
      '2019-04-10',
      { proceedingsStartedOn: '2019-06-11' },
      '2019-06-10',
      'expired',
      'proceedings-start',
    ],
    [
      'the ruling decides over the start of proceedings',
      '2019-04-10',
      { proceedingsStartedOn: '2019-05-01', rulingOn: '2019-07-01' },
      '2019-06-10',
      'expired',
      'ruling',
    ],
  ] as const)('%s', (_source, committedOn, decisive, expiresOn, status, against) => {
    const l = run({ committedOn, ...decisive }).limitation;
    expect(l).toMatchObject({
      expiresOn,
      status,
      evaluatedAgainst: against,
      citation: 'CoAO Art. 62(1)',
      verified: true,
      alternatives: [],
    });
  });

  it('without a ruling or proceedings date, the as-of date decides', () => {
    expect(run({ committedOn: '2019-04-10' }, '2019-05-01').limitation).toMatchObject({
      status: 'running',
      evaluatedOn: '2019-05-01',
      evaluatedAgainst: 'as-of',
    });
    expect(run({ committedOn: '2019-04-10' }, '2019-06-11').limitation).toMatchObject({
      status: 'expired',
      evaluatedOn: '2019-06-11',
    });
  });

  it('an expired period is a critical finding that favours the defence, with its citation', () => {
    const f = run({ committedOn: '2019-04-10', rulingOn: '2021-01-15' }).findings.find(
      (x) => x.code === 'LIMITATION_EXPIRED',
    );
    expect(f).toMatchObject({
      severity: 'critical',
      favoursDefence: true,
      citation: 'CoAO Art. 62(1)',
      verified: true,
    });
    expect(f?.message).toContain('2019-06-10');
  });

  it('a continuing offence discovered on 26 Nov 2020 (KIBHR, brief §2.1) gives the reading from discovery', () => {
    const c = run({
      committedOn: '2019-04-10',
      continuing: true,
      discoveredOn: '2020-11-26',
      rulingOn: '2021-01-25',
    });
    expect(c.limitation?.status).toBe('expired');
    expect(c.limitation?.alternatives).toEqual([
      expect.objectContaining({
        reading: 'discovery',
        startsOn: '2020-11-26',
        expiresOn: '2021-01-26',
        status: 'running',
        verified: false,
      }),
    ]);
    expect(c.findings.map((f) => f.code)).toContain('LIMITATION_EXPIRED_IF_NOT_CONTINUING');
    expect(c.findings.map((f) => f.code)).not.toContain('LIMITATION_EXPIRED');
  });

  it('a continuing offence time-barred on both readings is plainly expired', () => {
    const c = run({
      committedOn: '2019-04-10',
      continuing: true,
      discoveredOn: '2020-10-01',
      rulingOn: '2021-01-25',
    });
    expect(c.limitation?.alternatives[0]).toMatchObject({ expiresOn: '2020-12-01', status: 'expired' });
    expect(c.findings.map((f) => f.code)).toContain('LIMITATION_EXPIRED');
  });

  it('no alternative when the offence is not continuing, even with a discovery date', () => {
    expect(
      run({ committedOn: '2019-04-10', discoveredOn: '2020-11-26', rulingOn: '2021-01-15' }).limitation
        ?.alternatives,
    ).toEqual([]);
  });

  it('a running period is only information', () => {
    const c = run({ committedOn: '2021-01-01', rulingOn: '2021-02-01' });
    expect(c.findings.find((f) => f.code === 'LIMITATION_RUNNING')).toMatchObject({
      favoursDefence: false,
      severity: 'info',
    });
    expect(c.favoursDefence).toBe(false);
  });
});

describe('penalty (CoAO Art. 44(1) MCI at the start of proceedings; 460-1 tiers, legal-brief.md §1.4 and §1.7)', () => {
  it.each([
    // [source, spec, mciYear, mciValue, expectedAmount]
    [
      'Echo, 15 Jan 2021: 400 MCI = 1,166,800 (brief §2.1)',
      {
        mci: 400,
        amount: '1166800',
        proceedingsStartedOn: '2021-01-05',
        rulingOn: '2021-01-15',
        suspensionMonths: 3,
      },
      2021,
      2917,
      '1166800',
    ],
    [
      'Erkindik Kanaty, 18 Jan 2021: 100 MCI = 277,800 at the 2020 MCI (brief §1.4)',
      {
        tier: 'failure-to-notify',
        mci: 100,
        amount: '277800',
        proceedingsStartedOn: '2020-12-28',
        rulingOn: '2021-01-18',
      },
      2020,
      2778,
      '277800',
    ],
    [
      'KIBHR, 25 Jan 2021: 800 MCI = 2,333,600 (brief §2.1)',
      {
        mci: 800,
        amount: '2333600',
        proceedingsStartedOn: '2021-01-11',
        rulingOn: '2021-01-25',
        suspensionMonths: 3,
      },
      2021,
      2917,
      '2333600',
    ],
    [
      'ILI, 25 Jan 2021: 400 MCI = 1,166,800 (brief §2.1)',
      {
        mci: 400,
        amount: '1166800',
        proceedingsStartedOn: '2021-01-11',
        rulingOn: '2021-01-25',
        suspensionMonths: 3,
      },
      2021,
      2917,
      '1166800',
    ],
    [
      'Zhovtis: one protocol, 200 MCI × 2,778 = 555,600 (brief §1.4)',
      { mci: 200, amount: '555600', proceedingsStartedOn: '2020-11-30' },
      2020,
      2778,
      '555600',
    ],
  ] as const)('%s', (_source, spec, mciYear, mciValue, expectedAmount) => {
    const c = run({ committedOn: '2020-11-01', ...spec });
    expect(c.penalty).toMatchObject({
      mciYear,
      mciValue,
      expectedAmount,
      amountMatches: true,
      suspensionLawful: true,
    });
    expect(c.findings.map((f) => f.code)).not.toContain('PENALTY_AMOUNT_MISMATCH');
  });

  it('MCI year boundary: proceedings begun in late December, ruled in January, use the December year (Art. 44(1))', () => {
    const c = run({
      tier: 'failure-to-notify',
      mci: 100,
      amount: '291700',
      proceedingsStartedOn: '2020-12-30',
      rulingOn: '2021-01-18',
    });
    expect(c.penalty).toMatchObject({
      mciYear: 2020,
      mciValue: 2778,
      expectedAmount: '277800',
      amountMatches: false,
      mciDateBasis: 'proceedingsStartedOn',
    });
    expect(
      codes({
        tier: 'failure-to-notify',
        mci: 100,
        amount: '291700',
        proceedingsStartedOn: '2020-12-30',
        rulingOn: '2021-01-18',
      }),
    ).toEqual(expect.arrayContaining(['PENALTY_AMOUNT_MISMATCH', 'PENALTY_MCI_WRONG_YEAR']));
    const w = c.findings.find((f) => f.code === 'PENALTY_MCI_WRONG_YEAR');
    expect(w).toMatchObject({
      favoursDefence: true,
      citation: 'CoAO Art. 44(1)',
      params: { usedYear: 2021, lawfulYear: 2020 },
    });
  });

  it('MCI year boundary the other way: begun 4 Jan 2021 after the New Year (2021 MCI)', () => {
    expect(
      run({ tier: 'failure-to-notify', mci: 100, amount: '291700', proceedingsStartedOn: '2021-01-04' })
        .penalty,
    ).toMatchObject({ mciYear: 2021, amountMatches: true });
  });

  it("without a proceedings date, an amount at the previous year's MCI is inferred and said so", () => {
    const c = run({ tier: 'failure-to-notify', mci: 100, amount: '277800', rulingOn: '2021-01-18' });
    expect(c.penalty).toMatchObject({
      mciYear: 2020,
      amountMatches: true,
      mciDateAssumed: true,
      mciDateBasis: 'rulingOn',
    });
    expect(c.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['PENALTY_MCI_DATE_ASSUMED', 'PENALTY_MCI_YEAR_INFERRED']),
    );
  });

  it('an amount that fits no year is a mismatch; only one above the lawful amount favours the defence (issue 10, finding 1)', () => {
    const below = run({ mci: 400, amount: '1000000', proceedingsStartedOn: '2021-01-05' });
    expect(below.penalty).toMatchObject({ expectedAmount: '1166800', amountMatches: false });
    expect(below.findings.find((f) => f.code === 'PENALTY_AMOUNT_MISMATCH')?.favoursDefence).toBe(false);
    const above = run({ mci: 400, amount: '1300000', proceedingsStartedOn: '2021-01-05' });
    expect(above.findings.find((f) => f.code === 'PENALTY_AMOUNT_MISMATCH')?.favoursDefence).toBe(true);
  });

  it.each([
    [
      '300 MCI is not a whole number of 200-MCI protocols (tier B, brief §1.4)',
      { mci: 300, amount: '875100' },
      true,
    ],
    [
      '200 MCI under the fine-only tier that sets 100 (Erkindik, brief §1.4)',
      { tier: 'failure-to-notify', mci: 200, amount: '583400' },
      true,
    ],
    ['600 MCI is three protocols', { mci: 600, amount: '1750200' }, false],
  ] as const)('%s', (_source, spec, flagged) => {
    expect(
      codes({ proceedingsStartedOn: '2021-01-05', ...spec }).includes('PENALTY_NOT_MULTIPLE_OF_TIER'),
    ).toBe(flagged);
  });

  it.each([
    [
      'a suspension under the fine-only tier (gov.kz: fine only, brief §1.4)',
      'failure-to-notify',
      100,
      3,
      false,
      'SUSPENSION_NOT_PROVIDED',
    ],
    [
      '4 months under the tier of up to 3 months (Zhovtis, brief §1.4)',
      'inaccurate-information',
      200,
      4,
      false,
      'SUSPENSION_TOO_LONG',
    ],
    ['3 months under the tier of up to 3 months', 'inaccurate-information', 200, 3, true, null],
    ['no suspension at all', 'failure-to-notify', 100, 0, true, null],
  ] as const)('%s', (_source, tier, mci, suspensionMonths, lawful, code) => {
    const c = run({ tier, mci, suspensionMonths, proceedingsStartedOn: '2021-01-05' });
    expect(c.penalty.suspensionLawful).toBe(lawful);
    const suspensionCodes = c.findings.map((f) => f.code).filter((x) => x.startsWith('SUSPENSION'));
    expect(suspensionCodes).toEqual(code ? [code] : []);
  });

  it('gives null penalty fields when the claim has no penalty', () => {
    expect(run({}).penalty).toMatchObject({
      mciYear: null,
      mciValue: null,
      expectedAmount: null,
      amountMatches: null,
      suspensionLawful: null,
    });
  });
});

describe('repeat tier (gov.kz: repeating A or B within one year after a penalty, brief §1.4)', () => {
  const prior = (tier: string | null, finalOn: string) => [{ article: '460-1', tier, finalOn: d(finalOn) }];
  it.each([
    ['no earlier penalty at all', [], true],
    ['a final penalty 8 months before the offence', prior('failure-to-notify', '2020-05-02'), false],
    ['a penalty whose tier is not given still counts', prior(null, '2020-05-02'), false],
    [
      'exactly one year before the offence is within the window',
      prior('inaccurate-information', '2020-01-10'),
      false,
    ],
    ['one year and a day before is outside the window', prior('inaccurate-information', '2020-01-09'), true],
    ['a penalty that became final after the offence', prior('failure-to-notify', '2021-02-01'), true],
    ['a penalty under another article', [{ article: '999', tier: null, finalOn: d('2020-05-02') }], true],
  ] as const)('%s', (_source, priorPenalties, flagged) => {
    const c = run({
      tier: 'repeat-within-year',
      committedOn: '2021-01-10',
      priorPenalties: [...priorPenalties],
    });
    expect(c.findings.some((f) => f.code === 'REPEAT_WITHOUT_PRIOR_PENALTY')).toBe(flagged);
    expect(c.penalty.repeat?.windowFrom).toBe('2020-01-10');
  });
});

describe('appeal (CoAO Art. 826-1, unverified: 10 working days from service, brief §1.6)', () => {
  it.each([
    [
      'Echo served Fri 15 Jan 2021: ten working days end Fri 29 Jan',
      { servedOn: '2021-01-15', rulingOn: '2021-01-15' },
      '2021-01-29',
    ],
    [
      'served 30 Dec 2020: 1 Jan, 4 Jan (moved for 2 Jan) and 7 Jan are days off (kz-calendar.md 2021)',
      { servedOn: '2020-12-30', rulingOn: '2020-12-30' },
      '2021-01-18',
    ],
    ['no service date: counted from the ruling', { rulingOn: '2021-01-25' }, '2021-02-08'],
  ] as const)('%s', (_source, spec, deadline) => {
    const c = run(spec);
    expect(c.appeal).toMatchObject({ deadline, verified: false });
    expect(c.findings.find((f) => f.code === 'APPEAL_DEADLINE')).toMatchObject({
      favoursDefence: false,
      verified: false,
      citation: 'CoAO Art. 826-1',
    });
  });

  it('has no deadline without a ruling or service date', () => {
    expect(run({}).appeal).toMatchObject({ deadline: null });
  });
});

describe('rules and errors', () => {
  it('says which rules are unverified', () => {
    const c = run({ tier: 'repeat-within-year', committedOn: '2021-01-10', rulingOn: '2021-02-01' });
    const rules = c.findings.filter((f) => f.code === 'RULE_UNVERIFIED').map((f) => f.params['rule']);
    expect(rules).toEqual(expect.arrayContaining(['tier:460-1/repeat-within-year', 'appeal:complaint']));
  });

  it('flags an offence committed before the article was in force', () => {
    expect(codes({ committedOn: '2016-01-10', rulingOn: '2016-02-01' })).toContain('OFFENCE_NOT_IN_FORCE');
  });

  it.each([
    [
      'an unknown article',
      { ...claim({}), offence: { ...claim({}).offence, article: '999' } },
      'CLAIM_ARTICLE_UNKNOWN',
      'offence.article',
    ],
    [
      'an unknown tier',
      { ...claim({}), offence: { ...claim({}).offence, tier: 'nope' } },
      'CLAIM_TIER_UNKNOWN',
      'offence.tier',
    ],
    ['an unknown offender', { ...claim({}), offender: 'robot' }, 'CLAIM_OFFENDER_UNKNOWN', 'offender'],
  ] as const)('rejects %s naming the field', (_name, c, code, field) => {
    const r = checkClaim(pack, c, { asOf: d('2026-01-01') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code, field });
  });

  it('sorts findings most serious first and says whether any favours the defence', () => {
    const c = run({
      committedOn: '2019-04-10',
      rulingOn: '2021-01-15',
      servedOn: '2021-01-15',
      tier: 'failure-to-notify',
      mci: 100,
      amount: '277800',
      suspensionMonths: 3,
      proceedingsStartedOn: '2021-01-05',
    });
    const sev = c.findings.map((f) => f.severity);
    expect(sev).toEqual(
      [...sev].sort(
        (a, b) => ['critical', 'warning', 'info'].indexOf(a) - ['critical', 'warning', 'info'].indexOf(b),
      ),
    );
    expect(c.favoursDefence).toBe(true);
  });
});

describe('properties of the limitation check', () => {
  const day = fc.integer({ min: 0, max: 4000 }).map((n) => addDays(d('2016-10-10'), n));
  it('a later offence never expires earlier, and the status follows the decisive date', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 900 }), (a, b, gap) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const ruling = addDays(late, gap);
        const x = run({ committedOn: early, rulingOn: ruling }).limitation;
        const y = run({ committedOn: late, rulingOn: ruling }).limitation;
        expect(x && y && x.expiresOn <= y.expiresOn).toBe(true);
        expect(y?.status).toBe(ruling > (y?.expiresOn ?? '') ? 'expired' : 'running');
      }),
      { numRuns: 200 },
    );
  });
});
