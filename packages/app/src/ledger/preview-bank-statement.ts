import { ok, type CandidateReason, type Result, type StatementWarning } from '@civic/core';
import type { AppContext } from '../context.ts';
import type { ImportBankStatementInput } from './import-bank-types.ts';
import { previewBankStatementStream } from './preview-bank-stream.ts';

/** One transaction as it would be imported (dry run, web preview). Sums are decimal strings. */
export interface PreviewLine {
  /** Booking date, YYYY-MM-DD. */
  readonly date: string;
  readonly valueDate: string;
  /** Positive, with the currency's minor units: "8.85". */
  readonly amount: string;
  readonly currency: string;
  readonly direction: 'in' | 'out';
  readonly account: string;
  readonly counterparty: string | null;
  readonly counterpartyAccount: string | null;
  readonly purpose: string | null;
  readonly reference: string | null;
  /** Already in the database: the import would add nothing for it. */
  readonly duplicate: boolean;
  /** Why it would be proposed as foreign funding; empty when it would not be. */
  readonly foreignReasons: readonly CandidateReason[];
  /** Where it is in the file. */
  readonly sourceLine: number;
}

/** One statement (MT940: one page) and whether its balance adds up. */
export interface PreviewStatement {
  readonly account: string;
  readonly currency: string;
  readonly statement: string | null;
  readonly line: number;
  readonly opening: string | null;
  readonly closing: string | null;
  readonly computedClosing: string | null;
  readonly totalIn: string;
  readonly totalOut: string;
  readonly balanced: boolean;
}

export interface PreviewAccount {
  readonly account: string;
  readonly currency: string;
  /** The stored account, null when the import would create it. */
  readonly accountId: string | null;
  readonly created: boolean;
  readonly from: string | null;
  readonly to: string | null;
  readonly opening: string | null;
  readonly closing: string | null;
  readonly lines: number;
  readonly imported: number;
}

/** What an import would do, without doing it: the import's own figures plus every line and statement. */
export interface BankStatementPreview {
  readonly read: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly foreignCandidates: number;
  readonly accounts: readonly PreviewAccount[];
  readonly format: string;
  readonly encoding: string;
  /** The first lines in file order (a preview lists `maxLines` at most; a dry run streams them all). */
  readonly lines: readonly PreviewLine[];
  /** Every line the import would read from the file (repeated pages aside), listed or not. */
  readonly lineCount: number;
  /** Whether `lines` stops short of `lineCount`. */
  readonly linesTruncated: boolean;
  /** The sums of every line by currency, in and out, as decimal strings. */
  readonly totals: {
    readonly in: readonly { readonly currency: string; readonly amount: string }[];
    readonly out: readonly { readonly currency: string; readonly amount: string }[];
  };
  readonly statements: readonly PreviewStatement[];
  readonly warnings: readonly StatementWarning[];
  /** False when the import would be refused for balances alone (the lines are still listed). */
  readonly balanced: boolean;
  /**
   * The statement's accounts when none of them is one of the organisation's (which has accounts
   * already): the file is probably another organisation's. Null when they match, or cannot be told.
   */
  readonly otherOwner: readonly string[] | null;
  /**
   * The BIN/IIN of the statement's owner where the file states it (1C: the organisation side's
   * ИНН/БИН_ИИН; CAMT: `Acct/Ownr/Id`; CSV: an owner column), digits only; null when it does not.
   */
  readonly ownerBin: string | null;
  /** `ownerBin` when it is not the organisation's BIN (and the organisation has one): another owner's file. */
  readonly otherOwnerBin: string | null;
}

/** Lines a preview lists unless told otherwise: the web page's table, bounded whatever the file. */
export const PREVIEW_LINES = 1000;

/** A preview reads a file given whole (`bytes`) or as it arrives (`source`). */
export type PreviewInput = ImportBankStatementInput & {
  /** List at most this many lines (PREVIEW_LINES unless given); every line is still counted. */
  readonly maxLines?: number;
};

/**
 * Parses and checks a statement exactly as `importBankStatement` would, and says what it would
 * import — its first lines (duplicate or not, proposed as foreign or not; `maxLines` of them, the
 * rest counted in `lineCount` and `totals`), every statement's balance — writing nothing: reads
 * only. A file that cannot be read is the same error the import returns.
 */
export async function previewBankStatement(
  ctx: AppContext,
  input: PreviewInput,
): Promise<Result<BankStatementPreview>> {
  const { maxLines = PREVIEW_LINES, ...rest } = input;
  const lines: PreviewLine[] = [];
  const r = await previewBankStatementStream(ctx, rest, (l) => {
    if (lines.length < maxLines) lines.push(l);
  });
  if (!r.ok) return r;
  return ok({ ...r.value, lines, linesTruncated: r.value.lineCount > lines.length });
}
