import { findPlace, listPlaces, suggestPlaces, type Place } from './find-place.ts';
import { normalisePlaceName } from './normalise-place-name.ts';

/** Order of kinds among equally good matches: towns before regions before the country. */
const KIND_ORDER: Readonly<Record<Place['kind'], number>> = { city: 0, region: 1, country: 2 };

/**
 * Places of the gazetteer for a name being typed (a form's suggestions as the user types): the
 * place named exactly first, then those with a name starting with the text, then those with a name
 * containing it, in any language or old spelling ("Урал" → Uralsk, "Oral" → Uralsk, "Алмат" → Almaty
 * and its region). When nothing matches so, the close spellings of `suggestPlaces`. Never resolves
 * anything by itself: the person picks.
 */
export function completePlaces(text: string, limit = 10): readonly Place[] {
  const key = normalisePlaceName(text);
  if (key === '') return [];
  const scored: { place: Place; rank: number }[] = [];
  for (const place of listPlaces()) {
    let rank = Infinity;
    for (const name of [place.name, place.nameRu, place.nameKk, ...place.aliases]) {
      const k = normalisePlaceName(name);
      const r = k === key ? 0 : k.startsWith(key) ? 1 : k.includes(key) ? 2 : Infinity;
      rank = Math.min(rank, r);
    }
    if (rank !== Infinity) scored.push({ place, rank });
  }
  if (scored.length === 0)
    return suggestPlaces(text, limit).flatMap((name) => {
      const place = findPlace(name);
      return place ? [place] : [];
    });
  return scored
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        KIND_ORDER[a.place.kind] - KIND_ORDER[b.place.kind] ||
        a.place.name.localeCompare(b.place.name),
    )
    .slice(0, limit)
    .map((s) => s.place);
}
