import type { Kysely } from 'kysely';

// Each publication of a brief kept (issue 13): publishing a changed summary after an unpublish
// keeps the text published before as an earlier version, with its date; the brief row holds the
// latest text (the one the Atom feed serves).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('brief_publication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brief_id', 'text', (c) => c.notNull().references('brief.id').onDelete('cascade'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('markdown', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('brief_publication_brief')
    .on('brief_publication')
    .columns(['brief_id', 'published_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('brief_publication').execute();
}
