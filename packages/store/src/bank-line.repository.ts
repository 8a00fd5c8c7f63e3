import { sql, type Kysely } from 'kysely';
import { bulkInsert, isPostgres } from './bulk-insert.ts';
import type { Database } from './schema.ts';

/** A bank line to store; `fingerprint` is unique per organisation (see core `fingerprintLines`). */
export interface NewBankLine {
  readonly fingerprint: string;
  readonly accountId: string;
  readonly bookedOn: string;
  readonly documentDate: string | null;
  readonly direction: 'in' | 'out';
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly documentNumber: string | null;
  readonly counterpartyName: string | null;
  readonly counterpartyTaxId: string | null;
  readonly counterpartyAccount: string | null;
  readonly counterpartyBankCode: string | null;
  readonly counterpartySector: string | null;
  readonly counterpartyCountry: string | null;
  readonly purpose: string | null;
  readonly purposeCode: string | null;
  readonly bankReference: string | null;
  readonly sourceLine: number;
}

const COLUMNS = [
  'organisation_id', 'fingerprint', 'batch_id', 'account_id', 'booked_on', 'document_date', 'direction', 'amount_minor', 'currency',
  'document_number', 'counterparty_name', 'counterparty_tax_id', 'counterparty_account', 'counterparty_bank_code', 'counterparty_sector',
  'counterparty_country', 'purpose', 'purpose_code', 'bank_reference', 'source_line',
] as const;

/**
 * Inserts bank lines in bulk (multi-row prepared inserts; call it inside the import's one
 * transaction) and returns the fingerprints that were new. A line whose fingerprint the
 * organisation already has is skipped: re-importing a statement adds nothing.
 */
export async function insertBankLines(
  db: Kysely<Database>,
  organisationId: string,
  batchId: string,
  lines: readonly NewBankLine[],
  onProgress?: (done: number, total: number) => void,
): Promise<Set<string>> {
  if (!isPostgres(db) && lines.length > 10_000) await sql`pragma cache_size = -262144`.execute(db);
  const rows = lines.map((l) => [
    organisationId, l.fingerprint, batchId, l.accountId, l.bookedOn, l.documentDate, l.direction, l.amountMinor, l.currency,
    l.documentNumber, l.counterpartyName, l.counterpartyTaxId, l.counterpartyAccount, l.counterpartyBankCode, l.counterpartySector,
    l.counterpartyCountry, l.purpose, l.purposeCode, l.bankReference, l.sourceLine,
  ]);
  const returned = await bulkInsert<{ fingerprint: string }>(db, 'bank_line', COLUMNS, rows, {
    tail: 'on conflict (organisation_id, fingerprint) do nothing returning fingerprint',
    ...(onProgress ? { onChunk: onProgress } : {}),
  });
  const inserted = new Set<string>();
  for (const r of returned) inserted.add(r.fingerprint);
  return inserted;
}

export interface StoredBankLine {
  readonly fingerprint: string;
  readonly batchId: string;
  readonly accountId: string;
  readonly bookedOn: string;
  readonly direction: 'in' | 'out';
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly documentNumber: string | null;
  readonly counterpartyName: string | null;
  readonly counterpartyTaxId: string | null;
  readonly counterpartyAccount: string | null;
  readonly purpose: string | null;
}

export async function getBankLine(db: Kysely<Database>, organisationId: string, fingerprint: string): Promise<StoredBankLine | undefined> {
  const r = await db.selectFrom('bank_line').selectAll().where('organisation_id', '=', organisationId).where('fingerprint', '=', fingerprint).executeTakeFirst();
  if (!r) return undefined;
  return {
    fingerprint: r.fingerprint,
    batchId: r.batch_id,
    accountId: r.account_id,
    bookedOn: r.booked_on,
    direction: r.direction === 'out' ? 'out' : 'in',
    amountMinor: r.amount_minor,
    currency: r.currency,
    documentNumber: r.document_number,
    counterpartyName: r.counterparty_name,
    counterpartyTaxId: r.counterparty_tax_id,
    counterpartyAccount: r.counterparty_account,
    purpose: r.purpose,
  };
}

/** Count and signed sum (in − out) of stored lines by currency: what an import check compares. */
export async function bankLineTotals(db: Kysely<Database>, organisationId: string): Promise<{ currency: string; lines: bigint; inMinor: bigint; outMinor: bigint }[]> {
  const rows = await db
    .selectFrom('bank_line')
    .select((eb) => [
      'currency',
      eb.fn.countAll<bigint>().as('lines'),
      sql<bigint>`cast(coalesce(sum(case when direction = 'in' then amount_minor else 0 end), 0) as bigint)`.as('in_minor'),
      sql<bigint>`cast(coalesce(sum(case when direction = 'out' then amount_minor else 0 end), 0) as bigint)`.as('out_minor'),
    ])
    .where('organisation_id', '=', organisationId)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return rows.map((r) => ({ currency: r.currency, lines: BigInt(r.lines), inMinor: BigInt(r.in_minor), outMinor: BigInt(r.out_minor) }));
}
