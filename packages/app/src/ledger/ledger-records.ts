import {
  domainError,
  err,
  ok,
  receiptAmount,
  receiptRateDate,
  splitProportionally,
  validateExpenditure,
  validateReceipt,
  type Expenditure,
  type ExpenditureInput,
  type KztEquivalent,
  type Receipt,
  type ReceiptInput,
  type Result,
} from '@civic/core';
import {
  inTransaction,
  getExpenditure as getExpenditureRow,
  getReceipt as getReceiptRow,
  insertExpenditure,
  insertReceipt,
  listExpenditures as listExpenditureRows,
  listReceipts as listReceiptRows,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { getAccount, getGrant, getSource } from './ledger-entities.ts';
import { checkBudgetLine } from './allocation-budget-line.ts';
import { equivalentCurrencyOf, kztEquivalentOf } from './official-rates.ts';
import { audited } from '../audit/audited.ts';

/** Dates bound a listing (inclusive); both optional. */
export interface DateRange {
  readonly from?: string;
  readonly to?: string;
}

const missingValuation: KztEquivalent = {
  status: 'missing',
  kzt: null,
  rate: null,
  note: 'property received in kind has no valuation yet',
};

/**
 * Records a receipt of money or property by hand. The source, grant and account may be given by
 * id or name/number; the equivalent in the pack's currency (KZT for kz, INR for in-fcra) is computed at the official rate of the day received
 * (of the valuation for property); a missing rate or valuation is stored as `missing`.
 */
export async function recordReceipt(
  ctx: AppContext,
  org: string,
  input: ReceiptInput & { illustrative?: boolean; bankLine?: string | null },
): Promise<Result<Receipt>> {
  return audited(
    ctx,
    (tx) => recordReceiptNow(tx, org, input),
    (r) => ({ entity: 'receipt', entityId: r.id, action: 'create', organisationId: org, after: r }),
  );
}

async function recordReceiptNow(
  ctx: AppContext,
  org: string,
  input: ReceiptInput & { illustrative?: boolean; bankLine?: string | null },
): Promise<Result<Receipt>> {
  const r = await resolveReceipt(ctx, org, input);
  if (!r.ok) return r;
  const id = newId('rcp');
  await insertReceipt(ctx.store.db, {
    id,
    organisationId: org,
    ...r.value,
    bankLine: input.bankLine ?? null,
    illustrative: input.illustrative ?? false,
    createdAt: ctx.now().toISOString(),
  });
  return getReceipt(ctx, org, id);
}

/** A receipt's facts as stored, once validated and its source, grant and account found. */
export interface ResolvedReceipt {
  readonly sourceId: string;
  readonly grantId: string | null;
  readonly accountId: string | null;
  readonly receivedOn: string;
  readonly content: Receipt['content'];
  readonly kzt: KztEquivalent;
  readonly description: string | null;
}

/** Validates a receipt and resolves its references and KZT equivalent (for a new one or a change). */
export async function resolveReceipt(
  ctx: AppContext,
  org: string,
  input: ReceiptInput,
): Promise<Result<ResolvedReceipt>> {
  const v = validateReceipt(input);
  if (!v.ok) return v;
  const source = await getSource(ctx, org, v.value.sourceId);
  if (!source.ok) return err({ ...source.error, field: 'sourceId' });
  let grantId: string | null = null;
  if (v.value.grantId) {
    const grant = await getGrant(ctx, org, v.value.grantId);
    if (!grant.ok) return err({ ...grant.error, field: 'grantId' });
    if (grant.value.sourceId !== source.value.id) {
      return err(
        domainError(
          'LEDGER_GRANT_SOURCE_MISMATCH',
          `grant ${grant.value.agreementNumber} is from another source than ${source.value.name}`,
          { field: 'grantId' },
        ),
      );
    }
    grantId = grant.value.id;
  }
  let accountId: string | null = null;
  if (v.value.accountId) {
    const account = await getAccount(ctx, org, v.value.accountId);
    if (!account.ok) return err({ ...account.error, field: 'accountId' });
    accountId = account.value.id;
  }
  const amount = receiptAmount(v.value.content);
  const kzt = amount
    ? await kztEquivalentOf(
        ctx,
        amount,
        receiptRateDate(v.value.content, v.value.receivedOn),
        await equivalentCurrencyOf(ctx, org),
      )
    : missingValuation;
  return ok({
    sourceId: source.value.id,
    grantId,
    accountId,
    receivedOn: v.value.receivedOn,
    content: v.value.content,
    kzt,
    description: v.value.description,
  });
}

export function listReceipts(
  ctx: AppContext,
  org: string,
  range: DateRange & {
    sourceId?: string;
    grantId?: string;
    order?: 'asc' | 'desc';
    limit?: number;
    offset?: number;
  } = {},
): Promise<Receipt[]> {
  return listReceiptRows(ctx.store.db, org, range);
}

export async function getReceipt(ctx: AppContext, org: string, id: string): Promise<Result<Receipt>> {
  const r = await getReceiptRow(ctx.store.db, org, id);
  return r
    ? ok(r)
    : err(
        domainError('LEDGER_RECEIPT_NOT_FOUND', `no receipt "${id}" in this organisation`, {
          field: 'receipt',
        }),
      );
}

/** Gives each allocation its share of the expenditure's KZT equivalent; the shares sum exactly to it. */
export function kztShares(kzt: bigint | null, allocations: readonly { amount: bigint }[]): (bigint | null)[] {
  if (kzt === null) return allocations.map(() => null);
  return splitProportionally(
    kzt,
    allocations.map((a) => a.amount),
  );
}

/**
 * Records an expenditure allocated to one or more grants (by id or agreement number); the
 * allocations must sum to the amount. A grant in another currency than the expenditure is
 * accepted: its balance is then kept per currency.
 */
export async function recordExpenditure(
  ctx: AppContext,
  org: string,
  input: ExpenditureInput & { illustrative?: boolean; bankLine?: string | null },
): Promise<Result<Expenditure>> {
  return audited(
    ctx,
    (tx) => recordExpenditureNow(tx, org, input),
    (e) => ({ entity: 'expenditure', entityId: e.id, action: 'create', organisationId: org, after: e }),
  );
}

async function recordExpenditureNow(
  ctx: AppContext,
  org: string,
  input: ExpenditureInput & { illustrative?: boolean; bankLine?: string | null },
): Promise<Result<Expenditure>> {
  const r = await resolveExpenditure(ctx, org, input);
  if (!r.ok) return r;
  const id = newId('exp');
  await inTransaction(ctx.store, (tx) =>
    insertExpenditure(tx.db, {
      id,
      organisationId: org,
      ...r.value,
      bankLine: input.bankLine ?? null,
      illustrative: input.illustrative ?? false,
      createdAt: ctx.now().toISOString(),
    }),
  );
  return getExpenditure(ctx, org, id);
}

/** An expenditure's facts as stored, once validated, its grants and account found and its KZT shared out. */
export interface ResolvedExpenditure {
  readonly accountId: string | null;
  readonly spentOn: string;
  readonly currency: string;
  readonly amountMinor: bigint;
  readonly kzt: KztEquivalent;
  readonly description: string | null;
  readonly counterparty: string | null;
  readonly allocations: readonly {
    grantId: string;
    amountMinor: bigint;
    kztMinor: bigint | null;
    budgetLineId: string | null;
  }[];
}

/** Validates an expenditure and resolves its allocations' grants, its account and KZT equivalent. */
export async function resolveExpenditure(
  ctx: AppContext,
  org: string,
  input: ExpenditureInput,
): Promise<Result<ResolvedExpenditure>> {
  const v = validateExpenditure(input);
  if (!v.ok) return v;
  const allocations: { grantId: string; amount: bigint; budgetLineId: string | null }[] = [];
  for (const [i, a] of v.value.allocations.entries()) {
    const grant = await getGrant(ctx, org, a.grantId);
    if (!grant.ok) return err({ ...grant.error, field: `allocations[${String(i)}].grantId` });
    if (allocations.some((x) => x.grantId === grant.value.id))
      return err(
        domainError(
          'LEDGER_ALLOCATION_DUPLICATE',
          `grant ${grant.value.agreementNumber} is allocated twice`,
          { field: `allocations[${String(i)}]` },
        ),
      );
    const line = checkBudgetLine(grant.value, a.budgetLineId ?? null, i);
    if (!line.ok) return line;
    allocations.push({ grantId: grant.value.id, amount: a.amount, budgetLineId: line.value });
  }
  let accountId: string | null = null;
  if (v.value.accountId) {
    const account = await getAccount(ctx, org, v.value.accountId);
    if (!account.ok) return err({ ...account.error, field: 'accountId' });
    accountId = account.value.id;
  }
  const kzt = await kztEquivalentOf(
    ctx,
    v.value.amount,
    v.value.spentOn,
    await equivalentCurrencyOf(ctx, org),
  );
  const shares = kztShares(kzt.kzt, allocations);
  return ok({
    accountId,
    spentOn: v.value.spentOn,
    currency: v.value.amount.currency,
    amountMinor: v.value.amount.minor,
    kzt,
    description: v.value.description,
    counterparty: v.value.counterparty,
    allocations: allocations.map((a, i) => ({
      grantId: a.grantId,
      amountMinor: a.amount,
      kztMinor: shares[i] ?? null,
      budgetLineId: a.budgetLineId,
    })),
  });
}

export function listExpenditures(
  ctx: AppContext,
  org: string,
  range: DateRange & { grantId?: string } = {},
): Promise<Expenditure[]> {
  return listExpenditureRows(ctx.store.db, org, range);
}

export async function getExpenditure(ctx: AppContext, org: string, id: string): Promise<Result<Expenditure>> {
  const e = await getExpenditureRow(ctx.store.db, org, id);
  return e
    ? ok(e)
    : err(
        domainError('LEDGER_EXPENDITURE_NOT_FOUND', `no expenditure "${id}" in this organisation`, {
          field: 'expenditure',
        }),
      );
}
