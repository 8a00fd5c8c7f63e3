import type { IncidentInput } from '@civic/core';
import { csvField } from './csv-records.ts';
import { INCIDENT_CSV_COLUMNS, type IncidentColumn } from './incident-fields.ts';

/** The `date` column: one day, or `from/to` for a range. */
export function incidentDateText(incident: Pick<IncidentInput, 'date' | 'dateTo'>): string {
  return incident.dateTo === incident.date ? incident.date : `${incident.date}/${incident.dateTo}`;
}

const num = (n: number | null): string => (n === null ? '' : String(n));

function columnText(incident: IncidentInput, column: IncidentColumn): string {
  switch (column) {
    case 'date':
      return incidentDateText(incident);
    case 'organisation':
      return incident.organisation;
    case 'place':
      return incident.place;
    case 'latitude':
      return num(incident.latitude);
    case 'longitude':
      return num(incident.longitude);
    case 'authority':
      return incident.authority ?? '';
    case 'action':
      return incident.action;
    case 'legal_basis':
      return incident.legalBasis ?? '';
    case 'penalty_mci':
      return num(incident.penaltyMci);
    case 'suspension_months':
      return num(incident.suspensionMonths);
    case 'outcome':
      return incident.outcome ?? '';
    case 'source_url':
      return incident.sources.map((s) => s.url).join(' ');
    case 'notes':
      return incident.notes ?? '';
  }
}

/** One CSV line (with its CRLF) for an incident, in the documented column order. */
export function incidentCsvLine(incident: IncidentInput): string {
  return `${INCIDENT_CSV_COLUMNS.map((c) => csvField(columnText(incident, c))).join(',')}\r\n`;
}

/** The header line of the incident CSV. */
export const INCIDENT_CSV_HEADER = `${INCIDENT_CSV_COLUMNS.join(',')}\r\n`;

/**
 * Incidents as CSV with the import's columns (UTF-8, CRLF, RFC 4180 quoting): reading the output
 * back with parseIncidentsCsv gives the same incidents (visibility and source titles aside).
 */
export function renderIncidentsCsv(incidents: Iterable<IncidentInput>): string {
  let out = INCIDENT_CSV_HEADER;
  for (const incident of incidents) out += incidentCsvLine(incident);
  return out;
}
