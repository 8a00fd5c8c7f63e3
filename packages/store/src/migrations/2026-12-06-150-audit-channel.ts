import type { Kysely } from 'kysely';

// Where an audited change came from (issue 15): 'web' (the web app and its API) or 'cli' (the
// command line). Earlier entries were all made through the server. Migrations take Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_event')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('web'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_event').dropColumn('channel').execute();
}
