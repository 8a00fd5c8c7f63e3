import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { SearchClause } from '@civic/core';
import { INCIDENT_SELECT, type IncidentRow } from './incident.repository.ts';
import type { Database } from './schema.ts';
import { all, eb, rangeConditions, type Condition, type SeqRange } from './incident-query.ts';

// The statements of SqliteIncidentSearch's bounded steps (see its comment): each reads one band
// of seqs from the top down, by the FTS index ("text first") or by a filter's index ("filters
// first"), and checks the other side in the same statement.

/** What one step of a filtered text search found: the seqs of its hits, and how far down it looked. */
export interface Step {
  readonly hits: bigint[];
  /** How many rows the step examined. */
  readonly examined: number;
  /** Every match with seq in [low, the step's max) is in `hits` (null: the whole range was examined). */
  readonly low: bigint | null;
}

/** The clauses as a test on one row's search_text (see SqliteIncidentSearch). */
export function textCondition(clauses: readonly SearchClause[]): Condition {
  const text = sql<string>`' ' || search_text || ' '`;
  const has = (needle: string) => sql<SqlBool>`instr(${text}, ${needle}) > 0`;
  return all(
    clauses.map((c) =>
      c.anyOf !== undefined
        ? eb.or(c.anyOf.map((w) => has(` ${w} `)))
        : has(` ${c.words.join(' ')}${c.prefix ? '' : ' '}`),
    ),
  );
}

/** The statements of the steps, on one connection. */
export class SqliteTextSteps {
  constructor(private readonly db: Kysely<Database>) {}

  /** The FTS matches in `band`, newest first, at most `budget` of them. */
  ftsMatches(match: string, band: SeqRange, budget: number) {
    return this.db
      .selectFrom('incident_fts')
      .select('incident_fts.rowid as r')
      .where(sql<SqlBool>`incident_fts match ${match}`)
      .where(all(ftsRowidBounds(band)))
      .orderBy('incident_fts.rowid', 'desc')
      .limit(budget);
  }

