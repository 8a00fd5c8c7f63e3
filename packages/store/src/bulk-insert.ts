import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function insertSql(
  table: string,
  columns: readonly string[],
  rows: number,
  postgres: boolean,
  tail: string,
): string {
  const n = columns.length;
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const ps: string[] = [];
    for (let c = 1; c <= n; c++) ps.push(postgres ? `$${String(r * n + c)}` : '?');
    tuples.push(`(${ps.join(',')})`);
  }
  return `insert into ${table} (${columns.join(',')}) values ${tuples.join(',')}${tail ? ` ${tail}` : ''}`;
}

export interface BulkInsertOptions {
  /** SQL after the VALUES list, e.g. `on conflict (a, b) do nothing returning b`. */
  readonly tail?: string;
  readonly onChunk?: (done: number, total: number) => void;
}

/**
 * The bulk path: multi-row prepared inserts (one SQL text per chunk size, so the driver reuses
 * it), below the parameter limits of both dialects. Kysely's builder compiles each query anew,
 * which costs more than the insert itself at a million rows. Runs inside the caller's transaction.
 * Returns the rows the `tail`'s RETURNING clause gives back.
 */
export async function bulkInsert<R = unknown>(
  db: Kysely<Database>,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: BulkInsertOptions = {},
): Promise<R[]> {
  return bulkInsertWith<readonly unknown[], R>(
    db,
    table,
    columns,
    rows,
    (row, params) => {
      for (const v of row) params.push(v);
    },
    options,
  );
}

/**
 * Like `bulkInsert`, but `fill` pushes each item's column values straight into the statement's
 * parameter list (no intermediate row arrays: at a million rows the garbage costs seconds).
 */
export async function bulkInsertWith<T, R = unknown>(
  db: Kysely<Database>,
  table: string,
  columns: readonly string[],
  items: readonly T[],
  fill: (item: T, params: unknown[]) => void,
  options: BulkInsertOptions = {},
): Promise<R[]> {
  const rows = items;
  const postgres = isPostgres(db);
  const chunk = Math.max(1, Math.floor((postgres ? 30_000 : 8_000) / columns.length));
  const tail = options.tail ?? '';
  const full = insertSql(table, columns, chunk, postgres, tail);
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += chunk) {
    const end = Math.min(start + chunk, rows.length);
    const params: unknown[] = [];
    for (let i = start; i < end; i++) {
      const item = rows[i];
      if (item !== undefined) fill(item, params);
    }
    const text = end - start === chunk ? full : insertSql(table, columns, end - start, postgres, tail);
    const result = await db.executeQuery<R>(CompiledQuery.raw(text, params));
    for (const r of result.rows) out.push(r);
    options.onChunk?.(Math.min(start + chunk, rows.length), rows.length);
  }
  return out;
}
