import type { Kysely } from 'kysely';

// Issue 12: RFC 3161 timestamps of chain heads from a time-stamping authority (TSA_URL). A token
// proves the chain up to `seq` existed by `stamped_at`; it sits beside the log (append-only rows)
// like the signatures. Migrations take Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('log_timestamp')
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('entry_hash', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('stamped_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('log_timestamp_pk', ['organisation', 'seq'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('log_timestamp').execute();
}
