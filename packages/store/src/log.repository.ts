import { createHash } from 'node:crypto';
import { GENESIS_HASH, logEntryHeaderText, type LogEntry } from '@civic/core';
import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import type { LogEntryTable } from './log.tables.ts';
import type { Database } from './schema.ts';

/**
 * The hash-chained log's only write path: append. There is deliberately no update or delete
 * here, and the migration's triggers refuse them on both dialects.
 */
export interface NewLogEntry {
  /** The organisation's id, or '' for an entry tied to no organisation. */
  readonly organisation: string;
  readonly kind: string;
  readonly subjectId: string;
  /** RFC 8785 canonical JSON text (the caller canonicalises). */
  readonly content: string;
  /** ISO 8601 instant. */
  readonly recordedAt: string;
}

/** Signs a new head (its entry hash) for `log_signature`; the app passes the organisation's key. */
export type HeadSigner = (entryHash: string) => string;

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Appends an entry to its organisation's chain: seq = last + 1, previousHash = the last entry's
 * hash. Runs in the caller's transaction when given one (so a filing and its log entry commit
 * together), else in its own. On PostgreSQL a transaction-scoped advisory lock per chain
 * serialises concurrent appends; SQLite serialises writers itself. The (organisation, seq)
 * primary key would reject a fork in any case. With `sign`, the new head's signature is stored in
 * the same transaction.
 */
export async function appendLogEntryRow(
  db: Kysely<Database>,
  e: NewLogEntry,
  sign?: HeadSigner,
): Promise<LogEntry> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendLogEntryRow(trx, e, sign));
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`civic-log:${e.organisation}`}))`.execute(db);
  }
  const last = await db
    .selectFrom('log_entry')
    .select(['seq', 'entry_hash'])
    .where('organisation', '=', e.organisation)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const header = {
    seq: last ? Number(last.seq) + 1 : 1,
    organisation: e.organisation,
    kind: e.kind,
    subjectId: e.subjectId,
    contentHash: sha256Hex(e.content),
    previousHash: last ? last.entry_hash : GENESIS_HASH,
    recordedAt: e.recordedAt,
  };
  const entry: LogEntry = { ...header, content: e.content, entryHash: sha256Hex(logEntryHeaderText(header)) };
  await db
    .insertInto('log_entry')
    .values({
      organisation: entry.organisation,
      seq: entry.seq,
      kind: entry.kind,
      subject_id: entry.subjectId,
      content: entry.content,
      content_hash: entry.contentHash,
      previous_hash: entry.previousHash,
      entry_hash: entry.entryHash,
      recorded_at: entry.recordedAt,
    })
    .execute();
  if (sign)
    await db
      .insertInto('log_signature')
      .values({ organisation: entry.organisation, seq: entry.seq, signature: sign(entry.entryHash) })
      .execute();
  return entry;
}

function toEntry(r: Selectable<LogEntryTable>): LogEntry {
  return {
    seq: Number(r.seq),
    organisation: r.organisation,
    kind: r.kind,
    subjectId: r.subject_id,
    content: r.content,
    contentHash: r.content_hash,
    previousHash: r.previous_hash,
    entryHash: r.entry_hash,
    recordedAt: r.recorded_at,
  };
}

/** An organisation's chain in order, optionally a range of seq numbers (inclusive). */
export async function listLogEntries(
  db: Kysely<Database>,
  organisation: string,
  range: { fromSeq?: number; toSeq?: number } = {},
): Promise<LogEntry[]> {
  let q = db.selectFrom('log_entry').selectAll().where('organisation', '=', organisation);
  if (range.fromSeq !== undefined) q = q.where('seq', '>=', BigInt(range.fromSeq));
  if (range.toSeq !== undefined) q = q.where('seq', '<=', BigInt(range.toSeq));
  const rows = await q.orderBy('seq').execute();
  return rows.map(toEntry);
}

/** Every entry about one subject (a filing, a case, …), in chain order. */
export async function listLogEntriesFor(db: Kysely<Database>, subjectId: string): Promise<LogEntry[]> {
  const rows = await db
    .selectFrom('log_entry')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('organisation')
    .orderBy('seq')
    .execute();
  return rows.map(toEntry);
}
