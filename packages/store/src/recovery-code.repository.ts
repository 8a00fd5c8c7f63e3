import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Replaces a user's recovery codes (SHA-256 hashes) with a new set. */
export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  userId: string,
  codeHashes: readonly string[],
): Promise<void> {
  await db.deleteFrom('totp_recovery_code').where('user_id', '=', userId).execute();
  if (codeHashes.length === 0) return;
  await db
    .insertInto('totp_recovery_code')
    .values(codeHashes.map((h) => ({ user_id: userId, code_hash: h, used_at: null })))
    .execute();
}

/** Spends one unused recovery code; true when it existed unused (and is now used). */
export async function useRecoveryCode(
  db: Kysely<Database>,
  userId: string,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('totp_recovery_code')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many unused recovery codes a user has left. */
export async function countUnusedRecoveryCodes(db: Kysely<Database>, userId: string): Promise<number> {
  const r = await db
    .selectFrom('totp_recovery_code')
    .select((eb) => eb.fn.countAll<number | bigint | string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
