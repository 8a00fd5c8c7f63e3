import {
  calendarDate as d,
  checkCaseActions,
  checkClaim,
  currency,
  finalPenaltiesOf,
  money,
  type CaseAction,
  type Claim,
  type LegalCase,
  type RulePack,
} from '@civic/core';
import { parseCaseFile, parseClaimFile } from '@civic/formats';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryDeadline } from '../rules/deadline-query.ts';
import { loadRulePack } from '../rules/load-rule-pack.ts';

// Issue 10, "Findings that must change", against the real Kazakhstan pack (rules/kz.yaml).
let kz: RulePack;
beforeAll(async () => {
  const r = await loadRulePack('kz');
  if (!r.ok) throw new Error(r.error.message);
  kz = r.value;
});

interface Spec {
  tier?: string;
  committedOn?: string;
  proceedingsStartedOn?: string | null;
  rulingOn?: string | null;
  servedOn?: string | null;
  mci?: number | null;
  amount?: string | null;
  suspensionMonths?: number | null;
  priorPenalties?: Claim['priorPenalties'];
}
const claim = (s: Spec): Claim => ({
  pack: 'kz',
  offence: {
    article: '460-1',
    tier: s.tier ?? 'inaccurate-information',
    committedOn: d(s.committedOn ?? '2020-10-01'),
    continuing: false,
    discoveredOn: null,
  },
  offender: 'legal-entity',
  proceedingsStartedOn: s.proceedingsStartedOn === null ? null : d(s.proceedingsStartedOn ?? '2021-01-05'),
  rulingOn: s.rulingOn === null ? null : d(s.rulingOn ?? '2021-01-25'),
  servedOn: s.servedOn === null ? null : d(s.servedOn ?? '2021-01-25'),
  penalty:
    s.amount === null
      ? null
      : {
          mci: s.mci ?? null,
          amount: money(BigInt(s.amount ?? '1166800') * 100n, currency('KZT')),
          suspensionMonths: s.suspensionMonths ?? null,
        },
  priorPenalties: s.priorPenalties ?? [],
});
const check = (s: Spec, asOf = '2021-02-01') => {
  const r = checkClaim(kz, claim(s), { asOf: d(asOf) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const find = (s: Spec, code: string) => check(s).findings.find((f) => f.code === code);

describe('finding 1: only what exceeds the law favours the defence (brief §1.4, §1.7)', () => {
  // Each row: a ruling in 2021 (MCI 2,917), the finding it gives, and whether it favours the defence.
  const rows: [string, Spec, string, boolean][] = [
    [
      '400 MCI billed as 1,300,000 (above 1,166,800)',
      { mci: 400, amount: '1300000' },
      'PENALTY_AMOUNT_MISMATCH',
      true,
    ],
    [
      '400 MCI billed as 1,000,000 (below 1,166,800)',
      { mci: 400, amount: '1000000' },
      'PENALTY_AMOUNT_MISMATCH',
      false,
    ],
    [
      '400 × the 2020 MCI (1,111,200): wrong year, lower',
      { mci: 400, amount: '1111200' },
      'PENALTY_MCI_WRONG_YEAR',
      false,
    ],
    [
      '400 × the 2022 MCI (1,225,200): wrong year, higher',
      { mci: 400, amount: '1225200' },
      'PENALTY_MCI_WRONG_YEAR',
      true,
    ],
    [
      '100 MCI under the 200-per-protocol tier: below',
      { mci: 100, amount: '291700' },
      'PENALTY_NOT_MULTIPLE_OF_TIER',
      false,
    ],
    [
      'a suspension under the fine-only tier',
      { tier: 'failure-to-notify', mci: 100, amount: '291700', suspensionMonths: 3 },
      'SUSPENSION_NOT_PROVIDED',
      true,
    ],
  ];
  it.each(rows)('%s', (_, spec, code, favours) => {
    const f = find(spec, code);
    expect(f?.favoursDefence).toBe(favours);
    expect(f?.weight ?? null).toBe(favours ? 'critical' : null);
  });

  it('a claim whose only discrepancy is a lower amount does not favour the defence (exit 0)', () => {
    const c = check({
      committedOn: '2021-01-04',
      proceedingsStartedOn: '2021-01-05',
      rulingOn: '2021-01-25',
      mci: 400,
      amount: '1000000',
    });
    expect(c.favoursDefence).toBe(false);
  });
});

describe('finding 3: certainty follows the weakest fact (brief §1.5, §1.2, §5)', () => {
  it('the limitation finding is unverified and names the open questions of Art. 62 it rests on', () => {
    const f = find({ committedOn: '2018-08-15' }, 'LIMITATION_EXPIRED');
    expect(f?.verified).toBe(false);
    expect(f?.message).toContain('open questions');
    expect(f?.message).toContain('day after the missed deadline');
    expect(f?.message).toContain('day off');
  });

  it('OFFENCE_NOT_IN_FORCE is unverified: the in-force day of Art. 460-1 is not in the brief', () => {
    const f = find(
      { committedOn: '2016-05-01', proceedingsStartedOn: null, rulingOn: null, servedOn: null, amount: null },
      'OFFENCE_NOT_IN_FORCE',
    );
    expect(f?.verified).toBe(false);
  });

  it('the F.018.00 second-half due date is unverified in civic deadline --obligation, the first half verified', async () => {
    const h2 = await queryDeadline({
      pack: 'kz',
      from: '2023-12-31',
      obligation: 'receipt-expenditure-report',
    });
    expect(h2.ok && h2.value.verified).toBe(false);
    expect(h2.ok && h2.value.due).toBe('2024-02-15');
    const h1 = await queryDeadline({
      pack: 'kz',
      from: '2023-06-30',
      obligation: 'receipt-expenditure-report',
    });
    expect(h1.ok && h1.value.due).toBe('2023-08-15');
    expect(h1.ok && h1.value.verified).toBe(true);
  });

  it('every obligation on or after 1 Jan 2026 is unverified (2026 Tax Code [U])', async () => {
    const r = await queryDeadline({ pack: 'kz', from: '2026-02-02', obligation: 'receipt-notification' });
    expect(r.ok && r.value.verified).toBe(false);
    const before = await queryDeadline({
      pack: 'kz',
      from: '2025-02-03',
      obligation: 'receipt-notification',
    });
    expect(before.ok && before.value.verified).toBe(true);
  });

  it('no finding is verified while any rule or fact under it is not (property over kz claims)', () => {
    const limitation = kz.limitations[0];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3600 }),
        fc.constantFrom('failure-to-notify', 'inaccurate-information', 'repeat-within-year'),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 400 }),
        (offset, tier, protocols, gap) => {
          const committed = new Date(Date.UTC(2016, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
          const ruled = new Date(Date.UTC(2016, 0, 1) + (offset + gap) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const c = check(
            {
              tier,
              committedOn: committed,
              proceedingsStartedOn: committed,
              rulingOn: ruled,
              servedOn: ruled,
              mci: 100 * protocols,
              amount: String(291_700 * protocols),
            },
            '2026-06-01',
          );
          for (const f of c.findings) {
            if (f.code.startsWith('LIMITATION_') && (limitation?.openQuestions.length ?? 0) > 0)
              expect(f.verified).toBe(false);
            if (f.code === 'APPEAL_DEADLINE') expect(f.verified).toBe(false);
            if (f.code === 'OFFENCE_NOT_IN_FORCE') expect(f.verified).toBe(false);
            // The repeat tier's fine is unconfirmed: every finding resting on the tier is unverified.
            const onTier = [
              'PENALTY_NOT_MULTIPLE_OF_TIER',
              'PENALTY_TIER_AMOUNT_UNKNOWN',
              'REPEAT_WITHOUT_PRIOR_PENALTY',
            ];
            if (tier === 'repeat-within-year' && onTier.includes(f.code)) expect(f.verified).toBe(false);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('finding 5: two readings of the complaint deadline, act on the earlier (brief §1.6)', () => {
  it('reports 10 working days and 10 calendar days with their dates; dueSafe is the earlier', () => {
    // Served Mon 25 Jan 2021: 10 calendar days → Thu 4 Feb; 10 working days → Mon 8 Feb.
    const a = check({}).appeal;
    expect(a.readings).toEqual([
      { basis: '10 working days', due: '2021-02-08', verified: false },
      { basis: '10 calendar days', due: '2021-02-04', verified: false },
    ]);
    expect(a.dueSafe).toBe('2021-02-04');
  });
});

const action = (over: Partial<CaseAction>): CaseAction => ({
  id: 'act',
  caseId: 'cas',
  kind: 'ruling',
  authority: null,
  office: null,
  place: null,
  servedOn: null,
  proceedingsStartedOn: null,
  hearingOn: null,
  rulingOn: null,
  inForceOn: null,
  suspendedUntil: null,
  outcome: null,
  article: '460-1',
  tier: 'inaccurate-information',
  offender: 'legal-entity',
  offence: null,
  penalty: { mci: 200, amount: null, suspensionMonths: null },
  documents: [],
  notes: null,
  illustrative: false,
  ...over,
});
const legalCase = (actions: CaseAction[]): LegalCase => ({
  id: 'cas',
  organisationId: 'org',
  title: 't',
  pack: 'kz',
  status: 'open',
  openedOn: null,
  notes: null,
  illustrative: false,
  actions,
  links: [],
});

describe('finding 2: a court decision has an outcome (repeat-offence check)', () => {
  const ruling = action({ id: 'r', rulingOn: d('2021-01-25'), inForceOn: d('2021-02-05') });
  const decision = (outcome: CaseAction['outcome'], over: Partial<CaseAction> = {}) =>
    action({ id: 'c', kind: 'court-decision', rulingOn: d('2021-04-06'), penalty: null, outcome, ...over });
  it.each([
    ['annulled undoes the penalty', 'annulled', []],
    [
      'upheld keeps it',
      'upheld',
      [{ article: '460-1', tier: 'inaccurate-information', finalOn: '2021-02-05' }],
    ],
    [
      'returned keeps it until decided again',
      'returned',
      [{ article: '460-1', tier: 'inaccurate-information', finalOn: '2021-02-05' }],
    ],
    [
      'unknown keeps it, marked',
      'unknown',
      [{ article: '460-1', tier: 'inaccurate-information', finalOn: '2021-02-05', outcomeUnknown: true }],
    ],
  ] as const)('%s', (_, outcome, expected) => {
    expect(finalPenaltiesOf(legalCase([ruling, decision(outcome)]))).toEqual(expected);
  });

  it('changed replaces the penalty with the decision’s own, final on its entry into force', () => {
    const changed = decision('changed', {
      penalty: { mci: 100, amount: null, suspensionMonths: null },
      tier: 'failure-to-notify',
      inForceOn: d('2021-04-20'),
    });
    expect(finalPenaltiesOf(legalCase([ruling, changed]))).toEqual([
      { article: '460-1', tier: 'failure-to-notify', finalOn: '2021-04-20' },
    ]);
  });

  it('a repeat resting on an unknown outcome says so; a decision without outcome warns', () => {
    const prior = finalPenaltiesOf(legalCase([ruling, decision('unknown')]));
    const c = check(
      {
        tier: 'repeat-within-year',
        committedOn: '2021-06-01',
        proceedingsStartedOn: '2021-06-10',
        rulingOn: '2021-06-20',
        servedOn: '2021-06-20',
        amount: null,
        priorPenalties: prior,
      },
      '2021-07-01',
    );
    expect(c.findings.map((f) => f.code)).toContain('COURT_OUTCOME_UNKNOWN');
    const missing = checkCaseActions(kz, legalCase([ruling, decision('unknown', { outcomeGiven: false })]), {
      asOf: d('2021-05-01'),
    });
    expect(missing.findings.find((f) => f.code === 'COURT_OUTCOME_UNKNOWN')?.message).toContain(
      'no recorded outcome',
    );
  });

  it('a case file reads outcome, and a court decision without one as unknown', () => {
    const file = (outcome?: string) =>
      JSON.stringify({
        title: 't',
        pack: 'kz',
        actions: [{ kind: 'court-decision', rulingOn: '2021-04-06', ...(outcome ? { outcome } : {}) }],
      });
    const r = parseCaseFile(file('annulled'), { fileName: 'case.json' });
    expect(r.ok && r.value.actions[0]?.outcome).toBe('annulled');
    const bad = parseCaseFile(file('quashed'), { fileName: 'case.json' });
    expect(!bad.ok && bad.error.field).toBe('actions[0].outcome');
  });
});

describe('finding 7: plausible input only (exit 2 naming the field)', () => {
  const caseFile = (a: Record<string, unknown>) =>
    parseCaseFile(
      JSON.stringify({
        title: 't',
        pack: 'kz',
        actions: [{ kind: 'ruling', offence: { committedOn: '2020-10-01' }, ...a }],
      }),
      { fileName: 'case.json' },
    );
  it.each([
    ['a ruling dated before the offence', { rulingOn: '2020-09-01' }, 'actions[0].rulingOn'],
    [
      'a protocol (proceedings) before the offence',
      { proceedingsStartedOn: '2020-09-30' },
      'actions[0].proceedingsStartedOn',
    ],
    ['a notice served before the offence', { servedOn: '2020-01-01' }, 'actions[0].servedOn'],
    [
      'a suspension ending before it starts',
      { rulingOn: '2021-01-25', suspendedUntil: '2021-01-01' },
      'actions[0].suspendedUntil',
    ],
    [
      'a payment before the ruling',
      { rulingOn: '2021-01-25', penalty: { paidOn: '2021-01-20' } },
      'actions[0].penalty.paidOn',
    ],
  ])('refuses %s', (_, a, field) => {
    const r = caseFile(a);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CASE_FIELD_INVALID');
    expect(r.error.field).toBe(field);
    expect(r.error.message).toMatch(/^[^ ]+: \d{4}-\d{2}-\d{2} is before .+\.$/);
  });

  it('refuses a claim file whose ruling precedes the offence', () => {
    const r = parseClaimFile(
      JSON.stringify({
        pack: 'kz',
        offence: { article: '460-1', tier: 'inaccurate-information', committedOn: '2021-01-10' },
        rulingOn: '2021-01-05',
      }),
      { fileName: 'claim.json' },
    );
    expect(!r.ok && r.error.field).toBe('rulingOn');
  });

  it('words the per-protocol message as a sentence', () => {
    const f = find({ mci: 300, amount: '875100' }, 'PENALTY_NOT_MULTIPLE_OF_TIER');
    expect(f?.message).toContain('per protocol');
    expect(f?.message).not.toMatch(/sets protocol for/);
    expect(f?.message).toMatch(/\.$/);
  });
});
