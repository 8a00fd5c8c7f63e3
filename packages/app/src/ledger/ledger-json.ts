import {
  formatMinor,
  receiptAmount,
  valuationStatus,
  type CurrencyCode,
  type Expenditure,
  type ForeignSource,
  type Grant,
  type KztEquivalent,
  type Receipt,
} from '@civic/core';
import type { ForeignCandidate } from '@civic/store';
import type { ImportBankStatementResult } from './import-bank-statement.ts';

/**
 * JSON views of ledger values for the CLI (--json) and the HTTP API: money as exact decimal
 * strings with its currency, never floats; ids and dates as text.
 */
const KZT = 'KZT' as CurrencyCode;
const dec = (minor: bigint | null, currency: string): string | null =>
  minor === null ? null : formatMinor(minor, currency as CurrencyCode);

/**
 * An equivalent as JSON: `equivalent` is the amount in the jurisdiction's currency and
 * `equivalentCurrency` which one — the pack's (KZT for kz, INR for in-fcra). `kzt` and `currency`
 * are the same two values under their first names, kept for compatibility (docs/formats.md).
 */
export function kztJson(k: KztEquivalent, currency: CurrencyCode = KZT): Record<string, unknown> {
  return {
    status: k.status,
    kzt: dec(k.kzt, currency),
    currency,
    equivalent: dec(k.kzt, currency),
    equivalentCurrency: currency,
    rate: k.rate
      ? {
          date: k.rate.date,
          currency: k.rate.currency,
          rate: k.rate.text,
          units: k.rate.units,
          source: k.rate.source,
        }
      : null,
    note: k.note,
  };
}

export function sourceJson(s: ForeignSource): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    category: s.category,
    country: s.country,
    taxId: s.taxId,
    accounts: s.accounts,
    aliases: s.aliases,
    notes: s.notes,
    illustrative: s.illustrative,
  };
}

/**
 * A grant as JSON. With `allocated` (the sums allocated per budget line id), each budget line also
 * carries `allocated`: what the expenditures' allocations naming it come to ("0.00" when none).
 */
export function grantJson(g: Grant, allocated?: ReadonlyMap<string, bigint>): Record<string, unknown> {
  return {
    id: g.id,
    sourceId: g.sourceId,
    agreementNumber: g.agreementNumber,
    agreementDate: g.agreementDate,
    amount: dec(g.amount.minor, g.amount.currency),
    currency: g.amount.currency,
    periodFrom: g.periodFrom,
    periodTo: g.periodTo,
    activity: g.activity,
    title: g.title,
    illustrative: g.illustrative,
    budgetLines: (g.budgetLines ?? []).map((l) => ({
      id: l.id,
      name: l.name,
      amount: dec(l.amount, g.amount.currency),
      ...(allocated ? { allocated: dec(allocated.get(l.id) ?? 0n, g.amount.currency) } : {}),
    })),
  };
}

export function receiptJson(r: Receipt, equivalentCurrency: CurrencyCode = KZT): Record<string, unknown> {
  const amount = receiptAmount(r.content);
  return {
    id: r.id,
    sourceId: r.sourceId,
    grantId: r.grantId,
    accountId: r.accountId,
    bankLineId: r.bankLineId,
    receivedOn: r.receivedOn,
    kind: r.content.kind,
    amount: amount ? dec(amount.minor, amount.currency) : null,
    currency: amount?.currency ?? null,
    ...(r.content.kind === 'property'
      ? {
          property: {
            description: r.content.description,
            valuation: valuationStatus(r.content),
            method: r.content.valuation?.method ?? null,
            valuedOn: r.content.valuation?.valuedOn ?? null,
          },
        }
      : {}),
    kzt: kztJson(r.kzt, equivalentCurrency),
    description: r.description,
    illustrative: r.illustrative,
  };
}

export function expenditureJson(
  e: Expenditure,
  equivalentCurrency: CurrencyCode = KZT,
): Record<string, unknown> {
  return {
    id: e.id,
    spentOn: e.spentOn,
    amount: dec(e.amount.minor, e.amount.currency),
    currency: e.amount.currency,
    accountId: e.accountId,
    bankLineId: e.bankLineId,
    allocations: e.allocations.map((a) => ({
      grantId: a.grantId,
      amount: dec(a.amount, e.amount.currency),
      budgetLineId: a.budgetLineId ?? null,
    })),
    kzt: kztJson(e.kzt, equivalentCurrency),
    description: e.description,
    counterparty: e.counterparty,
    illustrative: e.illustrative,
  };
}

export function candidateJson(c: ForeignCandidate): Record<string, unknown> {
  return {
    id: c.id,
    status: c.status,
    bookedOn: c.bookedOn,
    amount: dec(c.amountMinor, c.currency),
    currency: c.currency,
    accountId: c.accountId,
    counterparty: {
      name: c.counterpartyName,
      taxId: c.counterpartyTaxId,
      account: c.counterpartyAccount,
      sectorCode: c.counterpartySector,
    },
    purpose: c.purpose,
    extras: c.extras,
    reasons: c.reasons,
    suggestedSourceId: c.suggestedSourceId,
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt,
    receiptId: c.receiptId,
    bankLineId: c.bankLine,
  };
}

/** The contract of `civic import bank --json`: {read, imported, duplicates, foreignCandidates, accounts}. */
export function importBankJson(r: ImportBankStatementResult): Record<string, unknown> {
  return {
    read: r.read,
    imported: r.imported,
    duplicates: r.duplicates,
    foreignCandidates: r.foreignCandidates,
    accounts: r.accounts.map((a) => ({
      account: a.account,
      currency: a.currency,
      accountId: a.accountId,
      created: a.created,
      from: a.from,
      to: a.to,
      opening: dec(a.opening, a.currency),
      closing: dec(a.closing, a.currency),
      lines: a.lines,
      imported: a.imported,
    })),
    ...(r.unbalanced === undefined ? {} : { unbalanced: r.unbalanced }),
  };
}

/**
 * An import's warnings for the API's answer (the web renders those with a code in the reader's
 * language): `{line, field, code, params, message}`, `code` null where no translated message exists.
 */
export function importWarningsJson(r: ImportBankStatementResult): Record<string, unknown>[] {
  return r.warnings.map((w) => ({
    line: w.line,
    field: w.field ?? null,
    code: w.code ?? null,
    params: w.params ?? {},
    message: w.message,
  }));
}
