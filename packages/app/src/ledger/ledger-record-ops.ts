import {
  domainError,
  err,
  normaliseAccount,
  ok,
  parseCurrency,
  validateGrant,
  validateSource,
  type BankAccount,
  type BudgetLine,
  type ExpenditureInput,
  type GrantInput,
  type ReceiptInput,
  type Result,
  type SourceInput,
} from '@civic/core';
import {
  insertForeignSource,
  insertGrant,
  allocatedByBudgetLine,
  listBudgetLines,
  replaceBudgetLines,
  ensureBankAccount,
  insertReceipt,
  insertExpenditure,
  updateBankAccount,
  updateExpenditure,
  updateForeignSource,
  updateGrant,
  updateReceipt,
  type LedgerRecordKind,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { getAccount, getGrant, getSource, listAccounts, listGrants, listSources } from './ledger-entities.ts';
import { expenditureJson, grantJson, receiptJson, sourceJson } from './ledger-json.ts';
import { equivalentCurrencyOf } from './official-rates.ts';
import {
  accountInputOf,
  expenditureInputOf,
  grantInputOf,
  receiptInputOf,
  sourceInputOf,
  type AccountInput,
} from './ledger-record-inputs.ts';
import {
  getExpenditure,
  getReceipt,
  listExpenditures,
  listReceipts,
  resolveExpenditure,
  resolveReceipt,
} from './ledger-records.ts';

/** What creates (or, laid over the stored record, changes) each kind of ledger record. */
export interface LedgerInputs {
  sources: SourceInput;
  grants: GrantInput;
  accounts: AccountInput;
  receipts: ReceiptInput;
  expenditures: ExpenditureInput;
}

export type LedgerRecordJson = Record<string, unknown>;

/** One kind's reads and writes, all through the same domain validation as the CLI. */
export interface LedgerKindOps<I> {
  /** The audit trail's entity. */
  readonly entity: string;
  get(ctx: AppContext, org: string, id: string): Promise<Result<{ input: I; json: LedgerRecordJson }>>;
  list(ctx: AppContext, org: string): Promise<LedgerRecordJson[]>;
  /** Writes a new record (`id` null) or the record's new facts; answers its id. */
  write(ctx: AppContext, org: string, id: string | null, input: I): Promise<Result<string>>;
}

export function accountJson(a: BankAccount): LedgerRecordJson {
  return {
    id: a.id,
    number: a.number,
    currency: a.currency,
    bankName: a.bankName,
    bankCode: a.bankCode,
    label: a.label,
  };
}

const now = (ctx: AppContext) => ctx.now().toISOString();

const sources: LedgerKindOps<SourceInput> = {
  entity: 'foreign-source',
  async get(ctx, org, id) {
    const s = await getSource(ctx, org, id);
    return s.ok ? ok({ input: sourceInputOf(s.value), json: sourceJson(s.value) }) : s;
  },
  async list(ctx, org) {
    return (await listSources(ctx, org)).map(sourceJson);
  },
  async write(ctx, org, id, input) {
    const v = validateSource(input);
    if (!v.ok) return v;
    if (id) await updateForeignSource(ctx.store.db, { id, organisationId: org, ...v.value });
    else
      await insertForeignSource(ctx.store.db, {
        id: (id = newId('src')),
        organisationId: org,
        ...v.value,
        createdAt: now(ctx),
      });
    return ok(id);
  },
};

const grants: LedgerKindOps<GrantInput> = {
  entity: 'grant',
  async get(ctx, org, id) {
    const g = await getGrant(ctx, org, id);
    if (!g.ok) return g;
    const allocated = await allocatedByBudgetLine(ctx.store.db, org, g.value.id);
    return ok({ input: grantInputOf(g.value), json: grantJson(g.value, allocated) });
  },
  async list(ctx, org) {
    const allocated = await allocatedByBudgetLine(ctx.store.db, org);
    return (await listGrants(ctx, org)).map((g) => grantJson(g, allocated));
  },
  async write(ctx, org, id, input) {
    const source = await getSource(ctx, org, input.sourceId);
    if (!source.ok) return err({ ...source.error, field: 'sourceId' });
    const v = validateGrant({ ...input, sourceId: source.value.id });
    if (!v.ok) return v;
    const g = {
      id: id ?? newId('grt'),
      organisationId: org,
      sourceId: source.value.id,
      agreementNumber: v.value.agreementNumber,
      agreementDate: v.value.agreementDate,
      currency: v.value.amount.currency,
      amountMinor: v.value.amount.minor,
      periodFrom: v.value.periodFrom,
      periodTo: v.value.periodTo,
      activity: v.value.activity,
      title: v.value.title,
    };
    if (id) await updateGrant(ctx.store.db, g);
    else await insertGrant(ctx.store.db, { ...g, createdAt: now(ctx) });
    // A line keeps its id when the form sends it back (an id not of this grant's lines is a new line).
    const stored = id ? ((await listBudgetLines(ctx.store.db, org, [id])).get(id) ?? []) : [];
    const lines = v.value.budgetLines.map((l) => ({
      id: l.id !== null && stored.some((s) => s.id === l.id) ? l.id : newId('bdl'),
      name: l.name,
      amount: l.amount,
    }));
    const used = id ? await lineInUseRemoved(ctx, org, id, stored, lines) : ok(true);
    if (!used.ok) return used;
    await replaceBudgetLines(ctx.store.db, org, g.id, lines);
    return ok(g.id);
  },
};

/** Refuses to remove a budget line an expenditure's allocation names (the user must move those first). */
async function lineInUseRemoved(
  ctx: AppContext,
  org: string,
  grantId: string,
  stored: readonly BudgetLine[],
  kept: readonly { id: string }[],
): Promise<Result<true>> {
  const allocated = await allocatedByBudgetLine(ctx.store.db, org, grantId);
  const removed = stored.find((s) => allocated.has(s.id) && !kept.some((k) => k.id === s.id));
  if (!removed) return ok(true);
  return err(
    domainError(
      'LEDGER_BUDGET_LINE_IN_USE',
      `budget line "${removed.name}" has expenditures allocated to it; allocate them elsewhere first`,
      { field: 'budgetLines', details: { name: removed.name } },
    ),
  );
}

const accounts: LedgerKindOps<AccountInput> = {
  entity: 'bank-account',
  async get(ctx, org, id) {
    const a = await getAccount(ctx, org, id);
    return a.ok ? ok({ input: accountInputOf(a.value), json: accountJson(a.value) }) : a;
  },
  async list(ctx, org) {
    return (await listAccounts(ctx, org)).map(accountJson);
  },
  async write(ctx, org, id, input) {
    const number = normaliseAccount(input.number);
    if (!number)
      return err(domainError('LEDGER_ACCOUNT_REQUIRED', 'an account needs its number', { field: 'number' }));
    const c = parseCurrency(input.currency);
    if (!c.ok) return err({ ...c.error, field: 'currency' });
    const a = {
      number,
      currency: c.value,
      bankName: input.bankName?.trim() || null,
      bankCode: input.bankCode?.trim() || null,
      label: input.label?.trim() || null,
    };
    if (id) {
      await updateBankAccount(ctx.store.db, { id, organisationId: org, ...a });
      return ok(id);
    }
    const made = await ensureBankAccount(ctx.store.db, {
      id: newId('acc'),
      organisationId: org,
      ...a,
      createdAt: now(ctx),
    });
    return ok(made.id);
  },
};

const receipts: LedgerKindOps<ReceiptInput> = {
  entity: 'receipt',
  async get(ctx, org, id) {
    const r = await getReceipt(ctx, org, id);
    return r.ok
      ? ok({
          input: receiptInputOf(r.value),
          json: receiptJson(r.value, await equivalentCurrencyOf(ctx, org)),
        })
      : r;
  },
  async list(ctx, org) {
    const cur = await equivalentCurrencyOf(ctx, org);
    return (await listReceipts(ctx, org)).map((r) => receiptJson(r, cur));
  },
  async write(ctx, org, id, input) {
    const r = await resolveReceipt(ctx, org, input);
    if (!r.ok) return r;
    const row = {
      id: id ?? newId('rcp'),
      organisationId: org,
      ...r.value,
      bankLine: null,
      createdAt: now(ctx),
    };
    if (id) await updateReceipt(ctx.store.db, row);
    else await insertReceipt(ctx.store.db, row);
    return ok(row.id);
  },
};

const expenditures: LedgerKindOps<ExpenditureInput> = {
  entity: 'expenditure',
  async get(ctx, org, id) {
    const e = await getExpenditure(ctx, org, id);
    return e.ok
      ? ok({
          input: expenditureInputOf(e.value),
          json: expenditureJson(e.value, await equivalentCurrencyOf(ctx, org)),
        })
      : e;
  },
  async list(ctx, org) {
    const cur = await equivalentCurrencyOf(ctx, org);
    return (await listExpenditures(ctx, org)).map((e) => expenditureJson(e, cur));
  },
  async write(ctx, org, id, input) {
    const r = await resolveExpenditure(ctx, org, input);
    if (!r.ok) return r;
    const row = {
      id: id ?? newId('exp'),
      organisationId: org,
      ...r.value,
      bankLine: null,
      createdAt: now(ctx),
    };
    if (id) await updateExpenditure(ctx.store.db, row);
    else await insertExpenditure(ctx.store.db, row);
    return ok(row.id);
  },
};

export const LEDGER_KIND_OPS: { readonly [K in LedgerRecordKind]: LedgerKindOps<LedgerInputs[K]> } = {
  sources,
  grants,
  accounts,
  receipts,
  expenditures,
};
