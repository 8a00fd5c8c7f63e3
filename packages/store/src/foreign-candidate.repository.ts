import type { CandidateReason } from '@civic/core';
import type { Kysely, Selectable } from 'kysely';
import type { ForeignCandidateTable } from './ledger.tables.ts';
import type { Database } from './schema.ts';

export type CandidateStatus = 'proposed' | 'confirmed' | 'rejected';

export interface ForeignCandidate {
  readonly id: string;
  readonly organisationId: string;
  /** The bank line's fingerprint. */
  readonly bankLine: string;
  readonly batchId: string;
  readonly accountId: string;
  readonly bookedOn: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly counterpartyName: string | null;
  readonly counterpartyTaxId: string | null;
  readonly counterpartyAccount: string | null;
  readonly counterpartySector: string | null;
  readonly purpose: string | null;
  readonly reasons: readonly CandidateReason[];
  readonly suggestedSourceId: string | null;
  readonly status: CandidateStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly receiptId: string | null;
  readonly createdAt: string;
}

export type NewForeignCandidate = Omit<ForeignCandidate, 'status' | 'decidedBy' | 'decidedAt' | 'receiptId'>;

/** Inserts proposed candidates in chunks; a line already proposed is skipped. Returns how many were added. */
export async function insertForeignCandidates(db: Kysely<Database>, candidates: readonly NewForeignCandidate[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < candidates.length; i += 200) {
    const part = candidates.slice(i, i + 200).map((c) => ({
      id: c.id,
      organisation_id: c.organisationId,
      bank_line: c.bankLine,
      batch_id: c.batchId,
      account_id: c.accountId,
      booked_on: c.bookedOn,
      amount_minor: c.amountMinor,
      currency: c.currency,
      counterparty_name: c.counterpartyName,
      counterparty_tax_id: c.counterpartyTaxId,
      counterparty_account: c.counterpartyAccount,
      counterparty_sector: c.counterpartySector,
      purpose: c.purpose,
      reasons: JSON.stringify(c.reasons),
      suggested_source_id: c.suggestedSourceId,
      status: 'proposed',
      decided_by: null,
      decided_at: null,
      receipt_id: null,
      created_at: c.createdAt,
    }));
    const r = await db
      .insertInto('foreign_candidate')
      .values(part)
      .onConflict((oc) => oc.columns(['organisation_id', 'bank_line']).doNothing())
      .returning('id')
      .execute();
    added += r.length;
  }
  return added;
}

function toCandidate(r: Selectable<ForeignCandidateTable>): ForeignCandidate {
  const reasons: unknown = JSON.parse(r.reasons);
  return {
    id: r.id,
    organisationId: r.organisation_id,
    bankLine: r.bank_line,
    batchId: r.batch_id,
    accountId: r.account_id,
    bookedOn: r.booked_on,
    amountMinor: r.amount_minor,
    currency: r.currency,
    counterpartyName: r.counterparty_name,
    counterpartyTaxId: r.counterparty_tax_id,
    counterpartyAccount: r.counterparty_account,
    counterpartySector: r.counterparty_sector,
    purpose: r.purpose,
    reasons: Array.isArray(reasons) ? (reasons as CandidateReason[]) : [],
    suggestedSourceId: r.suggested_source_id,
    status: r.status === 'confirmed' ? 'confirmed' : r.status === 'rejected' ? 'rejected' : 'proposed',
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    receiptId: r.receipt_id,
    createdAt: r.created_at,
  };
}

export async function listForeignCandidates(db: Kysely<Database>, organisationId: string, status?: CandidateStatus): Promise<ForeignCandidate[]> {
  let q = db.selectFrom('foreign_candidate').selectAll().where('organisation_id', '=', organisationId);
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('booked_on').orderBy('id').execute()).map(toCandidate);
}

export async function getForeignCandidate(db: Kysely<Database>, organisationId: string, id: string): Promise<ForeignCandidate | undefined> {
  const r = await db.selectFrom('foreign_candidate').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return r ? toCandidate(r) : undefined;
}

/** Records the decision on a still-proposed candidate; false when it was already decided. */
export async function decideForeignCandidate(
  db: Kysely<Database>,
  d: { id: string; organisationId: string; status: 'confirmed' | 'rejected'; decidedBy: string | null; decidedAt: string; receiptId: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('foreign_candidate')
    .set({ status: d.status, decided_by: d.decidedBy, decided_at: d.decidedAt, receipt_id: d.receiptId })
    .where('id', '=', d.id)
    .where('organisation_id', '=', d.organisationId)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
