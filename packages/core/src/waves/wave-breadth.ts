import type { Incident } from '../incident.ts';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two points (haversine on the mean Earth radius). */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface WaveBreadth {
  /** Distinct organisations, by name, sorted. */
  readonly organisations: string[];
  /** Distinct places, by name, sorted. */
  readonly places: string[];
  /** The largest great-circle distance between two of its places (km, one decimal); null when fewer than one place has coordinates. */
  readonly spreadKm: number | null;
}

/** Who and where a set of incidents touched: the breadth that marks coordination. */
export function computeBreadth(incidents: readonly Incident[]): WaveBreadth {
  const organisations = new Map<string, string>();
  const places = new Map<string, string>();
  const points = new Map<string, { lat: number; lon: number }>();
  for (const i of incidents) {
    const orgKey = i.organisationId ?? i.organisation.trim().toLowerCase();
    if (!organisations.has(orgKey)) organisations.set(orgKey, i.organisation.trim());
    const placeKey = i.place.trim().toLowerCase();
    if (placeKey !== '' && !places.has(placeKey)) places.set(placeKey, i.place.trim());
    if (i.latitude !== null && i.longitude !== null)
      points.set(`${i.latitude},${i.longitude}`, { lat: i.latitude, lon: i.longitude });
  }
  const pts = [...points.values()];
  let spread = pts.length > 0 ? 0 : null;
  for (let a = 0; a < pts.length; a++) {
    for (let b = a + 1; b < pts.length; b++) {
      const pa = pts[a];
      const pb = pts[b];
      if (pa && pb && spread !== null)
        spread = Math.max(spread, greatCircleKm(pa.lat, pa.lon, pb.lat, pb.lon));
    }
  }
  return {
    organisations: [...organisations.values()].sort(compareText),
    places: [...places.values()].sort(compareText),
    spreadKm: spread === null ? null : Math.round(spread * 10) / 10,
  };
}

/** Locale-free, deterministic text order (the same on every machine). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface CoordinationThresholds {
  readonly minOrganisations: number;
  readonly minPlaces: number;
}

export const DEFAULT_COORDINATION: CoordinationThresholds = { minOrganisations: 3, minPlaces: 2 };

/** A wave is called coordinated only when it reaches enough organisations in enough places. */
export function isCoordinated(
  breadth: WaveBreadth,
  t: CoordinationThresholds = DEFAULT_COORDINATION,
): boolean {
  return breadth.organisations.length >= t.minOrganisations && breadth.places.length >= t.minPlaces;
}
