import {
  domainError,
  err,
  findPlace,
  ok,
  parseActionType,
  parseCalendarDate,
  type Result,
  type Viewer,
} from '@civic/core';
import {
  findOrganisation,
  incidentSearchFor,
  type IncidentCursor,
  type IncidentQuery,
  type IncidentRecord,
  type IncidentSearchPage,
  type IncidentViewer,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { StampedAnswers } from './stamped-answers.ts';

export type { IncidentCursor, IncidentRecord };

/**
 * Who is looking: `'all'` (the database's operator: the CLI, the demo seeder), `'public'`
 * (anyone; the default), or a signed-in user's Viewer (their organisations and network peers,
 * from loadAccess), who also sees the network and private incidents core's canSeeRecord allows.
 */
export type IncidentViewerInput = 'all' | 'public' | Viewer;

export interface IncidentFilters {
  readonly from?: string;
  readonly to?: string;
  /** A place or region in any spelling the gazetteer knows ("Nur-Sultan", "Алматинская область"), or a place name as stored. */
  readonly place?: string;
  /** An action type or one of its synonyms. */
  readonly action?: string;
  /** An article ("CoAO 460-1"): that article and its parts. */
  readonly legalBasis?: string;
  /** An organisation's name or id. */
  readonly organisation?: string;
}

export interface SearchIncidentsInput extends IncidentFilters {
  readonly q?: string;
  /** Page size (default 50, at most 1000). */
  readonly limit?: number;
  readonly offset?: number;
  /** Keyset paging: the `next` of the previous page (then offset is usually 0). */
  readonly after?: IncidentCursor;
  readonly viewer?: IncidentViewerInput;
  /** Count every match too (costs a second query). */
  readonly withTotal?: boolean;
  /** With `withTotal`: count at most this many (`totalCapped` says whether there were more). */
  readonly totalCap?: number;
}

export interface IncidentSearchResult {
  readonly incidents: IncidentRecord[];
  readonly limit: number;
  readonly offset: number;
  readonly hasMore: boolean;
  readonly next: IncidentCursor | null;
  readonly total?: number;
  /** With a `totalCap`: more than the cap match, and `total` is the cap. */
  readonly totalCapped?: boolean;
}

export const MAX_SEARCH_LIMIT = 1000;

export function toStoreViewer(viewer: IncidentViewerInput | undefined): IncidentViewer {
  if (viewer === undefined || viewer === 'public') return { kind: 'public' };
  if (viewer === 'all') return { kind: 'all' };
  return {
    kind: 'member',
    organisationIds: viewer.organisationIds,
    peerOrganisationIds: viewer.networkOrganisationIds,
  };
}

/** Checks the filters and turns them into the store's query fields. */
export function resolveFilters(
  filters: IncidentFilters,
): Result<Omit<IncidentQuery, 'viewer' | 'limit' | 'offset'>> {
  const out: { -readonly [K in keyof Omit<IncidentQuery, 'viewer' | 'limit' | 'offset'>]: IncidentQuery[K] } =
    {};
  for (const field of ['from', 'to'] as const) {
    const value = filters[field];
    if (value === undefined || value === '') continue;
    const d = parseCalendarDate(value, field);
    if (!d.ok)
      return err(
        domainError('SEARCH_DATE_INVALID', `${field}: "${value}" is not a date YYYY-MM-DD`, { field }),
      );
    out[field] = d.value;
  }
  if (out.from !== undefined && out.to !== undefined && out.from > out.to) {
    return err(
      domainError('SEARCH_RANGE_INVALID', `from ${out.from} is after to ${out.to}`, { field: 'from' }),
    );
  }
  if (filters.place !== undefined && filters.place.trim() !== '') {
    const place = findPlace(filters.place);
    if (place === null) out.place = filters.place.trim();
    else if (place.kind === 'city') out.place = place.name;
    else if (place.kind === 'region' && place.region !== null) out.region = place.region;
    // the country: every incident is in it; no filter
  }
  if (filters.action !== undefined && filters.action.trim() !== '') {
    const action = parseActionType(filters.action);
    if (action === null)
      return err(
        domainError('SEARCH_ACTION_UNKNOWN', `action "${filters.action}" is not in the vocabulary`, {
          field: 'action',
        }),
      );
    out.action = action;
  }
  if (filters.legalBasis !== undefined && filters.legalBasis.trim() !== '')
    out.legalBasis = filters.legalBasis;
  if (filters.organisation !== undefined && filters.organisation.trim() !== '')
    out.organisation = filters.organisation.trim();
  return ok(out);
}

/**
 * Full-text search with filters, newest first, honouring visibility (by default the viewer is
 * the public). The same query gives the same incidents on SQLite and PostgreSQL.
 */
export async function searchIncidents(
  ctx: AppContext,
  input: SearchIncidentsInput,
): Promise<Result<IncidentSearchResult>> {
  const filters = resolveFilters(input);
  if (!filters.ok) return filters;
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    return err(
      domainError('SEARCH_LIMIT_INVALID', `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}`, {
        field: 'limit',
      }),
    );
  }
  if (!Number.isInteger(offset) || offset < 0)
    return err(domainError('SEARCH_LIMIT_INVALID', 'offset must be a whole number ≥ 0', { field: 'offset' }));
  const organisation = await organisationName(ctx, filters.value.organisation);
  const query = {
    ...filters.value,
    ...(organisation === undefined ? {} : { organisation }),
    ...(input.q === undefined ? {} : { q: input.q }),
    ...(input.after === undefined ? {} : { after: input.after }),
    viewer: toStoreViewer(input.viewer),
    limit,
    offset,
  };
  const options = {
    withTotal: input.withTotal ?? false,
    ...(input.totalCap === undefined ? {} : { totalCap: input.totalCap }),
  };
  const page = await pages.answer(
    ctx,
    JSON.stringify([query, options]),
    () => incidentSearchFor(ctx.store.db, ctx.store.dialect).search(query, options),
    (p) => p.stamp,
  );
  return ok({
    incidents: page.items,
    limit,
    offset,
    hasMore: page.hasMore,
    next: page.next,
    ...(page.total === undefined ? {} : { total: page.total }),
    ...(page.totalCapped === undefined ? {} : { totalCapped: page.totalCapped }),
  });
}

