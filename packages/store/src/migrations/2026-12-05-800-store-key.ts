import type { Kysely } from 'kysely';

// The wrapped data key of a set-up whose database cannot be encrypted by CivicLedger (PostgreSQL):
// the key for stored files, wrapped under the operator's CIVIC_DB_KEY / key file exactly as the
// SQLite wrapped-key file is. One row per purpose ('files'). Migrations take Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('store_key')
    .addColumn('purpose', 'text', (c) => c.primaryKey())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('store_key').execute();
}
