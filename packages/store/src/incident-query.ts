import {
  expressionBuilder,
  sql,
  type Expression,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import {
  isLegalBasisCodeFilter,
  legalBasisFilterKey,
  organisationFilterKey,
  parseSearchQuery,
  type SearchClause,
} from '@civic/core';
import {
  incidentFromRow,
  SEQ_DAY,
  seqDayStart,
  type IncidentRecord,
  type IncidentRow,
} from './incident.repository.ts';
import type { DialectName } from './database.ts';
import { incidentStamp } from './incident-stamp.ts';
import type { Database } from './schema.ts';

/**
 * Who is looking: `all` (the operator of the database, e.g. the CLI), `public` (anyone), or a
 * member of organisations, who also sees the `network` incidents owned by their organisations or
 * by organisations that share a network with them, and their own organisations' `private` ones
 * (the same rule as core's canSeeRecord; a non-public incident without an owner is seen by `all` only).
 */
export type IncidentViewer =
  | { readonly kind: 'all' }
  | { readonly kind: 'public' }
  | {
      readonly kind: 'member';
      readonly organisationIds: readonly string[];
      readonly peerOrganisationIds: readonly string[];
    };

export interface IncidentQuery {
  /** Full-text query (see core's parseSearchQuery): words ANDed, "quoted phrases", `prefix*`. */
  readonly q?: string;
  /** First day of the incident on or after `from` and on or before `to` (YYYY-MM-DD). */
  readonly from?: string;
  readonly to?: string;
  /** Exact stored place name (the gazetteer's English name for a known place). */
  readonly place?: string;
  /** admin1 region (the gazetteer's English name). */
  readonly region?: string;
  readonly action?: string;
  /** Matches a legal basis equal to it or starting with it followed by a space ("CoAO 460-1" finds "CoAO 460-1 part 2", not "CoAO 460-12"). */
  readonly legalBasis?: string;
  /** An organisation's name (case-insensitive) or its id in this database. */
  readonly organisation?: string;
  readonly viewer: IncidentViewer;
  readonly limit: number;
  readonly offset: number;
  /** Keyset paging: only incidents after this one in the order (use the previous page's `next`). */
  readonly after?: IncidentCursor;
}

/** A position in the search order (date desc, then seq desc). */
export interface IncidentCursor {
  readonly date: string;
  readonly seq: string;
}

export interface IncidentSearchPage {
  /** Sorted by date, newest first (then by insertion, newest first): seq descending. */
  readonly items: IncidentRecord[];
  readonly hasMore: boolean;
  /** The cursor of the last item, for keyset paging (null when there is none). */
  readonly next: IncidentCursor | null;
  /** Every match, when asked for with `withTotal` (at most `totalCap` when one is given). */
  readonly total?: number;
  /** With a `totalCap`: whether more than the cap match (then `total` is the cap). */
  readonly totalCapped?: boolean;
  /**
   * The incidents' stamp (incidentStamp's) as of the page's read: no newer than its rows (read
   * before them on SQLite, in the same statement on PostgreSQL); absent when there is none.
   */
  readonly stamp?: string;
}

export interface IncidentSearchOptions {
  /** Count the matches too (a second query). */
  readonly withTotal?: boolean;
  /** Count at most this many (the count stops there; `totalCapped` says whether there were more). */
  readonly totalCap?: number;
}

/** The filters of a search without its page. */
export type IncidentFilterQuery = Omit<IncidentQuery, 'limit' | 'offset' | 'after'>;

/** Counts of the matching incidents, aggregated by the database. */
export interface IncidentCounts {
  readonly count: number;
  /** Matches per (first) day, ascending. */
  readonly days: readonly { readonly day: string; readonly count: number }[];
  /**
   * Matches with both coordinates per stored place name and coordinates (unordered); `latest`
   * is the seq of the newest of them, so the first in the search order.
   */
  readonly places: readonly {
    readonly place: string;
    readonly latitude: number;
    readonly longitude: number;
    readonly count: number;
    readonly latest: bigint;
  }[];
}

/** One search interface over both dialects' full-text engines (same query, same results). */
export interface IncidentSearch {
  readonly dialect: DialectName;
  search(query: IncidentQuery, options?: IncidentSearchOptions): Promise<IncidentSearchPage>;
  /** Every match counted per day and per place (the same filters and visibility as search). */
  counts(query: IncidentFilterQuery): Promise<IncidentCounts>;
}

export type Condition = Expression<SqlBool>;

/**
 * Bounds on seq implied by the dates and the cursor: min inclusive, max exclusive (seq is
 * date-ordered, see incident.repository.ts).
 */
export interface SeqRange {
  readonly min: bigint | null;
  readonly max: bigint | null;
}

/** What a dialect's engine is asked for: text clauses (maybe none), the other filters, a seq range. */
export interface PageRequest {
  readonly clauses: readonly SearchClause[];
  /** Every filter but the dates and the cursor (those are `range`), the viewer's visibility included. */
  readonly filters: readonly Condition[];
  /** Whether a filter has an index of its own (an equality on place, region, action or organisation). */
  readonly indexedFilter: boolean;
  readonly range: SeqRange;
  readonly limit: number;
  readonly offset: number;
}

export abstract class BaseIncidentSearch implements IncidentSearch {
  abstract readonly dialect: DialectName;
  constructor(protected readonly db: Kysely<Database>) {}

  /** The rows of a page (`limit` rows from `offset`), newest first. */
  protected abstract page(request: PageRequest): Promise<IncidentRow[]>;
  /** The matches of the clauses, filters and range, counted up to `cap` + 1 when a cap is given. */
  protected abstract count(
    clauses: readonly SearchClause[],
    filters: readonly Condition[],
    range: SeqRange,
    cap: number | null,
  ): Promise<number>;
  /** The full-text clauses as conditions on the incident table (null: nothing can match). */
  protected abstract textConditions(
    clauses: readonly SearchClause[],
    filters: readonly Condition[],
    range: SeqRange,
  ): Promise<Condition[] | null>;

  async search(query: IncidentQuery, options: IncidentSearchOptions = {}): Promise<IncidentSearchPage> {
    const limit = Math.max(0, Math.floor(query.limit));
    const offset = Math.max(0, Math.floor(query.offset));
    const clauses = parseSearchQuery(query.q ?? '');
    const filters = filterConditions(query);
    const { rows, stamp } = await this.stampedPage({
      clauses,
      filters,
      indexedFilter: [query.place, query.region, query.action, query.organisation].some(
        (f) => f !== undefined,
      ),
      range: seqRange(query, query.after),
      limit: limit + 1,
      offset,
    });
    const kept = rows.slice(0, limit);
    const items = kept.map(incidentFromRow);
    const lastRow = kept[kept.length - 1];
    const next = lastRow === undefined ? null : { date: lastRow.date, seq: String(lastRow.seq) };
    const page = { items, hasMore: rows.length > limit, next, ...(stamp === undefined ? {} : { stamp }) };
    if (!options.withTotal) return page;
    const cap = options.totalCap === undefined ? null : Math.max(0, Math.floor(options.totalCap));
    const total = await this.count(clauses, filters, seqRange(query, undefined), cap);
    if (cap === null) return { ...page, total };
    return { ...page, total: Math.min(total, cap), totalCapped: total > cap };
  }

  /** A page's rows and the incidents' stamp read before them (PostgreSQL reads both in one statement). */
  protected async stampedPage(request: PageRequest): Promise<{ rows: IncidentRow[]; stamp?: string }> {
    const stamp = await incidentStamp(this.db);
    const rows = await this.page(request);
    return stamp === undefined ? { rows } : { rows, stamp };
  }

  async counts(query: IncidentFilterQuery): Promise<IncidentCounts> {
    const range = seqRange(query, undefined);
    const filters = filterConditions(query);
    const text = await this.textConditions(parseSearchQuery(query.q ?? ''), filters, range);
    if (text === null) return { count: 0, days: [], places: [] };
    const matching = this.db
      .selectFrom('incident')
      .where(all([...text, ...rangeConditions(range), ...filters]));
    const days = await matching
      .select((e) => ['date', e.fn.countAll<bigint>().as('n')])
      .groupBy('date')
      .orderBy('date')
      .execute();
    const places = await matching
      .where('latitude', 'is not', null)
      .where('longitude', 'is not', null)
      .select((e) => [
        'place',
        'latitude',
        'longitude',
        e.fn.countAll<bigint>().as('n'),
        e.fn.max('incident.seq').as('latest'),
      ])
      // Latitude first: SQLite would otherwise walk the place index for the grouping's order, reading each row at random.
      .groupBy(['latitude', 'longitude', 'place'])
      .execute();
    return {
      count: days.reduce((n, d) => n + Number(d.n), 0),
      days: days.map((d) => ({ day: d.date, count: Number(d.n) })),
      places: places.flatMap((p) =>
        p.latitude === null || p.longitude === null
          ? []
          : [
              {
                place: p.place,
                latitude: Number(p.latitude),
                longitude: Number(p.longitude),
                count: Number(p.n),
                latest: BigInt(p.latest),
              },
            ],
      ),
    };
  }
}

export const eb = expressionBuilder<Database, 'incident'>();

function seqRange(query: IncidentFilterQuery, after: IncidentCursor | undefined): SeqRange {
  const min = query.from === undefined ? null : seqDayStart(query.from);
  let max = query.to === undefined ? null : seqDayStart(query.to) + BigInt(SEQ_DAY);
  if (after !== undefined) {
    const seq = BigInt(after.seq);
    if (max === null || seq < max) max = seq;
  }
  return { min, max };
}

/** The seq range as conditions on the incident table. */
export function rangeConditions(range: SeqRange): Condition[] {
  const out: Condition[] = [];
  if (range.min !== null) out.push(eb('incident.seq', '>=', range.min));
  if (range.max !== null) out.push(eb('incident.seq', '<', range.max));
  return out;
}

/** The filters other than dates as conditions on the incident table. */
function filterConditions(query: IncidentFilterQuery): Condition[] {
  const out: Condition[] = [];
  if (query.place !== undefined) out.push(eb('place', '=', query.place));
  if (query.region !== undefined) out.push(eb('region', '=', query.region));
  if (query.action !== undefined) out.push(eb('action', '=', query.action));
  if (query.legalBasis !== undefined) {
    // Keys are article first (core's legalBasisFilterKey): an article, with or without its code,
    // is the key or its prefix (a range on the index); a code alone ends the key.
    const key = legalBasisFilterKey(query.legalBasis);
    const ors = [
      eb('legal_basis_key', '=', key),
      eb.and([eb('legal_basis_key', '>=', `${key} `), eb('legal_basis_key', '<', `${key} \uffff`)]),
    ];
    if (isLegalBasisCodeFilter(query.legalBasis)) ors.push(eb('legal_basis_key', 'like', `% ${key}`));
    out.push(eb.or(ors));
  }
  if (query.organisation !== undefined)
    out.push(eb('organisation_key', '=', organisationFilterKey(query.organisation)));
  const visible = visibilityCondition(query.viewer);
  if (visible !== null) out.push(visible);
  return out;
}

function visibilityCondition(viewer: IncidentViewer): Condition | null {
  if (viewer.kind === 'all') return null;
  if (viewer.kind === 'public') return eb('visibility', '=', 'public');
  const own = [...viewer.organisationIds];
  const network = [...new Set([...viewer.organisationIds, ...viewer.peerOrganisationIds])];
  const ors: Condition[] = [eb('visibility', '=', 'public')];
  if (network.length > 0)
    ors.push(eb.and([eb('visibility', '=', 'network'), eb('owner_organisation_id', 'in', network)]));
  if (own.length > 0)
    ors.push(eb.and([eb('visibility', '=', 'private'), eb('owner_organisation_id', 'in', own)]));
  return eb.or(ors);
}

export const all = (conditions: readonly Condition[]): Condition => eb.and([...conditions]);

/** `count(*)` of a query's rows; with a cap, of at most `cap` + 1 of them (the scan stops there). */
export async function countRows<TB extends keyof Database>(
  db: Kysely<Database>,
  rows: SelectQueryBuilder<Database, TB, object>,
  cap: number | null,
): Promise<number> {
  if (cap === null) {
    const row = await rows.select(sql<bigint>`count(*)`.as('n')).executeTakeFirst();
    return Number(row?.n ?? 0n);
  }
  const row = await db
    .selectFrom(
      rows
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('c'),
    )
    .select(sql<bigint>`count(*)`.as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0n);
}
