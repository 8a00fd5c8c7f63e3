import type { StatementLine } from '@civic/core';
import { CompiledQuery, type Kysely } from 'kysely';
import { extrasJson } from './bank-line-extras.ts';
import type { Database } from './schema.ts';

/** The per-line columns, in the order of the arrays bound to the statement (and their types). */
const ARRAYS = [
  ['fingerprint', 'text'],
  ['account_id', 'text'],
  ['booked_on', 'text'],
  ['document_date', 'text'],
  ['direction', 'text'],
  ['amount_minor', 'bigint'],
  ['currency', 'text'],
  ['document_number', 'text'],
  ['counterparty_name', 'text'],
  ['counterparty_tax_id', 'text'],
  ['counterparty_account', 'text'],
  ['counterparty_bank_code', 'text'],
  ['counterparty_sector', 'text'],
  ['counterparty_country', 'text'],
  ['purpose', 'text'],
  ['purpose_code', 'text'],
  ['bank_reference', 'text'],
  ['source_line', 'bigint'],
  ['extras', 'text'],
] as const;

/**
 * One statement text for any number of lines: the organisation and batch as two parameters, each
 * column as one array unnested server-side. PostgreSQL parses and plans 21 parameters instead of
 * 21 per line (a thousand-row VALUES list costs more to plan than to insert), and the text is the
 * same for every chunk.
 */
const UNNEST_SQL =
  `insert into bank_line (organisation_id, batch_id, ${ARRAYS.map(([c]) => c).join(', ')}) ` +
  `select $1, $2, ${ARRAYS.map(([c]) => `t.${c}`).join(', ')} from unnest(${ARRAYS.map(([, type], i) => `$${String(i + 3)}::${type}[]`).join(', ')}) as t(${ARRAYS.map(([c]) => c).join(', ')}) ` +
  'on conflict (organisation_id, fingerprint) do nothing returning fingerprint';

/** Lines per statement: large enough that round trips do not count, small enough to stay flat. */
const CHUNK = 5000;

export interface PgBankLines {
  readonly organisationId: string;
  readonly batchId: string;
  readonly lines: readonly StatementLine[];
  readonly fingerprints: readonly string[];
  readonly accountIds: readonly string[];
}

/**
 * PostgreSQL: the lines inserted a few thousand at a time through `unnest` (inside the caller's
 * transaction), and for each line whether it was new (1) or already stored (0).
 */
export async function insertBankLinesPg(
  db: Kysely<Database>,
  b: PgBankLines,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const n = b.lines.length;
  const inserted = new Uint8Array(n);
  const columns: unknown[][] = ARRAYS.map(() => []);
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    for (const c of columns) c.length = 0;
    for (let i = start; i < end; i++) {
      const l = b.lines[i];
      if (!l) throw new Error(`bank line ${String(i)} missing`);
      push(columns, b.fingerprints[i], b.accountIds[i], l);
    }
    const result = await db.executeQuery<{ fingerprint: string }>(
      CompiledQuery.raw(UNNEST_SQL, [b.organisationId, b.batchId, ...columns]),
    );
    const fresh = new Set(result.rows.map((r) => r.fingerprint));
    for (let i = start; i < end; i++) inserted[i] = fresh.has(b.fingerprints[i] ?? '') ? 1 : 0;
    onProgress?.(end, n);
  }
  return inserted;
}

function push(columns: unknown[][], fingerprint: unknown, accountId: unknown, l: StatementLine): void {
  const cp = l.counterparty;
  const values = [
    fingerprint,
    accountId,
    l.bookedOn,
    l.documentDate,
    l.direction,
    // as text: the driver writes an array of bigints element by element through String()
    l.amount.toString(),
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
    String(l.sourceLine),
    extrasJson(l),
  ];
  for (let c = 0; c < values.length; c++) columns[c]?.push(values[c] ?? null);
}
