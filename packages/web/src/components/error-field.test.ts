import { describe, expect, it } from 'vitest';
import { untranslatedWords } from '../../../../e2e/support/latin-words.ts';
import { en } from '../i18n/en.ts';
import { errorFieldLabel, errorFieldText } from './error-field.ts';

// Real parts: the web app's own catalogues (en/ru/kk) and the e2e allow-list of Latin words.
describe('the error box names a field by its label in the language, never by its code', () => {
  it('a bank statement column and a record form field read in Russian and Kazakh', () => {
    expect(errorFieldText('ru', 'counterpartyAccount')).toBe('поле «Счёт контрагента»');
    expect(errorFieldText('kk', 'counterpartyAccount')).toBe('«Контрагенттің шоты» өрісі');
    expect(errorFieldText('ru', 'amount')).toBe('поле «Сумма»');
    expect(errorFieldText('kk', 'amount')).toBe('«Сома» өрісі');
    expect(errorFieldText('en', 'counterpartyAccount')).toBe("field “Counterparty's account”");
    // A record form's own labels are reused (lf.f.*): the grant of an expenditure.
    expect(errorFieldLabel('ru', 'grantId')).toBe('Грант');
  });

  it('a path names its last part: budgetLines[0].amount is the amount, penalty.amount too', () => {
    expect(errorFieldLabel('ru', 'budgetLines[0].amount')).toBe('Сумма');
    expect(errorFieldLabel('kk', 'penalty.amount')).toBe('Сома');
    expect(errorFieldLabel('ru', 'rows[3]')).toBe('поле формы');
  });

  it("a form's own label wins; an unknown field reads the generic wording, never the code", () => {
    const own = (f: string) => (f === 'penaltyMci' ? 'Штраф, МРП' : undefined);
    expect(errorFieldText('ru', 'penaltyMci', own)).toBe('поле «Штраф, МРП»');
    expect(errorFieldText('ru', 'someNewField')).toBe('поле формы');
    expect(errorFieldText('kk', 'someNewField')).toBe('форма өрісі');
    expect(errorFieldText('en', 'someNewField')).toBe('a field of the form');
  });

  it('every field label in ru and kk is free of English words', () => {
    const fields = Object.keys(en)
      .filter((k) => k.startsWith('field.'))
      .map((k) => k.slice('field.'.length));
    expect(fields.length).toBeGreaterThan(30);
    for (const lang of ['ru', 'kk'] as const)
      for (const f of fields) {
        const text = errorFieldText(lang, f);
        expect([f, untranslatedWords(text)]).toEqual([f, []]);
        expect(text).not.toContain(f);
      }
    // The English wording has Latin words the allow-list refuses: the check can fail.
    expect(untranslatedWords(errorFieldText('en', 'counterpartyAccount')).length).toBeGreaterThan(0);
  });
});
