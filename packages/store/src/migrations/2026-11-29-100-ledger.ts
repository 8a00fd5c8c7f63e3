import type { Kysely } from 'kysely';

// The compliance ledger (issue 2): sources, grants, bank accounts, imported bank lines, receipts,
// expenditures and their allocations, official rates, import batches, foreign-funding candidates,
// saved CSV mappings. Migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('foreign_source')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('country', 'text')
    .addColumn('tax_id', 'text')
    .addColumn('accounts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text')
    .addColumn('illustrative', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('foreign_source_org')
    .on('foreign_source')
    .columns(['organisation_id', 'name'])
    .execute();

  await s
    .createTable('ledger_grant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('foreign_source.id'))
    .addColumn('agreement_number', 'text', (c) => c.notNull())
    .addColumn('agreement_date', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('activity', 'text')
    .addColumn('title', 'text')
    .addColumn('illustrative', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('ledger_grant_org')
    .on('ledger_grant')
    .columns(['organisation_id', 'agreement_number'])
    .execute();

  await s
    .createTable('bank_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('bank_name', 'text')
    .addColumn('bank_code', 'text')
    .addColumn('label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bank_account_number', ['organisation_id', 'number', 'currency'])
    .execute();

  await s
    .createTable('import_batch')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('read_count', 'bigint', (c) => c.notNull())
    .addColumn('imported_count', 'bigint', (c) => c.notNull())
    .addColumn('duplicate_count', 'bigint', (c) => c.notNull())
    .addColumn('candidate_count', 'bigint', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  // No foreign keys and no index beyond the key on bank_line: it takes millions of rows in one
  // bulk insert (the import use case writes the batch and accounts first, in the same transaction),
  // and the balance by account reads it whole, grouped.
  await s
    .createTable('bank_line')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('booked_on', 'text', (c) => c.notNull())
    .addColumn('document_date', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('counterparty_name', 'text')
    .addColumn('counterparty_tax_id', 'text')
    .addColumn('counterparty_account', 'text')
    .addColumn('counterparty_bank_code', 'text')
    .addColumn('counterparty_sector', 'text')
    .addColumn('counterparty_country', 'text')
    .addColumn('purpose', 'text')
    .addColumn('purpose_code', 'text')
    .addColumn('bank_reference', 'text')
    .addColumn('source_line', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_line_pk', ['organisation_id', 'fingerprint'])
    .execute();

  await s
    .createTable('ledger_receipt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('foreign_source.id'))
    .addColumn('grant_id', 'text', (c) => c.references('ledger_grant.id'))
    .addColumn('account_id', 'text', (c) => c.references('bank_account.id'))
    .addColumn('bank_line', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('currency', 'text')
    .addColumn('amount_minor', 'bigint')
    .addColumn('property_description', 'text')
    .addColumn('valuation_method', 'text')
    .addColumn('valued_on', 'text')
    .addColumn('kzt_minor', 'bigint')
    .addColumn('rate_status', 'text', (c) => c.notNull())
    .addColumn('rate_date', 'text')
    .addColumn('rate_text', 'text')
    .addColumn('rate_units', 'bigint')
    .addColumn('rate_source', 'text')
    .addColumn('description', 'text')
    .addColumn('illustrative', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Covering indexes: a balance by grant or source at a date reads only the index.
  await s
    .createIndex('ledger_receipt_grant')
    .on('ledger_receipt')
    .columns(['organisation_id', 'grant_id', 'currency', 'received_on', 'amount_minor', 'kzt_minor'])
    .execute();
  await s
    .createIndex('ledger_receipt_source')
    .on('ledger_receipt')
    .columns(['organisation_id', 'source_id', 'currency', 'received_on', 'amount_minor', 'kzt_minor'])
    .execute();
  await s
    .createIndex('ledger_receipt_date')
    .on('ledger_receipt')
    .columns(['organisation_id', 'received_on', 'id'])
    .execute();

  await s
    .createTable('ledger_expenditure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('account_id', 'text', (c) => c.references('bank_account.id'))
    .addColumn('bank_line', 'text')
    .addColumn('spent_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('kzt_minor', 'bigint')
    .addColumn('rate_status', 'text', (c) => c.notNull())
    .addColumn('rate_date', 'text')
    .addColumn('rate_text', 'text')
    .addColumn('rate_units', 'bigint')
    .addColumn('rate_source', 'text')
    .addColumn('description', 'text')
    .addColumn('counterparty', 'text')
    .addColumn('illustrative', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('ledger_expenditure_date')
    .on('ledger_expenditure')
    .columns(['organisation_id', 'spent_on', 'id'])
    .execute();

  await s
    .createTable('ledger_allocation')
    .addColumn('expenditure_id', 'text', (c) =>
      c.notNull().references('ledger_expenditure.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text', (c) => c.notNull().references('ledger_grant.id'))
    .addColumn('spent_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('kzt_minor', 'bigint')
    .addPrimaryKeyConstraint('ledger_allocation_pk', ['expenditure_id', 'grant_id'])
    .execute();
  await s
    .createIndex('ledger_allocation_grant')
    .on('ledger_allocation')
    .columns(['organisation_id', 'grant_id', 'currency', 'spent_on', 'amount_minor', 'kzt_minor'])
    .execute();

  await s
    .createTable('official_rate')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('rate_text', 'text', (c) => c.notNull())
    .addColumn('units', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addPrimaryKeyConstraint('official_rate_pk', ['currency', 'date'])
    .execute();

  // A candidate points at its bank line (the amount, date and payer are read from it).
  await s
    .createTable('foreign_candidate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('bank_line', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('suggested_source_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('receipt_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('foreign_candidate_line', ['organisation_id', 'bank_line'])
    .execute();
  await s
    .createIndex('foreign_candidate_status')
    .on('foreign_candidate')
    .columns(['organisation_id', 'status'])
    .execute();

  await s
    .createTable('csv_mapping')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('csv_mapping_pk', ['organisation_id', 'name'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'csv_mapping',
    'foreign_candidate',
    'official_rate',
    'ledger_allocation',
    'ledger_expenditure',
    'ledger_receipt',
    'bank_line',
    'import_batch',
    'bank_account',
    'ledger_grant',
    'foreign_source',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
