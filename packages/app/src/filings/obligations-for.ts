import {
  calendarDate,
  ok,
  type CalendarDate,
  type NotificationOf,
  type ObligationInstance,
  type Result,
} from '@civic/core';
import { ledgerDaySpan } from '@civic/store';
import type { AppContext } from '../context.ts';
import { allObligationsOf, type OrganisationLedger } from './organisation-ledger.ts';
import { periodObligations } from './period-ledger.ts';

/**
 * A filing's obligation and the notifications its lint weighs, with statuses on `asOf`: derived
 * from the ledger read (`scoped` false: the whole ledger), else from the stored obligations of
 * the filing's period — the same answer as a derivation from the whole ledger up to asOf or its
 * last record, whichever is later.
 */
export async function obligationsFor(
  ctx: AppContext,
  ledger: OrganisationLedger,
  obligationId: string,
  asOf: CalendarDate,
  scoped: boolean,
  period: { readonly from: CalendarDate; readonly to: CalendarDate },
  lineReceiptIds: readonly string[],
): Promise<Result<{ obligation: ObligationInstance | null; notifications: NotificationOf[] }>> {
  if (!scoped) {
    const all = allObligationsOf(ledger, asOf);
    if (!all.ok) return all;
    return ok({
      obligation: all.value.find((o) => o.id === obligationId) ?? null,
      notifications: all.value.filter((o) => o.trigger === 'each-receipt'),
    });
  }
  const span = await ledgerDaySpan(ctx.store.db, ledger.organisation.id);
  if (!span) return ok({ obligation: null, notifications: [] });
  const last = calendarDate(span.last);
  const horizon = last > asOf ? last : asOf;
  const lines = new Set(lineReceiptIds);
  return periodObligations(ctx, ledger.organisation, ledger.pack, {
    obligationId,
    period,
    receipts: ledger.receipts.filter((r) => lines.has(r.id)),
    asOf,
    horizon,
  });
}
