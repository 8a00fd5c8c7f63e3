import { expressionBuilder, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { legalBasisFilterKey, organisationFilterKey, parseSearchQuery, type SearchClause } from '@civic/core';
import { INCIDENT_SELECT, incidentFromRow, SEQ_DAY, seqDayStart, type IncidentRecord, type IncidentRow } from './incident.repository.ts';
import type { DialectName } from './database.ts';
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
  | { readonly kind: 'member'; readonly organisationIds: readonly string[]; readonly peerOrganisationIds: readonly string[] };

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
  /** Every match, when asked for with `withTotal`. */
  readonly total?: number;
}

/** One search interface over both dialects' full-text engines (same query, same results). */
export interface IncidentSearch {
  readonly dialect: DialectName;
  search(query: IncidentQuery, options?: { readonly withTotal?: boolean }): Promise<IncidentSearchPage>;
}

type Condition = Expression<SqlBool>;

abstract class BaseIncidentSearch implements IncidentSearch {
  abstract readonly dialect: DialectName;
  constructor(protected readonly db: Kysely<Database>) {}

  /** The rows of a page: matching `clauses` (maybe none) and `conditions`, newest first. */
  /** `range` repeats the date/cursor bounds of `conditions` as a seq range, for an engine that can use it directly. */
  protected abstract page(clauses: readonly SearchClause[], conditions: readonly Condition[], limit: number, offset: number, range: SeqRange): Promise<IncidentRow[]>;
  protected abstract count(clauses: readonly SearchClause[], conditions: readonly Condition[]): Promise<number>;

  async search(query: IncidentQuery, options: { readonly withTotal?: boolean } = {}): Promise<IncidentSearchPage> {
    const limit = Math.max(0, Math.floor(query.limit));
    const offset = Math.max(0, Math.floor(query.offset));
    const clauses = parseSearchQuery(query.q ?? '');
    const conditions = filterConditions(query);
    const rows = await this.page(clauses, [...conditions, ...afterCondition(query.after)], limit + 1, offset, seqRange(query));
    const kept = rows.slice(0, limit);
    const items = kept.map(incidentFromRow);
    const lastRow = kept[kept.length - 1];
    const next = lastRow === undefined ? null : { date: lastRow.date, seq: String(lastRow.seq) };
    if (!options.withTotal) return { items, hasMore: rows.length > limit, next };
    return { items, hasMore: rows.length > limit, next, total: await this.count(clauses, conditions) };
  }
}

const eb = expressionBuilder<Database, 'incident'>();

/** Bounds on seq implied by the dates and the cursor: min inclusive, max exclusive. */
interface SeqRange {
  readonly min: bigint | null;
  readonly max: bigint | null;
}

function seqRange(query: IncidentQuery): SeqRange {
  const min = query.from === undefined ? null : seqDayStart(query.from);
  let max = query.to === undefined ? null : seqDayStart(query.to) + BigInt(SEQ_DAY);
  if (query.after !== undefined) {
    const after = BigInt(query.after.seq);
    if (max === null || after < max) max = after;
  }
  return { min, max };
}

const fts = expressionBuilder<Database, 'incident_fts'>();

/** The seq range as constraints on the FTS table's rowid, which FTS5 applies while reading its index. */
function rowidBounds(range: SeqRange): Condition[] {
  const out: Condition[] = [];
  if (range.min !== null) out.push(fts('incident_fts.rowid', '>=', range.min));
  if (range.max !== null) out.push(fts('incident_fts.rowid', '<', range.max));
  return out;
}

function afterCondition(after: IncidentCursor | undefined): Condition[] {
  return after === undefined ? [] : [eb('seq', '<', BigInt(after.seq))];
}

/** The filters as conditions on the incident table (dates as seq ranges: seq is date-ordered). */
function filterConditions(query: IncidentQuery): Condition[] {
  const out: Condition[] = [];
  if (query.from !== undefined) out.push(eb('seq', '>=', seqDayStart(query.from)));
  if (query.to !== undefined) out.push(eb('seq', '<', seqDayStart(query.to) + BigInt(SEQ_DAY)));
  if (query.place !== undefined) out.push(eb('place', '=', query.place));
  if (query.region !== undefined) out.push(eb('region', '=', query.region));
  if (query.action !== undefined) out.push(eb('action', '=', query.action));
  if (query.legalBasis !== undefined) {
    const key = legalBasisFilterKey(query.legalBasis);
    out.push(eb.or([eb('legal_basis_key', '=', key), eb.and([eb('legal_basis_key', '>=', `${key} `), eb('legal_basis_key', '<', `${key} \uffff`)])]));
  }
  if (query.organisation !== undefined) out.push(eb('organisation_key', '=', organisationFilterKey(query.organisation)));
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
  if (network.length > 0) ors.push(eb.and([eb('visibility', '=', 'network'), eb('owner_organisation_id', 'in', network)]));
  if (own.length > 0) ors.push(eb.and([eb('visibility', '=', 'private'), eb('owner_organisation_id', 'in', own)]));
  return eb.or(ors);
}

const all = (conditions: readonly Condition[]): Condition => eb.and([...conditions]);