/**
 * Pages answered again without searching while no incident changed (the incidents' stamp on either
 * dialect; see StampedAnswers): the web app asks the same few pages again and again (a first page,
 * a word typed, the back button), and at a million incidents a page costs milliseconds of the
 * server's and the database's time where the stamp costs microseconds on SQLite and one
 * primary-key read on PostgreSQL.
 */
const pages = new StampedAnswers<IncidentSearchPage>(64);

/**
 * Forgets the search pages kept for this database, so the next search of any question is done
 * again (the incidents bench measures the search itself, not a kept page, on both dialects).
 */
export function forgetKeptSearchPages(ctx: AppContext): void {
  pages.forget(ctx);
}

/** A page's `next` as text for a URL (base64url of its JSON). */
export function encodeIncidentCursor(cursor: IncidentCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The cursor a previous page gave as text; anything else is REQUEST_INVALID naming `field`. */
export function decodeIncidentCursor(text: string, field = 'after'): Result<IncidentCursor> {
  const bad = err(domainError('REQUEST_INVALID', `${field}: not the \`next\` of a previous page`, { field }));
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return bad;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad;
  const { date, seq } = value as Record<string, unknown>;
  if (
    typeof date !== 'string' ||
    !parseCalendarDate(date, field).ok ||
    typeof seq !== 'string' ||
    !/^[0-9]{1,20}$/.test(seq)
  )
    return bad;
  return ok({ date, seq });
}

/** An organisation filter given as one of this database's organisations (id, BIN or name) becomes its name. */
export async function organisationName(
  ctx: AppContext,
  key: string | undefined,
): Promise<string | undefined> {
  if (key === undefined) return undefined;
  return (await findOrganisation(ctx.store.db, key))?.name ?? key;
}

/** Incidents without a text query, newest first (a page of the same search). */
export function listIncidents(
  ctx: AppContext,
  input: Omit<SearchIncidentsInput, 'q'> = {},
): Promise<Result<IncidentSearchResult>> {
  return searchIncidents(ctx, input);
}
