import type { Incident, Result } from '@civic/core';
import { incidentSearchFor, type IncidentCursor, type IncidentViewer } from '@civic/store';
import type { AppContext } from '../context.ts';
import {
  checkWaveOptions,
  detectWavesInIncidents,
  type WaveDetectionOptions,
  type WaveDetectionReport,
} from './wave-detection.ts';

const PAGE = 1000;

/**
 * Every incident the viewer may see (default: the database's operator, who sees all), optionally
 * within a period (first day from … to, inclusive), read page by page in the search order.
 */
export async function incidentsForWaves(
  ctx: AppContext,
  options: { from?: string; to?: string; viewer?: IncidentViewer } = {},
): Promise<Incident[]> {
  const search = incidentSearchFor(ctx.store.db, ctx.store.dialect);
  const out: Incident[] = [];
  let after: IncidentCursor | undefined;
  for (;;) {
    const page = await search.search({
      viewer: options.viewer ?? { kind: 'all' },
      limit: PAGE,
      offset: 0,
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
      ...(after ? { after } : {}),
    });
    out.push(...page.items);
    if (!page.hasMore || page.next === null) return out;
    after = page.next;
  }
}

/** Wave detection over the database's incidents (by default every incident: the operator's view). */
export async function detectWavesInDatabase(
  ctx: AppContext,
  options: WaveDetectionOptions & { viewer?: IncidentViewer } = {},
): Promise<Result<WaveDetectionReport>> {
  const checked = checkWaveOptions(options);
  if (!checked.ok) return checked;
  const { from, to } = checked.value;
  const incidents = await incidentsForWaves(ctx, {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(options.viewer ? { viewer: options.viewer } : {}),
  });
  return detectWavesInIncidents(incidents, options);
}
