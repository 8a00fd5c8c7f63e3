import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import { copyIn, CopyRows } from './pg-copy-in.ts';
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
 * The bulk path: multi-row prepared inserts (one SQL text per chunk size), below the parameter
 * limits of both dialects; on PostgreSQL without a `tail`, COPY. Kysely's builder compiles each
 * query anew, which costs more than the insert itself at a million rows. Runs inside the caller's
 * transaction. Returns the rows the `tail`'s RETURNING clause gives back.
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
  if (postgres && !options.tail) {
    await copyRowsIn(db, table, columns, rows, fill, options.onChunk);
    return [];
  }
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

/** Rows per COPY: a few megabytes of text at a time, whatever the count. */
const COPY_ROWS = 20_000;

/**
 * PostgreSQL: the rows by `COPY table (columns) FROM STDIN`, COPY_ROWS at a time. The node `pg`
 * client prepares no statement: a VALUES list of thousands of parameters was sent, parsed and
 * planned anew for each chunk (storing the obligations of 1,000,000 receipts: 31.8 s with VALUES,
 * see the README for COPY).
 */
async function copyRowsIn<T>(
  db: Kysely<Database>,
  table: string,
  columns: readonly string[],
  rows: readonly T[],
  fill: (item: T, params: unknown[]) => void,
  onChunk: ((done: number, total: number) => void) | undefined,
): Promise<void> {
  const statement = `copy ${table} (${columns.join(',')}) from stdin`;
  const params: unknown[] = [];
  const copyRows = new CopyRows(`bulk insert into ${table}`);
  for (let start = 0; start < rows.length; start += COPY_ROWS) {
    const end = Math.min(start + COPY_ROWS, rows.length);
    for (let i = start; i < end; i++) {
      const item = rows[i];
      if (item === undefined) continue;
      params.length = 0;
      fill(item, params);
      if (params.length !== columns.length)
        throw new Error(
          `bulk insert into ${table}: ${String(params.length)} values for ${String(columns.length)} columns`,
        );
      copyRows.add(params);
    }
    await copyIn(db, statement, copyRows.take());
    onChunk?.(end, rows.length);
  }
}
