import { sql, type SqlBool } from 'kysely';

/**
 * `organisation_id = ?` in a form no index serves, for queries that name their rows by id: the
 * primary key finds them. Without statistics SQLite preferred any index led by organisation_id
 * over fifty primary-key lookups, and read every receipt of the organisation (2.5 s for a page's
 * versions at a million receipts). The same rows on PostgreSQL, which takes the key anyway.
 */
export function ownedBy(organisationId: string) {
  return sql<SqlBool>`organisation_id || '' = ${organisationId}`;
}
