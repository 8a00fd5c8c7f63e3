import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A stored RFC 3161 timestamp of a chain head. */
export interface LogTimestamp {
  readonly organisation: string;
  readonly seq: number;
  readonly entryHash: string;
  /** The token, base64 of its DER. */
  readonly token: string;
  /** The nonce sent with the request, lower-case hex. */
  readonly nonce: string;
  readonly authority: string;
  /** ISO 8601 UTC: the time the authority vouches for. */
  readonly stampedAt: string;
}

/** Stores a head's timestamp; a head already stamped keeps its first one (two exports at once). */
export async function insertLogTimestamp(db: Kysely<Database>, t: LogTimestamp): Promise<void> {
  await db
    .insertInto('log_timestamp')
    .values({
      organisation: t.organisation,
      seq: BigInt(t.seq),
      entry_hash: t.entryHash,
      token: t.token,
      nonce: t.nonce,
      authority: t.authority,
      stamped_at: t.stampedAt,
    })
    .onConflict((oc) => oc.columns(['organisation', 'seq']).doNothing())
    .execute();
}

/**
 * The timestamp of the head at `seq` exactly, or — with `orLater` — the earliest-stamped head at
 * or after it (a later head's timestamp also proves every entry before it existed then).
 */
export async function findLogTimestamp(
  db: Kysely<Database>,
  organisation: string,
  seq: number,
  options: { orLater?: boolean } = {},
): Promise<LogTimestamp | undefined> {
  const row = await db
    .selectFrom('log_timestamp')
    .selectAll()
    .where('organisation', '=', organisation)
    .where('seq', options.orLater ? '>=' : '=', BigInt(seq))
    .orderBy('stamped_at')
    .orderBy('seq')
    .executeTakeFirst();
  return row
    ? {
        organisation: row.organisation,
        seq: Number(row.seq),
        entryHash: row.entry_hash,
        token: row.token,
        nonce: row.nonce,
        authority: row.authority,
        stampedAt: row.stamped_at,
      }
    : undefined;
}
