import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { SearchClause } from '@civic/core';
import { INCIDENT_SELECT, type IncidentRow } from './incident.repository.ts';
import type { Database } from './schema.ts';
import {
  all,
  BaseIncidentSearch,
  countRows,
  eb,
  rangeConditions,
  type Condition,
  type PageRequest,
  type SeqRange,
} from './incident-query.ts';
import { SearchStepPlan } from './search-step-plan.ts';

/** A prefix matching more known words than this is left to FTS5's own prefix query. */
const MAX_EXPANSION = 64;

/** Rows a step of a filtered text search examines first (see SearchStepPlan). */
const FIRST_BUDGET = 256;

/** The fewest rows a later step examines (fewer when the first budget is smaller). */
const MIN_BUDGET = 32;

/** What one step of a filtered text search found: the seqs of its hits, and how far down it looked. */
interface Step {
  readonly hits: bigint[];
  /** How many rows the step examined. */
  readonly examined: number;
  /** Every match with seq in [low, the step's max) is in `hits` (null: the whole range was examined). */
  readonly low: bigint | null;
}

/**
 * SQLite: FTS5 over incident.search_text (external content, rowid = seq). A text query without
 * other filters is a join driven by the FTS table in rowid order, descending — which is date
 * order — so a page of a common word stops after the page instead of collecting every match.
 *
 * With filters, neither side alone is fast for every query: a common word with a rare place
 * reads thousands of matches to find a page; a rare word with a common filter reads thousands of
 * filtered rows. So the page is collected from the top of the seq range down in alternating
 * bounded steps — "text first" (the next N matches of the FTS index, each row checked against
 * the filters) and "filters first" (the next N rows of the best filter index, each checked
 * against the text) — with N doubling, until the page is full or one side runs out. Each step
 * covers a contiguous seq band completely, so the rows come out in order, and the cost is within
 * a small factor of the better strategy, whatever the words and filters are.
 *
 * The "filters first" text test reads the row's search_text: it is core's searchWords joined by
 * single spaces, exactly the tokens the `ascii` tokenizer indexes, so a clause matches a row iff
 * " w1 w2 " (or " w1 pre" for a prefix) occurs in " search_text " — the same test as FTS5's.
 */
export class SqliteIncidentSearch extends BaseIncidentSearch {
  readonly dialect = 'sqlite' as const;

  /** `firstBudget`: rows the first step of a filtered text search examines (tests make it tiny to exercise many steps). */
  constructor(
    db: Kysely<Database>,
    private readonly firstBudget: number = FIRST_BUDGET,
  ) {
    super(db);
  }

  /**
   * FTS5 query text: each clause a quoted phrase, clauses joined by AND. A prefix clause is an OR
   * of the phrases ending in each known word with that prefix (`expansions`), read lazily in
   * rowid order; without an expansion (too many words) it falls back to FTS5's `"…"*`.
   */
  static ftsQuery(
    clauses: readonly SearchClause[],
    expansions: ReadonlyMap<SearchClause, readonly string[]> = new Map(),
  ): string {
    return clauses
      .map((c) => {
        if (c.anyOf !== undefined) return `(${c.anyOf.map((w) => `"${w}"`).join(' OR ')})`;
        const words = expansions.get(c);
        if (words === undefined) return `"${c.words.join(' ')}"${c.prefix ? '*' : ''}`;
        const stem = c.words.slice(0, -1);
        return `(${words.map((w) => `"${[...stem, w].join(' ')}"`).join(' OR ')})`;
      })
      .join(' AND ');
  }

