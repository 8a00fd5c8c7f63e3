import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

const CHUNK = 500;

/**
 * Which of these fingerprints the organisation already has as bank lines: what a re-import would
 * count as duplicates. Read only (a dry run writes nothing); asked in chunks so that the statement's
 * parameters stay under every driver's limit.
 */
export async function storedBankLineFingerprints(
  db: Kysely<Database>,
  organisationId: string,
  fingerprints: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < fingerprints.length; i += CHUNK) {
    const chunk = fingerprints.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('bank_line')
      .select('fingerprint')
      .where('organisation_id', '=', organisationId)
      .where('fingerprint', 'in', chunk)
      .execute();
    for (const r of rows) found.add(r.fingerprint);
  }
  return found;
}
