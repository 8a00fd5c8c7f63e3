import { sql, type Kysely, type SqlBool } from 'kysely';
import type { SearchClause } from '@civic/core';
import { INCIDENT_SELECT, type IncidentRow } from './incident.repository.ts';
import { all, BaseIncidentSearch, rangeConditions, type Condition, type IncidentSearch, type PageRequest, type SeqRange } from './incident-query.ts';
import { SqliteIncidentSearch } from './sqlite-incident-search.ts';
import type { DialectName } from './database.ts';
import type { Database } from './schema.ts';

export type { IncidentCursor, IncidentQuery, IncidentSearch, IncidentSearchPage, IncidentViewer } from './incident-query.ts';
export { SqliteIncidentSearch };

/** PostgreSQL: the generated `search` tsvector (config simple) with its GIN index. */
export class PostgresIncidentSearch extends BaseIncidentSearch {
  readonly dialect = 'postgres' as const;

  /** tsquery text: words of a clause joined by <-> (adjacent), `:*` on the last for a prefix, clauses joined by &. */
  static tsQuery(clauses: readonly SearchClause[]): string {
    return clauses
      .map((c) => `(${c.words.map((w, i) => `'${w}'${c.prefix && i === c.words.length - 1 ? ':*' : ''}`).join(' <-> ')})`)
      .join(' & ');
  }

  private matching(clauses: readonly SearchClause[], filters: readonly Condition[], range: SeqRange) {
    const text = clauses.length === 0 ? [] : [sql<SqlBool>`search @@ ${PostgresIncidentSearch.tsQuery(clauses)}::tsquery`];
    return this.db.selectFrom('incident').where(all([...text, ...rangeConditions(range), ...filters]));
  }

  protected async page({ clauses, filters, range, limit, offset }: PageRequest): Promise<IncidentRow[]> {
    return this.matching(clauses, filters, range).select(INCIDENT_SELECT).orderBy('incident.seq', 'desc').limit(limit).offset(offset).execute();
  }

  protected async count(clauses: readonly SearchClause[], filters: readonly Condition[], range: SeqRange): Promise<number> {
    const row = await this.matching(clauses, filters, range).select((e) => e.fn.countAll<bigint>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0n);
  }
}

/** The search implementation for a connection's dialect. */
export function incidentSearchFor(db: Kysely<Database>, dialect: DialectName): IncidentSearch {
  return dialect === 'postgres' ? new PostgresIncidentSearch(db) : new SqliteIncidentSearch(db);
}
