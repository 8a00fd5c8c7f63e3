import type { Kysely, Selectable } from 'kysely';
import type { OrgSigningKeyTable } from './log.tables.ts';
import type { Database } from './schema.ts';

export type OrgSigningKeyRow = Selectable<OrgSigningKeyTable>;

/** An organisation's signing key, or undefined when it has none yet. */
export function findOrgSigningKey(
  db: Kysely<Database>,
  organisation: string,
): Promise<OrgSigningKeyRow | undefined> {
  return db
    .selectFrom('org_signing_key')
    .selectAll()
    .where('organisation', '=', organisation)
    .executeTakeFirst();
}

/**
 * Stores an organisation's key unless it already has one (two processes making it at once: the
 * first wins, the other's insert does nothing). Returns whether this call stored it.
 */
export async function insertOrgSigningKey(db: Kysely<Database>, row: OrgSigningKeyRow): Promise<boolean> {
  const r = await db
    .insertInto('org_signing_key')
    .values(row)
    .onConflict((oc) => oc.column('organisation').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * The instance's secret under `key` in the shared `setting` table, made once by `make` (the
 * first writer wins; every process then reads the same value).
 */
export async function instanceSecret(db: Kysely<Database>, key: string, make: () => string): Promise<string> {
  await db
    .insertInto('setting')
    .values({ key, value: make() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const r = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  if (!r) throw new Error(`setting ${key} vanished after insert`);
  return r.value;
}

/** Stores signatures of chain heads (hex), one per entry. */
export async function insertLogSignatures(
  db: Kysely<Database>,
  organisation: string,
  signatures: readonly { seq: number; signature: string }[],
): Promise<void> {
  for (let i = 0; i < signatures.length; i += 500) {
    const batch = signatures.slice(i, i + 500);
    await db
      .insertInto('log_signature')
      .values(batch.map((s) => ({ organisation, seq: BigInt(s.seq), signature: s.signature })))
      .execute();
  }
}

/** The seq and entry hash of every entry of a chain that has no signature yet, in order. */
export async function listUnsignedHeads(
  db: Kysely<Database>,
  organisation: string,
): Promise<{ seq: number; entryHash: string }[]> {
  const rows = await db
    .selectFrom('log_entry as e')
    .leftJoin('log_signature as s', (j) =>
      j.onRef('s.organisation', '=', 'e.organisation').onRef('s.seq', '=', 'e.seq'),
    )
    .select(['e.seq', 'e.entry_hash'])
    .where('e.organisation', '=', organisation)
    .where('s.signature', 'is', null)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), entryHash: r.entry_hash }));
}

/** The signatures of a chain's heads by seq. */
export async function listLogSignatures(
  db: Kysely<Database>,
  organisation: string,
): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('log_signature')
    .select(['seq', 'signature'])
    .where('organisation', '=', organisation)
    .execute();
  return new Map(rows.map((r) => [Number(r.seq), r.signature]));
}
