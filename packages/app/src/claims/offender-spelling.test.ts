import { calendarDate } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { checkClaimFile } from './claim-file-check.ts';

// Real parts: the claim file parser and the real rules/kz.yaml. Echo's ruling (legal-brief.md §2.1)
// with the kind of offender written as a Kazakh accountant would.
const claim = (offender: string) =>
  JSON.stringify({
    pack: 'kz',
    offence: {
      article: '460-1',
      tier: 'inaccurate-information',
      committedOn: '2019-04-10',
      continuing: false,
    },
    offender,
    proceedingsStartedOn: '2021-01-05',
    rulingOn: '2021-01-15',
    servedOn: '2021-01-15',
    penalty: { mci: 400, amount: '1166800', currency: 'KZT', suspensionMonths: 3 },
  });

describe('the offender of a claim in Russian or Kazakh', () => {
  it.each(['Юридическое лицо', 'заңды тұлға', 'юрлицо', 'legal-entity'])(
    'reads «%s» as the pack’s legal entity',
    async (offender) => {
      const r = await checkClaimFile(claim(offender), {
        fileName: 'c.json',
        asOf: calendarDate('2021-01-20'),
      });
      if (!r.ok) throw new Error(r.error.message);
      expect([r.value.claim.offender, r.value.check.penalty.offender]).toEqual([
        'legal-entity',
        'legal-entity',
      ]);
    },
  );

  it('refuses a kind it does not know, naming the field', async () => {
    const r = await checkClaimFile(claim('компания'), {
      fileName: 'c.json',
      asOf: calendarDate('2021-01-20'),
    });
    expect(!r.ok && [r.error.code, r.error.field]).toEqual(['CLAIM_OFFENDER_UNKNOWN', 'offender']);
  });
});
