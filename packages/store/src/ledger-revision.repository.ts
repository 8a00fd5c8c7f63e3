import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The organisation's ledger revision: a number that changes whenever any of its sources,
 * receipts, expenditures or filings is inserted, changed or deleted, by any process (database
 * triggers keep it). `0n` before the first change. One primary-key read.
 */
export async function ledgerRevision(db: Kysely<Database>, organisationId: string): Promise<bigint> {
  const row = await db
    .selectFrom('ledger_revision')
    .select('revision')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row ? BigInt(row.revision) : 0n;
}
