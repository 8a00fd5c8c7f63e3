import {
  domainError,
  err,
  normaliseAccount,
  ok,
  parseCurrency,
  validateGrant,
  validateSource,
  type BankAccount,
  type ForeignSource,
  type Grant,
  type GrantInput,
  type Result,
  type SourceInput,
} from '@civic/core';
import {
  ensureBankAccount,
  findBankAccount,
  findForeignSource,
  findGrant,
  insertForeignSource,
  insertGrant,
  listBankAccounts,
  listForeignSources,
  listGrants as listGrantRows,
  replaceBudgetLines,
  updateForeignSource,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { audited } from '../audit/audited.ts';

/** Adds a foreign source to an organisation (validated: name, one of the five categories, country). */
export async function createSource(
  ctx: AppContext,
  org: string,
  input: SourceInput & { illustrative?: boolean },
): Promise<Result<ForeignSource>> {
  return audited(
    ctx,
    (tx) => createSourceNow(tx, org, input),
    (s) => ({ entity: 'foreign-source', entityId: s.id, action: 'create', organisationId: org, after: s }),
  );
}

async function createSourceNow(
  ctx: AppContext,
  org: string,
  input: SourceInput & { illustrative?: boolean },
): Promise<Result<ForeignSource>> {
  const v = validateSource(input);
  if (!v.ok) return v;
  const id = newId('src');
  await insertForeignSource(ctx.store.db, {
    id,
    organisationId: org,
    ...v.value,
    illustrative: input.illustrative ?? false,
    createdAt: ctx.now().toISOString(),
  });
  return getSource(ctx, org, id);
}

/** Replaces a source's details (name, category, country, identifiers). */
export async function updateSource(
  ctx: AppContext,
  org: string,
  id: string,
  input: SourceInput,
): Promise<Result<ForeignSource>> {
  const v = validateSource(input);
  if (!v.ok) return v;
  const found = await updateForeignSource(ctx.store.db, { id, organisationId: org, ...v.value });
  if (!found)
    return err(
      domainError('LEDGER_SOURCE_NOT_FOUND', `no source "${id}" in this organisation`, { field: 'source' }),
    );
  return getSource(ctx, org, id);
}

export function listSources(ctx: AppContext, org: string): Promise<ForeignSource[]> {
  return listForeignSources(ctx.store.db, org);
}

/** A source by id or (unique) name. */
export async function getSource(ctx: AppContext, org: string, key: string): Promise<Result<ForeignSource>> {
  const s = await findForeignSource(ctx.store.db, org, key);
  return s
    ? ok(s)
    : err(
        domainError('LEDGER_SOURCE_NOT_FOUND', `no source "${key}" in this organisation`, {
          field: 'source',
        }),
      );
}

/** Adds a grant agreement with one of the organisation's sources (given by id or name). */
export async function createGrant(
  ctx: AppContext,
  org: string,
  input: GrantInput & { illustrative?: boolean },
): Promise<Result<Grant>> {
  return audited(
    ctx,
    (tx) => createGrantNow(tx, org, input),
    (g) => ({ entity: 'grant', entityId: g.id, action: 'create', organisationId: org, after: g }),
  );
}

async function createGrantNow(
  ctx: AppContext,
  org: string,
  input: GrantInput & { illustrative?: boolean },
): Promise<Result<Grant>> {
  const source = await getSource(ctx, org, input.sourceId);
  if (!source.ok) return source;
  const v = validateGrant({ ...input, sourceId: source.value.id });
  if (!v.ok) return v;
  const g = v.value;
  const id = newId('grt');
  await insertGrant(ctx.store.db, {
    id,
    organisationId: org,
    sourceId: g.sourceId,
    agreementNumber: g.agreementNumber,
    agreementDate: g.agreementDate,
    currency: g.amount.currency,
    amountMinor: g.amount.minor,
    periodFrom: g.periodFrom,
    periodTo: g.periodTo,
    activity: g.activity,
    title: g.title,
    illustrative: input.illustrative ?? false,
    createdAt: ctx.now().toISOString(),
  });
  // Its budget lines, checked with it (`civic grant add --budget-line`; the web goes through ledger-edit).
  if (g.budgetLines.length > 0)
    await replaceBudgetLines(
      ctx.store.db,
      org,
      id,
      g.budgetLines.map((l) => ({ id: newId('bdl'), name: l.name, amount: l.amount })),
    );
  return getGrant(ctx, org, id);
}

export function listGrants(
  ctx: AppContext,
  org: string,
  filter: { sourceId?: string } = {},
): Promise<Grant[]> {
  return listGrantRows(ctx.store.db, org, filter);
}

/** A grant by id or (unique) agreement number. */
export async function getGrant(ctx: AppContext, org: string, key: string): Promise<Result<Grant>> {
  const g = await findGrant(ctx.store.db, org, key);
  return g
    ? ok(g)
    : err(
        domainError('LEDGER_GRANT_NOT_FOUND', `no grant "${key}" in this organisation`, { field: 'grant' }),
      );
}

/** Adds a bank account (or returns the existing one with that number and currency). */
export async function createAccount(
  ctx: AppContext,
  org: string,
  input: Parameters<typeof createAccountNow>[2],
): Promise<Result<BankAccount>> {
  return audited(
    ctx,
    (tx) => createAccountNow(tx, org, input),
    (a) => ({ entity: 'bank-account', entityId: a.id, action: 'create', organisationId: org, after: a }),
  );
}

async function createAccountNow(
  ctx: AppContext,
  org: string,
  input: {
    number: string;
    currency: string;
    bankName?: string | null;
    bankCode?: string | null;
    label?: string | null;
  },
): Promise<Result<BankAccount>> {
  const number = normaliseAccount(input.number);
  if (!number)
    return err(domainError('LEDGER_ACCOUNT_REQUIRED', 'an account needs its number', { field: 'number' }));
  const c = parseCurrency(input.currency);
  if (!c.ok) return c;
  const { id } = await ensureBankAccount(ctx.store.db, {
    id: newId('acc'),
    organisationId: org,
    number,
    currency: c.value,
    bankName: input.bankName ?? null,
    bankCode: input.bankCode ?? null,
    label: input.label ?? null,
    createdAt: ctx.now().toISOString(),
  });
  return getAccount(ctx, org, id);
}

export function listAccounts(ctx: AppContext, org: string): Promise<BankAccount[]> {
  return listBankAccounts(ctx.store.db, org);
}

/** An account by id or number (with the currency when the number has several). */
export async function getAccount(
  ctx: AppContext,
  org: string,
  key: string,
  currency?: string,
): Promise<Result<BankAccount>> {
  const a = await findBankAccount(ctx.store.db, org, key, currency);
  return a
    ? ok(a)
    : err(
        domainError('LEDGER_ACCOUNT_NOT_FOUND', `no bank account "${key}" in this organisation`, {
          field: 'account',
        }),
      );
}
