import { dateParts, epochDay, findPlace, type ActionType, type IncidentInput } from '@civic/core';
import { csvField } from './csv-records.ts';

/** ACLED's column names, in the order of an ACLED export (2023 codebook). */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];

/**
 * ACLED sub-event type of the "Strategic developments" event type for each action (legal
 * harassment is a non-violent strategic development in ACLED's terms). Documented in docs/formats.md.
 */
export const ACLED_SUB_EVENT_TYPES: Readonly<
  Record<ActionType, 'Arrests' | 'Change to group/activity' | 'Other'>
> = {
  notice: 'Other',
  summons: 'Other',
  inspection: 'Other',
  protocol: 'Other',
  fine: 'Other',
  warning: 'Other',
  'court-decision': 'Other',
  withdrawal: 'Other',
  search: 'Other',
  'travel-ban': 'Other',
  other: 'Other',
  detention: 'Arrests',
  suspension: 'Change to group/activity',
  'registration-denied': 'Change to group/activity',
  liquidation: 'Change to group/activity',
  'account-freeze': 'Change to group/activity',
};

const ACTION_PHRASE: Readonly<Record<ActionType, string>> = {
  notice: 'served a notice on',
  summons: 'summoned',
  inspection: 'inspected',
  protocol: 'drew up an administrative protocol against',
  fine: 'fined',
  suspension: 'suspended the activity of',
  'registration-denied': 'denied registration to',
  search: 'searched',
  detention: 'detained members of',
  'court-decision': 'issued a court decision concerning',
  withdrawal: 'withdrew the charges against',
  warning: 'issued a warning to',
  liquidation: 'moved to liquidate',
  'travel-ban': 'imposed a travel ban concerning',
  'account-freeze': 'froze the accounts of',
  other: 'took action against',
};

export interface AcledOptions {
  /** Unix seconds written in `timestamp` (the time of export; passed in, never read from a clock here). */
  readonly timestamp: number;
}

/** Tokayev's presidency began on 20 March 2019; ACLED names the government by period. */
function governmentActor(date: string): string {
  return date < '2019-03-20' ? 'Government of Kazakhstan (1991-2019)' : 'Government of Kazakhstan (2019-)';
}

function timePrecision(incident: IncidentInput): '1' | '2' | '3' {
  const span = epochDay(incident.dateTo) - epochDay(incident.date);
  return span === 0 ? '1' : span <= 7 ? '2' : '3';
}

function geoPrecision(incident: IncidentInput): '1' | '3' {
  const place = findPlace(incident.place);
  return place !== null && place.kind !== 'city' ? '3' : '1';
}

function sourceNames(incident: IncidentInput): string {
  const names = incident.sources.map((s) => {
    if (s.title !== undefined && s.title !== '') return s.title;
    try {
      return new URL(s.url).hostname.replace(/^www\./, '');
    } catch {
      return s.url;
    }
  });
  return [...new Set(names)].join('; ');
}

function acledNotes(incident: IncidentInput): string {
  const { year, month, day } = dateParts(incident.date);
  const when = `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
  const who = incident.authority ?? 'the authorities';
  const basis = incident.legalBasis === null ? '' : ` under ${incident.legalBasis}`;
  const parts = [
    `On ${when}, ${who} in ${incident.place} ${ACTION_PHRASE[incident.action]} ${incident.organisation}${basis}.`,
  ];
  if (incident.legalBasis !== null) parts.push(`Legal basis: ${incident.legalBasis}.`);
  if (incident.penaltyMci !== null) parts.push(`Penalty: ${incident.penaltyMci} MCI.`);
  if (incident.suspensionMonths !== null) parts.push(`Suspension: ${incident.suspensionMonths} months.`);
  if (incident.outcome !== null) parts.push(`Outcome: ${incident.outcome}.`);
  if (incident.notes !== null) parts.push(incident.notes);
  return parts.join(' ');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function acledTags(incident: IncidentInput): string {
  const tags = ['legal harassment', `action: ${incident.action}`];
  if (incident.legalBasis !== null) tags.push(`legal basis: ${incident.legalBasis}`);
  if (incident.penaltyMci !== null) tags.push(`penalty: ${incident.penaltyMci} MCI`);
  return tags.join('; ');
}

/** One incident as ACLED fields; `n` makes event_id_cnty (`KAZ<n>`, unique within an export). */
export function acledRecord(
  incident: IncidentInput,
  n: number,
  options: AcledOptions,
): Record<AcledColumn, string> {
  return {
    event_id_cnty: `KAZ${n}`,
    event_date: incident.date,
    year: incident.date.slice(0, 4),
    time_precision: timePrecision(incident),
    disorder_type: 'Strategic developments',
    event_type: 'Strategic developments',
    sub_event_type: ACLED_SUB_EVENT_TYPES[incident.action],
    actor1: governmentActor(incident.date),
    assoc_actor_1: incident.authority ?? '',
    inter1: 'State forces',
    actor2: incident.organisation,
    assoc_actor_2: '',
    inter2: 'Civilians',
    interaction: 'State forces-Civilians',
    civilian_targeting: '',
    iso: '398',
    region: 'Caucasus and Central Asia',
    country: 'Kazakhstan',
    admin1: (incident.region ?? '').replace(/ Region$/, ''),
    admin2: '',
    admin3: '',
    location: incident.place,
    latitude: incident.latitude === null ? '' : incident.latitude.toFixed(4),
    longitude: incident.longitude === null ? '' : incident.longitude.toFixed(4),
    geo_precision: geoPrecision(incident),
    source: sourceNames(incident),
    source_scale: 'Other',
    notes: acledNotes(incident),
    fatalities: '0',
    tags: acledTags(incident),
    timestamp: String(options.timestamp),
  };
}

export const ACLED_HEADER = `${ACLED_COLUMNS.join(',')}\r\n`;

export function acledCsvLine(incident: IncidentInput, n: number, options: AcledOptions): string {
  const record = acledRecord(incident, n, options);
  return `${ACLED_COLUMNS.map((c) => csvField(record[c])).join(',')}\r\n`;
}

/** Incidents as an ACLED-compatible CSV (docs/formats.md has the mapping table). */
export function renderAcledCsv(incidents: Iterable<IncidentInput>, options: AcledOptions): string {
  let out = ACLED_HEADER;
  let n = 0;
  for (const incident of incidents) out += acledCsvLine(incident, ++n, options);
  return out;
}
