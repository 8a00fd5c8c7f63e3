import { sql, type Kysely, type RawBuilder } from 'kysely';
import { sqliteHandle } from './raw-sqlite.ts';

// The balance's maintained totals (issue 17; migration 2026-12-07-760): `ledger_balance_total`
// holds, per organisation, dimension, key, currency and direction, the sums of the movements of
// each month (grain 'm', period YYYY-MM) and of each day (grain 'd', period YYYY-MM-DD). The
// balance reads the months (and, with a date, the days of its month) instead of every movement.
// Every writer of money moves them in its own transaction: `moveBalanceTotals(db, -1, …)` before a
// row changes or goes, `moveBalanceTotals(db, +1, …)` after it is written. What a row counts for
// is the recount's rule (ledger-balance-recount.ts), which a property test holds them to:
// - dimension 'grant': receipts by grant ('' = no grant) in, expenditure allocations out;
// - 'source': receipts by source in (allocations reach a source through their grant when read);
// - 'account': bank lines in/out, and receipts/expenditures entered by hand on an account.
// Bank lines carry no KZT equivalent: a KZT line is its own, a foreign one counts as missing.

/** Which rows move the totals: receipts or expenditures by id, or one bank import batch. */
export interface BalanceRows {
  readonly organisationId: string;
  readonly receipts?: readonly string[];
  readonly expenditures?: readonly string[];
  readonly batchId?: string;
}

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Ids per statement on SQLite (its bound parameters; each chunk found by its key). */
const CHUNK = 500;
/**
 * Ids per statement on PostgreSQL, sent as one array. Chunks of a few hundred listed ids cost a
 * scan each: rows inserted in the same transaction have no statistics yet, and the planner scans a
 * table that grew under it (seeding 1,000,000 movements took tens of minutes); a set of ids joined
 * once is one pass.
 */
const PG_CHUNK = 100_000;

const inList = (ids: readonly string[]): RawBuilder<unknown> => sql.join(ids.map((id) => sql`${id}`));

/** The ids as a set to test `id in (…)` against: listed on SQLite, one array on PostgreSQL. */
const idSet = (db: AnyDb, ids: readonly string[]): RawBuilder<unknown> =>
  sqliteHandle(db) ? sql`(${inList(ids)})` : sql`(select unnest(cast(${[...ids]} as text[])))`;

/** One contribution per row: o, dim, key, currency, direction, day, a (amount), k (KZT or null). */
function receiptRows(where: RawBuilder<unknown>): RawBuilder<unknown> {
  const base = (dim: string, key: RawBuilder<unknown>, extra: RawBuilder<unknown>) =>
    sql`select organisation_id as o, ${sql.lit(dim)} as dim, ${key} as key, currency, 'in' as direction,
      received_on as day, amount_minor as a, kzt_minor as k
      from ledger_receipt where ${where} and amount_minor is not null${extra}`;
  return sql`${base('grant', sql`coalesce(grant_id, '')`, sql``)}
    union all ${base('source', sql`coalesce(source_id, '')`, sql``)}
    union all ${base('account', sql`account_id`, sql` and bank_line is null and account_id is not null`)}`;
}

function expenditureRows(
  where: RawBuilder<unknown>,
  allocationWhere: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`select organisation_id as o, 'grant' as dim, grant_id as key, currency, 'out' as direction,
      spent_on as day, amount_minor as a, kzt_minor as k
      from ledger_allocation where ${allocationWhere}
    union all select organisation_id as o, 'account' as dim, account_id as key, currency, 'out' as direction,
      spent_on as day, amount_minor as a, kzt_minor as k
      from ledger_expenditure where ${where} and account_id is not null and bank_line is null`;
}

