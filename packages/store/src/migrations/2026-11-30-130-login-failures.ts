import type { Kysely } from 'kysely';

// Failed sign-ins, kept for the login throttle in the database rather than in one process's memory:
// every server process (the server runs one per core) and every restart sees the same count.
// Rows older than the throttle's window are deleted as new ones come. Migrations take Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_failure')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failure_key_at').on('login_failure').columns(['key', 'at']).execute();
  await db.schema.createIndex('login_failure_at').on('login_failure').column('at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_failure').execute();
}
