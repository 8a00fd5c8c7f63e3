import { createHash, hash } from 'node:crypto';
import { normaliseAccount, type ParsedStatement } from '@civic/core';
import type { BankFormat } from '@civic/formats';

export interface ImportBankStatementInput {
  /** The whole file (small uploads); or give `source`. */
  readonly bytes?: Uint8Array;
  /**
   * The file's chunks as they are read (a file on disk, an upload being received): detection reads
   * only the head, and a 1C statement streams into the transaction in constant memory. The chunks
   * are handed over: one that is a whole ArrayBuffer may be moved to the reading thread (detached).
   */
  readonly source?: AsyncIterable<Uint8Array>;
  readonly fileName: string;
  /** Organisation id, name or BIN; may be left out while the database has one organisation. */
  readonly org?: string;
  readonly format?: BankFormat;
  /** A CSV column mapping (JSON value, see docs/formats.md). */
  readonly csvMapping?: unknown;
  /** Save `csvMapping` under this name, or use the mapping saved under it when none is given. */
  readonly mappingName?: string;
  /**
   * A CSV without a currency column: the statement's currency, said by the user (the mapping's
   * `currency` does the same). Never assumed: without it such a file is refused.
   */
  readonly currency?: string;
  /**
   * A CSV whose currency column has a header the reader does not know (`Валюта платежа`): that
   * column's header, said by the user (the web preview's mapping).
   */
  readonly currencyColumn?: string;
  /** Extra 1C field spellings (bank's name → known field), on top of those saved for the organisation. */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * Import a statement whose balances do not add up (the CLI's `--accept-unbalanced`, the web
   * preview's checkbox): the batch is marked unbalanced with the reason. Refused otherwise.
   */
  readonly acceptUnbalanced?: boolean;
  /** Called as lines are written: (done, total); total is undefined while a streamed file is read. */
  readonly onProgress?: (done: number, total?: number) => void;
  /**
   * Whether a streamed file is read on a worker thread while this one writes: `auto` (the
   * default on SQLite: from 1 MiB on, on a machine of two cores or more; on PostgreSQL `never`), `always`, `never` (one thread:
   * less CPU in all, for a machine busy with other work). The lines, the result and the errors
   * are the same either way.
   */
  readonly thread?: 'auto' | 'always' | 'never';
  /** Lines per batch sent from the reading thread (tests: a few, to cross batches). */
  readonly threadBatchLines?: number;
}

/** One statement account in the import summary. */
export interface ImportedAccount {
  readonly account: string;
  readonly currency: string;
  readonly accountId: string;
  readonly created: boolean;
  readonly from: string | null;
  readonly to: string | null;
  readonly opening: bigint | null;
  readonly closing: bigint | null;
  readonly lines: number;
  readonly imported: number;
}

export interface ImportBankStatementResult {
  readonly read: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly foreignCandidates: number;
  readonly accounts: readonly ImportedAccount[];
  readonly batchId: string;
  readonly format: string;
  readonly encoding: string;
  readonly warnings: ParsedStatement['warnings'];
  /** Imported although its balances do not add up (accepted): the statements and their arithmetic. */
  readonly unbalanced?: string;
}

/** The stored fingerprint: SHA-256 of the line's identity, 128 bits in hex. */
export function fingerprintHash(text: string): string {
  // crypto.hash (one-shot, Node ≥ 20.12) is three times faster than createHash on short texts.
  return (
    typeof hash === 'function' ? hash('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex')
  ).slice(0, 32);
}

/** How accounts are keyed: normalised number and currency. */
export const accountKey = (number: string, currency: string): string =>
  `${normaliseAccount(number)}|${currency}`;

/**
 * The import summary's accounts of a streamed statement: each statement account with its stored
 * id (and whether the import created it) and its line counts.
 */
export function importedAccounts(
  accounts: ParsedStatement['accounts'],
  ids: ReadonlyMap<string, { readonly id: string; readonly created: boolean }>,
  perAccount: ReadonlyMap<string, { readonly lines: number; readonly imported: number }>,
): ImportedAccount[] {
  return accounts.map((a) => {
    const id = ids.get(accountKey(a.account, a.currency));
    const c = (id && perAccount.get(id.id)) || { lines: 0, imported: 0 };
    return {
      account: normaliseAccount(a.account),
      currency: a.currency,
      accountId: id?.id ?? '',
      created: id?.created ?? false,
      from: a.from,
      to: a.to,
      opening: a.opening,
      closing: a.closing,
      ...c,
    };
  });
}
