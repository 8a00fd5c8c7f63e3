import { describe, expect, it } from 'vitest';
import { LOCALES } from '../locale.ts';
import {
  AUTHORITY_TYPE_LABELS,
  AUTHORITY_TYPES,
  authorityTypeOf,
  OFFENDER_KIND_LABELS,
  OFFENDER_KINDS,
  offenderKindOf,
} from './party-vocabulary.ts';

describe('authority types', () => {
  it.each([
    // Names as Kazakh organisations write them (domain/glossary.md, the demo cases).
    ['Управление государственных доходов по Алмалинскому району', 'tax-authority'],
    ['ДГД по г. Алматы', 'tax-authority'],
    ['Алматы қаласы бойынша Мемлекеттік кірістер департаменті', 'tax-authority'],
    ['State Revenue Department for Nur-Sultan', 'tax-authority'],
    ['Прокуратура Алмалинского района', 'prosecutor'],
    ['Специализированный межрайонный административный суд г. Алматы', 'court'],
    ['Алматы қаласының мамандандырылған әкімшілік соты', 'court'],
    ['Департамент юстиции г. Алматы', 'justice-department'],
    ['Әділет департаменті', 'justice-department'],
    ['УВД Медеуского района', 'police'],
    ['Агентство по финансовому мониторингу', 'financial-monitoring'],
    ['Акимат г. Шымкент', 'local-executive'],
    ['органы юстиции', 'justice-department'],
    ['court', 'court'],
  ])('%s is %s', (name, code) => {
    expect(authorityTypeOf(name)).toBe(code);
  });

  it('recognises nothing in a name it cannot place, and nothing in no name', () => {
    expect(authorityTypeOf('Неизвестная комиссия')).toBeNull();
    expect(authorityTypeOf(null)).toBeNull();
  });

  it('labels every type in every language, and reads each label back', () => {
    for (const code of AUTHORITY_TYPES)
      for (const lang of LOCALES) {
        expect(AUTHORITY_TYPE_LABELS[code][lang].length).toBeGreaterThan(0);
        expect(authorityTypeOf(AUTHORITY_TYPE_LABELS[code][lang])).toBe(code);
      }
  });
});

describe('offender kinds', () => {
  it.each([
    ['legal-entity', 'legal-entity'],
    ['Юридическое лицо', 'legal-entity'],
    ['юрлицо', 'legal-entity'],
    ['Заңды тұлға', 'legal-entity'],
    ['Должностное лицо', 'official'],
    ['лауазымды адам', 'official'],
    ['физлицо', 'individual'],
    ['Жеке тұлға', 'individual'],
    ['субъект малого предпринимательства', 'small-business'],
  ])('%s is %s', (text, code) => {
    expect(offenderKindOf(text)).toBe(code);
  });

  it('maps no unknown kind, and reads every label back', () => {
    expect(offenderKindOf('компания')).toBeNull();
    for (const code of OFFENDER_KINDS)
      for (const lang of LOCALES) expect(offenderKindOf(OFFENDER_KIND_LABELS[code][lang])).toBe(code);
  });
});
