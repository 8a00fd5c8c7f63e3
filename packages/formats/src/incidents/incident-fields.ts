import {
  addYears,
  quoteValue,
  domainError,
  err,
  findPlace,
  isGazetteerName,
  ok,
  parseActionType,
  parseCalendarDate,
  suggestPlaces,
  ACTION_TYPES,
  type CalendarDate,
  type DomainError,
  type IncidentInput,
  type IncidentSource,
  type Place,
  type Result,
  type Visibility,
} from '@civic/core';

/** The incident fields as text, by CSV column name (absent or empty = not given). */
export type IncidentFieldText = Partial<Record<IncidentColumn, string>>;

/** The CSV columns, in the order they are written. */
export const INCIDENT_CSV_COLUMNS = [
  'date',
  'organisation',
  'place',
  'latitude',
  'longitude',
  'authority',
  'action',
  'legal_basis',
  'penalty_mci',
  'suspension_months',
  'outcome',
  'source_url',
  'notes',
] as const;
export type IncidentColumn = (typeof INCIDENT_CSV_COLUMNS)[number];

/** Columns that a header must name; the others may be left out (then empty). */
export const REQUIRED_INCIDENT_COLUMNS: readonly IncidentColumn[] = [
  'date',
  'organisation',
  'place',
  'action',
];

/** Where a row came from (file and line for a file; nothing for an API call). */
export interface Where {
  readonly file?: string;
  readonly line?: number;
}

export interface IncidentBuildOptions {
  readonly visibility: Visibility;
  /**
   * The last day an incident may be dated: a year after the caller's today (`latestIncidentDate`).
   * The caller reads its clock; formats never does. Left out, no limit.
   */
  readonly latestDate?: CalendarDate | null;
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
  text: IncidentFieldText,
  where: Where,
  options: IncidentBuildOptions,
  warnings: DomainError[],
  placeCache: PlaceCache,
): Result<IncidentInput> {
  // Runs once per row of a million-row import: no closures or throwaway objects on the good path.
  const dateText = field(text.date);
  const dates = parseDateOrRange(dateText);
  if (!dates.ok) return err({ ...dates.error, ...at(where, 'date') });
  if (options.latestDate && dates.value.to > options.latestDate)
    return err(
      domainError(
        'IMPORT_DATE_INVALID',
        `date "${quoteValue(dateText)}" is more than a year in the future (after ${options.latestDate})`,
        at(where, 'date'),
      ),
    );
  const organisation = field(text.organisation);
  if (organisation === '')
    return err(domainError('IMPORT_FIELD_REQUIRED', 'organisation is empty', at(where, 'organisation')));
  const placeText = field(text.place);
  if (placeText === '')
    return err(domainError('IMPORT_FIELD_REQUIRED', 'place is empty', at(where, 'place')));
  const actionText = field(text.action);
  if (actionText === '')
    return err(domainError('IMPORT_FIELD_REQUIRED', 'action is empty', at(where, 'action')));
  const action = parseActionType(actionText);
  if (action === null) {
    return err(
      domainError(
        'IMPORT_ACTION_UNKNOWN',
        `action "${actionText}" is not in the vocabulary (${ACTION_TYPES.join(', ')})`,
        at(where, 'action'),
      ),
    );
  }
  const latText = field(text.latitude);
  const lat = parseOptionalNumber(latText, -90, 90);
  if (lat === undefined)
    return err(
      domainError(
        'IMPORT_COORDINATES_INVALID',
        `latitude "${latText}" ${numberProblem(latText, -90, 90)}`,
        at(where, 'latitude'),
      ),
    );
  const lonText = field(text.longitude);
  const lon = parseOptionalNumber(lonText, -180, 180);
  if (lon === undefined)
    return err(
      domainError(
        'IMPORT_COORDINATES_INVALID',
        `longitude "${lonText}" ${numberProblem(lonText, -180, 180)}`,
        at(where, 'longitude'),
      ),
    );
  if ((lat === null) !== (lon === null)) {
    return err(
      domainError(
        'IMPORT_COORDINATES_INVALID',
        'give both latitude and longitude, or neither',
        at(where, lat === null ? 'latitude' : 'longitude'),
      ),
    );
  }
  const penaltyText = field(text.penalty_mci);
  const penalty = parseOptionalNumber(penaltyText, 0, Number.MAX_SAFE_INTEGER);
  if (penalty === undefined)
    return err(
      domainError(
        'IMPORT_NUMBER_INVALID',
        `penalty_mci "${penaltyText}" ${numberProblem(penaltyText, 0, Number.MAX_SAFE_INTEGER)}`,
        at(where, 'penalty_mci'),
      ),
    );
  const suspensionText = field(text.suspension_months);
  const suspension = parseOptionalNumber(suspensionText, 0, 1200);
  if (suspension === undefined)
    return err(
      domainError(
        'IMPORT_NUMBER_INVALID',
        `suspension_months "${suspensionText}" ${numberProblem(suspensionText, 0, 1200)}`,
        at(where, 'suspension_months'),
      ),
    );
  const urlText = field(text.source_url);
  const sources: IncidentSource[] = options.sources === undefined ? [] : [...options.sources];
  if (urlText !== '') {
    for (const url of /\s/.test(urlText) ? urlText.split(/\s+/) : [urlText]) {
      if (url === '') continue;
      if (!isWebUrl(url))
        return err(
          domainError(
            'IMPORT_URL_INVALID',
            `source_url "${url}" is not an http(s) URL`,
            at(where, 'source_url'),
          ),
        );
      if (sources.length === 0 || !sources.some((s) => s.url === url)) sources.push({ url });
    }
  }

  let cached = placeCache.get(placeText);
  if (cached === undefined) {
    const found = findPlace(placeText);
    cached = { place: found, exact: found !== null && isGazetteerName(placeText) };
    placeCache.set(placeText, cached);
  }
  const { place, exact } = cached;
  if (place === null && lat === null) {
    const hint = suggestPlaces(placeText);
    const didYouMean = hint.length > 0 ? ` (did you mean ${hint.join(', ')}?)` : '';
    return err(
      domainError(
        'IMPORT_PLACE_UNKNOWN',
        `place "${placeText}" is not in the gazetteer and the row has no latitude/longitude${didYouMean}`,
        at(where, 'place'),
      ),
    );
  }
  if (place === null) {
    warnings.push(
      domainError(
        'IMPORT_PLACE_NOT_IN_GAZETTEER',
        `place "${placeText}" is not in the gazetteer; the row's coordinates are used`,
        at(where, 'place'),
      ),
    );
  }

  return ok({
    date: dates.value.from,
    dateTo: dates.value.to,
    organisation,
    organisationId: options.organisationId ?? null,
    // A known name is stored under the gazetteer's English name, so "Nur-Sultan" and "Astana" are one place.
    place: place !== null && exact ? place.name : placeText,
    latitude: lat ?? place?.latitude ?? null,
    longitude: lon ?? place?.longitude ?? null,
    country: 'KZ',
    region: place?.region ?? null,
    authority: orNull(field(text.authority)),
    office: options.office ?? null,
    action,
    legalBasis: orNull(field(text.legal_basis)),
    penaltyMci: penalty,
    suspensionMonths: suspension,
    outcome: orNull(field(text.outcome)),
    sources,
    notes: orNull(field(text.notes)),
    visibility: options.visibility,
    ownerOrganisationId: options.ownerOrganisationId ?? null,
  });
}

