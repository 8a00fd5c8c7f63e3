import type { Kysely } from 'kysely';
import { insertOrganisation } from './organisation.repository.ts';
import type { Database } from './schema.ts';

/** Test fixture builder: an organisation row the ledger tables can refer to. */
export async function organisationFixture(db: Kysely<Database>, id: string): Promise<void> {
  await insertOrganisation(db, { id, name: id, createdAt: '2026-01-01T00:00:00Z' });
}
