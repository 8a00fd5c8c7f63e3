import { sql, type Kysely, type SqlBool } from 'kysely';
import type { SearchClause } from '@civic/core';
import { INCIDENT_SELECT, type IncidentRow } from './incident.repository.ts';
import type { Database } from './schema.ts';
import {
  all,
  BaseIncidentSearch,
  countRows,
  rangeConditions,
  type Condition,
  type PageRequest,
  type SeqRange,
} from './incident-query.ts';
import { SearchStepPlan } from './search-step-plan.ts';
import { bandConditions, ftsRowidBounds, SqliteTextSteps, textCondition } from './sqlite-text-steps.ts';

/** A prefix matching more known words than this is left to FTS5's own prefix query. */
const MAX_EXPANSION = 64;

/** Rows a step of a filtered text search examines first (see SearchStepPlan). */
const FIRST_BUDGET = 256;

/** The fewest rows a later step examines (fewer when the first budget is smaller). */
const MIN_BUDGET = 32;

/**
 * SQLite: FTS5 over incident.search_text (external content, rowid = seq). A text query without
 * other filters is a join driven by the FTS table in rowid order, descending — which is date
 * order — so a page of a common word stops after the page instead of collecting every match.
 *
 * With filters, neither side alone is fast for every query: a common word with a rare place
 * reads thousands of matches to find a page; a rare word with a common filter reads thousands of
 * filtered rows. So the page is collected from the top of the seq range down in bounded steps —
 * "text first" (the next N matches of the FTS index, each row checked against the filters) and
 * "filters first" (the next N rows of the best filter index, each checked against the text) —
 * each side once, then the side finding more hits per row (SearchStepPlan), until the page is
 * full or the range is exhausted. Each step covers a contiguous seq band completely, so the rows
 * come out in order whichever side read them. A count still alternates, with N doubling.
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
    this.steps = new SqliteTextSteps(db);
  }

  private readonly steps: SqliteTextSteps;

  /** The same clauses as a test on one row's search_text (see the class comment). */
  static readonly textCondition = textCondition;

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
    if (filters.length === 0)
      return this.steps.rowsOf(this.steps.ftsMatches(match, range, need), [], offset, limit);
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
    const firstMatches = this.steps.ftsMatches(match, range, first.budget);
    const known = await this.steps.rowsOf(firstMatches, filters, 0, need);
    if (known.length >= need) return known.slice(offset, need);
    const firstLow = await this.steps.lowest(firstMatches, first.budget);
    plan.record(first.side, first.budget, first.budget, known.length);
    const hits = known.map((r) => BigInt(r.seq));
    for (let max = firstLow; max !== null && hits.length < need;) {
      const band = { min: range.min, max };
      const { side, budget } = plan.next(hits.length);
      const step =
        side === 'text'
          ? await this.steps.textFirst(match, filters, band, budget)
          : await this.steps.filtersFirst(clauses, filters, bandConditions(band, indexedFilter), budget);
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
        ? await this.steps.textFirstCount(match, filters, band, budget)
        : await this.steps.filtersFirstCount(clauses, filters, band, budget);
      total += step.hits;
      if (total >= enough || step.low === null) return total;
      max = step.low;
      if (!textFirst) budget *= 2;
    }
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
      return [textCondition(clauses)];
    }
    const matches = this.db
      .selectFrom('incident_fts')
      .select('incident_fts.rowid')
      .where(sql<SqlBool>`incident_fts match ${SqliteIncidentSearch.ftsQuery(clauses, expansions)}`)
      .where(all(ftsRowidBounds(range)));
    return [sql<SqlBool>`incident.seq in (${matches})`];
  }
}
