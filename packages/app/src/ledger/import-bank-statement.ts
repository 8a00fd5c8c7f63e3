import { createHash } from 'node:crypto';
import {
  buildForeignSourceIndex,
  detectForeignCandidate,
  domainError,
  err,
  fingerprintLines,
  normaliseAccount,
  ok,
  type ParsedStatement,
  type Result,
} from '@civic/core';
import {
  checkLooksLikeStatement,
  chunksOf,
  detectBankFormat,
  parseBankStatement,
  type BankFormat,
} from '@civic/formats';
import {
  ensureBankAccount,
  inTransaction,
  insertBankLines,
  insertForeignCandidates,
  insertImportBatch,
  listForeignSources,
  updateImportBatchCounts,
  type NewForeignCandidate,
  moveBalanceTotals,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { orderedIds, newId } from '../ids.ts';
import { resolveOrganisation } from '../organisations.ts';
import {
  accountKey,
  fingerprintHash,
  type ImportBankStatementInput,
  type ImportBankStatementResult,
  type ImportedAccount,
} from './import-bank-types.ts';
import { checkUnbalanced, logUnbalancedImport } from './import-balances.ts';
import { readSource } from './import-bank-source.ts';
import { resolveAliases, resolveCsvMapping } from './import-settings.ts';

export type {
  ImportBankStatementInput,
  ImportBankStatementResult,
  ImportedAccount,
} from './import-bank-types.ts';
export { fingerprintHash } from './import-bank-types.ts';

/**
 * Imports a bank statement (1C, CSV, CAMT.053, MT940) in ONE transaction: a file with an error
 * anywhere is rejected whole, naming file, line and field, and the database is left exactly as it
 * was. Lines already stored (same fingerprint) are counted as duplicates and add nothing; new
 * incoming lines that look foreign are proposed as candidates for a person to confirm.
 */
export async function importBankStatement(
  ctx: AppContext,
  input: ImportBankStatementInput,
): Promise<Result<ImportBankStatementResult>> {
  const org = await resolveOrganisation(ctx, input.org);
  if (!org.ok) return org;
  const orgId = org.value.id;
  const aliases = await resolveAliases(ctx, orgId, input.aliases);
  if (!aliases.ok) return aliases;
  const mapping = await resolveCsvMapping(ctx, orgId, input.csvMapping, input.mappingName);
  if (!mapping.ok) return mapping;
  if (input.bytes === undefined) {
    const read = await readSource(ctx, input, orgId, aliases.value, mapping.value);
    if (read.kind === 'done') return read.result;
    const { source: _read, ...rest } = input;
    return importBankStatement(ctx, { ...rest, bytes: read.bytes });
  }
  const looks = checkLooksLikeStatement(input.bytes, input.fileName);
  if (!looks.ok) return looks;
  const bytes = input.bytes;
  const format = input.format ?? detectBankFormat(bytes, input.fileName);
  // Every format but 1C streams from the bytes as from a file: one reader, the same results.
  if (format !== null && format !== '1c') {
    const streamed = await readSource(
      ctx,
      { ...input, format, source: chunksOf(bytes) },
      orgId,
      aliases.value,
      mapping.value,
    );
    if (streamed.kind === 'done') return streamed.result;
  }
  const parsed = parseBankStatement(bytes, {
    fileName: input.fileName,
    ...(format ? { format } : {}),
    ...(mapping.value !== undefined ? { csvMapping: mapping.value } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
    ...(input.currencyColumn ? { currencyColumn: input.currencyColumn } : {}),
    ...(Object.keys(aliases.value).length > 0 ? { aliases: aliases.value } : {}),
    balances: 'report',
  });
  if (!parsed.ok) return parsed;
  const statement = parsed.value;
  const unbalanced = checkUnbalanced(statement, input.acceptUnbalanced === true);
  if (!unbalanced.ok) return unbalanced;
  if (statement.lines.length === 0 && statement.accounts.length === 0) {
    return err(
      domainError('IMPORT_EMPTY', 'the file holds no account and no line', { file: input.fileName }),
    );
  }
  const read = statement.lines.length + (statement.duplicateLines ?? 0);
  const fingerprints = fingerprintLines(statement.lines, fingerprintHash);
  const sources = buildForeignSourceIndex(await listForeignSources(ctx.store.db, orgId));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const now = ctx.now().toISOString();
  const batchId = newId('imp');

  const result = await inTransaction(ctx.store, async (tx) => {
    const trx = tx.db;
    await insertImportBatch(trx, {
      id: batchId,
      organisationId: orgId,
      kind: 'bank',
      fileName: input.fileName,
      format: statement.format,
      sha256,
      encoding: statement.encoding,
      read,
      imported: 0,
      duplicates: 0,
      candidates: 0,
      importedAt: now,
      unbalanced: unbalanced.value,
    });
    if (unbalanced.value !== null)
      await logUnbalancedImport(
        { ...ctx, store: tx },
        {
          org: orgId,
          batchId,
          fileName: input.fileName,
          sha256,
          reason: unbalanced.value,
          parsed: statement,
        },
      );
    const accountIds = new Map<string, { id: string; created: boolean }>();
    const ensure = async (number: string, currency: string, bankName?: string, bankCode?: string) => {
      const key = accountKey(number, currency);
      const known = accountIds.get(key);
      if (known) return known;
      const a = await ensureBankAccount(trx, {
        id: newId('acc'),
        organisationId: orgId,
        number: normaliseAccount(number),
        currency,
        bankName: bankName ?? null,
        bankCode: bankCode ?? null,
        createdAt: now,
      });
      accountIds.set(key, a);
      return a;
    };
    for (const a of statement.accounts) await ensure(a.account, a.currency, a.bankName, a.bankCode);
    const accountOf: string[] = new Array<string>(statement.lines.length);
    const byRawAccount = new Map<string, string>();
    for (const [i, l] of statement.lines.entries()) {
      const raw = `${l.account}|${l.currency}`;
      let accountId = byRawAccount.get(raw);
      if (accountId === undefined) {
        accountId = (
          accountIds.get(accountKey(l.account, l.currency)) ?? (await ensure(l.account, l.currency))
        ).id;
        byRawAccount.set(raw, accountId);
      }
      accountOf[i] = accountId;
    }
    const inserted = await insertBankLines(
      trx,
      { organisationId: orgId, batchId, lines: statement.lines, fingerprints, accountIds: accountOf },
      input.onProgress,
    );
    const candidates: NewForeignCandidate[] = [];
    const candidateId = orderedIds('cnd');
    let imported = 0;
    for (const [i, l] of statement.lines.entries()) {
      if (inserted[i] !== 1) continue;
      imported += 1;
      if (l.direction !== 'in') continue;
      const reasons = detectForeignCandidate(l, sources);
      if (reasons.length === 0) continue;
      candidates.push({
        id: candidateId(),
        organisationId: orgId,
        bankLine: fingerprints[i] ?? '',
        batchId,
        reasons,
        suggestedSourceId: reasons.find((r) => r.sourceId)?.sourceId ?? null,
        createdAt: now,
      });
    }
    const proposed = await insertForeignCandidates(trx, candidates);
    // A page repeated inside the file was read, and each of its lines is a duplicate.
    const counts = { imported, duplicates: read - imported, candidates: proposed };
    // The balance's maintained totals take the batch's new lines in one grouped statement.
    await moveBalanceTotals(trx, 1, { organisationId: orgId, batchId });
    await updateImportBatchCounts(trx, batchId, counts);
    const accounts = summariseAccounts(statement, accountIds, accountOf, inserted);
    return { counts, accounts };
  });
  return ok({
    read,
    imported: result.counts.imported,
    duplicates: result.counts.duplicates,
    foreignCandidates: result.counts.candidates,
    accounts: result.accounts,
    batchId,
    format: statement.format,
    encoding: statement.encoding,
    warnings: statement.warnings,
    ...(unbalanced.value === null ? {} : { unbalanced: unbalanced.value }),
  });
}

function summariseAccounts(
  statement: ParsedStatement,
  ids: ReadonlyMap<string, { id: string; created: boolean }>,
  accountOf: readonly string[],
  inserted: Uint8Array,
): ImportedAccount[] {
  const perAccount = new Map<string, { lines: number; imported: number }>();
  for (const [i, accountId] of accountOf.entries()) {
    let c = perAccount.get(accountId);
    if (!c) {
      c = { lines: 0, imported: 0 };
      perAccount.set(accountId, c);
    }
    c.lines += 1;
    c.imported += inserted[i] ?? 0;
  }
  const out: ImportedAccount[] = [];
  const listed = new Set<string>();
  for (const a of statement.accounts) {
    const key = accountKey(a.account, a.currency);
    const id = ids.get(key);
    if (!id || listed.has(key)) continue;
    listed.add(key);
    const c = perAccount.get(id.id) ?? { lines: 0, imported: 0 };
    out.push({
      account: normaliseAccount(a.account),
      currency: a.currency,
      accountId: id.id,
      created: id.created,
      from: a.from,
      to: a.to,
      opening: a.opening,
      closing: a.closing,
      ...c,
    });
  }
  for (const [key, id] of ids) {
    if (listed.has(key)) continue;
    const [account = '', currency = ''] = key.split('|');
    const c = perAccount.get(id.id) ?? { lines: 0, imported: 0 };
    out.push({
      account,
      currency,
      accountId: id.id,
      created: id.created,
      from: null,
      to: null,
      opening: null,
      closing: null,
      ...c,
    });
  }
  return out;
}

/** The bank-statement formats `--format` accepts; a file's chunks, for `source`. */
export { BANK_FORMATS, fileChunks } from '@civic/formats';
export type BankFormatName = BankFormat;
