import { describe, expect, it } from 'vitest';
import { parseClaimFile } from './claim-file.ts';

// The example of issue 4 ("Claim file"), verbatim.
const ISSUE_EXAMPLE = `{ "pack": "kz",
  "offence": { "article": "460-1", "tier": "inaccurate-information",
               "committedOn": "2019-04-10", "continuing": false, "discoveredOn": "2020-11-26" },
  "offender": "legal-entity",
  "proceedingsStartedOn": "2021-01-05", "rulingOn": "2021-01-15", "servedOn": "2021-01-15",
  "penalty": { "mci": 400, "amount": "1166800", "currency": "KZT", "suspensionMonths": 3 },
  "priorPenalties": [ { "article": "460-1", "tier": "failure-to-notify", "finalOn": "2020-05-02" } ] }`;

const minimal = (offence: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      pack: 'kz',
      offence: { article: '460-1', tier: 'failure-to-notify', committedOn: '2020-01-10', ...offence },
      ...extra,
    },
    null,
    2,
  );

describe('parseClaimFile', () => {
  it('reads the example of the issue', () => {
    const r = parseClaimFile(ISSUE_EXAMPLE, { fileName: 'claim.json' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.offence.committedOn).toBe('2019-04-10');
    expect(r.value.penalty).toEqual({ mci: 400, amount: '1166800', currency: 'KZT', suspensionMonths: 3 });
    expect(r.value.priorPenalties).toEqual([
      { article: '460-1', tier: 'failure-to-notify', finalOn: '2020-05-02' },
    ]);
    expect(r.value.unknownFields).toEqual([]);
  });

  it('needs only pack, offence.article, offence.tier and offence.committedOn', () => {
    const r = parseClaimFile(minimal({}), { fileName: 'c.json' });
    expect(r.ok && r.value).toMatchObject({
      offender: null,
      rulingOn: null,
      penalty: null,
      priorPenalties: [],
      offence: { continuing: false, discoveredOn: null },
    });
  });

  it.each([
    [
      'missing committedOn',
      JSON.stringify({ pack: 'kz', offence: { article: '460-1', tier: 't' } }),
      'CLAIM_FIELD_REQUIRED',
      'offence.committedOn',
    ],
    [
      'missing tier',
      JSON.stringify({ pack: 'kz', offence: { article: '460-1', committedOn: '2020-01-01' } }),
      'CLAIM_FIELD_REQUIRED',
      'offence.tier',
    ],
    [
      'missing article',
      JSON.stringify({ pack: 'kz', offence: { tier: 't', committedOn: '2020-01-01' } }),
      'CLAIM_FIELD_REQUIRED',
      'offence.article',
    ],
    ['missing offence', JSON.stringify({ pack: 'kz' }), 'CLAIM_FIELD_REQUIRED', 'offence'],
    [
      'missing pack',
      JSON.stringify({ offence: { article: 'a', tier: 't', committedOn: '2020-01-01' } }),
      'CLAIM_FIELD_REQUIRED',
      'pack',
    ],
    ['31 April', minimal({ committedOn: '2020-04-31' }), 'CLAIM_FIELD_INVALID', 'offence.committedOn'],
    [
      '29 Feb in a common year',
      minimal({ committedOn: '2021-02-29' }),
      'CLAIM_FIELD_INVALID',
      'offence.committedOn',
    ],
    ['a date as a number', minimal({}, { rulingOn: 20210115 }), 'CLAIM_FIELD_INVALID', 'rulingOn'],
    ['negative MCI', minimal({}, { penalty: { mci: -5 } }), 'CLAIM_FIELD_INVALID', 'penalty.mci'],
    [
      'an amount in words',
      minimal({}, { penalty: { amount: 'a lot' } }),
      'CLAIM_FIELD_INVALID',
      'penalty.amount',
    ],
    [
      'an unknown currency',
      minimal({}, { penalty: { amount: '1', currency: 'XYZ' } }),
      'CLAIM_FIELD_INVALID',
      'penalty.currency',
    ],
    [
      'fractional months',
      minimal({}, { penalty: { suspensionMonths: 1.5 } }),
      'CLAIM_FIELD_INVALID',
      'penalty.suspensionMonths',
    ],
    [
      'a prior penalty without finalOn',
      minimal({}, { priorPenalties: [{ article: '460-1', tier: 't' }] }),
      'CLAIM_FIELD_REQUIRED',
      'priorPenalties[0].finalOn',
    ],
    ['continuing as text', minimal({ continuing: 'yes' }), 'CLAIM_FIELD_INVALID', 'offence.continuing'],
  ])('%s names the field', (_name, text, code, field) => {
    const r = parseClaimFile(text, { fileName: 'bad.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code, field, file: 'bad.json' });
    expect(r.error.message).toContain(field);
  });

  it('gives the line of an invalid field', () => {
    const r = parseClaimFile(minimal({ committedOn: '2020-13-01' }), { fileName: 'bad.json' });
    expect(!r.ok && r.error.line).toBe(6);
  });

  it('rejects text that is not JSON', () => {
    const r = parseClaimFile('{ "pack": ', { fileName: 'bad.json' });
    expect(!r.ok && r.error.code).toBe('CLAIM_FILE_NOT_JSON');
  });

  it('lists unknown keys so a typo is not silently lost', () => {
    const r = parseClaimFile(minimal({ comittedOn: '2020-01-01' }, { ruling: '2021-01-01' }), {
      fileName: 'c.json',
    });
    expect(r.ok && r.value.unknownFields).toEqual(['ruling', 'offence.comittedOn']);
  });
});