function field(value: string | undefined): string {
  return value === undefined ? '' : value.trim();
}

function at(where: Where, field: IncidentColumn): { file?: string; line?: number; field: string } {
  return {
    ...(where.file === undefined ? {} : { file: where.file }),
    ...(where.line === undefined ? {} : { line: where.line }),
    field,
  };
}

const orNull = (s: string): string | null => (s === '' ? null : s);

/** `YYYY-MM-DD`, or a range `YYYY-MM-DD/YYYY-MM-DD` (first day, last day; last ≥ first). */
export function parseDateOrRange(text: string): Result<{ from: CalendarDate; to: CalendarDate }> {
  if (text === '') return err(domainError('IMPORT_FIELD_REQUIRED', 'date is empty', { field: 'date' }));
  if (text.length === 10) {
    const day = parseCalendarDate(text);
    if (day.ok) return ok({ from: day.value, to: day.value });
  }
  const [first, second, ...rest] = text.split('/');
  if (rest.length > 0 || first === undefined)
    return err(
      domainError('IMPORT_DATE_INVALID', `date "${text}" is not YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD`, {
        field: 'date',
      }),
    );
  const from = parseCalendarDate(first);
  if (!from.ok)
    return err(
      domainError('IMPORT_DATE_INVALID', `date "${text}" is not YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD`, {
        field: 'date',
      }),
    );
  if (second === undefined) return ok({ from: from.value, to: from.value });
  const to = parseCalendarDate(second);
  if (!to.ok)
    return err(
      domainError('IMPORT_DATE_INVALID', `date "${text}": the end of the range is not YYYY-MM-DD`, {
        field: 'date',
      }),
    );
  if (to.value < from.value)
    return err(
      domainError('IMPORT_DATE_INVALID', `date "${text}": the range ends before it starts`, {
        field: 'date',
      }),
    );
  return ok({ from: from.value, to: to.value });
}

/** The number in `text`; null when empty; undefined when not a number in [min, max]. */
function parseOptionalNumber(text: string, min: number, max: number): number | null | undefined {
  if (text === '') return null;
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

function numberProblem(text: string, min: number, max: number): string {
  return DECIMAL.test(text)
    ? `is outside ${min}..${max}`
    : 'is not a number (digits with an optional decimal point)';
}

/** An absolute http(s) URL with a host (a pattern, not a full parse: cheap at a million rows). */
function isWebUrl(text: string): boolean {
  return /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(text);
}

/** A year after `today`: incidents dated later are refused as typing mistakes (`2201` for `2021`). */
export function latestIncidentDate(today: CalendarDate): CalendarDate {
  return addYears(today, 1);
}
