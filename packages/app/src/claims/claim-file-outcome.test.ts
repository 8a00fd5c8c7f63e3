import { calendarDate as d } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { claimCheckView } from './claim-check-view.ts';
import { checkClaimFile } from './claim-file-check.ts';

// Issue 10, finding 2, in the claim file: a prior penalty for the repeat tier of CoAO Art. 460-1
// (gov.kz: repeating A or B within one year after a penalty, legal-brief.md §1.4) may carry what a
// court decided on it. Only `annulled` undoes it; `unknown` keeps it and the repeat check says so.
const claimFile = (outcome?: string) =>
  JSON.stringify({
    pack: 'kz',
    offence: { article: '460-1', tier: 'repeat-within-year', committedOn: '2021-06-01' },
    offender: 'legal-entity',
    proceedingsStartedOn: '2021-06-10',
    rulingOn: '2021-06-20',
    servedOn: '2021-06-20',
    priorPenalties: [
      {
        article: '460-1',
        tier: 'inaccurate-information',
        finalOn: '2021-02-05',
        ...(outcome === undefined ? {} : { outcome }),
      },
    ],
  });

const codes = async (outcome?: string) => {
  const r = await checkClaimFile(claimFile(outcome), { fileName: 'claim.json', asOf: d('2021-07-01') });
  if (!r.ok) throw new Error(r.error.message);
  return { view: claimCheckView(r.value.check), warnings: r.value.warnings };
};

describe('a claim file prior penalty with the outcome of a court decision on it', () => {
  it.each([
    // outcome, a repeat ground (no prior penalty within the window), the unknown-outcome finding
    ['annulled', true, false],
    ['upheld', false, false],
    ['changed', false, false],
    ['returned', false, false],
    ['unknown', false, true],
    [undefined, false, false],
  ] as const)('outcome %s', async (outcome, repeatGround, unknownFinding) => {
    const { view, warnings } = await codes(outcome);
    const found = view.findings.map((f) => f.code);
    expect(found.includes('REPEAT_WITHOUT_PRIOR_PENALTY')).toBe(repeatGround);
    expect(found.includes('COURT_OUTCOME_UNKNOWN')).toBe(unknownFinding);
    expect(warnings).toEqual([]);
  });

  it('refuses an outcome the format does not know, naming the field (exit 2)', async () => {
    const r = await checkClaimFile(claimFile('quashed'), { fileName: 'claim.json', asOf: d('2021-07-01') });
    expect(!r.ok && [r.error.code, r.error.field]).toEqual([
      'CLAIM_FIELD_INVALID',
      'priorPenalties[0].outcome',
    ]);
  });
});
