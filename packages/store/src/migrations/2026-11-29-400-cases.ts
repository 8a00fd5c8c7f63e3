import { PostgresAdapter, type Kysely } from 'kysely';

// Cases of authority actions (issue 4). Migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('legal_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('opened_on', 'text')
    .addColumn('notes', 'text')
    .addColumn('illustrative', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legal_case_organisation').on('legal_case').column('organisation_id').execute();
  await db.schema
    .createTable('case_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('legal_case.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('authority', 'text')
    .addColumn('office', 'text')
    .addColumn('place', 'text')
    .addColumn('served_on', 'text')
    .addColumn('proceedings_started_on', 'text')
    .addColumn('hearing_on', 'text')
    .addColumn('ruling_on', 'text')
    .addColumn('in_force_on', 'text')
    .addColumn('suspended_until', 'text')
    .addColumn('article', 'text')
    .addColumn('tier', 'text')
    .addColumn('offender', 'text')
    .addColumn('offence_what', 'text')
    .addColumn('offence_reference', 'text')
    .addColumn('committed_on', 'text')
    .addColumn('continuing', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('discovered_on', 'text')
    .addColumn('penalty_mci', 'bigint')
    .addColumn('penalty_amount', 'bigint')
    .addColumn('penalty_currency', 'text')
    .addColumn('suspension_months', 'bigint')
    .addColumn('notes', 'text')
    .addColumn('illustrative', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_action_case').on('case_action').columns(['case_id', 'seq']).execute();
  await db.schema
    .createTable('case_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('case_action.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text')
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_document_action').on('case_document').column('action_id').execute();
  await db.schema
    .createTable('case_link')
    .addColumn('case_id', 'text', (c) => c.notNull().references('legal_case.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('case_link_pk', ['case_id', 'kind', 'target_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_link').execute();
  await db.schema.dropTable('case_document').execute();
  await db.schema.dropTable('case_action').execute();
  await db.schema.dropTable('legal_case').execute();
}
