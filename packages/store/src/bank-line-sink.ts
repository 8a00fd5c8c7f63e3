import { normaliseAccount, type StatementLine } from '@civic/core';
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { extrasJson } from './bank-line-extras.ts';
import { sqliteHandle, sqliteTempAllowed, withPageCache } from './raw-sqlite.ts';
import type { Database } from './schema.ts';

/** Where a streamed statement's lines go, one at a time, inside the import's transaction. */
export interface BankLineSink {
  /** Stores a line (creating its account on first sight); says whether it was new and its account. */
  add(line: StatementLine, fingerprint: string): { readonly isNew: boolean; readonly accountId: string };
  /** The accounts met so far, by `NUMBER|CURRENCY` (normalised number). */
  readonly accounts: ReadonlyMap<string, { readonly id: string; readonly created: boolean }>;
  /** The file was read whole: the lines still held back are written (call it before the counts). */
  finish(): void;
  /** The reading is over: the connection's page cache is set back to what it was before the import. */
  close(): void;
}

/**
 * The SQLite page cache of a streamed import, MiB. It counts in the process's RSS: 32 MiB keeps a
 * 1,000,000-line import under 500 MB (64 MiB measured 461 MB at 300,000 lines, 32 MiB 401 MB, for
 * 2 % more CPU: the fingerprint index of a million lines fits in neither).
 */
export const IMPORT_CACHE_MIB = 32;

export interface BankLineSinkOptions {
  readonly organisationId: string;
  readonly batchId: string;
  readonly createdAt: string;
  /** A fresh id for an account met for the first time. */
  readonly newAccountId: () => string;
  /** SQLite page cache for the import, MiB (IMPORT_CACHE_MIB unless given). */
  readonly cacheMiB?: number;
  /** Stage the lines in a temporary table (see below): unless false, when the store is not encrypted. */
  readonly staged?: boolean;
  /** Lines inserted directly before the rest are staged (STAGE_AFTER unless given). */
  readonly stageAfter?: number;
  /** Staged lines moved to bank_line together while the file is still read (STAGE_RUN unless given). */
  readonly stageRun?: number;
}

/**
 * Lines of one import inserted directly before the rest are staged: up to here the key index of
 * the lines fits in the import's cache beside the table pages, and staging (written twice, sorted)
 * would cost more than it saves (100,000 1C documents: 3.65 CPU-s direct, 4.2 staged).
 */
export const STAGE_AFTER = 200_000;

/**
 * Staged lines moved to bank_line, sorted, as soon as this many are staged, while the reading
 * worker still reads (the importing thread waits for it otherwise); the last run moves at `finish`.
 * Each run sweeps the key index in order once, and the runs cost what one move did: CSV of
 * 1,000,000 lines on SQLite under load 10-11, 800,000 staged lines moved at the end 5.2 CPU-s
 * (9.8 s) after the reading, in runs of 200,000 1.3 + 1.4 + 1.3 + 1.3 CPU-s, the last one (3.3 s)
 * after the reading.
 */
export const STAGE_RUN = 200_000;

/** The page cache while the staged lines go to bank_line in key order: a sweep needs little. */
const FINISH_CACHE_MIB = 8;

