import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { legalBasisFilterKey, organisationFilterKey, parseSearchQuery, type SearchClause } from '@civic/core';
import { INCIDENT_SELECT, incidentFromRow, type IncidentRecord } from './incident.repository.ts';
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
  /** Sorted by date, newest first (then by insertion, newest first). */
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

type IncidentSelect = SelectQueryBuilder<Database, 'incident', object>;

abstract class BaseIncidentSearch implements IncidentSearch {
  abstract readonly dialect: DialectName;
  constructor(protected readonly db: Kysely<Database>) {}

  /** The condition that a row's full text matches every clause. */
  protected abstract matchCondition(clauses: readonly SearchClause[]): Expression<SqlBool>;

  async search(query: IncidentQuery, options: { readonly withTotal?: boolean } = {}): Promise<IncidentSearchPage> {
    const filtered = this.filtered(query);
    const limit = Math.max(0, Math.floor(query.limit));
    const offset = Math.max(0, Math.floor(query.offset));
    const rows = await filtered
      .select(INCIDENT_SELECT)
      .orderBy('date', 'desc')
      .orderBy('seq', 'desc')
      .limit(limit + 1)
      .offset(offset)
      .execute();
    const kept = rows.slice(0, limit);
    const items = kept.map(incidentFromRow);
    const lastRow = kept[kept.length - 1];
    const next = lastRow === undefined ? null : { date: lastRow.date, seq: String(lastRow.seq) };
    if (!options.withTotal) return { items, hasMore: rows.length > limit, next };
    const count = await this.filtered({ ...query, after: undefined }).select((eb) => eb.fn.countAll<bigint | number>().as('n')).executeTakeFirst();
    return { items, hasMore: rows.length > limit, next, total: Number(count?.n ?? 0) };
  }

  private filtered(query: Omit<IncidentQuery, 'after'> & { readonly after?: IncidentCursor | undefined }): IncidentSelect {
    let qb: IncidentSelect = this.db.selectFrom('incident');
    const after = query.after;
    if (after !== undefined) {
      const seq = BigInt(after.seq);
      qb = qb.where((eb) => eb.or([eb('date', '<', after.date), eb.and([eb('date', '=', after.date), eb('seq', '<', seq)])]));
    }
    const clauses = parseSearchQuery(query.q ?? '');
    if (clauses.length > 0) qb = qb.where(this.matchCondition(clauses));
    if (query.from !== undefined) qb = qb.where('date', '>=', query.from);
    if (query.to !== undefined) qb = qb.where('date', '<=', query.to);
    if (query.place !== undefined) qb = qb.where('place', '=', query.place);
    if (query.region !== undefined) qb = qb.where('region', '=', query.region);
    if (query.action !== undefined) qb = qb.where('action', '=', query.action);
    if (query.legalBasis !== undefined) {
      const key = legalBasisFilterKey(query.legalBasis);
      qb = qb.where((eb) => eb.or([eb('legal_basis_key', '=', key), eb.and([eb('legal_basis_key', '>=', `${key} `), eb('legal_basis_key', '<', `${key} \uffff`)])]));
    }
    if (query.organisation !== undefined) {
      const name = organisationFilterKey(query.organisation);
      const id = query.organisation;
      qb = qb.where((eb) => eb.or([eb('organisation_key', '=', name), eb('organisation_id', '=', id)]));
    }
    return this.visible(qb, query.viewer);
  }

  private visible(qb: IncidentSelect, viewer: IncidentViewer): IncidentSelect {
    if (viewer.kind === 'all') return qb;
    if (viewer.kind === 'public') return qb.where('visibility', '=', 'public');
    const own = [...viewer.organisationIds];
    const network = [...new Set([...viewer.organisationIds, ...viewer.peerOrganisationIds])];
    return qb.where((eb) => {
      const ors = [eb('visibility', '=', 'public')];
      if (network.length > 0) ors.push(eb.and([eb('visibility', '=', 'network'), eb('owner_organisation_id', 'in', network)]));
      if (own.length > 0) ors.push(eb.and([eb('visibility', '=', 'private'), eb('owner_organisation_id', 'in', own)]));
      return eb.or(ors);
    });
  }
}

/** SQLite: FTS5 over incident.search_text (external content keyed by seq). */
export class SqliteIncidentSearch extends BaseIncidentSearch {
  readonly dialect = 'sqlite' as const;

  /** FTS5 query text: each clause a quoted phrase, `*` after it for a prefix, clauses joined by AND. */
  static ftsQuery(clauses: readonly SearchClause[]): string {
    return clauses.map((c) => `"${c.words.join(' ')}"${c.prefix ? '*' : ''}`).join(' AND ');
  }

  protected matchCondition(clauses: readonly SearchClause[]): Expression<SqlBool> {
    return sql<SqlBool>`seq in (select rowid from incident_fts where incident_fts match ${SqliteIncidentSearch.ftsQuery(clauses)})`;
  }
}

/** PostgreSQL: the generated `search` tsvector (config simple) with its GIN index. */
export class PostgresIncidentSearch extends BaseIncidentSearch {
  readonly dialect = 'postgres' as const;

  /** tsquery text: words of a clause joined by <-> (adjacent), `:*` on the last for a prefix, clauses joined by &. */
  static tsQuery(clauses: readonly SearchClause[]): string {
    return clauses
      .map((c) => `(${c.words.map((w, i) => `'${w}'${c.prefix && i === c.words.length - 1 ? ':*' : ''}`).join(' <-> ')})`)
      .join(' & ');
  }

  protected matchCondition(clauses: readonly SearchClause[]): Expression<SqlBool> {
    return sql<SqlBool>`search @@ ${PostgresIncidentSearch.tsQuery(clauses)}::tsquery`;
  }
}

/** The search implementation for a connection's dialect. */
export function incidentSearchFor(db: Kysely<Database>, dialect: DialectName): IncidentSearch {
  return dialect === 'postgres' ? new PostgresIncidentSearch(db) : new SqliteIncidentSearch(db);
}
