import {
  domainError, err, findPlace, isGazetteerName, ok, parseActionType, parseCalendarDate, suggestPlaces, ACTION_TYPES,
  type CalendarDate, type DomainError, type IncidentInput, type IncidentSource, type Place, type Result, type Visibility,
} from '@civic/core';

/** The incident fields as text, by CSV column name (absent or empty = not given). */
export type IncidentFieldText = Partial<Record<IncidentColumn, string>>;

/** The CSV columns, in the order they are written. */
export const INCIDENT_CSV_COLUMNS = [
  'date', 'organisation', 'place', 'latitude', 'longitude', 'authority', 'action', 'legal_basis',
  'penalty_mci', 'suspension_months', 'outcome', 'source_url', 'notes',
] as const;
export type IncidentColumn = (typeof INCIDENT_CSV_COLUMNS)[number];

/** Columns that a header must name; the others may be left out (then empty). */
export const REQUIRED_INCIDENT_COLUMNS: readonly IncidentColumn[] = ['date', 'organisation', 'place', 'action'];

/** Where a row came from (file and line for a file; nothing for an API call). */
export interface Where {
  readonly file?: string;
  readonly line?: number;
}

export interface IncidentBuildOptions {
  readonly visibility: Visibility;
  readonly ownerOrganisationId?: string | null;
  /** Extra sources (JSON carries titles and dates; CSV only URLs). */
  readonly sources?: readonly IncidentSource[];
  readonly office?: string | null;
  readonly organisationId?: string | null;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Memo of gazetteer lookups by place text: the place (or null) and whether the whole text is one of its names. */
export type PlaceCache = Map<string, { readonly place: Place | null; readonly exact: boolean }>;

/**
 * Turns one row of text into an incident, or the first error naming file, line and field.
 * `placeCache` memoises gazetteer lookups (a large import repeats a few hundred places).
 */
export function buildIncident(
  text: IncidentFieldText, where: Where, options: IncidentBuildOptions, warnings: DomainError[],
  placeCache: PlaceCache,
): Result<IncidentInput> {
  const at = (field: IncidentColumn) => ({ ...(where.file === undefined ? {} : { file: where.file }), ...(where.line === undefined ? {} : { line: where.line }), field });
  const value = (field: IncidentColumn) => (text[field] ?? '').trim();

  const dates = parseDateOrRange(value('date'));
  if (!dates.ok) return err({ ...dates.error, ...at('date') });
  const organisation = value('organisation');
  if (organisation === '') return err(domainError('IMPORT_FIELD_REQUIRED', 'organisation is empty', at('organisation')));
  const placeText = value('place');
  if (placeText === '') return err(domainError('IMPORT_FIELD_REQUIRED', 'place is empty', at('place')));
  const actionText = value('action');
  if (actionText === '') return err(domainError('IMPORT_FIELD_REQUIRED', 'action is empty', at('action')));
  const action = parseActionType(actionText);
  if (action === null) {
    return err(domainError('IMPORT_ACTION_UNKNOWN', `action "${actionText}" is not in the vocabulary (${ACTION_TYPES.join(', ')})`, at('action')));
  }
  const lat = parseOptionalNumber(value('latitude'), -90, 90);
  if (!lat.ok) return err(domainError('IMPORT_COORDINATES_INVALID', `latitude "${value('latitude')}" ${lat.error}`, at('latitude')));
  const lon = parseOptionalNumber(value('longitude'), -180, 180);
  if (!lon.ok) return err(domainError('IMPORT_COORDINATES_INVALID', `longitude "${value('longitude')}" ${lon.error}`, at('longitude')));
  if ((lat.value === null) !== (lon.value === null)) {
    const missing = lat.value === null ? 'latitude' : 'longitude';
    return err(domainError('IMPORT_COORDINATES_INVALID', 'give both latitude and longitude, or neither', at(missing)));
  }
  const penalty = parseOptionalNumber(value('penalty_mci'), 0, Number.MAX_SAFE_INTEGER);
  if (!penalty.ok) return err(domainError('IMPORT_NUMBER_INVALID', `penalty_mci "${value('penalty_mci')}" ${penalty.error}`, at('penalty_mci')));
  const suspension = parseOptionalNumber(value('suspension_months'), 0, 1200);
  if (!suspension.ok) return err(domainError('IMPORT_NUMBER_INVALID', `suspension_months "${value('suspension_months')}" ${suspension.error}`, at('suspension_months')));
  const urls = value('source_url').split(/\s+/).filter((u) => u !== '');
  for (const url of urls) {
    if (!isWebUrl(url)) return err(domainError('IMPORT_URL_INVALID', `source_url "${url}" is not an http(s) URL`, at('source_url')));
  }

  let cached = placeCache.get(placeText);
  if (cached === undefined) {
    const found = findPlace(placeText);
    cached = { place: found, exact: found !== null && isGazetteerName(placeText) };
    placeCache.set(placeText, cached);
  }
  const { place, exact } = cached;
  if (place === null && lat.value === null) {
    const hint = suggestPlaces(placeText);
    const didYouMean = hint.length > 0 ? ` (did you mean ${hint.join(', ')}?)` : '';
    return err(domainError('IMPORT_PLACE_UNKNOWN', `place "${placeText}" is not in the gazetteer and the row has no latitude/longitude${didYouMean}`, at('place')));
  }
  if (place === null) {
    warnings.push(domainError('IMPORT_PLACE_NOT_IN_GAZETTEER', `place "${placeText}" is not in the gazetteer; the row's coordinates are used`, at('place')));
  }
  const sources: IncidentSource[] = [...(options.sources ?? [])];
  for (const url of urls) if (!sources.some((s) => s.url === url)) sources.push({ url });

  return ok({
    date: dates.value.from,
    dateTo: dates.value.to,
    organisation,
    organisationId: options.organisationId ?? null,
    // A known name is stored under the gazetteer's English name, so "Nur-Sultan" and "Astana" are one place.
    place: place !== null && exact ? place.name : placeText,
    latitude: lat.value ?? place?.latitude ?? null,
    longitude: lon.value ?? place?.longitude ?? null,
    country: 'KZ',
    region: place?.region ?? null,
    authority: orNull(value('authority')),
    office: options.office ?? null,
    action,
    legalBasis: orNull(value('legal_basis')),
    penaltyMci: penalty.value,
    suspensionMonths: suspension.value,
    outcome: orNull(value('outcome')),
    sources,
    notes: orNull(value('notes')),
    visibility: options.visibility,
    ownerOrganisationId: options.ownerOrganisationId ?? null,
  });
}

const orNull = (s: string): string | null => (s === '' ? null : s);

/** `YYYY-MM-DD`, or a range `YYYY-MM-DD/YYYY-MM-DD` (first day, last day; last ≥ first). */
export function parseDateOrRange(text: string): Result<{ from: CalendarDate; to: CalendarDate }> {
  if (text === '') return err(domainError('IMPORT_FIELD_REQUIRED', 'date is empty', { field: 'date' }));
  const [first, second, ...rest] = text.split('/');
  if (rest.length > 0 || first === undefined) return err(domainError('IMPORT_DATE_INVALID', `date "${text}" is not YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD`, { field: 'date' }));
  const from = parseCalendarDate(first);
  if (!from.ok) return err(domainError('IMPORT_DATE_INVALID', `date "${text}" is not YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD`, { field: 'date' }));
  if (second === undefined) return ok({ from: from.value, to: from.value });
  const to = parseCalendarDate(second);
  if (!to.ok) return err(domainError('IMPORT_DATE_INVALID', `date "${text}": the end of the range is not YYYY-MM-DD`, { field: 'date' }));
  if (to.value < from.value) return err(domainError('IMPORT_DATE_INVALID', `date "${text}": the range ends before it starts`, { field: 'date' }));
  return ok({ from: from.value, to: to.value });
}

function parseOptionalNumber(text: string, min: number, max: number): { ok: true; value: number | null } | { ok: false; error: string } {
  if (text === '') return { ok: true, value: null };
  if (!DECIMAL.test(text)) return { ok: false, error: 'is not a number (digits with an optional decimal point)' };
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) return { ok: false, error: `is outside ${min}..${max}` };
  return { ok: true, value: n };
}

/** An absolute http(s) URL with a host (a pattern, not a full parse: cheap at a million rows). */
function isWebUrl(text: string): boolean {
  return /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(text);
}
