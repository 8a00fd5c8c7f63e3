import {
  canonicalJson,
  checkChain,
  parseCanonicalJson,
  type CanonicalValue,
  type ChainFault,
  type LogEntry,
} from '@civic/core';
import { sha256Hex, signHead } from '@civic/formats';
import { ensureOrgSigningKey } from './org-signing-key.ts';
import { appendLogEntryRow, listLogEntries } from '@civic/store';
import type { AppContext } from '../context.ts';

export type { LogEntry };

export interface AppendLogEntryInput {
  /** The organisation whose chain the entry joins; left out for an entry tied to none. */
  readonly org?: string | undefined;
  /** What happened, dotted: `filing.prepared`, `filing.submitted`, `claim.action-recorded`, … */
  readonly kind: string;
  /** The id of the record the entry is about (a filing, a case, …). */
  readonly subjectId: string;
  /** Any JSON value; bigint amounts are written as decimal strings (RFC 8785 canonical form). */
  readonly content: CanonicalValue;
}

/**
 * Appends an entry to the organisation's hash-chained log: the content as RFC 8785 canonical
 * JSON, its sha256, and the sha256 of the entry with the previous entry's hash. Pass `trx` (a
 * context whose store is a transaction) to commit the entry together with the record it logs.
 * An organisation's entry is signed with its key (made, and the chain's earlier heads signed,
 * on first need: org-signing-key.ts).
 */
export async function appendLogEntry(ctx: AppContext, input: AppendLogEntryInput): Promise<LogEntry> {
  let sign: ((entryHash: string) => string) | undefined;
  if (input.org) {
    // An organisation's heads are signed (issue 12): its key is made on first need. A key that
    // cannot be unsealed is a misconfiguration (CIVIC_DB_KEY missing), not a user's mistake.
    const key = await ensureOrgSigningKey(ctx, input.org);
    if (!key.ok) throw new Error(`${key.error.code}: ${key.error.message}`);
    sign = (h) => signHead(key.value.privateKey, h);
  }
  return appendLogEntryRow(
    ctx.store.db,
    {
      organisation: input.org ?? '',
      kind: input.kind,
      subjectId: input.subjectId,
      content: canonicalJson(input.content),
      recordedAt: ctx.now().toISOString(),
    },
    sign,
  );
}

// One sha256 for the whole project: the log and the bundles must hash alike.
export { sha256Hex };

export type LogVerification =
  | { readonly ok: true; readonly entries: number; readonly headHash: string | null }
  | { readonly ok: false; readonly entries: number; readonly fault: ChainFault };

/** Re-hashes an organisation's whole chain (or the entries tied to none, with org ''): every content hash, entry hash and link. */
export async function verifyLog(ctx: AppContext, org: string): Promise<LogVerification> {
  const entries = await listLogEntries(ctx.store.db, org);
  const fault =
    entries[0] && entries[0].seq !== 1
      ? ({
          seq: entries[0].seq,
          code: 'LOG_SEQ_GAP',
          message: `the chain starts at entry ${entries[0].seq}, not 1`,
        } as const)
      : checkChain(entries, sha256Hex, (t) => parseCanonicalJson(t) !== undefined);
  if (fault) return { ok: false, entries: entries.length, fault };
  return { ok: true, entries: entries.length, headHash: entries.at(-1)?.entryHash ?? null };
}

/** The chain of an organisation, in order (for export and display). */
export function listLog(
  ctx: AppContext,
  org: string,
  range: { fromSeq?: number; toSeq?: number } = {},
): Promise<LogEntry[]> {
  return listLogEntries(ctx.store.db, org, range);
}
