import type { Kysely } from 'kysely';

// The whole-books journal export (`civic ledger export --scope all`) reads the bank lines page by
// page and, for each page, the receipts and expenditures confirmed from those lines: these indexes
// make that lookup a range read instead of a scan of every receipt per page.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ledger_receipt_bank_line')
    .on('ledger_receipt')
    .columns(['organisation_id', 'bank_line'])
    .execute();
  await db.schema
    .createIndex('ledger_expenditure_bank_line')
    .on('ledger_expenditure')
    .columns(['organisation_id', 'bank_line'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ledger_expenditure_bank_line').execute();
  await db.schema.dropIndex('ledger_receipt_bank_line').execute();
}
