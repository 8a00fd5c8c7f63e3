import { CITY_ROWS, COUNTRY_ROW } from './cities.data.ts';
import { normalisePlaceName } from './normalise-place-name.ts';
import { REGION_ROWS, REPUBLICAN_CITY_IDS } from './regions.data.ts';

export type PlaceKind = 'country' | 'region' | 'city';

/** A place of the bundled gazetteer of Kazakhstan. */
export interface Place {
  readonly id: string;
  readonly kind: PlaceKind;
  /** The English name, as used in exports (ACLED `location`). */
  readonly name: string;
  readonly nameKk: string;
  readonly nameRu: string;
  /** Old names and other spellings that also find this place. */
  readonly aliases: readonly string[];
  readonly latitude: number;
  readonly longitude: number;
  /** ISO 3166-1 alpha-2. */
  readonly country: 'KZ';
  /** The admin1 unit (English name): a region, or the city itself for a city of republican significance; null for the country. */
  readonly region: string | null;
  readonly regionId: string | null;
  /** For a city: whether it is a city of republican significance or a region's administrative centre. */
  readonly status: 'republican-city' | 'regional-centre' | 'town' | 'region' | 'country';
}

function buildPlaces(): Place[] {
  const regionById = new Map(REGION_ROWS.map((r) => [r[0], r] as const));
  const cityById = new Map(CITY_ROWS.map((c) => [c[0], c] as const));
  const centres = new Set(REGION_ROWS.map((r) => r[4]));
  const places: Place[] = [];
  for (const [id, en, kk, ru, lat, lon, regionId, aliases] of CITY_ROWS) {
    const republican = REPUBLICAN_CITY_IDS.includes(id);
    const region = republican ? en : regionById.get(regionId)?.[1];
    if (region === undefined) throw new Error(`gazetteer: ${id} names unknown region ${regionId}`);
    const status = republican ? 'republican-city' : centres.has(id) ? 'regional-centre' : 'town';
    places.push({
      id,
      kind: 'city',
      name: en,
      nameKk: kk,
      nameRu: ru,
      aliases,
      latitude: lat,
      longitude: lon,
      country: 'KZ',
      region,
      regionId,
      status,
    });
  }
  for (const [id, en, kk, ru, centreId, aliases] of REGION_ROWS) {
    const centre = cityById.get(centreId);
    if (centre === undefined) throw new Error(`gazetteer: region ${id} has unknown centre ${centreId}`);
    places.push({
      id,
      kind: 'region',
      name: en,
      nameKk: kk,
      nameRu: ru,
      aliases,
      latitude: centre[4],
      longitude: centre[5],
      country: 'KZ',
      region: en,
      regionId: id,
      status: 'region',
    });
  }
  const c = COUNTRY_ROW;
  places.push({
    id: c.id,
    kind: 'country',
    name: c.en,
    nameKk: c.kk,
    nameRu: c.ru,
    aliases: c.aliases,
    latitude: c.lat,
    longitude: c.lon,
    country: 'KZ',
    region: null,
    regionId: null,
    status: 'country',
  });
  return places;
}

interface Gazetteer {
  readonly places: readonly Place[];
  readonly byKey: ReadonlyMap<string, Place>;
  readonly byId: ReadonlyMap<string, Place>;
  /** Keys claimed by two different places: a bug in the data (a test keeps this empty). */
  readonly collisions: readonly string[];
}

let cached: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  if (cached) return cached;
  const places = buildPlaces();
  const byKey = new Map<string, Place>();
  const collisions: string[] = [];
  for (const place of places) {
    for (const name of [place.name, place.nameKk, place.nameRu, ...place.aliases]) {
      const key = normalisePlaceName(name);
      if (key === '') continue;
      const held = byKey.get(key);
      if (held && held.id !== place.id) collisions.push(`${key}: ${held.id} / ${place.id}`);
      else byKey.set(key, place);
    }
  }
  cached = { places, byKey, byId: new Map(places.map((p) => [p.id, p] as const)), collisions };
  return cached;
}

const SPECIFICITY: Readonly<Record<PlaceKind, number>> = { city: 3, region: 2, country: 1 };

/**
 * The place a name denotes, or null when the gazetteer does not know it — never a guess.
 * Case-, diacritics- and punctuation-insensitive in Cyrillic and Latin; old names and other
 * spellings count ("Nur-Sultan", "Целиноград", "Oral", "Өскемен", "Alma-Ata", "Kapchagay").
 * A name with commas ("Almaly district, Almaty", "Oral, West Kazakhstan") that is not known as a
 * whole resolves to the most specific part that is known; if two different places tie, null.
 */
export function findPlace(name: string): Place | null {
  const g = gazetteer();
  const whole = g.byKey.get(normalisePlaceName(name));
  if (whole) return whole;
  const parts = name
    .split(/[,;/()]/)
    .map((p) => g.byKey.get(normalisePlaceName(p)))
    .filter((p): p is Place => p !== undefined);
  if (parts.length === 0) return null;
  const best = Math.max(...parts.map((p) => SPECIFICITY[p.kind]));
  const candidates = new Set(parts.filter((p) => SPECIFICITY[p.kind] === best).map((p) => p.id));
  if (candidates.size !== 1) return null;
  return parts.find((p) => SPECIFICITY[p.kind] === best) ?? null;
}

/** Whether the whole name (not a comma-separated part of it) is a name of a place in the gazetteer. */
export function isGazetteerName(name: string): boolean {
  return gazetteer().byKey.has(normalisePlaceName(name));
}

/** A place by its gazetteer id ("astana", "east-kazakhstan"), or null. */
export function placeById(id: string): Place | null {
  return gazetteer().byId.get(id) ?? null;
}

/** Every place of the gazetteer: cities and towns, then the regions, then the country. */
export function listPlaces(): readonly Place[] {
  return gazetteer().places;
}

/** Names claimed by two places (should be empty; checked by a test). */
export function gazetteerCollisions(): readonly string[] {
  return gazetteer().collisions;
}

/**
 * Up to `limit` known names that look like `name` (by edit distance of the lookup keys), for a
 * "did you mean" hint in an error message. A hint only: nothing is ever resolved through it.
 */
export function suggestPlaces(name: string, limit = 3): readonly string[] {
  const key = normalisePlaceName(name);
  if (key === '') return [];
  const scored: { name: string; distance: number }[] = [];
  for (const place of gazetteer().places) {
    const distance = Math.min(
      ...[place.name, place.nameRu, place.nameKk, ...place.aliases].map((n) =>
        editDistance(key, normalisePlaceName(n)),
      ),
    );
    if (distance <= Math.max(2, Math.floor(key.length / 4))) scored.push({ name: place.name, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
