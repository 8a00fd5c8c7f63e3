import {
  calendarDate as d,
  checkClaim,
  currency,
  localText,
  money,
  unverifiedNotes,
  type RulePack,
} from '@civic/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '../rules/load-rule-pack.ts';
import { claimCheckView, findingView, localCitationsOf, unverifiedNotesOf } from './claim-check-view.ts';

// A finding «not verified» carries what is open about its rule (the pack's `note`), in the reader's
// language, so a lawyer knows what to check; a verified finding carries none. The real kz pack.
let kz: RulePack;
beforeAll(async () => {
  const r = await loadRulePack('kz');
  if (!r.ok) throw new Error(r.error.message);
  kz = r.value;
});

describe('the note of an unverified rule beside its finding', () => {
  it('collects, by source, the notes of the pack’s unverified rules in every language', () => {
    const notes = unverifiedNotes(kz);
    expect(notes.size).toBeGreaterThan(3);
    for (const note of notes.values()) {
      expect(localText(note, 'en').length).toBeGreaterThan(10);
      expect(localText(note, 'ru')).toMatch(/[а-яё]/i);
      expect(localText(note, 'kk')).toMatch(/[а-яәіңғүұқөһ]/i);
    }
  });

  it('gives an unverified finding its note in ru and kk, and a verified one none', () => {
    // A 2018 offence checked in 2021: the limitation finding rests on Art. 62's unconfirmed readings.
    const r = checkClaim(
      kz,
      {
        pack: 'kz',
        offence: {
          article: '460-1',
          tier: 'inaccurate-information',
          committedOn: d('2018-08-15'),
          continuing: false,
          discoveredOn: null,
        },
        offender: 'legal-entity',
        proceedingsStartedOn: d('2021-01-05'),
        rulingOn: d('2021-01-25'),
        servedOn: d('2021-01-25'),
        penalty: { mci: 100, amount: money(29_170_000n, currency('KZT')), suspensionMonths: null },
        priorPenalties: [],
      },
      { asOf: d('2021-02-01') },
    );
    if (!r.ok) throw new Error(r.error.message);
    const unverified = r.value.findings.filter((f) => !f.verified && f.citation !== null);
    expect(unverified.length).toBeGreaterThan(0);
    for (const lang of ['ru', 'kk'] as const) {
      const view = claimCheckView(r.value, lang, localCitationsOf('kz'), unverifiedNotesOf('kz'));
      const noted = view.findings.filter((f) => 'unverifiedNote' in f);
      expect(noted.length).toBeGreaterThan(0);
      for (const f of noted) {
        expect(f.verified).toBe(false);
        expect(f.unverifiedNote).toMatch(lang === 'ru' ? /[а-яё]{4}/i : /[әіңғүұқөһ]/i);
        expect(f.unverifiedNote).not.toMatch(/\b(the|and|is|not)\b/);
      }
      expect(view.findings.filter((f) => f.verified).every((f) => !('unverifiedNote' in f))).toBe(true);
    }
    // Without a language (the case check's JSON as scripts read it) nothing is added.
    const bare = r.value.findings.map((f) => findingView(f, undefined, undefined, unverifiedNotesOf('kz')));
    expect(bare.some((f) => 'unverifiedNote' in f)).toBe(false);
  });
});
