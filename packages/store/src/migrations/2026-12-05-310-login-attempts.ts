import type { Kysely } from 'kysely';

// Issue 12, defect 9: the login throttle reserves an attempt BEFORE the password is checked (one
// row per key, under the attempt's id), then settles it: a success or a right password waiting
// for its second factor deletes the reservation; a failure leaves it counted. Replaces
// login_failure, which was written only after the check (so 40 parallel guesses all got checked).
// Migrations take Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempt')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('attempt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempt_key_at').on('login_attempt').columns(['key', 'at']).execute();
  await db.schema.createIndex('login_attempt_attempt').on('login_attempt').column('attempt').execute();
  await db.schema.createIndex('login_attempt_at').on('login_attempt').column('at').execute();
  await db.schema.dropTable('login_failure').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_attempt').execute();
  await db.schema
    .createTable('login_failure')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
}
