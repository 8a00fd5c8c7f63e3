import type { Kysely } from 'kysely';

// The browser a session was opened from (its User-Agent header, cut to 300 characters), so that the
// account page can tell a user's sessions apart (issue 15). Migrations take Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_session').addColumn('user_agent', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_session').dropColumn('user_agent').execute();
}
