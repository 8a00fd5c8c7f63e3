import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

// The obligations list's status counts per question and ledger revision (migration
// 2026-12-07-700): a new process answers a question asked before without counting every row.

/** At most this many questions are kept per organisation and revision (a client may vary them). */
const MAX_QUESTIONS = 64;

/** The counts kept for a question at `revision`, or undefined (none, or of another revision). */
export async function readObligationCounts(
  db: Kysely<Database>,
  organisationId: string,
  question: string,
  revision: bigint,
): Promise<Map<string, number> | undefined> {
  const row = await db
    .selectFrom('obligation_count')
    .select(['revision', 'counts'])
    .where('organisation_id', '=', organisationId)
    .where('question', '=', question)
    .executeTakeFirst();
  if (!row || BigInt(row.revision) !== revision) return undefined;
  return new Map(Object.entries(JSON.parse(row.counts) as Record<string, number>));
}

/** Keeps a question's counts at `revision`, dropping those of other revisions. */
export async function writeObligationCounts(
  db: Kysely<Database>,
  organisationId: string,
  question: string,
  revision: bigint,
  counts: ReadonlyMap<string, number>,
): Promise<void> {
  await db
    .deleteFrom('obligation_count')
    .where('organisation_id', '=', organisationId)
    .where('revision', '<>', revision)
    .execute();
  const kept = await db
    .selectFrom('obligation_count')
    .select((b) => b.fn.countAll<string | number | bigint>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (Number(kept?.n ?? 0) >= MAX_QUESTIONS)
    await db.deleteFrom('obligation_count').where('organisation_id', '=', organisationId).execute();
  const text = JSON.stringify(Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1))));
  await db
    .insertInto('obligation_count')
    .values({ organisation_id: organisationId, question, revision, counts: text })
    .onConflict((oc) => oc.columns(['organisation_id', 'question']).doUpdateSet({ revision, counts: text }))
    .execute();
}
