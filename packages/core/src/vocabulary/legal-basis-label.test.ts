import { describe, expect, it } from 'vitest';
import { localLegalBasis, waveCategoryLabel } from './legal-basis-label.ts';

describe('a legal basis in the language\u2019s citation style', () => {
  it.each([
    ['CoAO 460-1', 'ru', 'ст. 460-1 КоАП РК'],
    ['ст. 460-1 ч. 2 КоАП РК', 'ru', 'ст. 460-1 КоАП РК'],
    ['CoAO Art. 460-1(2)', 'kk', 'ӘҚБтК 460-1-бабы'],
    ['ӘҚБтК 460-1-бабы 2-бөлігі', 'kk', 'ӘҚБтК 460-1-бабы'],
    ['Art. 460-1(2) CoAO', 'en', 'CoAO 460-1'],
    ['УК 174', 'ru', 'ст. 174 УК РК'],
    ['CC 174', 'kk', 'ҚК 174-бабы'],
    ['460-1', 'ru', '460-1'],
    ['Закон об НКО', 'kk', 'Закон об НКО'],
  ] as const)('%s in %s is %s', (text, locale, shown) => {
    expect(localLegalBasis(text, locale)).toBe(shown);
  });

  it('is null for an empty basis', () => {
    expect(localLegalBasis('  ', 'ru')).toBeNull();
    expect(localLegalBasis(null, 'kk')).toBeNull();
  });

  it('labels a wave\u2019s category: action, family and basis', () => {
    expect(waveCategoryLabel('notice', 'ru')).toBe('уведомление');
    expect(waveCategoryLabel('any inspection action · CoAO 460-1', 'kk')).toBe(
      'тексерулер · ӘҚБтК 460-1-бабы',
    );
    expect(waveCategoryLabel('any action · CoAO 460-1', 'ru')).toBe('любые действия · ст. 460-1 КоАП РК');
    expect(waveCategoryLabel('fine · CoAO 460-1', 'en')).toBe('fine · CoAO 460-1');
  });
});
