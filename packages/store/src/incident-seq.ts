import { epochDay, type CalendarDate } from '@civic/core';
import { COLUMNS } from './incident-row.ts';

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
