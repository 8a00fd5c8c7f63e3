import {
  buildForeignSourceIndex,
  detectForeignCandidate,
  domainError,
  err,
  fingerprintLines,
  formatMinor,
  normaliseAccount,
  ok,
  type CandidateReason,
  type CurrencyCode,
  type ParsedStatement,
  type Result,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import { detectBankFormat, onecUnknownFields, parseBankStatement, statementOwnerTaxId } from '@civic/formats';
import { listBankAccounts, listForeignSources, storedBankLineFingerprints } from '@civic/store';
import type { AppContext } from '../context.ts';
import { resolveOrganisation } from '../organisations.ts';
import { statementBalances } from './import-balances.ts';
import { accountKey, fingerprintHash, type ImportBankStatementInput } from './import-bank-types.ts';
import { resolveAliases, resolveCsvMapping } from './import-settings.ts';

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
  readonly lines: readonly PreviewLine[];
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

const dec = (v: bigint | null, currency: CurrencyCode): string | null =>
  v === null ? null : formatMinor(v, currency);

/** A preview reads the whole file (the dry run and the web preview hold it to list every line). */
export type PreviewInput = ImportBankStatementInput & { readonly bytes: Uint8Array };

/**
 * Parses and checks a statement exactly as `importBankStatement` would, and says what it would
 * import — every line (duplicate or not, proposed as foreign or not), every statement's balance —
 * writing nothing: reads only. A file that cannot be read is the same error the import returns.
 */
export async function previewBankStatement(
  ctx: AppContext,
  input: PreviewInput,
): Promise<Result<BankStatementPreview>> {
  const org = await resolveOrganisation(ctx, input.org);
  if (!org.ok) return org;
  const orgId = org.value.id;
  const parsed = await parseForPreview(ctx, orgId, input);
  if (!parsed.ok) return parsed;
  const { statement, aliases } = parsed.value;
  if (statement.lines.length === 0 && statement.accounts.length === 0)
    return err(
      domainError('IMPORT_EMPTY', 'the file holds no account and no line', { file: input.fileName }),
    );
  const fingerprints = fingerprintLines(statement.lines, fingerprintHash);
  const stored = await storedBankLineFingerprints(ctx.store.db, orgId, fingerprints);
  const sources = buildForeignSourceIndex(await listForeignSources(ctx.store.db, orgId));
  const seen = new Set<string>();
  const lines = statement.lines.map((l, i) => {
    const f = fingerprints[i] ?? '';
    const duplicate = stored.has(f) || seen.has(f);
    seen.add(f);
    return previewLine(l, duplicate, duplicate ? [] : detectForeignCandidate(l, sources));
  });
  const statements = statementBalances(statement).map((b) => ({
    account: b.account,
    currency: b.currency,
    statement: b.statement,
    line: b.line,
    opening: dec(b.opening, b.currency),
    closing: dec(b.closing, b.currency),
    computedClosing: dec(b.computedClosing, b.currency),
    totalIn: formatMinor(b.totalIn, b.currency),
    totalOut: formatMinor(b.totalOut, b.currency),
    balanced: b.balanced,
  }));
  const imported = lines.filter((l) => !l.duplicate).length;
  const accounts = await previewAccounts(ctx, orgId, statement, lines);
  const hasAccounts = (await listBankAccounts(ctx.store.db, orgId)).length > 0;
  const otherOwner =
    hasAccounts && accounts.length > 0 && accounts.every((a) => a.accountId === null)
      ? accounts.map((a) => a.account)
      : null;
  const ownerBin = statementOwnerTaxId(statement, aliases);
  return ok({
    read: lines.length + (statement.duplicateLines ?? 0),
    imported,
    duplicates: lines.length + (statement.duplicateLines ?? 0) - imported,
    foreignCandidates: lines.filter((l) => l.foreignReasons.length > 0).length,
    accounts,
    format: statement.format,
    encoding: statement.encoding,
    lines,
    statements,
    warnings: statement.warnings,
    balanced: statements.every((s) => s.balanced),
    otherOwner,
    ownerBin,
    otherOwnerBin: ownerBin !== null && org.value.bin && ownerBin !== org.value.bin ? ownerBin : null,
  });
}

/** The same parse as the import's: saved aliases and CSV mapping, balances reported rather than refused. */
async function parseForPreview(
  ctx: AppContext,
  orgId: string,
  input: PreviewInput,
): Promise<Result<{ statement: ParsedStatement; aliases: Readonly<Record<string, string>> }>> {
  const aliases = await resolveAliases(ctx, orgId, input.aliases);
  if (!aliases.ok) return aliases;
  const mapping = await resolveCsvMapping(ctx, orgId, input.csvMapping, input.mappingName);
  if (!mapping.ok) return mapping;
  const format = input.format ?? detectBankFormat(input.bytes, input.fileName);
  const statement = parseBankStatement(input.bytes, {
    fileName: input.fileName,
    ...(format ? { format } : {}),
    ...(mapping.value !== undefined ? { csvMapping: mapping.value } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
    ...(input.currencyColumn ? { currencyColumn: input.currencyColumn } : {}),
    ...(Object.keys(aliases.value).length > 0 ? { aliases: aliases.value } : {}),
    balances: 'report',
  });
  if (statement.ok) return ok({ statement: statement.value, aliases: aliases.value });
  if (format !== '1c') return statement;
  // A 1C file that cannot be read: the fields it names that the importer does not read (an amount
  // under the bank's own name), for the import page to offer an alias.
  const unknown = onecUnknownFields(input.bytes, aliases.value);
  if (unknown.length === 0) return statement;
  const unknownFields = unknown.map((u) => ({ field: u.name, line: u.line }));
  return err({ ...statement.error, details: { ...statement.error.details, unknownFields } });
}

function previewLine(l: StatementLine, duplicate: boolean, reasons: readonly CandidateReason[]): PreviewLine {
  return {
    date: l.bookedOn,
    valueDate: l.valueDate ?? l.bookedOn,
    amount: formatMinor(l.amount, l.currency),
    currency: l.currency,
    direction: l.direction,
    account: l.account,
    counterparty: l.counterparty.name,
    counterpartyAccount: l.counterparty.account,
    purpose: l.purpose,
    reference: l.documentNumber ?? l.bankReference,
    duplicate,
    foreignReasons: reasons,
    sourceLine: l.sourceLine,
  };
}

async function previewAccounts(
  ctx: AppContext,
  orgId: string,
  statement: ParsedStatement,
  lines: readonly PreviewLine[],
): Promise<PreviewAccount[]> {
  const known = new Map(
    (await listBankAccounts(ctx.store.db, orgId)).map((a) => [accountKey(a.number, a.currency), a.id]),
  );
  const out = new Map<string, PreviewAccount>();
  const add = (account: string, currency: CurrencyCode, a?: ParsedStatement['accounts'][number]): void => {
    const key = accountKey(account, currency);
    if (out.has(key)) return;
    const own = lines.filter((l) => accountKey(l.account, l.currency) === key);
    const id = known.get(key) ?? null;
    out.set(key, {
      account: normaliseAccount(account),
      currency,
      accountId: id,
      created: id === null,
      from: a?.from ?? null,
      to: a?.to ?? null,
      opening: dec(a?.opening ?? null, currency),
      closing: dec(a?.closing ?? null, currency),
      lines: own.length,
      imported: own.filter((l) => !l.duplicate).length,
    });
  };
  for (const a of statement.accounts) add(a.account, a.currency, a);
  for (const l of statement.lines) add(l.account, l.currency);
  return [...out.values()];
}
