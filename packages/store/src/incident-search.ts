import { sql, type Kysely, type SqlBool } from 'kysely';
import type { SearchClause } from '@civic/core';
import { INCIDENT_SELECT, type IncidentRow } from './incident.repository.ts';
import {
  all,
  BaseIncidentSearch,
  countRows,
  rangeConditions,
  type Condition,
  type IncidentSearch,
  type PageRequest,
  type SeqRange,
} from './incident-query.ts';
import { SqliteIncidentSearch } from './sqlite-incident-search.ts';
import type { DialectName } from './database.ts';
import { PG_INCIDENT_STAMP } from './incident-stamp.ts';
import type { Database } from './schema.ts';

export type {
  IncidentCounts,
  IncidentCursor,
  IncidentFilterQuery,
  IncidentQuery,
  IncidentSearch,
  IncidentSearchOptions,
  IncidentSearchPage,
  IncidentViewer,
} from './incident-query.ts';
export { SqliteIncidentSearch };

/** PostgreSQL: the `search` tsvector (config simple, kept by a trigger) with its GIN index. */
export class PostgresIncidentSearch extends BaseIncidentSearch {
  readonly dialect = 'postgres' as const;

  /** tsquery text: words of a clause joined by <-> (adjacent), `:*` on the last for a prefix, a clause's `anyOf` joined by |, clauses joined by &. */
  static tsQuery(clauses: readonly SearchClause[]): string {
    return clauses
      .map((c) =>
        c.anyOf !== undefined
          ? `(${c.anyOf.map((w) => `'${w}'`).join(' | ')})`
          : `(${c.words.map((w, i) => `'${w}'${c.prefix && i === c.words.length - 1 ? ':*' : ''}`).join(' <-> ')})`,
      )
      .join(' & ');
  }

  private matching(clauses: readonly SearchClause[], filters: readonly Condition[], range: SeqRange) {
    const text =
      clauses.length === 0
        ? []
        : [sql<SqlBool>`search @@ ${PostgresIncidentSearch.tsQuery(clauses)}::tsquery`];
    return this.db.selectFrom('incident').where(all([...text, ...rangeConditions(range), ...filters]));
  }

  protected async page(request: PageRequest): Promise<IncidentRow[]> {
    return (await this.stampedPage(request)).rows;
  }

  /** The stamp is a column of the page's own read: one statement, one snapshot, no extra round trip. */
  protected override async stampedPage({
    clauses,
    filters,
    range,
    limit,
    offset,
  }: PageRequest): Promise<{ rows: IncidentRow[]; stamp?: string }> {
    const rows = await this.matching(clauses, filters, range)
      .select(INCIDENT_SELECT)
      .select(sql<string | null>`${sql.raw(PG_INCIDENT_STAMP)}`.as('stamp'))
      .orderBy('incident.seq', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    const stamp = rows[0]?.stamp ?? undefined;
    return stamp === undefined ? { rows } : { rows, stamp };
  }

  protected count(
    clauses: readonly SearchClause[],
    filters: readonly Condition[],
    range: SeqRange,
    cap: number | null,
  ): Promise<number> {
    return countRows(this.db, this.matching(clauses, filters, range), cap);
  }

  protected textConditions(
    clauses: readonly SearchClause[],
    _filters: readonly Condition[],
  ): Promise<Condition[]> {
    return Promise.resolve(
      clauses.length === 0
        ? []
        : [sql<SqlBool>`search @@ ${PostgresIncidentSearch.tsQuery(clauses)}::tsquery`],
    );
  }
}

/** The search implementation for a connection's dialect. */
export function incidentSearchFor(db: Kysely<Database>, dialect: DialectName): IncidentSearch {
  return dialect === 'postgres' ? new PostgresIncidentSearch(db) : new SqliteIncidentSearch(db);
}
