import {
  domainError,
  err,
  formatMinor,
  ok,
  type CalendarDate,
  type CurrencyCode,
  type Receipt,
  type Result,
  type SourceInput,
} from '@civic/core';
import {
  decideForeignCandidate,
  getForeignCandidate,
  listForeignCandidates as listCandidateRows,
  type CandidateStatus,
  type ForeignCandidate,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { createSource, getGrant, getSource } from './ledger-entities.ts';
import { recordReceipt } from './ledger-records.ts';
import { inLedgerTransaction } from './ledger-transaction.ts';

export type { CandidateStatus, ForeignCandidate };

/** Candidates of an organisation, oldest first; only those with `status` when given. */
export function listForeignCandidates(
  ctx: AppContext,
  org: string,
  status?: CandidateStatus,
): Promise<ForeignCandidate[]> {
  return listCandidateRows(ctx.store.db, org, status);
}

async function proposed(
  ctx: AppContext,
  org: string,
  candidateId: string,
): Promise<Result<ForeignCandidate>> {
  const c = await getForeignCandidate(ctx.store.db, org, candidateId);
  if (!c)
    return err(
      domainError(
        'CANDIDATE_NOT_FOUND',
        `no foreign-funding candidate "${candidateId}" in this organisation`,
        { field: 'candidateId' },
      ),
    );
  if (c.status !== 'proposed')
    return err(
      domainError('CANDIDATE_ALREADY_DECIDED', `candidate ${candidateId} was already ${c.status}`, {
        field: 'candidate',
      }),
    );
  return ok(c);
}

export interface ConfirmCandidateInput {
  readonly candidateId: string;
  /** An existing source (id or name)… */
  readonly sourceId?: string;
  /** …or a new one; its tax id and account default to the payer's, so the next import recognises it. */
  readonly newSource?: Partial<SourceInput> & { readonly category: string | null };
  readonly grantId?: string;
  /** Who decided (user id or name), for the record. */
  readonly decidedBy?: string;
}

/**
 * Confirms a candidate as a receipt of foreign funding: creates the receipt (with its KZT
 * equivalent at the official rate of the booking day) from the bank line, and records the
 * decision — all in one transaction.
 */
export async function confirmForeignCandidate(
  ctx: AppContext,
  org: string,
  input: ConfirmCandidateInput,
): Promise<Result<{ candidate: ForeignCandidate; receipt: Receipt }>> {
  const c = await proposed(ctx, org, input.candidateId);
  if (!c.ok) return c;
  const cand = c.value;
  if (!input.sourceId && !input.newSource && !cand.suggestedSourceId) {
    return err(
      domainError(
        'CANDIDATE_SOURCE_REQUIRED',
        'say which foreign source paid: an existing source or a new one',
        { field: 'source' },
      ),
    );
  }
  return inLedgerTransaction(ctx, async (tx) => {
    const trx = tx.store.db;
    let sourceId: string;
    if (input.newSource) {
      const s = await createSource(tx, org, {
        name: input.newSource.name ?? cand.counterpartyName ?? '',
        category: input.newSource.category,
        country: input.newSource.country ?? null,
        taxId: input.newSource.taxId ?? cand.counterpartyTaxId,
        accounts: input.newSource.accounts ?? (cand.counterpartyAccount ? [cand.counterpartyAccount] : []),
        aliases: input.newSource.aliases ?? [],
        notes: input.newSource.notes ?? null,
      });
      if (!s.ok) return s;
      sourceId = s.value.id;
    } else {
      const s = await getSource(tx, org, input.sourceId ?? cand.suggestedSourceId ?? '');
      if (!s.ok) return s;
      sourceId = s.value.id;
    }
    if (input.grantId) {
      const g = await getGrant(tx, org, input.grantId);
      if (!g.ok) return g;
    }
    const receipt = await recordReceipt(tx, org, {
      sourceId,
      grantId: input.grantId ?? null,
      accountId: cand.accountId,
      receivedOn: cand.bookedOn as CalendarDate,
      kind: 'money',
      currency: cand.currency,
      amount: formatMinor(cand.amountMinor, cand.currency as CurrencyCode),
      description: cand.purpose,
      bankLine: cand.bankLine,
    });
    if (!receipt.ok) return receipt;
    const decided = await decideForeignCandidate(trx, {
      id: cand.id,
      organisationId: org,
      status: 'confirmed',
      decidedBy: input.decidedBy ?? null,
      decidedAt: ctx.now().toISOString(),
      receiptId: receipt.value.id,
    });
    if (!decided) throw new Error(`candidate ${cand.id} changed while it was being confirmed`);
    const after = await getForeignCandidate(trx, org, cand.id);
    if (!after) throw new Error(`candidate ${cand.id} vanished`);
    return ok({ candidate: after, receipt: receipt.value });
  });
}

/** Rejects a candidate: the payment is not foreign funding. Nothing else changes. */
export async function rejectForeignCandidate(
  ctx: AppContext,
  org: string,
  input: { candidateId: string; decidedBy?: string },
): Promise<Result<ForeignCandidate>> {
  const c = await proposed(ctx, org, input.candidateId);
  if (!c.ok) return c;
  await decideForeignCandidate(ctx.store.db, {
    id: c.value.id,
    organisationId: org,
    status: 'rejected',
    decidedBy: input.decidedBy ?? null,
    decidedAt: ctx.now().toISOString(),
    receiptId: null,
  });
  const after = await getForeignCandidate(ctx.store.db, org, c.value.id);
  if (!after) throw new Error(`candidate ${c.value.id} vanished`);
  return ok(after);
}
