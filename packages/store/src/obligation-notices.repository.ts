import type { Kysely } from 'kysely';
import type { StoredObligation } from './obligation-store.repository.ts';
import type { Database } from './schema.ts';

// The stored notifications of a span, read to be compared with those derived again: a refresh
// after one new receipt writes that receipt's row, not the month's tens of thousands again.

const CHUNK = 500;

/** The stored notifications whose receipt day is in [from, to] (without their filing columns). */
export async function listStoredNotices(
  db: Kysely<Database>,
  organisationId: string,
  span: { readonly from: string; readonly to: string },
): Promise<StoredObligation[]> {
  const rows = await db
    .selectFrom('obligation_row')
    .select([
      'id',
      'obligation_id',
      'form',
      'period_from',
      'period_to',
      'period_label',
      'due_on',
      'verified',
      'text_key',
      'receipt_id',
    ])
    .where('organisation_id', '=', organisationId)
    .where('trigger_kind', '=', 'each-receipt')
    .where('period_from', '>=', span.from)
    .where('period_from', '<=', span.to)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    obligationId: r.obligation_id,
    trigger: 'each-receipt',
    form: r.form,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    periodLabel: r.period_label,
    dueOn: r.due_on,
    verified: Number(r.verified) === 1,
    textKey: r.text_key,
    receiptIds: r.receipt_id === null ? [] : [r.receipt_id],
  }));
}

/** Deletes the stored obligations with these ids. */
export async function deleteStoredObligationIds(
  db: Kysely<Database>,
  organisationId: string,
  ids: readonly string[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK)
    await db
      .deleteFrom('obligation_row')
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
}
