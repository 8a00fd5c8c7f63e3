import type { AccountId, BankAccount, CurrencyCode } from '@civic/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface NewBankAccount {
  readonly id: string;
  readonly organisationId: string;
  readonly number: string;
  readonly currency: string;
  readonly bankName?: string | null;
  readonly bankCode?: string | null;
  readonly label?: string | null;
  readonly createdAt: string;
}

/** Adds an account unless the organisation already has that number in that currency; returns its id. */
export async function ensureBankAccount(
  db: Kysely<Database>,
  a: NewBankAccount,
): Promise<{ id: string; created: boolean }> {
  const existing = await db
    .selectFrom('bank_account')
    .select('id')
    .where('organisation_id', '=', a.organisationId)
    .where('number', '=', a.number)
    .where('currency', '=', a.currency)
    .executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  await db
    .insertInto('bank_account')
    .values({
      id: a.id,
      organisation_id: a.organisationId,
      number: a.number,
      currency: a.currency,
      bank_name: a.bankName ?? null,
      bank_code: a.bankCode ?? null,
      label: a.label ?? null,
      created_at: a.createdAt,
    })
    .execute();
  return { id: a.id, created: true };
}

export async function listBankAccounts(db: Kysely<Database>, organisationId: string): Promise<BankAccount[]> {
  const rows = await db
    .selectFrom('bank_account')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('number')
    .orderBy('currency')
    .execute();
  return rows.map((r) => ({
    id: r.id as AccountId,
    organisationId: r.organisation_id,
    number: r.number,
    currency: r.currency as CurrencyCode,
    bankName: r.bank_name,
    bankCode: r.bank_code,
    label: r.label,
  }));
}

/** Finds an account by id or by number (the only one with that number, or the one in `currency`). */
export async function findBankAccount(
  db: Kysely<Database>,
  organisationId: string,
  key: string,
  currency?: string,
): Promise<BankAccount | undefined> {
  const all = await listBankAccounts(db, organisationId);
  const byId = all.find((a) => a.id === key);
  if (byId) return byId;
  const k = key.replace(/[\s-]/g, '').toUpperCase();
  const byNumber = all.filter((a) => a.number === k && (currency === undefined || a.currency === currency));
  return byNumber.length === 1 ? byNumber[0] : undefined;
}
