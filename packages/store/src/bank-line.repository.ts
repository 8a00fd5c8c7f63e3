import type { StatementLine } from '@civic/core';
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { insertBankLinesPg, type PgLineWrite } from './bank-line-pg.ts';
export { claimBankLinesPg, type PgLineWrite } from './bank-line-pg.ts';
import { extrasJson } from './bank-line-extras.ts';
import { sqliteHandle } from './raw-sqlite.ts';
import type { Database } from './schema.ts';

/**
 * The lines of one imported file to store: the parsed lines, each one's fingerprint (unique per
 * organisation; see core `fingerprintLines`) and the id of our account it belongs to.
 */
export interface BankLineBatch {
  readonly organisationId: string;
  readonly batchId: string;
  readonly lines: readonly StatementLine[];
  readonly fingerprints: readonly string[];
  readonly accountIds: readonly string[];
}

const COLUMNS = [
  'organisation_id',
  'fingerprint',
  'batch_id',
  'account_id',
  'booked_on',
  'document_date',
  'direction',
  'amount_minor',
  'currency',
  'document_number',
  'counterparty_name',
  'counterparty_tax_id',
  'counterparty_account',
  'counterparty_bank_code',
  'counterparty_sector',
  'counterparty_country',
  'purpose',
  'purpose_code',
  'bank_reference',
  'source_line',
  'extras',
] as const;

/**
 * Inserts the lines of a file in bulk (inside the import's one transaction) and says, line by
 * line, which were new (1) and which the organisation already had (0): re-importing a statement
 * adds nothing. `pgWrite`: how PostgreSQL takes them (`unnest` unless given; see PgLineWrite);
 * `pgSent`: called once PostgreSQL has been sent the last of them by COPY (the server then
 * inserts them while the caller may read on).
 */
export async function insertBankLines(
  db: Kysely<Database>,
  batch: BankLineBatch,
  onProgress?: (done: number, total: number) => void,
  pgWrite?: PgLineWrite,
  pgSent?: () => void,
): Promise<Uint8Array> {
  const n = batch.lines.length;
  if (batch.fingerprints.length !== n || batch.accountIds.length !== n)
    throw new Error('insertBankLines: one fingerprint and one account per line');
  const sqlite = sqliteHandle(db);
  if (sqlite) return insertBankLinesSqlite(sqlite, db.isTransaction, batch, onProgress);
  return insertBankLinesPg(db, batch, onProgress, pgWrite, pgSent);
}

/**
 * SQLite: one prepared single-row statement run for every line on the raw handle (inside the
 * caller's Kysely transaction when there is one: same connection), reading `changes` to know
 * which lines were new. A prepared statement reused a million times beats any multi-row text.
 */
function insertBankLinesSqlite(
  sqlite: SQLite.Database,
  inTransaction: boolean,
  b: BankLineBatch,
  onProgress?: (done: number, total: number) => void,
): Uint8Array {
  const n = b.lines.length;
  if (n > 10_000) sqlite.pragma('cache_size = -262144');
  // The organisation and batch are the same for every line: bound once as literals (our own ids,
  // quoted), which saves converting two strings per line. One statement per account, likewise.
  const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;
  const perLine = COLUMNS.slice(4);
  const statements = new Map<string, SQLite.Statement>();
  const statementFor = (accountId: string): SQLite.Statement => {
    let stmt = statements.get(accountId);
    if (!stmt) {
      stmt = sqlite.prepare(
        `insert into bank_line (${COLUMNS.join(',')}) values (${[literal(b.organisationId), '?', literal(b.batchId), literal(accountId), ...perLine.map(() => '?')].join(',')}) on conflict (organisation_id, fingerprint) do nothing`,
      );
      statements.set(accountId, stmt);
    }
    return stmt;
  };
  const inserted = new Uint8Array(n);
  const run = (): void => {
    const p: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const l = b.lines[i];
      if (!l) throw new Error(`bank line ${String(i)} missing`);
      const cp = l.counterparty;
      p.length = 0;
      p.push(
        b.fingerprints[i],
        l.bookedOn,
        l.documentDate,
        l.direction,
        l.amount,
        l.currency,
        l.documentNumber,
        cp.name,
        cp.taxId,
        cp.account,
        cp.bankCode,
        cp.sectorCode,
        cp.country,
        l.purpose,
        l.purposeCode,
        l.bankReference,
        l.sourceLine,
        extrasJson(l),
      );
      inserted[i] = statementFor(b.accountIds[i] ?? '').run(p).changes > 0 ? 1 : 0;
      if (onProgress && (i + 1) % 10_000 === 0) onProgress(i + 1, n);
    }
    onProgress?.(n, n);
  };
  if (inTransaction) run();
  else sqlite.transaction(run)();
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

export async function getBankLine(
  db: Kysely<Database>,
  organisationId: string,
  fingerprint: string,
): Promise<StoredBankLine | undefined> {
  const r = await db
    .selectFrom('bank_line')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
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
export async function bankLineTotals(
  db: Kysely<Database>,
  organisationId: string,
): Promise<{ currency: string; lines: bigint; inMinor: bigint; outMinor: bigint }[]> {
  const rows = await db
    .selectFrom('bank_line')
    .select((eb) => [
      'currency',
      eb.fn.countAll<bigint>().as('lines'),
      sql<bigint>`cast(coalesce(sum(case when direction = 'in' then amount_minor else 0 end), 0) as bigint)`.as(
        'in_minor',
      ),
      sql<bigint>`cast(coalesce(sum(case when direction = 'out' then amount_minor else 0 end), 0) as bigint)`.as(
        'out_minor',
      ),
    ])
    .where('organisation_id', '=', organisationId)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return rows.map((r) => ({
    currency: r.currency,
    lines: BigInt(r.lines),
    inMinor: BigInt(r.in_minor),
    outMinor: BigInt(r.out_minor),
  }));
}
