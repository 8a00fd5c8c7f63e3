import { sql, type Kysely } from 'kysely';
import { incidentSearchText, organisationFilterKey } from '@civic/core';
import { organisationAliasesOf } from './incident.repository.ts';
import { organisationNameIndex } from './organisation.repository.ts';
import type { Database } from './schema.ts';

/**
 * Recomputes the indexed text of the incidents that name an organisation by any of `names`
 * (after its aliases changed), inside the caller's transaction. On SQLite the FTS5 entries are
 * replaced row by row and new terms join the prefix list; PostgreSQL's tsvector follows (trigger).
 * Returns how many incidents were re-indexed.
 */
export async function reindexOrganisationIncidents(
  db: Kysely<Database>,
  names: readonly string[],
  dialect: 'sqlite' | 'postgres',
): Promise<number> {
  const keys = [...new Set(names.map(organisationFilterKey))];
  if (keys.length === 0) return 0;
  const aliases = organisationAliasesOf(await organisationNameIndex(db));
  const rows = await db
    .selectFrom('incident')
    .select([
      'seq',
      'organisation',
      'place',
      'authority',
      'office',
      'legal_basis',
      'outcome',
      'notes',
      'search_text',
    ])
    .where('organisation_key', 'in', keys)
    .execute();
  for (const r of rows) {
    const text = incidentSearchText(
      {
        organisation: r.organisation,
        place: r.place,
        authority: r.authority,
        office: r.office,
        legalBasis: r.legal_basis,
        outcome: r.outcome,
        notes: r.notes,
      },
      undefined,
      aliases,
    );
    if (text === r.search_text) continue;
    if (dialect === 'sqlite') {
      await sql`insert into incident_fts (incident_fts, rowid, search_text) values ('delete', ${r.seq}, ${r.search_text})`.execute(
        db,
      );
      await sql`insert into incident_fts (rowid, search_text) values (${r.seq}, ${text})`.execute(db);
      const terms = [...new Set(text.split(' '))].filter((t) => t !== '');
      for (let at = 0; at < terms.length; at += 500)
        await db
          .insertInto('incident_term')
          .values(terms.slice(at, at + 500).map((term) => ({ term })))
          .onConflict((oc) => oc.doNothing())
          .execute();
    }
    await db.updateTable('incident').set({ search_text: text }).where('seq', '=', r.seq).execute();
  }
  return rows.length;
}
