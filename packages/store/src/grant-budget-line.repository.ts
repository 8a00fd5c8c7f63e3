import type { BudgetLine } from '@civic/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The budget lines of an organisation's grants (all, or those of `grantIds`), by grant, in order. */
export async function listBudgetLines(
  db: Kysely<Database>,
  organisationId: string,
  grantIds?: readonly string[],
): Promise<Map<string, BudgetLine[]>> {
  if (grantIds !== undefined && grantIds.length === 0) return new Map();
  let q = db
    .selectFrom('ledger_grant_budget_line')
    .select(['id', 'grant_id', 'name', 'amount_minor'])
    .where('organisation_id', '=', organisationId);
  if (grantIds !== undefined) q = q.where('grant_id', 'in', [...grantIds]);
  const rows = await q.orderBy('grant_id').orderBy('position').execute();
  const out = new Map<string, BudgetLine[]>();
  for (const r of rows) {
    const lines = out.get(r.grant_id) ?? [];
    lines.push({ id: r.id, name: r.name, amount: BigInt(r.amount_minor) });
    out.set(r.grant_id, lines);
  }
  return out;
}

/**
 * Makes a grant's budget lines exactly `lines`, in their order: a line with the id of one stored
 * keeps it (changed in place), the others are added, the stored ones not given are removed. Call
 * inside the transaction that writes the grant.
 */
export async function replaceBudgetLines(
  db: Kysely<Database>,
  organisationId: string,
  grantId: string,
  lines: readonly BudgetLine[],
): Promise<void> {
  await db
    .deleteFrom('ledger_grant_budget_line')
    .where('organisation_id', '=', organisationId)
    .where('grant_id', '=', grantId)
    .execute();
  if (lines.length === 0) return;
  await db
    .insertInto('ledger_grant_budget_line')
    .values(
      lines.map((l, position) => ({
        id: l.id,
        organisation_id: organisationId,
        grant_id: grantId,
        position,
        name: l.name,
        amount_minor: l.amount,
      })),
    )
    .execute();
}

/**
 * Of a grant's budget lines, those an expenditure's allocation names, each with the sum allocated to
 * it (minor units of the grant's currency), of one grant or of all the organisation's: what a grant's page shows per line, and what refuses a
 * line's removal while allocations name it.
 */
export async function allocatedByBudgetLine(
  db: Kysely<Database>,
  organisationId: string,
  grantId?: string,
): Promise<Map<string, bigint>> {
  const rows = await db
    .selectFrom('ledger_allocation')
    .select(['budget_line_id', (eb) => eb.fn.sum<string | number | bigint>('amount_minor').as('total')])
    .where('organisation_id', '=', organisationId)
    .where('budget_line_id', 'is not', null)
    .$if(grantId !== undefined, (q) => q.where('grant_id', '=', grantId ?? ''))
    .groupBy('budget_line_id')
    .execute();
  const out = new Map<string, bigint>();
  for (const r of rows) if (r.budget_line_id !== null) out.set(r.budget_line_id, BigInt(r.total));
  return out;
}
