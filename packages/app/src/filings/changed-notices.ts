import type { CalendarDate } from '@civic/core';
import { deleteStoredObligationIds, listStoredNotices, type StoredObligation } from '@civic/store';
import type { AppContext } from '../context.ts';

const sameRow = (r: StoredObligation): string =>
  JSON.stringify([
    r.obligationId,
    r.form,
    r.periodFrom,
    r.periodTo,
    r.periodLabel,
    r.dueOn,
    r.verified,
    r.textKey,
    r.receiptIds,
  ]);

/**
 * The derived rows to insert: the reports, and the notifications that are new or differ from
 * those stored for the changed days; stored notifications gone or changed are deleted. One new
 * receipt writes one row, not its month's again (tens of thousands at a million receipts).
 */
export async function changedNotices(
  ctx: AppContext,
  organisationId: string,
  notices: readonly { readonly from: CalendarDate; readonly to: CalendarDate }[],
  rows: readonly StoredObligation[],
): Promise<StoredObligation[]> {
  const stored = new Map<string, string>();
  for (const n of notices)
    for (const r of await listStoredNotices(ctx.store.db, organisationId, n)) stored.set(r.id, sameRow(r));
  const out: StoredObligation[] = [];
  const kept = new Set<string>();
  for (const r of rows) {
    if (r.trigger === 'each-receipt' && stored.get(r.id) === sameRow(r)) kept.add(r.id);
    else out.push(r);
  }
  await deleteStoredObligationIds(
    ctx.store.db,
    organisationId,
    [...stored.keys()].filter((id) => !kept.has(id)),
  );
  return out;
}