  /** The incidents of `matches` passing the filters, in its order, `limit` of them from `offset`. */
  rowsOf(
    matches: SelectQueryBuilder<Database, 'incident_fts', { r: bigint }>,
    filters: readonly Condition[],
    offset: number,
    limit: number,
  ): Promise<IncidentRow[]> {
    // CROSS JOIN keeps the FTS table outermost (SQLite never reorders it).
    return this.db
      .selectFrom(matches.as('m'))
      .crossJoin('incident')
      .whereRef('incident.seq', '=', 'm.r')
      .where(all(filters))
      .select(INCIDENT_SELECT)
      .orderBy('m.r', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /**
   * The next `budget` FTS matches in `band`, newest first, each checked against the filters in
   * the same statement (one read of each row; only the hits' seqs come back, with the lowest seq
   * looked at).
   */
  async textFirst(
    match: string,
    filters: readonly Condition[],
    band: SeqRange,
    budget: number,
  ): Promise<Step> {
    const rows = await this.db
      .selectFrom(this.ftsMatches(match, band, budget).as('m'))
      .crossJoin('incident')
      .whereRef('incident.seq', '=', 'm.r')
      .select(['m.r as s', sql<number>`case when ${all(filters)} then 1 else 0 end`.as('hit')])
      .orderBy('m.r', 'desc')
      .execute();
    return stepOf(rows, budget);
  }

  /**
   * The next `budget` rows of `band` passing the filters (SQLite picks the index by its
   * statistics), newest first, each checked against the text in the same statement.
   */
  async filtersFirst(
    clauses: readonly SearchClause[],
    filters: readonly Condition[],
    band: readonly Condition[],
    budget: number,
  ): Promise<Step> {
    const rows = await this.db
      .selectFrom('incident')
      .select([
        'incident.seq as s',
        sql<number>`case when ${textCondition(clauses)} then 1 else 0 end`.as('hit'),
      ])
      .where(all([...band, ...filters]))
      .orderBy('incident.seq', 'desc')
      .limit(budget)
      .execute();
    return stepOf(rows, budget);
  }

  /** The lowest seq a bounded text step looked at, or null when it saw fewer than its budget (nothing left below). */
  async lowest(
    step: SelectQueryBuilder<Database, 'incident_fts', { r: bigint }>,
    budget: number,
  ): Promise<bigint | null> {
    const row = await this.db
      .selectFrom(step.as('s'))
      .select([sql<bigint>`count(*)`.as('n'), sql<bigint | null>`min(r)`.as('low')])
      .executeTakeFirst();
    if (row === undefined || Number(row.n) < budget || row.low === null) return null;
    return BigInt(row.low);
  }

  /** Of the next `budget` FTS matches in `band`: how many pass the filters, and the lowest seq looked at (null: fewer than the budget, nothing left). */
  async textFirstCount(
    match: string,
    filters: readonly Condition[],
    band: SeqRange,
    budget: number,
  ): Promise<{ hits: number; low: bigint | null }> {
    const row = await this.db
      .selectFrom(this.ftsMatches(match, band, budget).as('m'))
      .crossJoin('incident')
      .whereRef('incident.seq', '=', 'm.r')
      .select([
        sql<bigint>`count(*)`.as('n'),
        sql<bigint | null>`min(m.r)`.as('low'),
        sql<bigint>`coalesce(sum(case when ${all(filters)} then 1 else 0 end), 0)`.as('hits'),
      ])
      .executeTakeFirst();
    return stepCount(row, budget);
  }

  /** Of the next `budget` rows of `band` passing the filters: how many match the text, and the lowest seq looked at. */
  async filtersFirstCount(
    clauses: readonly SearchClause[],
    filters: readonly Condition[],
    band: SeqRange,
    budget: number,
  ): Promise<{ hits: number; low: bigint | null }> {
    const candidates = this.db
      .selectFrom('incident')
      .select(['incident.seq as s', 'search_text'])
      .where(all([...rangeConditions(band), ...filters]))
      .orderBy('incident.seq', 'desc')
      .limit(budget);
    const row = await this.db
      .selectFrom(candidates.as('c'))
      .select([
        sql<bigint>`count(*)`.as('n'),
        sql<bigint | null>`min(c.s)`.as('low'),
        sql<bigint>`coalesce(sum(case when ${textCondition(clauses)} then 1 else 0 end), 0)`.as('hits'),
      ])
      .executeTakeFirst();
    return stepCount(row, budget);
  }
}

/** A step's hits (rows flagged `hit`, in order) and its lowest seq (null: fewer rows than the budget, nothing left below). */
function stepOf(rows: readonly { s: bigint; hit: number | bigint }[], budget: number): Step {
  const last = rows[rows.length - 1];
  return {
    hits: rows.filter((r) => Number(r.hit) === 1).map((r) => BigInt(r.s)),
    examined: rows.length,
    low: last === undefined || rows.length < budget ? null : BigInt(last.s),
  };
}

function stepCount(
  row: { n: bigint; low: bigint | null; hits: bigint } | undefined,
  budget: number,
): { hits: number; low: bigint | null } {
  if (row === undefined) return { hits: 0, low: null };
  return { hits: Number(row.hits), low: Number(row.n) < budget || row.low === null ? null : BigInt(row.low) };
}

/**
 * The band of a filters-first step as conditions. With a filter that has an index of its own,
 * each bound is marked likely (15/16, SQLite's likelihood()): its statistics otherwise often made
 * the planner scan the band's rows by seq for the filter's, reading thousands of rows where the
 * filter's index, still bounded by the band (place=? AND rowid>? AND rowid<?), reads the budget:
 * 27 ms instead of under 1 ms for a city's 256 newest of 100,000 incidents. Without such a filter
 * the bounds stay plain: marked, they would make SQLite scan the whole table.
 */
export function bandConditions(band: SeqRange, indexedFilter: boolean): Condition[] {
  const bounds = rangeConditions(band);
  return indexedFilter ? bounds.map((c) => sql<SqlBool>`likelihood(${c}, 0.9375)`) : bounds;
}

/** The seq range as constraints on the FTS table's rowid, which FTS5 applies while reading its index. */
export function ftsRowidBounds(range: SeqRange): Condition[] {
  const out: Condition[] = [];
  if (range.min !== null) out.push(sql<SqlBool>`incident_fts.rowid >= ${range.min}`);
  if (range.max !== null) out.push(sql<SqlBool>`incident_fts.rowid < ${range.max}`);
  return out;
}