const LINE_COLUMNS = [
  'fingerprint',
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

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * A synchronous sink for statement lines read as a stream (SQLite only: prepared statements on
 * the raw handle, so they run inside the caller's Kysely transaction on the same connection; a
 * file of a million lines is never held in memory). Undefined on PostgreSQL, where the caller
 * collects the lines and uses `insertBankLines`.
 */
export function openBankLineSink(db: Kysely<Database>, o: BankLineSinkOptions): BankLineSink | undefined {
  const sqlite = sqliteHandle(db);
  if (!sqlite) return undefined;
  if (!db.isTransaction) throw new Error('openBankLineSink: call it inside the import transaction');
  const previousCache = Number(sqlite.pragma('cache_size', { simple: true }));
  sqlite.pragma(`cache_size = -${String(Math.max(8, Math.round(o.cacheMiB ?? IMPORT_CACHE_MIB)) * 1024)}`);
  const staged = o.staged !== false && sqliteTempAllowed(sqlite);
  const stageAfter = o.stageAfter ?? STAGE_AFTER;
  const stageRun = Math.max(1, o.stageRun ?? STAGE_RUN);
  let stage: Stage | null = null;
  let direct = 0;
  // Whether the organisation had lines before this import (its first statement needs no probe).
  const hadLines =
    staged &&
    sqlite.prepare('select 1 from bank_line where organisation_id = ? limit 1').get(o.organisationId) !==
      undefined;
  const findAccount = sqlite
    .prepare('select id from bank_account where organisation_id = ? and number = ? and currency = ?')
    .pluck();
  const insertAccount = sqlite.prepare(
    'insert into bank_account (id, organisation_id, number, currency, created_at) values (?, ?, ?, ?, ?)',
  );
  const accounts = new Map<string, { id: string; created: boolean }>();
  const byRaw = new Map<string, { id: string; stmt: SQLite.Statement }>();
  // A statement is one account in nearly every line: the last one is kept to skip the key and lookup.
  let last: { account: string; currency: string; entry: { id: string; stmt: SQLite.Statement } } | null =
    null;
  const account = (line: StatementLine): { id: string; stmt: SQLite.Statement } => {
    if (last !== null && last.account === line.account && last.currency === line.currency) return last.entry;
    const entry = accountEntry(line);
    last = { account: line.account, currency: line.currency, entry };
    return entry;
  };
  const accountEntry = (line: StatementLine): { id: string; stmt: SQLite.Statement } => {
    const raw = `${line.account}|${line.currency}`;
    const known = byRaw.get(raw);
    if (known) return known;
    const number = normaliseAccount(line.account);
    const key = `${number}|${line.currency}`;
    let a = accounts.get(key);
    if (!a) {
      const existing: unknown = findAccount.get(o.organisationId, number, line.currency);
      if (typeof existing === 'string') a = { id: existing, created: false };
      else {
        a = { id: o.newAccountId(), created: true };
        insertAccount.run(a.id, o.organisationId, number, line.currency, o.createdAt);
      }
      accounts.set(key, a);
    }
    // Organisation, batch and account are bound once as literals (our own ids), not per line.
    const stmt = sqlite.prepare(
      stage !== null
        ? `insert into temp.${STAGE} (account_id, ${LINE_COLUMNS.join(',')}) values (${literal(a.id)}, ${LINE_COLUMNS.map(() => '?').join(',')})`
        : `insert into bank_line (organisation_id, batch_id, account_id, ${LINE_COLUMNS.join(',')}) values (${literal(o.organisationId)}, ${literal(o.batchId)}, ${literal(a.id)}, ${LINE_COLUMNS.map(() => '?').join(',')}) on conflict (organisation_id, fingerprint) do nothing`,
    );
    const entry = { id: a.id, stmt };
    byRaw.set(raw, entry);
    return entry;
  };
  const p: unknown[] = [];
  return {
    accounts,
    finish() {
      stage?.finish();
    },
    close() {
      stage?.close();
      sqlite.pragma(`cache_size = ${String(Math.trunc(previousCache))}`);
    },
    add(l, fingerprint) {
      if (stage === null && staged && direct >= stageAfter) {
        // From here on, staged: each account's statement is prepared again for the stage.
        stage = openStage(sqlite, o, hadLines);
        byRaw.clear();
        last = null;
      }
      const a = account(l);
      const cp = l.counterparty;
      p.length = 0;
      p.push(
        fingerprint,
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
      if (stage === null) {
        direct += 1;
        return { isNew: a.stmt.run(p).changes > 0, accountId: a.id };
      }
      if (stage.stored(fingerprint)) return { isNew: false, accountId: a.id };
      a.stmt.run(p);
      if (++stage.count % stageRun === 0) stage.move();
      return { isNew: true, accountId: a.id };
    },
  };
}

const STAGE = 'civic_bank_line_stage';
/** The temporary table's page cache, MiB. */
const STAGE_CACHE_MIB = 2;

interface Stage {
  /** Whether the organisation already has a line of this fingerprint (stored before this import). */
  stored(fingerprint: string): boolean;
  /** Lines staged so far. */
  count: number;
  /** The lines staged since the last move go to bank_line, sorted by fingerprint. */
  move(): void;
  finish(): void;
  close(): void;
}

/**
 * Past STAGE_AFTER lines, the lines of a plain store's import go first to a temporary table, in
 * file order (appended, no index), then to bank_line sorted by fingerprint, STAGE_RUN lines at a
 * time (the last run at `finish`): its key index is random in the fingerprint, and a million lines
 * inserted one by one in file order touch its pages at random, each a page-cache miss (and a dirty
 * page spilled) once the index outgrows the cache; in key order each page is touched once a run.
 * Whether a line is new is known as it is read: a probe of the lines stored before the import (the
 * caller's fingerprints are distinct within one import: the fingerprinter numbers repeats; a
 * repeat would be refused when its run moves, rolling the import back, or found stored by the probe
 * when its first went in an earlier run).
 */
function openStage(sqlite: SQLite.Database, o: BankLineSinkOptions, hadLines: boolean): Stage {
  const columns = `account_id, ${LINE_COLUMNS.join(', ')}`;
  sqlite.exec(`drop table if exists temp.${STAGE}`);
  sqlite.exec(`create temp table ${STAGE} (${columns})`);
  // Appended only: a small cache of its own (the build's default, 16 MB, would count in RSS).
  const tempCache = Number(sqlite.pragma('temp.cache_size', { simple: true }));
  sqlite.pragma(`temp.cache_size = -${String(STAGE_CACHE_MIB * 1024)}`);
  const org = literal(o.organisationId);
  const probe = sqlite
    .prepare(`select 1 from bank_line where organisation_id = ${org} and fingerprint = ?`)
    .pluck();
  let dropped = false;
  const close = (): void => {
    if (dropped) return;
    dropped = true;
    sqlite.exec(`drop table if exists temp.${STAGE}`);
    sqlite.pragma(`temp.cache_size = ${String(Math.trunc(tempCache))}`);
  };
  const moveSorted = sqlite.prepare(
    `insert into bank_line (organisation_id, batch_id, ${columns}) select ${literal(o.organisationId)}, ${literal(o.batchId)}, ${columns} from temp.${STAGE} where true order by fingerprint on conflict (organisation_id, fingerprint) do nothing`,
  );
  const emptyStage = sqlite.prepare(`delete from temp.${STAGE}`);
  let moved = 0;
  const stage: Stage = {
    count: 0,
    // Lines inserted directly earlier in this import never match, nor do the runs already moved:
    // fingerprints are distinct in one.
    stored: (fingerprint) => hadLines && probe.get(fingerprint) !== undefined,
    move() {
      if (moved === stage.count) return;
      moved += withPageCache(sqlite, FINISH_CACHE_MIB, () => {
        const changes = moveSorted.run().changes;
        emptyStage.run();
        return changes;
      });
      if (moved !== stage.count)
        throw new Error(
          `bank-line sink: ${String(stage.count - moved)} fingerprint(s) given twice in one import`,
        );
    },
    finish() {
      try {
        stage.move();
      } finally {
        close();
      }
    },
    close,
  };
  return stage;
}
