import type { Locale } from '../locale.ts';
import { findPlace, type Place } from './find-place.ts';

/**
 * Names a place had for a time, per language. The capital was Astana until 2019-03-22 and from
 * 2022-09-17, Nur-Sultan in between (domain/glossary.md, "Dates and numbers").
 */
const DATED_NAMES: Readonly<
  Record<string, readonly { from: string; to: string; names: Readonly<Record<Locale, string>> }[]>
> = {
  astana: [
    { from: '2019-03-23', to: '2022-09-16', names: { en: 'Nur-Sultan', ru: 'Нур-Султан', kk: 'Нұр-Сұлтан' } },
  ],
};

/**
 * A gazetteer place's name in the language (Өскемен / Усть-Каменогорск / Ust-Kamenogorsk); with a
 * date, the name it had on that day (Нур-Султан in November 2020).
 */
export function placeName(place: Place, locale: Locale, onDate?: string): string {
  if (onDate) {
    const dated = DATED_NAMES[place.id]?.find((d) => d.from <= onDate && onDate.slice(0, 10) <= d.to);
    if (dated) return dated.names[locale];
  }
  return locale === 'kk' ? place.nameKk : locale === 'ru' ? place.nameRu : place.name;
}

/**
 * A place name as entered (any language, old names too) in the language asked for, through the
 * gazetteer; a name the gazetteer does not know is free text and stays as entered.
 */
export function localPlaceName(text: string, locale: Locale, onDate?: string): string {
  const place = findPlace(text);
  return place ? placeName(place, locale, onDate) : text;
}
