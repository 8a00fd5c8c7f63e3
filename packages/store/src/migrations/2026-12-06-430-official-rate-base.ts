import { sql, type Kysely } from 'kysely';

// Official rates keyed by the currency they are quoted in (issue 11): the National Bank of
// Kazakhstan's tenge rates and another jurisdiction's (the Reserve Bank of India's rupee rates)
// for the same currency and day live side by side. Rows stored before are tenge rates (NBK). The
// table is rebuilt because SQLite cannot change a primary key in place.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('official_rate_by_base')
    .addColumn('base', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('rate_text', 'text', (c) => c.notNull())
    .addColumn('units', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addPrimaryKeyConstraint('official_rate_base_pk', ['base', 'currency', 'date'])
    .execute();
  await sql`insert into official_rate_by_base (base, currency, date, rate_text, units, source, batch_id)
    select 'KZT', currency, date, rate_text, units, source, batch_id from official_rate`.execute(db);
  await db.schema.dropTable('official_rate').execute();
  await db.schema.alterTable('official_rate_by_base').renameTo('official_rate').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('official_rate_kzt')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('rate_text', 'text', (c) => c.notNull())
    .addColumn('units', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addPrimaryKeyConstraint('official_rate_pk', ['currency', 'date'])
    .execute();
  await sql`insert into official_rate_kzt (currency, date, rate_text, units, source, batch_id)
    select currency, date, rate_text, units, source, batch_id from official_rate where base = 'KZT'`.execute(
    db,
  );
  await db.schema.dropTable('official_rate').execute();
  await db.schema.alterTable('official_rate_kzt').renameTo('official_rate').execute();
}