function bankRows(where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select organisation_id as o, 'account' as dim, account_id as key, currency,
      case when direction = 'in' then 'in' else 'out' end as direction, booked_on as day,
      amount_minor as a, case when currency = 'KZT' then amount_minor else null end as k
      from bank_line where ${where}`;
}

/**
 * Adds `sign` × the rows' sums into the totals: grouped by day first (one pass over the rows),
 * then each day's sums into its month and its day (`upsertDays`).
 */
async function upsert(db: AnyDb, sign: 1 | -1, rows: RawBuilder<unknown>): Promise<void> {
  await upsertDays(
    db,
    sign,
    sql`select r.o, r.dim, r.key, r.currency, r.direction, r.day, sum(r.a) as a, sum(r.k) as k,
        sum(case when r.k is null then 1 else 0 end) as m, count(*) as n
      from (${rows}) as r
      group by r.o, r.dim, r.key, r.currency, r.direction, r.day`,
  );
}

/**
 * Adds `sign` × sums by day into the totals of their months and days, in one grouped upsert. `days`
 * gives o, dim, key, currency, direction, day, a (sum of amounts), k (sum of KZT, null when none
 * is known), m (movements without KZT) and n (movements), one row per key and day.
 */
export async function upsertDays(db: AnyDb, sign: 1 | -1, days: RawBuilder<unknown>): Promise<void> {
  const s = sql.lit(sign);
  const period = sql`case when g.grain = 'm' then substr(d.day, 1, 7) else d.day end`;
  await sql`insert into ledger_balance_total
      (organisation_id, dim, grain, period, key, currency, direction, total, kzt, missing, n)
    select d.o, d.dim, g.grain, ${period}, d.key, d.currency, d.direction,
      cast(${s} * coalesce(sum(d.a), 0) as bigint), cast(${s} * coalesce(sum(d.k), 0) as bigint),
      cast(${s} * sum(d.m) as bigint), cast(${s} * sum(d.n) as bigint)
    from (${days}) as d cross join (select 'm' as grain union all select 'd' as grain) as g
    where true
    group by d.o, d.dim, g.grain, ${period}, d.key, d.currency, d.direction
    on conflict (organisation_id, dim, grain, period, key, currency, direction) do update set
      total = ledger_balance_total.total + excluded.total,
      kzt = ledger_balance_total.kzt + excluded.kzt,
      missing = ledger_balance_total.missing + excluded.missing,
      n = ledger_balance_total.n + excluded.n`.execute(db);
}

/**
 * Moves the maintained balance totals by the given rows' contributions: -1 before they change or
 * are deleted, +1 once they are written (inside the writer's transaction).
 */
export async function moveBalanceTotals(db: AnyDb, sign: 1 | -1, rows: BalanceRows): Promise<void> {
  const org = sql`organisation_id = ${rows.organisationId}`;
  // Rows by id are found by their key; the organisation is checked as an expression (no index
  // can serve it), else a planner may walk an organisation index, every row of it per chunk.
  const own = sql`(organisation_id || '') = ${rows.organisationId}`;
  const chunk = sqliteHandle(db) ? CHUNK : PG_CHUNK;
  const receipts = rows.receipts ?? [];
  for (let i = 0; i < receipts.length; i += chunk)
    await upsert(db, sign, receiptRows(sql`id in ${idSet(db, receipts.slice(i, i + chunk))} and ${own}`));
  const expenditures = rows.expenditures ?? [];
  for (let i = 0; i < expenditures.length; i += chunk) {
    const ids = idSet(db, expenditures.slice(i, i + chunk));
    await upsert(
      db,
      sign,
      expenditureRows(sql`id in ${ids} and ${own}`, sql`expenditure_id in ${ids} and ${own}`),
    );
  }
  if (rows.batchId !== undefined) {
    const batch = rows.batchId;
    await withBoundedReads(db, () => upsert(db, sign, bankRows(sql`${org} and batch_id = ${batch}`)));
  }
  if (sign < 0) await sql`delete from ledger_balance_total where ${org} and n = 0`.execute(db);
}

/**
 * Runs `fn` with SQLite's memory-mapped reads off and a small page cache: a batch's lines are found
 * by a scan of the organisation's bank lines (no index on the batch, which would cost every
 * imported line) and grouped by a sort. Read through mmap, that scan maps the whole table into the
 * process, and the sort holds up to a page cache of rows in memory; with neither, a 1,000,000-line
 * import stays within its memory bound (the sort spills to a temporary file past 8 MiB).
 */
async function withBoundedReads<T>(db: AnyDb, fn: () => Promise<T>): Promise<T> {
  const sqlite = sqliteHandle(db);
  if (!sqlite) return fn();
  const mmap = Number(sqlite.pragma('mmap_size', { simple: true }));
  const cache = Number(sqlite.pragma('cache_size', { simple: true }));
  sqlite.pragma('mmap_size = 0');
  sqlite.pragma('cache_size = -8192');
  try {
    return await fn();
  } finally {
    if (sqlite.open) {
      sqlite.pragma(`mmap_size = ${String(mmap)}`);
      sqlite.pragma(`cache_size = ${String(Math.trunc(cache))}`);
    }
  }
}

/** Counts every existing movement into the (empty) totals: the migration's and a rebuild's. */
export async function buildBalanceTotals(db: AnyDb): Promise<void> {
  await upsert(db, 1, receiptRows(sql`true`));
  await upsert(db, 1, expenditureRows(sql`true`, sql`true`));
  await upsert(db, 1, bankRows(sql`true`));
}

/** Ids grouped by organisation (a bulk insert may span several). */
export function idsByOrganisation(
  rows: readonly { readonly id: string; readonly organisationId: string }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const ids = out.get(r.organisationId);
    if (ids) ids.push(r.id);
    else out.set(r.organisationId, [r.id]);
  }
  return out;
}