/**
 * SQLite: FTS5 over incident.search_text (external content, rowid = seq). A text query is a join
 * driven by the FTS table in rowid order, descending — which is date order — so a page of a
 * common word stops after the page instead of collecting every match.
 */
export class SqliteIncidentSearch extends BaseIncidentSearch {
  readonly dialect = 'sqlite' as const;

  /**
   * FTS5 query text: each clause a quoted phrase, clauses joined by AND. A prefix clause is an OR
   * of the phrases ending in each known word with that prefix (`expansions`), read lazily in
   * rowid order; without an expansion (too many words) it falls back to FTS5's `"…"*`.
   */
  static ftsQuery(clauses: readonly SearchClause[], expansions: ReadonlyMap<SearchClause, readonly string[]> = new Map()): string {
    return clauses.map((c) => {
      const words = expansions.get(c);
      if (words === undefined) return `"${c.words.join(' ')}"${c.prefix ? '*' : ''}`;
      const stem = c.words.slice(0, -1);
      return `(${words.map((w) => `"${[...stem, w].join(' ')}"`).join(' OR ')})`;
    }).join(' AND ');
  }

  /** The known words for each prefix clause (null: a prefix no incident has, so nothing matches). */
  private async expand(clauses: readonly SearchClause[]): Promise<Map<SearchClause, readonly string[]> | null> {
    const out = new Map<SearchClause, readonly string[]>();
    for (const c of clauses) {
      const last = c.words[c.words.length - 1];
      if (!c.prefix || last === undefined) continue;
      const rows = await this.db.selectFrom('incident_term').select('term').where('term', '>=', last).where('term', '<', `${last}\uffff`)
        .orderBy('term').limit(MAX_EXPANSION + 1).execute();
      if (rows.length === 0) return null;
      if (rows.length <= MAX_EXPANSION) out.set(c, rows.map((r) => r.term));
    }
    return out;
  }

  protected async page(clauses: readonly SearchClause[], conditions: readonly Condition[], limit: number, offset: number, range: SeqRange): Promise<IncidentRow[]> {
    if (clauses.length === 0) {
      return this.db.selectFrom('incident').where(all(conditions)).select(INCIDENT_SELECT).orderBy('seq', 'desc').limit(limit).offset(offset).execute();
    }
    const expansions = await this.expand(clauses);
    if (expansions === null) return [];
    return this.db
      .selectFrom('incident_fts')
      .innerJoin('incident', 'incident.seq', 'incident_fts.rowid')
      .where(sql<SqlBool>`incident_fts match ${SqliteIncidentSearch.ftsQuery(clauses, expansions)}`)
      .where(all(rowidBounds(range)))
      .where(all(conditions))
      .select(INCIDENT_SELECT)
      .orderBy('incident_fts.rowid', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  protected async count(clauses: readonly SearchClause[], conditions: readonly Condition[]): Promise<number> {
    if (clauses.length === 0) {
      const row = await this.db.selectFrom('incident').where(all(conditions)).select((e) => e.fn.countAll<bigint>().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0n);
    }
    const expansions = await this.expand(clauses);
    if (expansions === null) return 0;
    const row = await this.db.selectFrom('incident_fts').innerJoin('incident', 'incident.seq', 'incident_fts.rowid')
      .where(sql<SqlBool>`incident_fts match ${SqliteIncidentSearch.ftsQuery(clauses, expansions)}`).where(all(conditions))
      .select((e) => e.fn.countAll<bigint>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0n);
  }
}

/** A prefix matching more known words than this is left to FTS5's own prefix query. */
const MAX_EXPANSION = 64;

/** PostgreSQL: the generated `search` tsvector (config simple) with its GIN index. */
export class PostgresIncidentSearch extends BaseIncidentSearch {
  readonly dialect = 'postgres' as const;

  /** tsquery text: words of a clause joined by <-> (adjacent), `:*` on the last for a prefix, clauses joined by &. */
  static tsQuery(clauses: readonly SearchClause[]): string {
    return clauses
      .map((c) => `(${c.words.map((w, i) => `'${w}'${c.prefix && i === c.words.length - 1 ? ':*' : ''}`).join(' <-> ')})`)
      .join(' & ');
  }

  private matching(clauses: readonly SearchClause[], conditions: readonly Condition[]) {
    const text = clauses.length === 0 ? [] : [sql<SqlBool>`search @@ ${PostgresIncidentSearch.tsQuery(clauses)}::tsquery`];
    return this.db.selectFrom('incident').where(all([...text, ...conditions]));
  }

  protected async page(clauses: readonly SearchClause[], conditions: readonly Condition[], limit: number, offset: number): Promise<IncidentRow[]> {
    return this.matching(clauses, conditions).select(INCIDENT_SELECT).orderBy('seq', 'desc').limit(limit).offset(offset).execute();
  }

  protected async count(clauses: readonly SearchClause[], conditions: readonly Condition[]): Promise<number> {
    const row = await this.matching(clauses, conditions).select((e) => e.fn.countAll<bigint>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0n);
  }
}

/** The search implementation for a connection's dialect. */
export function incidentSearchFor(db: Kysely<Database>, dialect: DialectName): IncidentSearch {
  return dialect === 'postgres' ? new PostgresIncidentSearch(db) : new SqliteIncidentSearch(db);
}
