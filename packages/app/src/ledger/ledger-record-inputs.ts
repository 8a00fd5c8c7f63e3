import {
  formatMinor,
  receiptAmount,
  type BankAccount,
  type Expenditure,
  type ExpenditureInput,
  type ForeignSource,
  type Grant,
  type GrantInput,
  type Receipt,
  type ReceiptInput,
  type SourceInput,
} from '@civic/core';

/** A bank account as a form gives it. */
export interface AccountInput {
  readonly number: string;
  readonly currency: string;
  readonly bankName?: string | null;
  readonly bankCode?: string | null;
  readonly label?: string | null;
}

/**
 * A stored record as the input that would create it again: a change (PATCH) lays the fields it
 * gives over this and validates the whole with the same rules as a new record.
 */
export function sourceInputOf(s: ForeignSource): SourceInput {
  return {
    name: s.name,
    category: s.category,
    country: s.country,
    taxId: s.taxId,
    accounts: s.accounts,
    aliases: s.aliases,
    notes: s.notes,
  };
}

export function grantInputOf(g: Grant): GrantInput {
  return {
    sourceId: g.sourceId,
    agreementNumber: g.agreementNumber,
    agreementDate: g.agreementDate,
    currency: g.amount.currency,
    amount: formatMinor(g.amount.minor, g.amount.currency),
    periodFrom: g.periodFrom,
    periodTo: g.periodTo,
    activity: g.activity,
    title: g.title,
    budgetLines: (g.budgetLines ?? []).map((l) => ({
      id: l.id,
      name: l.name,
      amount: formatMinor(l.amount, g.amount.currency),
    })),
  };
}

export function accountInputOf(a: BankAccount): AccountInput {
  return {
    number: a.number,
    currency: a.currency,
    bankName: a.bankName,
    bankCode: a.bankCode,
    label: a.label,
  };
}

export function receiptInputOf(r: Receipt): ReceiptInput {
  const amount = receiptAmount(r.content);
  const property = r.content.kind === 'property' ? r.content : null;
  return {
    sourceId: r.sourceId,
    grantId: r.grantId,
    accountId: r.accountId,
    receivedOn: r.receivedOn,
    kind: r.content.kind,
    currency: amount?.currency ?? null,
    amount: amount ? formatMinor(amount.minor, amount.currency) : null,
    propertyDescription: property?.description ?? null,
    valuationMethod: property?.valuation?.method ?? null,
    valuedOn: property?.valuation?.valuedOn ?? null,
    description: r.description,
  };
}

export function expenditureInputOf(e: Expenditure): ExpenditureInput {
  return {
    spentOn: e.spentOn,
    currency: e.amount.currency,
    amount: formatMinor(e.amount.minor, e.amount.currency),
    accountId: e.accountId,
    description: e.description,
    counterparty: e.counterparty,
    allocations: e.allocations.map((a) => ({
      grantId: a.grantId,
      amount: formatMinor(a.amount, e.amount.currency),
      budgetLineId: a.budgetLineId ?? null,
    })),
  };
}
