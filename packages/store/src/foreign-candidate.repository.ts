import type { CandidateReason } from '@civic/core';
import { CompiledQuery, type Kysely } from 'kysely';
import { parseExtras } from './bank-line-extras.ts';
import { sqliteHandle } from './raw-sqlite.ts';
import type { Database } from './schema.ts';

export type CandidateStatus = 'proposed' | 'confirmed' | 'rejected';

/** A candidate with the details of its bank line. */
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
  /** The bank line's fields the importer does not know (name → value as written). */
  readonly extras: Readonly<Record<string, string>>;
  readonly reasons: readonly CandidateReason[];
  readonly suggestedSourceId: string | null;
  readonly status: CandidateStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly receiptId: string | null;
  readonly createdAt: string;
}

export interface NewForeignCandidate {
  readonly id: string;
  readonly organisationId: string;
  readonly bankLine: string;
  readonly batchId: string;
  readonly reasons: readonly CandidateReason[];
  readonly suggestedSourceId: string | null;
  readonly createdAt: string;
}

const COLUMNS = [
  'id',
  'organisation_id',
  'bank_line',
  'batch_id',
  'reasons',
  'suggested_source_id',
  'status',
  'created_at',
] as const;

/** PostgreSQL: the candidates as one text array per column (every column is text). */
const UNNEST_SQL = `insert into foreign_candidate (${COLUMNS.join(',')}) select * from unnest(${COLUMNS.map((_, i) => `$${String(i + 1)}::text[]`).join(',')}) on conflict (organisation_id, bank_line) do nothing`;

function fill(c: NewForeignCandidate, p: unknown[]): void {
  p.push(
    c.id,
    c.organisationId,
    c.bankLine,
    c.batchId,
    JSON.stringify(c.reasons),
    c.suggestedSourceId,
    'proposed',
    c.createdAt,
  );
}

/** Inserts proposed candidates (bulk; inside the caller's transaction); a line already proposed is skipped. Returns how many were added. */
export async function insertForeignCandidates(
  db: Kysely<Database>,
  candidates: readonly NewForeignCandidate[],
): Promise<number> {
  if (candidates.length === 0) return 0;
  const sql = `insert into foreign_candidate (${COLUMNS.join(',')}) values (${COLUMNS.map(() => '?').join(',')}) on conflict (organisation_id, bank_line) do nothing`;
  const sqlite = sqliteHandle(db);
  if (sqlite) {
    const stmt = sqlite.prepare(sql);
    let added = 0;
    const params: unknown[] = [];
    for (const c of candidates) {
      params.length = 0;
      fill(c, params);
      added += stmt.run(params).changes;
    }
    return added;
  }
  // PostgreSQL: one array per column, one statement text whatever the count. A VALUES list of a
  // thousand rows (8,000 parameters, its text built and parsed each time): the CSV of 1,000,000
  // lines spent 8.7 s of its 32 s writing its 150,000 candidates that way (27-29 s now).
  const columns: unknown[][] = COLUMNS.map(() => []);
  const params: unknown[] = [];
  for (const c of candidates) {
    params.length = 0;
    fill(c, params);
    for (let i = 0; i < columns.length; i++) columns[i]?.push(params[i] ?? null);
  }
  const r = await db.executeQuery(CompiledQuery.raw(UNNEST_SQL, columns));
  return Number(r.numAffectedRows ?? 0n);
}

function selectCandidates(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('foreign_candidate as c')
    .innerJoin('bank_line as b', (j) =>
      j.onRef('b.organisation_id', '=', 'c.organisation_id').onRef('b.fingerprint', '=', 'c.bank_line'),
    )
    .select([
      'c.id',
      'c.organisation_id',
      'c.bank_line',
      'c.batch_id',
      'c.reasons',
      'c.suggested_source_id',
      'c.status',
      'c.decided_by',
      'c.decided_at',
      'c.receipt_id',
      'c.created_at',
      'b.account_id',
      'b.booked_on',
      'b.amount_minor',
      'b.currency',
      'b.counterparty_name',
      'b.counterparty_tax_id',
      'b.counterparty_account',
      'b.counterparty_sector',
      'b.purpose',
      'b.extras',
    ])
    .where('c.organisation_id', '=', organisationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectCandidates>['execute']>>[number];

function toCandidate(r: Row): ForeignCandidate {
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
    extras: parseExtras(r.extras),
    reasons: Array.isArray(reasons) ? (reasons as CandidateReason[]) : [],
    suggestedSourceId: r.suggested_source_id,
    status: r.status === 'confirmed' ? 'confirmed' : r.status === 'rejected' ? 'rejected' : 'proposed',
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    receiptId: r.receipt_id,
    createdAt: r.created_at,
  };
}

/** Candidates of an organisation, by booking date; only those with `status` when given. */
export async function listForeignCandidates(
  db: Kysely<Database>,
  organisationId: string,
  status?: CandidateStatus,
): Promise<ForeignCandidate[]> {
  let q = selectCandidates(db, organisationId);
  if (status) q = q.where('c.status', '=', status);
  return (await q.orderBy('b.booked_on').orderBy('c.id').execute()).map(toCandidate);
}

export async function getForeignCandidate(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<ForeignCandidate | undefined> {
  const r = await selectCandidates(db, organisationId).where('c.id', '=', id).executeTakeFirst();
  return r ? toCandidate(r) : undefined;
}

/** Records the decision on a still-proposed candidate; false when it was already decided. */
export async function decideForeignCandidate(
  db: Kysely<Database>,
  d: {
    id: string;
    organisationId: string;
    status: 'confirmed' | 'rejected';
    decidedBy: string | null;
    decidedAt: string;
    receiptId: string | null;
  },
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