  /** The same clauses as a test on one row's search_text (see the class comment). */
  static textCondition(clauses: readonly SearchClause[]): Condition {
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

  /** The known words for each prefix clause (null: a prefix no incident has, so nothing matches). */
  private async expand(
    clauses: readonly SearchClause[],
  ): Promise<Map<SearchClause, readonly string[]> | null> {
    const out = new Map<SearchClause, readonly string[]>();
    for (const c of clauses) {
      const last = c.words[c.words.length - 1];
      if (!c.prefix || last === undefined) continue;
      const rows = await this.db
        .selectFrom('incident_term')
        .select('term')
        .where('term', '>=', last)
        .where('term', '<', `${last}\uffff`)
        .orderBy('term')
        .limit(MAX_EXPANSION + 1)
        .execute();
      if (rows.length === 0) return null;
      if (rows.length <= MAX_EXPANSION)
        out.set(
          c,
          rows.map((r) => r.term),
        );
    }
    return out;
  }

  protected async page({
    clauses,
    filters,
    indexedFilter,
    range,
    limit,
    offset,
  }: PageRequest): Promise<IncidentRow[]> {
    const need = limit + offset;
    if (clauses.length === 0) {
      // The band marked likely, as in a filters-first step: with a date range, SQLite otherwise
      // often walked the range by seq checking the filter (816 rows for a page of one action type
      // in 16) instead of that filter's index bounded by the range (51 rows).
      return this.db
        .selectFrom('incident')
        .where(all([...bandConditions(range, indexedFilter), ...filters]))
        .select(INCIDENT_SELECT)
        .orderBy('incident.seq', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
    }
    const expansions = await this.expand(clauses);
    if (expansions === null || need === 0) return [];
    const match = SqliteIncidentSearch.ftsQuery(clauses, expansions);
    // Without filters every match is a hit: the page is the FTS index's next matches.
    if (filters.length === 0) return this.rowsOf(this.ftsMatches(match, range, need), [], offset, limit);
    return this.filteredTextPage(match, { clauses, filters, indexedFilter, range, limit, offset });
  }

  /**
   * A page of text with filters, by the steps SearchStepPlan orders. The first (text) step reads
   * whole rows: a filter most matches pass (a viewer's visibility) fills the page there, in one
   * statement. Later steps return only their hits' seqs; the page's other rows are read once at the end.
   */
  private async filteredTextPage(match: string, request: PageRequest): Promise<IncidentRow[]> {
    const { clauses, filters, indexedFilter, range, limit, offset } = request;
    const need = limit + offset;
    const plan = new SearchStepPlan(need, this.firstBudget, Math.min(this.firstBudget, MIN_BUDGET));
    const first = plan.next(0);
    const firstMatches = this.ftsMatches(match, range, first.budget);
    const known = await this.rowsOf(firstMatches, filters, 0, need);
    if (known.length >= need) return known.slice(offset, need);
    const firstLow = await this.lowest(firstMatches, first.budget);
    plan.record(first.side, first.budget, first.budget, known.length);
    const hits = known.map((r) => BigInt(r.seq));
    for (let max = firstLow; max !== null && hits.length < need;) {
      const band = { min: range.min, max };
      const { side, budget } = plan.next(hits.length);
      const step =
        side === 'text'
          ? await this.textFirst(match, filters, band, budget)
          : await this.filtersFirst(clauses, filters, bandConditions(band, indexedFilter), budget);
      plan.record(side, budget, step.examined, step.hits.length);
      hits.push(...step.hits);
      max = step.low;
    }
    const page = hits.slice(offset, need);
    const read = new Map(known.map((r) => [BigInt(r.seq), r]));
    const rest = page.filter((s) => !read.has(s));
    if (rest.length > 0) {
      const rows = await this.db
        .selectFrom('incident')
        .where(sql<SqlBool>`incident.seq in (select value from json_each(${`[${rest.join(',')}]`}))`)
        .select(INCIDENT_SELECT)
        .execute();
      for (const r of rows) read.set(BigInt(r.seq), r);
    }
    return page.flatMap((s) => read.get(s) ?? []);
  }

  /** The FTS matches in `band`, newest first, at most `budget` of them. */
  private ftsMatches(match: string, band: SeqRange, budget: number) {
    return this.db
      .selectFrom('incident_fts')
      .select('incident_fts.rowid as r')
      .where(sql<SqlBool>`incident_fts match ${match}`)
      .where(all(ftsRowidBounds(band)))
      .orderBy('incident_fts.rowid', 'desc')
      .limit(budget);
  }

  /** The incidents of `matches` passing the filters, in its order, `limit` of them from `offset`. */
  private rowsOf(
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
  private async textFirst(
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
  private async filtersFirst(
    clauses: readonly SearchClause[],
    filters: readonly Condition[],
    band: readonly Condition[],
    budget: number,
  ): Promise<Step> {
    const rows = await this.db
      .selectFrom('incident')
      .select([
        'incident.seq as s',
        sql<number>`case when ${SqliteIncidentSearch.textCondition(clauses)} then 1 else 0 end`.as('hit'),
      ])
      .where(all([...band, ...filters]))
      .orderBy('incident.seq', 'desc')
      .limit(budget)
      .execute();
    return stepOf(rows, budget);
  }

  /** The lowest seq a bounded text step looked at, or null when it saw fewer than its budget (nothing left below). */
  private async lowest(
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

  /**
   * Text with filters is counted by the same alternating bounded steps as a page (see the class
   * comment), each step counting its band's matches instead of reading them; a cap stops it as
   * soon as more than the cap are found.
   */
  protected async count(
    clauses: readonly SearchClause[],
    filters: readonly Condition[],
    range: SeqRange,
    cap: number | null,
  ): Promise<number> {
    if (clauses.length === 0)
      return countRows(
        this.db,
        this.db.selectFrom('incident').where(all([...rangeConditions(range), ...filters])),
        cap,
      );
    const expansions = await this.expand(clauses);
    if (expansions === null) return 0;
    const match = SqliteIncidentSearch.ftsQuery(clauses, expansions);
    // Without filters every FTS match is a row.
    if (filters.length === 0)
      return countRows(
        this.db,
        this.db
          .selectFrom('incident_fts')
          .where(sql<SqlBool>`incident_fts match ${match}`)
          .where(all(ftsRowidBounds(range))),
        cap,
      );
    const enough = cap === null ? Infinity : cap + 1;
    let total = 0;
    let max = range.max;
    let budget = this.firstBudget;
    for (let textFirst = true; ; textFirst = !textFirst) {
      const band = { min: range.min, max };
      const step = textFirst
        ? await this.textFirstCount(match, filters, band, budget)
        : await this.filtersFirstCount(clauses, filters, band, budget);
      total += step.hits;
      if (total >= enough || step.low === null) return total;
      max = step.low;
      if (!textFirst) budget *= 2;
    }
  }

  /** Of the next `budget` FTS matches in `band`: how many pass the filters, and the lowest seq looked at (null: fewer than the budget, nothing left). */
  private async textFirstCount(
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
  private async filtersFirstCount(
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
        sql<bigint>`coalesce(sum(case when ${SqliteIncidentSearch.textCondition(clauses)} then 1 else 0 end), 0)`.as(
          'hits',
        ),
      ])
      .executeTakeFirst();
    return stepCount(row, budget);
  }

  /**
   * The text as a condition for counting every match: when the other filters leave few rows
   * (at most 64 first budgets), each of them is tested against the text (as a filters-first
   * step does); otherwise `seq in (the FTS matches in range)`.
   */
  protected async textConditions(
    clauses: readonly SearchClause[],
    filters: readonly Condition[],
    range: SeqRange,
  ): Promise<Condition[] | null> {
    if (clauses.length === 0) return [];
    const expansions = await this.expand(clauses);
    if (expansions === null) return null;
    const few = this.firstBudget * 64;
    if (
      filters.length > 0 &&
      (await countRows(
        this.db,
        this.db.selectFrom('incident').where(all([...rangeConditions(range), ...filters])),
        few,
      )) <= few
    ) {
      return [SqliteIncidentSearch.textCondition(clauses)];
    }
    const matches = this.db
      .selectFrom('incident_fts')
      .select('incident_fts.rowid')
      .where(sql<SqlBool>`incident_fts match ${SqliteIncidentSearch.ftsQuery(clauses, expansions)}`)
      .where(all(ftsRowidBounds(range)));
    return [sql<SqlBool>`incident.seq in (${matches})`];
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
function bandConditions(band: SeqRange, indexedFilter: boolean): Condition[] {
  const bounds = rangeConditions(band);
  return indexedFilter ? bounds.map((c) => sql<SqlBool>`likelihood(${c}, 0.9375)`) : bounds;
}

/** The seq range as constraints on the FTS table's rowid, which FTS5 applies while reading its index. */
function ftsRowidBounds(range: SeqRange): Condition[] {
  const out: Condition[] = [];
  if (range.min !== null) out.push(sql<SqlBool>`incident_fts.rowid >= ${range.min}`);
  if (range.max !== null) out.push(sql<SqlBool>`incident_fts.rowid < ${range.max}`);
  return out;
}
