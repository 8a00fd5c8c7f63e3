import {
  formatNumber,
  labelOf,
  localPlaceName,
  placeName,
  type Locale,
  type Place,
  type Vocabulary,
} from '@civic/core';
import { phrase } from './phrase.ts';

/** What a gazetteer place is. */
export const PLACE_STATUS_LABELS: Vocabulary<Place['status']> = {
  'republican-city': {
    en: 'city of republican significance',
    ru: 'город республиканского значения',
    kk: 'республикалық маңызы бар қала',
  },
  'regional-centre': { en: 'regional centre', ru: 'областной центр', kk: 'облыс орталығы' },
  town: { en: 'town', ru: 'город', kk: 'қала' },
  region: { en: 'region', ru: 'область', kk: 'облыс' },
  country: { en: 'country', ru: 'страна', kk: 'ел' },
};

const WORDS = {
  place: {
    en: '{name:text} ({others:text}), {kind:text}, {region:text}: {lat:text}, {lon:text}',
    ru: '{name:text} ({others:text}латиницей {latin:text}), {kind:text}{region:text}: {lat:text}° с. ш., {lon:text}° в. д.',
    kk: '{name:text} ({others:text}латынша {latin:text}), {kind:text}{region:text}: {lat:text}° с. е., {lon:text}° ш. б.',
  },
} as const;

const coordinate = (lang: Locale, n: number): string =>
  lang === 'en' ? String(n) : formatNumber(lang, n, { maximumFractionDigits: 4 });

/**
 * `civic places find`: the place in the language, its other names, what it is, its region and
 * where it lies. English keeps the line it always printed («… (Өскемен / Усть-Каменогорск), city, …»);
 * Russian and Kazakh name the place, the region and the kind in the language, the English name
 * (the one exports use) after «латиницей» / «латынша».
 */
export function placeLine(place: Place, lang: Locale): string {
  if (lang === 'en')
    return `${phrase(WORDS.place, lang, {
      name: place.name,
      others: `${place.nameKk} / ${place.nameRu}`,
      kind: place.kind,
      region: place.region ?? 'Kazakhstan',
      lat: coordinate(lang, place.latitude),
      lon: coordinate(lang, place.longitude),
    })}\n`;
  const other: Locale = lang === 'ru' ? 'kk' : 'ru';
  const name = placeName(place, lang);
  const otherName = placeName(place, other);
  // A city of republican significance is its own region; the country has none.
  const region = place.region === null ? '' : localPlaceName(place.region, lang);
  return `${phrase(WORDS.place, lang, {
    name,
    others: otherName === name ? '' : `${otherName}; `,
    latin: place.name,
    kind: labelOf(PLACE_STATUS_LABELS, place.status, lang),
    region: region === '' || region === name ? '' : `, ${region}`,
    lat: coordinate(lang, place.latitude),
    lon: coordinate(lang, place.longitude),
  })}\n`;
}
