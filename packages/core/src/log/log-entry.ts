import { canonicalJson } from './canonical-json.ts';

/**
 * One entry of an organisation's append-only, hash-chained log.
 *
 * - `contentHash` = sha256 (lower-case hex) of the UTF-8 bytes of `content`, which is the RFC 8785
 *   canonical JSON text of what happened;
 * - `entryHash` = sha256 of the UTF-8 bytes of {@link logEntryHeaderText} — the canonical JSON of
 *   every other field, `previousHash` included — so changing any field of any entry, or the
 *   order of entries, breaks every later hash;
 * - `previousHash` is the `entryHash` of the entry before it in the same chain, or
 *   {@link GENESIS_HASH} for the first one. Each organisation has its own chain, numbered from 1
 *   by `seq`; `organisation` is `''` for entries that belong to no organisation.
 */
export interface LogEntry {
  readonly seq: number;
  readonly organisation: string;
  readonly kind: string;
  readonly subjectId: string;
  readonly content: string;
  readonly contentHash: string;
  readonly previousHash: string;
  readonly entryHash: string;
  /** ISO 8601 instant (UTC) when the entry was appended. */
  readonly recordedAt: string;
}

/** The `previousHash` of the first entry of a chain: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The text whose sha256 is an entry's `entryHash`: canonical JSON of all fields but content and entryHash. */
export function logEntryHeaderText(e: Omit<LogEntry, 'entryHash' | 'content'>): string {
  return canonicalJson({
    seq: e.seq,
    organisation: e.organisation,
    kind: e.kind,
    subjectId: e.subjectId,
    contentHash: e.contentHash,
    previousHash: e.previousHash,
    recordedAt: e.recordedAt,
  });
}

export const isSha256Hex = (s: string): boolean => /^[0-9a-f]{64}$/.test(s);

/** Why a chain does not hold, naming the first entry that fails. */
export interface ChainFault {
  readonly seq: number;
  readonly code:
    | 'LOG_CONTENT_HASH_MISMATCH'
    | 'LOG_ENTRY_HASH_MISMATCH'
    | 'LOG_CHAIN_BROKEN'
    | 'LOG_SEQ_GAP'
    | 'LOG_CONTENT_NOT_CANONICAL';
  readonly message: string;
}

/**
 * Checks a run of consecutive entries of one chain with the given hash function (core does not
 * hash: the caller passes sha256). `content` may be absent for entries shown by header only.
 * Returns the first fault, or undefined when every hash holds.
 */
export function checkChain(
  entries: readonly (Omit<LogEntry, 'content'> & { readonly content?: string | undefined })[],
  sha256Hex: (text: string) => string,
  isCanonical: (text: string) => boolean,
): ChainFault | undefined {
  let previous: { seq: number; entryHash: string } | undefined;
  for (const e of entries) {
    const where = `log entry ${e.seq} (${e.kind} ${e.subjectId})`;
    if (previous && e.seq !== previous.seq + 1)
      return {
        seq: e.seq,
        code: 'LOG_SEQ_GAP',
        message: `${where} follows entry ${previous.seq}: entries are missing`,
      };
    const expectedPrevious = previous ? previous.entryHash : e.seq === 1 ? GENESIS_HASH : undefined;
    if (expectedPrevious !== undefined && e.previousHash !== expectedPrevious) {
      return {
        seq: e.seq,
        code: 'LOG_CHAIN_BROKEN',
        message: `${where}: previous hash ${e.previousHash} is not the hash of the entry before it (${expectedPrevious})`,
      };
    }
    if (e.content !== undefined) {
      if (!isCanonical(e.content))
        return {
          seq: e.seq,
          code: 'LOG_CONTENT_NOT_CANONICAL',
          message: `${where}: content is not RFC 8785 canonical JSON`,
        };
      const h = sha256Hex(e.content);
      if (h !== e.contentHash)
        return {
          seq: e.seq,
          code: 'LOG_CONTENT_HASH_MISMATCH',
          message: `${where}: content hashes to ${h}, the entry says ${e.contentHash}`,
        };
    }
    const eh = sha256Hex(logEntryHeaderText(e));
    if (eh !== e.entryHash)
      return {
        seq: e.seq,
        code: 'LOG_ENTRY_HASH_MISMATCH',
        message: `${where}: entry hashes to ${eh}, the entry says ${e.entryHash}`,
      };
    previous = e;
  }
  return undefined;
}
