import { sql, type Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import { epochDay, type CalendarDate } from '@civic/core';
import { COLUMNS } from './incident-row.ts';
import { sqliteHandle } from './raw-sqlite.ts';
import type { Database } from './schema.ts';

/**
 * `seq` orders incidents by date: (days since 1970 + 100000) · 2³² + n, n counting the incidents
 * of that day in insertion order. So "newest first" is "seq descending", an index on any one
 * column is also in date order (SQLite appends the rowid to every index), a date range is a seq
 * range, and FTS5 can hand back matches newest-first and stop after a page. Values stay below
 * 2⁵³ for dates before the year 2240.
 */
export const SEQ_DAY = 2 ** 32;
const DAY_OFFSET = 100_000;

export function seqDayStart(date: string): bigint {
  return BigInt(epochDay(date as CalendarDate) + DAY_OFFSET) * BigInt(SEQ_DAY);
}

/** The insert of `rows` incidents (seq first, then COLUMNS), with `?` or `$n` parameters. */
export function insertSql(rows: number, postgres: boolean): string {
  const n = COLUMNS.length + 1;
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const ps: string[] = [];
    for (let c = 1; c <= n; c++) ps.push(postgres ? `$${r * n + c}` : '?');
    tuples.push(`(${ps.join(',')})`);
  }
  return `insert into incident (seq,${COLUMNS.join(',')}) values ${tuples.join(',')}`;
}

/**
 * The seqs of new incidents for one writer: each day's next n is looked up once (the day's
 * highest seq stored, or its start when the table was empty at open) and counted on from there.
 */
export class DaySeqs {
  /** Next n for each day touched by this writer. */
  private readonly nextOfDay = new Map<string, bigint>();
  /** SQLite: the raw connection (see raw-sqlite.ts) and its statement for a day's highest seq. */
  private readonly raw: SQLite.Database | undefined;
  private maxOfDay: SQLite.Statement | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly emptyAtOpen: () => boolean,
  ) {
    this.raw = sqliteHandle(db);
  }

  /** The next seq of `date` when the day was met before by this writer (no database read). */
  take(date: string, first?: bigint): bigint | undefined {
    const next = this.nextOfDay.get(date) ?? first;
    if (next !== undefined) this.nextOfDay.set(date, next + 1n);
    return next;
  }

  /** The next seq of `date`, its day's first looked up when needed. */
  async next(date: string): Promise<bigint> {
    return this.take(date) ?? this.take(date, await this.firstOfDay(date)) ?? 0n;
  }

  private async firstOfDay(date: string): Promise<bigint> {
    const start = seqDayStart(date);
    if (this.emptyAtOpen()) return start;
    const max = await this.maxOfDayFrom(start);
    return max === null ? start : max + 1n;
  }

  private async maxOfDayFrom(start: bigint): Promise<bigint | null> {
    const end = start + BigInt(SEQ_DAY);
    let max: bigint | number | null | undefined;
    if (this.raw) {
      this.maxOfDay ??= this.raw.prepare('select max(seq) as max from incident where seq >= ? and seq < ?');
      max = (this.maxOfDay.get(start, end) as { max: bigint | number | null } | undefined)?.max;
    } else {
      const row = await this.db
        .selectFrom('incident')
        .select(sql<bigint | null>`max(seq)`.as('max'))
        .where('seq', '>=', start)
        .where('seq', '<', end)
        .executeTakeFirst();
      max = row?.max;
    }
    return max === null || max === undefined ? null : BigInt(max);
  }
}
