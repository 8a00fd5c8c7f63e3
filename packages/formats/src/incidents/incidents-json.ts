import {
  domainError,
  err,
  isVisibility,
  ok,
  parseCalendarDate,
  type DomainError,
  type IncidentInput,
  type IncidentSource,
  type Result,
} from '@civic/core';
import {
  buildIncident,
  latestIncidentDate,
  type IncidentColumn,
  type IncidentFieldText,
  type PlaceCache,
} from './incident-fields.ts';
import { decodeUtf8, type IncidentParseOptions, type ParsedIncidents } from './parse-incidents-csv.ts';

/** The JSON name of each CSV column (errors in a JSON file name the JSON field). */
const JSON_FIELD: Readonly<Record<IncidentColumn, string>> = {
  date: 'date',
  organisation: 'organisation',
  place: 'place',
  latitude: 'latitude',
  longitude: 'longitude',
  authority: 'authority',
  action: 'action',
  legal_basis: 'legalBasis',
  penalty_mci: 'penaltyMci',
  suspension_months: 'suspensionMonths',
  outcome: 'outcome',
  source_url: 'sources',
  notes: 'notes',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An incident as written to JSON (docs/formats.md): the Incident fields without database ids. */
export function incidentToJson(incident: IncidentInput & { readonly id?: string }): Record<string, unknown> {
  return {
    ...(incident.id === undefined ? {} : { id: incident.id }),
    date: incident.date,
    dateTo: incident.dateTo,
    organisation: incident.organisation,
    place: incident.place,
    latitude: incident.latitude,
    longitude: incident.longitude,
    country: incident.country,
    region: incident.region,
    authority: incident.authority,
    office: incident.office,
    action: incident.action,
    legalBasis: incident.legalBasis,
    penaltyMci: incident.penaltyMci,
    suspensionMonths: incident.suspensionMonths,
    outcome: incident.outcome,
    sources: incident.sources,
    notes: incident.notes,
    visibility: incident.visibility,
  };
}

/** Incidents as a JSON array (UTF-8, two-space indentation). */
export function renderIncidentsJson(incidents: Iterable<IncidentInput & { readonly id?: string }>): string {
  return `${JSON.stringify([...incidents].map(incidentToJson), null, 2)}\n`;
}

/**
 * Reads a JSON array of incidents (or `{"incidents": [...]}`) with the fields of
 * renderIncidentsJson; `date` may be a range `from/to` or be paired with `dateTo`. The same checks
 * as the CSV apply; an error names the file, the line where the element starts and the field
 * (`[3].legalBasis`).
 */
export function parseIncidentsJson(
  bytes: Uint8Array,
  options: IncidentParseOptions,
): Result<ParsedIncidents> {
  const file = options.fileName;
  const text = decodeUtf8(bytes, file);
  if (!text.ok) return text;
  let data: Json;
  try {
    data = JSON.parse(text.value.replace(/^\uFEFF/, '')) as Json;
  } catch (e) {
    return err(
      domainError('IMPORT_JSON_INVALID', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`, {
        file,
      }),
    );
  }
  const list = Array.isArray(data)
    ? data
    : isObject(data) && Array.isArray(data['incidents'])
      ? data['incidents']
      : null;
  if (list === null)
    return err(
      domainError('IMPORT_JSON_INVALID', 'expected an array of incidents (or {"incidents": [...]})', {
        file,
        line: 1,
      }),
    );
  const lines = elementLines(text.value);
  const warnings: DomainError[] = [];
  const cache: PlaceCache = new Map();
  const incidents: IncidentInput[] = [];
  for (const [i, element] of list.entries()) {
    const where = { file, ...(lines[i] === undefined ? {} : { line: lines[i] }) };
    const built = incidentFromJson(element, i, where, options, warnings, cache);
    if (!built.ok) return built;
    incidents.push(built.value);
  }
  return ok({ incidents, warnings });
}

function incidentFromJson(
  element: Json,
  i: number,
  where: { file: string; line?: number },
  options: IncidentParseOptions,
  warnings: DomainError[],
  cache: PlaceCache,
): Result<IncidentInput> {
  const fail = (field: string, message: string, code = 'IMPORT_FIELD_INVALID') =>
    err(domainError(code, message, { ...where, field: `[${i}].${field}` }));
  if (!isObject(element)) return fail('', 'an incident must be a JSON object');
  const text: IncidentFieldText = {};
  for (const [column, name] of Object.entries(JSON_FIELD) as [IncidentColumn, string][]) {
    if (column === 'source_url') continue;
    const v = element[name];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' && typeof v !== 'number')
      return fail(name, `${name} must be a string or a number`);
    text[column] = String(v);
  }
  const dateTo = element['dateTo'];
  if (
    typeof dateTo === 'string' &&
    text.date !== undefined &&
    !text.date.includes('/') &&
    dateTo !== text.date
  )
    text.date = `${text.date}/${dateTo}`;
  const sources = parseSources(element['sources'] ?? null);
  if (typeof sources === 'string') return fail('sources', sources);
  const visibility = element['visibility'];
  if (
    visibility !== undefined &&
    visibility !== null &&
    (typeof visibility !== 'string' || !isVisibility(visibility))
  ) {
    return fail(
      'visibility',
      'visibility must be "private", "network" or "public"',
      'IMPORT_VISIBILITY_INVALID',
    );
  }
  const office = element['office'];
  const built = buildIncident(
    text,
    where,
    {
      visibility:
        options.visibility ??
        (typeof visibility === 'string' && isVisibility(visibility) ? visibility : 'public'),
      ownerOrganisationId: options.ownerOrganisationId ?? null,
      latestDate: options.today ? latestIncidentDate(options.today) : null,
      sources,
      office: typeof office === 'string' && office.trim() !== '' ? office.trim() : null,
    },
    warnings,
    cache,
  );
  if (built.ok) return built;
  const column = built.error.field as IncidentColumn | undefined;
  const name = column === undefined ? '' : JSON_FIELD[column];
  return err({ ...built.error, field: `[${i}].${name}` });
}

function parseSources(value: Json): IncidentSource[] | string {
  if (value === null) return [];
  if (!Array.isArray(value)) return 'sources must be an array of {url, title?, date?}';
  const out: IncidentSource[] = [];
  for (const s of value) {
    const entry = typeof s === 'string' ? { url: s } : s;
    if (!isObject(entry) || typeof entry['url'] !== 'string') return 'each source needs a url';
    const url = entry['url'];
    if (!/^https?:\/\/\S+$/.test(url)) return `source url "${url}" is not an http(s) URL`;
    const title = entry['title'];
    const date = entry['date'];
    let parsedDate = undefined;
    if (typeof date === 'string') {
      const d = parseCalendarDate(date);
      if (!d.ok) return `source date "${date}" is not YYYY-MM-DD`;
      parsedDate = d.value;
    }
    out.push({
      url,
      ...(typeof title === 'string' && title !== '' ? { title } : {}),
      ...(parsedDate === undefined ? {} : { date: parsedDate }),
    });
  }
  return out;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The 1-based line where each element of the top-level array starts (for error messages). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let topIsArray = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line += 1;
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === '[' || ch === '{') {
      if (depth === 0) topIsArray = ch === '[';
      depth += 1;
      if (depth === 2 && topIsArray && ch === '{') lines.push(line);
    } else if (ch === ']' || ch === '}') depth -= 1;
  }
  return topIsArray ? lines : [];
}
