import type { CalendarDate, CurrencyCode, Grant, GrantId, SourceId } from '@civic/core';
import type { Kysely } from 'kysely';
import { listBudgetLines } from './grant-budget-line.repository.ts';
import type { Database } from './schema.ts';

export interface NewGrant {
  readonly id: string;
  readonly organisationId: string;
  readonly sourceId: string;
  readonly agreementNumber: string;
  readonly agreementDate: string | null;
  readonly currency: string;
  readonly amountMinor: bigint;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly activity: string | null;
  readonly title: string | null;
  readonly illustrative?: boolean;
  readonly createdAt: string;
}

export async function insertGrant(db: Kysely<Database>, g: NewGrant): Promise<void> {
  await db
    .insertInto('ledger_grant')
    .values({
      id: g.id,
      organisation_id: g.organisationId,
      source_id: g.sourceId,
      agreement_number: g.agreementNumber,
      agreement_date: g.agreementDate,
      currency: g.currency,
      amount_minor: g.amountMinor,
      period_from: g.periodFrom,
      period_to: g.periodTo,
      activity: g.activity,
      title: g.title,
      illustrative: g.illustrative ? 1 : 0,
      created_at: g.createdAt,
    })
    .execute();
}

export async function listGrants(
  db: Kysely<Database>,
  organisationId: string,
  filter: { sourceId?: string } = {},
): Promise<Grant[]> {
  let q = db.selectFrom('ledger_grant').selectAll().where('organisation_id', '=', organisationId);
  if (filter.sourceId) q = q.where('source_id', '=', filter.sourceId);
  const rows = await q.orderBy('agreement_date').orderBy('agreement_number').orderBy('id').execute();
  const lines = await listBudgetLines(
    db,
    organisationId,
    filter.sourceId === undefined ? undefined : rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id as GrantId,
    organisationId: r.organisation_id,
    sourceId: r.source_id as SourceId,
    agreementNumber: r.agreement_number,
    agreementDate: r.agreement_date as CalendarDate | null,
    amount: { minor: r.amount_minor, currency: r.currency as CurrencyCode },
    periodFrom: r.period_from as CalendarDate | null,
    periodTo: r.period_to as CalendarDate | null,
    activity: r.activity,
    title: r.title,
    illustrative: r.illustrative === 1n,
    budgetLines: lines.get(r.id) ?? [],
  }));
}

/** Finds a grant by id, or by agreement number when it is unique in the organisation. */
export async function findGrant(
  db: Kysely<Database>,
  organisationId: string,
  key: string,
): Promise<Grant | undefined> {
  const all = await listGrants(db, organisationId);
  const byId = all.find((g) => g.id === key);
  if (byId) return byId;
  const byNumber = all.filter((g) => g.agreementNumber === key.trim());
  return byNumber.length === 1 ? byNumber[0] : undefined;
}
