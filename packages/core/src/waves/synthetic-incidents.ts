import { addDays, type CalendarDate } from '../calendar-date.ts';
import type { ActionType, Incident } from '../incident.ts';
import type { RandomSource } from '../random.ts';

/**
 * Generated incidents with a known truth, for detection tests, the power table in docs/waves.md
 * and the benchmark: scattered background actions over years, and injected waves of known size,
 * length and breadth. Never used for real data.
 */

/** Twenty cities of Kazakhstan with approximate coordinates (regional centres and cities of republican significance). */
export const SYNTHETIC_PLACES: readonly {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}[] = [
  { name: 'Almaty', lat: 43.238, lon: 76.889 },
  { name: 'Astana', lat: 51.169, lon: 71.449 },
  { name: 'Shymkent', lat: 42.317, lon: 69.596 },
  { name: 'Karaganda', lat: 49.806, lon: 73.085 },
  { name: 'Aktobe', lat: 50.283, lon: 57.167 },
  { name: 'Taraz', lat: 42.9, lon: 71.367 },
  { name: 'Pavlodar', lat: 52.287, lon: 76.967 },
  { name: 'Oskemen', lat: 49.948, lon: 82.628 },
  { name: 'Semey', lat: 50.411, lon: 80.227 },
  { name: 'Oral', lat: 51.233, lon: 51.367 },
  { name: 'Atyrau', lat: 47.117, lon: 51.883 },
  { name: 'Kostanay', lat: 53.214, lon: 63.624 },
  { name: 'Kyzylorda', lat: 44.853, lon: 65.509 },
  { name: 'Aktau', lat: 43.65, lon: 51.2 },
  { name: 'Petropavl', lat: 54.867, lon: 69.15 },
  { name: 'Kokshetau', lat: 53.283, lon: 69.383 },
  { name: 'Taldykorgan', lat: 45.017, lon: 78.383 },
  { name: 'Turkistan', lat: 43.3, lon: 68.25 },
  { name: 'Zhezkazgan', lat: 47.783, lon: 67.767 },
  { name: 'Konaev', lat: 43.867, lon: 77.067 },
];

/** The background's mix of actions (repeats weight the draw). */
export const SYNTHETIC_ACTIONS: readonly ActionType[] = [
  'notice',
  'notice',
  'summons',
  'inspection',
  'inspection',
  'protocol',
  'fine',
  'fine',
  'suspension',
  'warning',
  'court-decision',
  'withdrawal',
  'search',
  'detention',
  'registration-denied',
  'account-freeze',
];

/** The background's mix of legal bases; null is an incident recorded without one. */
export const SYNTHETIC_BASES: readonly (string | null)[] = [
  'CoAO 460-1 part 1',
  'CoAO 460-1 part 2',
  'CoAO 489 part 1',
  'CoAO 489 part 10',
  'CoAO 488',
  'CoAO 453',
  'CoAO 434',
  'CC 174',
  'CC 403',
  'CC 405',
  'Tax Code 29',
  null,
];

function pick<T>(random: RandomSource, values: readonly T[]): T {
  const v = values[random.int(values.length)];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}

function incident(
  fields: Pick<Incident, 'id' | 'date' | 'organisation' | 'action' | 'legalBasis'> & {
    place: (typeof SYNTHETIC_PLACES)[number];
  },
): Incident {
  return {
    id: fields.id,
    date: fields.date,
    dateTo: fields.date,
    organisation: fields.organisation,
    organisationId: null,
    place: fields.place.name,
    latitude: fields.place.lat,
    longitude: fields.place.lon,
    country: 'KZ',
    region: null,
    authority: 'State Revenue Committee',
    office: null,
    action: fields.action,
    legalBasis: fields.legalBasis,
    penaltyMci: null,
    suspensionMonths: null,
    outcome: null,
    sources: [],
    notes: null,
    visibility: 'public',
  };
}

export interface SyntheticBackgroundOptions {
  readonly random: RandomSource;
  readonly from: CalendarDate;
  /** Length of the period in days; dates are uniform over it. */
  readonly days: number;
  readonly count: number;
  /** Size of the pool of organisations, each with a home city (default 80). */
  readonly organisations?: number;
  readonly actions?: readonly ActionType[];
  readonly legalBases?: readonly (string | null)[];
  readonly idPrefix?: string;
}

/** Scattered actions: uniform dates, organisations from a pool, each acted on in its home city. */
export function syntheticBackground(o: SyntheticBackgroundOptions): Incident[] {
  const pool = Array.from({ length: o.organisations ?? 80 }, (_, i) => ({
    name: `Organisation ${String(i + 1).padStart(3, '0')}`,
    place: pick(o.random, SYNTHETIC_PLACES),
  }));
  const out: Incident[] = [];
  for (let i = 0; i < o.count; i++) {
    const org = pick(o.random, pool);
    out.push(
      incident({
        id: `${o.idPrefix ?? 'bg'}-${i + 1}`,
        date: addDays(o.from, o.random.int(o.days)),
        organisation: org.name,
        place: org.place,
        action: pick(o.random, o.actions ?? SYNTHETIC_ACTIONS),
        legalBasis: pick(o.random, o.legalBases ?? SYNTHETIC_BASES),
      }),
    );
  }
  return out;
}

export interface SyntheticWaveOptions {
  readonly random: RandomSource;
  readonly from: CalendarDate;
  /** The wave's length in days; dates are uniform within it. */
  readonly days: number;
  readonly count: number;
  /** Distinct places, taken in turn (default 5). */
  readonly places?: number;
  readonly action?: ActionType;
  /** One basis, or several used in turn (different parts of one article, say). */
  readonly legalBasis?: string | readonly string[];
  readonly idPrefix?: string;
}

/** An injected wave: `count` actions, each against a different organisation, in `places` cities. */
export function syntheticWave(o: SyntheticWaveOptions): Incident[] {
  const start = o.random.int(SYNTHETIC_PLACES.length);
  const cities = Array.from(
    { length: Math.min(o.places ?? 5, SYNTHETIC_PLACES.length) },
    (_, i) => SYNTHETIC_PLACES[(start + i) % SYNTHETIC_PLACES.length],
  );
  const bases = typeof o.legalBasis === 'string' ? [o.legalBasis] : (o.legalBasis ?? ['CoAO 460-1 part 2']);
  return Array.from({ length: o.count }, (_, i) => {
    const place = cities[i % cities.length] ?? SYNTHETIC_PLACES[0];
    if (!place) throw new Error('no places');
    return incident({
      id: `${o.idPrefix ?? 'wave'}-${i + 1}`,
      // The first and last land on the wave's first and last day, so its true span is known.
      date: addDays(o.from, i === 0 ? 0 : i === o.count - 1 ? o.days - 1 : o.random.int(o.days)),
      organisation: `Wave organisation ${String(i + 1).padStart(2, '0')}`,
      place,
      action: o.action ?? 'notice',
      legalBasis: bases[i % bases.length] ?? null,
    });
  });
}
