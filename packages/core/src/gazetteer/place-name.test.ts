import { describe, expect, it } from 'vitest';
import { findPlace } from './find-place.ts';
import { localPlaceName, placeName } from './place-name.ts';

describe('place names in the user’s language', () => {
  it.each([
    ['Ust-Kamenogorsk', 'kk', 'Өскемен'],
    ['Oskemen', 'ru', 'Усть-Каменогорск'],
    ['Өскемен', 'en', 'Ust-Kamenogorsk'],
    ['Uralsk', 'kk', 'Орал'],
    ['Oral', 'ru', 'Уральск'],
    ['Almaty', 'kk', 'Алматы'],
  ] as const)('%s in %s is %s', (name, locale, expected) => {
    expect(localPlaceName(name, locale)).toBe(expected);
  });

  it('gives the capital the name it had on the day', () => {
    const capital = findPlace('Astana');
    expect(capital).not.toBeNull();
    if (!capital) return;
    expect(placeName(capital, 'ru', '2020-11-16')).toBe('Нур-Султан');
    expect(placeName(capital, 'kk', '2020-11-16')).toBe('Нұр-Сұлтан');
    expect(placeName(capital, 'en', '2020-11-16')).toBe('Nur-Sultan');
    expect(placeName(capital, 'ru', '2019-03-22')).toBe('Астана');
    expect(placeName(capital, 'kk', '2022-09-17')).toBe('Астана');
    expect(localPlaceName('Nur-Sultan', 'ru', '2023-01-10')).toBe('Астана');
    expect(localPlaceName('Нур-Султан', 'en')).toBe('Astana');
  });

  it('keeps a name the gazetteer does not know as entered', () => {
    expect(localPlaceName('Village of Nowhere', 'ru')).toBe('Village of Nowhere');
  });
});
