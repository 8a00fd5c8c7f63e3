import { sql, type Kysely } from 'kysely';
import { copyIn, CopyRows } from './pg-copy-in.ts';
import type { Database } from './schema.ts';

/**
 * Incident rows in COPY's text format (copyIn), gathered until the writer copies them into
 * `table` (incident, or the staging table of stageIncidentLoadPg). COPY costs the client no
 * array encoding and the server no array parsing, where `unnest` of one array per column did
 * both for every value (issue 14).
 */
export class IncidentCopyRows {
  /** The COPY statement for these columns into `table`. */
  readonly statement: string;
  private readonly rows: CopyRows;

  constructor(columns: readonly string[], table: string) {
    this.statement = `copy ${table} (${columns.join(',')}) from stdin`;
    this.rows = new CopyRows(table);
  }

  get count(): number {
    return this.rows.count;
  }

  /** Adds a row: strings, numbers, bigints or null, in the statement's column order. */
  add(row: readonly unknown[]): void {
    this.rows.add(row);
  }

  /** Copies the rows gathered (if any) on the connection of `db`, and forgets them. */
  async copy(db: Kysely<Database>): Promise<void> {
    if (this.rows.count === 0) return;
    await copyIn(db, this.statement, this.rows.take());
  }
}

/**
 * Loading an empty incident table on PostgreSQL: its secondary indexes (the full-text GIN index
 * above all) and its unique constraints other than the key are dropped, to be built once from all
 * the rows by the returned statements, which is several times cheaper than maintaining them row by
 * row. The table is locked first and checked again, so no other transaction writes (or reads) it
 * until the load commits; all of it is transactional, so a failed load gets its indexes and
 * constraints back. Returns the names and statements that recreate them, or undefined when the
 * table turned out not to be empty (another transaction loaded it meanwhile).
 */
export async function dropIncidentIndexesPg(
  db: Kysely<Database>,
): Promise<{ name: string; sql: string }[] | undefined> {
  await sql`lock table incident in access exclusive mode`.execute(db);
  const any = await db.selectFrom('incident').select('seq').limit(1).executeTakeFirst();
  if (any !== undefined) return undefined;
  const indexes = await sql<{ name: string; sql: string }>`
    select i.relname as name, pg_get_indexdef(x.indexrelid) as sql
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    where t.oid = to_regclass('incident')
      and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
    order by i.relname`.execute(db);
  for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
  return [...indexes.rows, ...(await dropUniqueConstraintsPg(db))];
}

/**
 * The incident table's unique constraints (the id's) that no foreign key relies on, dropped for
 * the load like its indexes and given back in the same form (name and definition) after it. The
 * staged rows move in seq order, so their ids (made in file order) went into the constraint's
 * index at random places; built once after the move by a sort instead (issue 14: 200k incidents,
 * the move 7.1 → 6.4 server CPU-s with the build, mean of four runs each).
 */
async function dropUniqueConstraintsPg(db: Kysely<Database>): Promise<{ name: string; sql: string }[]> {
  const constraints = await sql<{ name: string; definition: string }>`
    select c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    where c.conrelid = to_regclass('incident') and c.contype = 'u'
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)
    order by c.conname`.execute(db);
  const dropped: { name: string; sql: string }[] = [];
  for (const { name, definition } of constraints.rows) {
    await sql`alter table incident drop constraint ${sql.id(name)}`.execute(db);
    const quoted = `"${name.replace(/"/g, '""')}"`;
    dropped.push({ name, sql: `alter table incident add constraint ${quoted} ${definition}` });
  }
  return dropped;
}

/**
 * A load into an empty table on PostgreSQL (the lock and the dropped secondary indexes of
 * dropIncidentIndexesPg held) goes first to a temporary table, `incident_load` (no index, not
 * written to the WAL; dropped at the end of the transaction), and then, by
 * moveStagedIncidentsPg, into the table in seq order: so the table is stored in date order like
 * SQLite's (rowid = seq) table. Every search page walks an index newest first and reads its rows
 * from the table; with the rows stored in file order, each was on a page of its own (issue 14: a
 * phrase with a legal basis at 1M read 22,000 pages for 21 rows, 60-300 ms). A 1M import costs
 * the server 66 CPU-s this way, 60 inserting in file order, 68 rewriting the table afterwards by
 * CLUSTER (which also writes the whole table a second time).
 * The stage computes each row's tsvector as it is copied in (a generated column there), so the
 * server does it while the client is still parsing, and the move copies it (migration 730: the
 * table's column is kept by a trigger, off for the move). Computed in the move it was most of the
 * move's time: 4.9 of its 5.4 server CPU-s at 200k incidents, with the other core idle.
 */
export async function stageIncidentLoadPg(db: Kysely<Database>): Promise<void> {
  await sql`create temp table incident_load (like incident including defaults) on commit drop`.execute(db);
  await sql`alter table incident_load drop column search`.execute(db);
  await sql`alter table incident_load add column search tsvector generated always as (to_tsvector('simple', search_text)) stored`.execute(
    db,
  );
}

/**
 * Moves the rows staged by stageIncidentLoadPg into the incident table, in seq order, with their
 * tsvector: the trigger that would compute it again (incident_keep_search) is off for the move,
 * inside the load's transaction (which holds the table's lock), so a failed load leaves it on.
 */
export async function moveStagedIncidentsPg(db: Kysely<Database>, columns: readonly string[]): Promise<void> {
  const list = [...columns, 'search'].join(',');
  await sql`alter table incident disable trigger incident_keep_search`.execute(db);
  await sql.raw(`insert into incident (${list}) select ${list} from incident_load order by seq`).execute(db);
  await sql`alter table incident enable trigger incident_keep_search`.execute(db);
  await sql`drop table incident_load`.execute(db);
}

/**
 * Builds again the indexes and constraints dropIncidentIndexesPg dropped, with more memory for
 * the builds than a query gets (PostgreSQL's maintenance_work_mem, for this transaction only, put
 * back after): the full-text GIN index collects its entries in that memory and writes them out
 * each time it is full (issue 14: 200k incidents, the GIN build 2.32 → 1.99 server CPU-s).
 */
export async function rebuildIncidentIndexesPg(
  db: Kysely<Database>,
  dropped: readonly { name: string; sql: string }[],
): Promise<void> {
  if (dropped.length === 0) return;
  const before = await sql<{ mem: string }>`select current_setting('maintenance_work_mem') as mem`.execute(
    db,
  );
  await sql`select set_config('maintenance_work_mem', ${BUILD_MEMORY}, true)`.execute(db);
  for (const index of dropped) await sql.raw(index.sql).execute(db);
  const mem = before.rows[0]?.mem;
  if (mem !== undefined) await sql`select set_config('maintenance_work_mem', ${mem}, true)`.execute(db);
}

const BUILD_MEMORY = '256MB';
