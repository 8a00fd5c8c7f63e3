// Ledger (issue 2): import a generated 1C statement of 100,000 documents and a CSV of 1,000,000
// bank lines (one transaction each, fingerprints, candidates), the balance by grant over
// 1,000,000 transactions (read from the maintained totals, ledger_balance_total: it no longer
// grows with the number of transactions), and the same data's journal read by ledger-cli
// (`ledger -f FILE bal`) in the same run, with the ratio. Targets on a 2-core machine: CSV import
// under 15 s, balance under 0.5 s. CIVIC_BENCH_LEDGER_CSV / _1C / _TX change the sizes.
// Every figure is taken on a plain and on an encrypted SQLite file (issue 15; each line says which
// in `storage`); CIVIC_BENCH_LEDGER_STORAGE=plain or =encrypted runs one of them. The two are
// compared like for like by encryption.bench.ts (interleaved runs in fresh processes, medians,
// results checked equal), not here: one pass of each, one after the other, swung with the load.
// Then ledger-compare.ts puts a fresh `civic ledger balance` process beside ledger and hledger on
// the same books (issue 17). With CIVIC_BENCH_PG_URL (or CIVIC_TEST_PG_URL), a server where
// databases may be created, every figure is taken once more on a new PostgreSQL database
// (`storage` and `dialect` "postgres"; the fresh process gets `--db postgres://…`), and its
// balances must equal SQLite's as well as ledger's and hledger's.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeContext,
  createOrganisation,
  exportLedgerJournal,
  importBankStatement,
  ledgerBalance,
  openContext,
  type AppContext,
} from '@civic/app';
import { generate1CStatement, generateBankCsv } from '@civic/formats';
import { loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import { freshStore } from '@civic/store';
import { compareWithJournalTools, type BalancesBy } from './ledger-compare.ts';
import { seedTransactions } from './ledger-seed.ts';
import { note, percentile, report as reportLine } from './lib.ts';

type Storage = 'plain' | 'encrypted' | 'postgres';
let storage: Storage = 'plain';
const pgUrl = process.env['CIVIC_BENCH_PG_URL'] ?? process.env['CIVIC_TEST_PG_URL'];
if (pgUrl && !process.env['CIVIC_TEST_PG_URL']) process.env['CIVIC_TEST_PG_URL'] = pgUrl;

/** One figure, tagged with the storage it was taken on. */
function report(
  bench: string,
  metric: string,
  value: number,
  unit: string,
  extra: Record<string, unknown> = {},
): void {
  reportLine(bench, metric, value, unit, {
    storage,
    dialect: storage === 'postgres' ? 'postgres' : 'sqlite',
    ...extra,
  });
}

/** Wall and CPU seconds of this process (the machine is often shared: both are reported). */
async function timed<T>(
  fn: () => Promise<T> | T,
): Promise<{ seconds: number; cpuSeconds: number; load: number; result: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const c = process.cpuUsage(c0);
  return {
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: Number(((c.user + c.system) / 1e6).toFixed(2)),
    load: Number((loadavg()[0] ?? 0).toFixed(1)),
    result,
  };
}

const CSV_LINES = Number(process.env['CIVIC_BENCH_LEDGER_CSV'] ?? 1_000_000);
const ONEC_DOCS = Number(process.env['CIVIC_BENCH_LEDGER_1C'] ?? 100_000);
const TRANSACTIONS = Number(process.env['CIVIC_BENCH_LEDGER_TX'] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'civic-bench-ledger-'));

async function org(ctx: AppContext, name: string): Promise<string> {
  const o = await createOrganisation(ctx, { name });
  if (!o.ok) throw new Error(o.error.message);
  return o.value.id;
}

async function importBenches(ctx: AppContext): Promise<string> {
  const onec = generate1CStatement({ documents: ONEC_DOCS, seed: 11 });
  const orgA = await org(ctx, 'Bench 1C');
  note(`1C: ${ONEC_DOCS.toLocaleString('en')} documents, ${(onec.bytes.length / 1e6).toFixed(1)} MB`);
  const a = await timed(() =>
    importBankStatement(ctx, { bytes: onec.bytes, fileName: 'bench-1c.txt', org: orgA }),
  );
  if (!a.result.ok) throw new Error(`${a.result.error.code}: ${a.result.error.message}`);
  report('ledger', 'import_1c_seconds', a.seconds, 's', {
    documents: a.result.value.read,
    imported: a.result.value.imported,
    linesPerSecond: Math.round(a.result.value.read / a.seconds),
    cpuSeconds: a.cpuSeconds,
    load: a.load,
  });
  const again = await timed(() =>
    importBankStatement(ctx, { bytes: onec.bytes, fileName: 'bench-1c-again.txt', org: orgA }),
  );
  if (!again.result.ok || again.result.value.imported !== 0) throw new Error('re-import added lines');
  report('ledger', 'reimport_1c_seconds', again.seconds, 's', {
    duplicates: again.result.value.duplicates,
    cpuSeconds: again.cpuSeconds,
    load: again.load,
  });

  const csv = generateBankCsv({ rows: CSV_LINES, seed: 12 });
  const orgB = await org(ctx, 'Bench CSV');
  note(`CSV: ${CSV_LINES.toLocaleString('en')} lines, ${(csv.bytes.length / 1e6).toFixed(0)} MB`);
  const b = await timed(() =>
    importBankStatement(ctx, { bytes: csv.bytes, fileName: 'bench.csv', org: orgB, csvMapping: csv.mapping }),
  );
  if (!b.result.ok) throw new Error(`${b.result.error.code}: ${b.result.error.message}`);
  report('ledger', 'import_csv_seconds', b.seconds, 's', {
    lines: b.result.value.read,
    imported: b.result.value.imported,
    candidates: b.result.value.foreignCandidates,
    linesPerSecond: Math.round(b.result.value.read / b.seconds),
    target: 15,
    cpuSeconds: b.cpuSeconds,
    load: b.load,
  });
  return orgB;
}

