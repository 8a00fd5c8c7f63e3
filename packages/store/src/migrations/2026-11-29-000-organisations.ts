import type { Kysely } from 'kysely';

// Migrations take Kysely<any> and never import app code: they must run unchanged forever.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bin', 'text')
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('KZ'))
    .addColumn('city', 'text')
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('setting').execute();
  await db.schema.dropTable('organisation').execute();
}
