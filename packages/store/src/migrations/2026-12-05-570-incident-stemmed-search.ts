import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { incidentSearchText } from '@civic/core';

// Incident search understands Russian and Kazakh (issue 11): search_text now holds core's
// stemmed terms (Russian Snowball stems, Kazakh case endings stripped, extra terms last), and
// queries are stemmed the same way. Existing rows are re-indexed here: search_text recomputed
// from the row (PostgreSQL's generated tsvector follows), then on SQLite the FTS5 index rebuilt
// and the term list of prefix queries refilled.
// This migration imports core's pure search-text function rather than app code: the indexed text
// must be exactly what the writer produces, and that definition lives in core alone.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await reindexIncidentSearch(db);
}

// The old text cannot be recomputed without the old rules; re-indexing with the current ones is harmless.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await reindexIncidentSearch(db);
}

const PAGE = 2000;

interface Row {
  seq: bigint | number | string;
  organisation: string;
  place: string;
  authority: string | null;
  office: string | null;
  legal_basis: string | null;
  outcome: string | null;
  notes: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function reindexIncidentSearch(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const terms = new Set<string>();
  let after: bigint | null = null;
  for (;;) {
    let q = db
      .selectFrom('incident')
      .select(['seq', 'organisation', 'place', 'authority', 'office', 'legal_basis', 'outcome', 'notes'])
      .orderBy('seq')
      .limit(PAGE);
    if (after !== null) q = q.where('seq', '>', after);
    const rows = (await q.execute()) as Row[];
    const last = rows[rows.length - 1];
    if (last === undefined) break;
    for (const r of rows) {
      const text = incidentSearchText({
        organisation: r.organisation,
        place: r.place,
        authority: r.authority,
        office: r.office,
        legalBasis: r.legal_basis,
        outcome: r.outcome,
        notes: r.notes,
      });
      for (const t of text.split(' ')) if (t !== '') terms.add(t);
      await db.updateTable('incident').set({ search_text: text }).where('seq', '=', r.seq).execute();
    }
    after = BigInt(last.seq);
  }
  if (postgres) return;
  await sql`INSERT INTO incident_fts (incident_fts) VALUES ('rebuild')`.execute(db);
  await db.deleteFrom('incident_term').execute();
  const list = [...terms];
  for (let at = 0; at < list.length; at += 500)
    await db
      .insertInto('incident_term')
      .values(list.slice(at, at + 500).map((term) => ({ term })))
      .execute();
}