async function balanceBenches(ctx: AppContext): Promise<string> {
  const orgId = await org(ctx, 'Bench balances');
  note(`seeding ${TRANSACTIONS.toLocaleString('en')} transactions`);
  const seed = await timed(() => seedTransactions(ctx, orgId, TRANSACTIONS));
  note(`seeded in ${seed.seconds.toFixed(1)} s`);
  await ledgerBalance(ctx, { org: orgId, by: 'grant' }); // warm the page cache
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const r = await timed(() => ledgerBalance(ctx, { org: orgId, by: 'grant' }));
    if (!r.result.ok) throw new Error(r.result.error.message);
    rows = r.result.value.rows.length;
    times.push(r.seconds);
  }
  const ours = percentile(times, 50);
  report('ledger', 'balance_by_grant_seconds', ours, 's', {
    transactions: TRANSACTIONS,
    grants: rows,
    runs: times.length,
    target: 0.5,
    load: Number((loadavg()[0] ?? 0).toFixed(1)),
  });
  // Warmed and taken five times like the balance above: a single cold run measured the first read
  // of the date index's pages (decrypted on an encrypted file, mapped on a plain one), not the query.
  await ledgerBalance(ctx, { org: orgId, by: 'grant', at: '2019-12-31' });
  const atTimes: number[] = [];
  for (let i = 0; i < 5; i++)
    atTimes.push(
      (await timed(() => ledgerBalance(ctx, { org: orgId, by: 'grant', at: '2019-12-31' }))).seconds,
    );
  report('ledger', 'balance_by_grant_at_date_seconds', percentile(atTimes, 50), 's', {
    transactions: TRANSACTIONS,
    runs: atTimes.length,
  });

  const file = join(dir, 'bench.ledger');
  const out = createWriteStream(file);
  const write = (chunk: string) =>
    new Promise<void>((resolve) => (out.write(chunk) ? resolve() : out.once('drain', () => resolve())));
  const exp = await timed(() => exportLedgerJournal(ctx, { org: orgId, format: 'ledger', write }));
  await new Promise<void>((resolve) => out.end(() => resolve()));
  if (!exp.result.ok) throw new Error(exp.result.error.message);
  report('ledger', 'export_journal_seconds', exp.seconds, 's', {
    entries: exp.result.value.entries,
    megabytes: Math.round(statSync(file).size / 1e6),
    cpuSeconds: exp.cpuSeconds,
  });
  note('running ledger -f FILE bal (ledger-cli)');
  const cli = await timed(() =>
    execFileSync('ledger', ['-f', file, 'bal'], { maxBuffer: 1 << 26 }).toString(),
  );
  report('ledger', 'ledger_cli_bal_seconds', cli.seconds, 's', {
    transactions: TRANSACTIONS,
    load: cli.load,
  });
  report('ledger', 'ledger_cli_vs_ours_ratio', cli.seconds / ours, 'x', {
    ledgerCli: cli.seconds,
    ours,
    target: 40,
  });
  return orgId;
}

const storages = (process.env['CIVIC_BENCH_LEDGER_STORAGE'] ?? `plain,encrypted${pgUrl ? ',postgres' : ''}`)
  .split(',')
  .filter(
    (s): s is Storage => s === 'plain' || s === 'encrypted' || (s === 'postgres' && pgUrl !== undefined),
  );
if (!pgUrl) note('PostgreSQL skipped: set CIVIC_BENCH_PG_URL');
/** The balances of the first storage measured: every later one (the other dialect) must equal them. */
let reference: BalancesBy | undefined;
try {
  for (const s of storages) {
    storage = s;
    note(`storage: ${s}`);
    // The encrypted file is keyed by a random passphrase held in memory only (as npm start does).
    const env = s === 'encrypted' ? { CIVIC_DB_KEY: randomBytes(32).toString('base64url') } : {};
    // PostgreSQL: a new database (migrated), dropped at the end; its connection closed at once.
    const pgStore = s === 'postgres' ? await freshStore('postgres') : undefined;
    if (pgStore) await pgStore.db.destroy();
    const db = pgStore ? pgStore.url : join(dir, `bench-${s}.db`);
    const ctx = await openContext(db, { env });
    if (s !== 'postgres' && ctx.store.keys.databaseEncrypted !== (s === 'encrypted'))
      throw new Error(`the ${s} bench database is not ${s}`);
    try {
      const accountsOrg = await importBenches(ctx);
      const grantsOrg = await balanceBenches(ctx);
      const balances = await compareWithJournalTools(ctx, {
        db,
        env,
        dir,
        storage: s,
        dialect: s === 'postgres' ? 'postgres' : 'sqlite',
        reference,
        cases: [
          { by: 'grant', org: grantsOrg, transactions: TRANSACTIONS },
          { by: 'account', org: accountsOrg, transactions: CSV_LINES },
        ],
      });
      reference ??= balances;
    } finally {
      await closeContext(ctx);
      if (pgStore) await dropDatabase(pgStore.url);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function dropDatabase(url: string): Promise<void> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)}`);
  await c.end();
}
