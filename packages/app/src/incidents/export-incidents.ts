import { ok, type Result } from '@civic/core';
import {
  ACLED_HEADER,
  acledCsvLine,
  incidentCsvLine,
  incidentToJson,
  INCIDENT_CSV_HEADER,
} from '@civic/formats';
import { incidentSearchFor, type IncidentCursor } from '@civic/store';
import type { AppContext } from '../context.ts';
import {
  organisationName,
  resolveFilters,
  toStoreViewer,
  type IncidentFilters,
  type IncidentViewerInput,
} from './search-incidents.ts';

export type IncidentExportFormat = 'csv' | 'json' | 'acled';

export interface ExportIncidentsInput {
  readonly format: IncidentExportFormat;
  readonly filters?: IncidentFilters & { readonly q?: string };
  /** Default `public`: an export shows what the viewer may see. */
  readonly viewer?: IncidentViewerInput;
  /** Receives the output piece by piece (a large export is never held whole); without it the content is returned. */
  readonly write?: (chunk: string) => void | Promise<void>;
}

export interface ExportIncidentsReport {
  readonly format: IncidentExportFormat;
  readonly count: number;
  readonly mediaType: string;
  /** The whole output, when no `write` was given. */
  readonly content?: string;
}

const PAGE = 2_000;

export const INCIDENT_EXPORT_MEDIA_TYPES: Readonly<Record<IncidentExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  acled: 'text/csv; charset=utf-8',
  json: 'application/json',
};

/** Exports the incidents matching the filters (newest first) as CSV, JSON or ACLED-compatible CSV. */
export async function exportIncidents(
  ctx: AppContext,
  input: ExportIncidentsInput,
): Promise<Result<ExportIncidentsReport>> {
  const filters = resolveFilters(input.filters ?? {});
  if (!filters.ok) return filters;
  const parts: string[] = [];
  const write = input.write ?? ((chunk: string) => void parts.push(chunk));
  const search = incidentSearchFor(ctx.store.db, ctx.store.dialect);
  const timestamp = Math.floor(ctx.now().getTime() / 1000);
  const q = input.filters?.q;
  const organisation = await organisationName(ctx, filters.value.organisation);
  await write(input.format === 'json' ? '[' : input.format === 'acled' ? ACLED_HEADER : INCIDENT_CSV_HEADER);
  let count = 0;
  let after: IncidentCursor | undefined;
  for (;;) {
    const page = await search.search({
      ...filters.value,
      ...(organisation === undefined ? {} : { organisation }),
      ...(q === undefined ? {} : { q }),
      ...(after === undefined ? {} : { after }),
      viewer: toStoreViewer(input.viewer),
      limit: PAGE,
      offset: 0,
    });
    let out = '';
    for (const incident of page.items) {
      count += 1;
      if (input.format === 'json')
        out += `${count === 1 ? '\n  ' : ',\n  '}${JSON.stringify(incidentToJson(incident))}`;
      else if (input.format === 'acled') out += acledCsvLine(incident, count, { timestamp });
      else out += incidentCsvLine(incident);
    }
    if (out !== '') await write(out);
    if (!page.hasMore || page.next === null) break;
    after = page.next;
  }
  if (input.format === 'json') await write(count === 0 ? ']\n' : '\n]\n');
  const report = { format: input.format, count, mediaType: INCIDENT_EXPORT_MEDIA_TYPES[input.format] };
  return ok(input.write === undefined ? { ...report, content: parts.join('') } : report);
}
