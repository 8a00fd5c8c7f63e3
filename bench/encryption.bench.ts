// Encrypted vs plain SQLite, like for like (issue 15: "the ledger benches run on the encrypted
// database too; within 25 % of the plain figures"). The same books in two files — the plain one
// seeded, the encrypted one made from a copy of it by `civic encrypt`'s conversion, so the rows are
// the same — and each piece of ledger work run on both in the same way: a fresh process per run
// (encryption-child.ts: open, then the work timed alone), runs interleaved (plain, encrypted, then
// encrypted, plain, … so that a load that rises or falls weighs on both alike), at least three of
// each, the median of each side in wall and in CPU seconds, and every run's result compared (the
// bench fails if a balance, a journal or an import's counts differ between the files). One line per
// work: `encrypted_vs_plain_ratio` (the wall ratio; `cpuRatio` beside it), with the target, 1.25.
// Sizes: CIVIC_BENCH_ENC_TX (transactions, default 200,000), CIVIC_BENCH_ENC_CSV (CSV lines,
// 50,000), CIVIC_BENCH_ENC_1C (1C documents, 10,000), CIVIC_BENCH_ENC_RUNS (runs of each, 3).
// CIVIC_BENCH_ENC_WORK (a comma list of balance, balance-at, export, import-1c, import-csv; default
// all) measures only those.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { closeContext, createOrganisation, encryptDatabase, openContext } from '@civic/app';
import { generate1CStatement, generateBankCsv } from '@civic/formats';
import { seedTransactions } from './ledger-seed.ts';
import { note, percentile, report } from './lib.ts';

const TRANSACTIONS = Number(process.env['CIVIC_BENCH_ENC_TX'] ?? 200_000);
const CSV_LINES = Number(process.env['CIVIC_BENCH_ENC_CSV'] ?? 50_000);
const ONEC_DOCS = Number(process.env['CIVIC_BENCH_ENC_1C'] ?? 10_000);
const RUNS = Math.max(3, Number(process.env['CIVIC_BENCH_ENC_RUNS'] ?? 3));
const TARGET = 1.25;
const WORKS = (process.env['CIVIC_BENCH_ENC_WORK'] ?? '').split(',').filter(Boolean);
const measured = (work: string): boolean => WORKS.length === 0 || WORKS.includes(work);

type Storage = 'plain' | 'encrypted';
interface Run {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly openSeconds: number;
  readonly result: unknown;
  readonly load: number;
}

const here = new URL('.', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-bench-encryption-'));
const key = randomBytes(32).toString('base64url');
const db: Record<Storage, string> = { plain: join(dir, 'plain.db'), encrypted: join(dir, 'encrypted.db') };
const load = (): number => Number((loadavg()[0] ?? 0).toFixed(1));

/** The same books in both files; returns the organisation whose balances and journal are measured. */
async function prepare(): Promise<string> {
  const ctx = await openContext(db.plain);
  let org: string;
  try {
    const o = await createOrganisation(ctx, { name: 'Bench balances' });
    if (!o.ok) throw new Error(o.error.message);
    org = o.value.id;
    note(`seeding ${TRANSACTIONS.toLocaleString('en')} transactions`);
    await seedTransactions(ctx, org, TRANSACTIONS);
  } finally {
    await closeContext(ctx);
  }
  // Like for like: the encrypted copy is written by VACUUM INTO (compact, in key order), so the
  // plain file is vacuumed too; both then hold the same pages in the same order and size.
  const plain = new SQLite(db.plain);
  plain.exec('VACUUM');
  plain.close();
  copyFileSync(db.plain, db.encrypted);
  const enc = await encryptDatabase(db.encrypted, { env: { CIVIC_DB_KEY: key } });
  if (!enc.ok) throw new Error(enc.error.message);
  writeFileSync(join(dir, 'bench-1c.txt'), generate1CStatement({ documents: ONEC_DOCS, seed: 11 }).bytes);
  writeFileSync(join(dir, 'bench.csv'), generateBankCsv({ rows: CSV_LINES, seed: 12 }).bytes);
  return org;
}

/** A SQLite file's page size, from its header (bytes 16–17, which sqlite3mc leaves unencrypted). */
function pageSizeOf(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(18);
    readSync(fd, head, 0, 18, 0);
    const size = head.readUInt16BE(16);
    return size === 1 ? 65536 : size;
  } finally {
    closeSync(fd);
  }
}

/** One run of `work` on one file, in a fresh process. */
function runOnce(work: string, storage: Storage, arg: string): Run {
  const at = load();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'encryption-child.ts'), work, db[storage], arg],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: { ...process.env, CIVIC_DB_KEY: storage === 'encrypted' ? key : '', CIVIC_DB_KEY_FILE: '' },
    },
  );
  if (r.status !== 0) throw new Error(`${work} on the ${storage} file failed: ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return { ...(JSON.parse(line) as Omit<Run, 'load'>), load: at };
}

/** Interleaved runs of one piece of work, the results checked equal, and its figures reported. */
function compare(work: string, metric: string, arg: string, extra: Record<string, unknown>): void {
  const runs: Record<Storage, Run[]> = { plain: [], encrypted: [] };
  for (let i = 0; i < RUNS; i++) {
    const order: Storage[] = i % 2 === 0 ? ['plain', 'encrypted'] : ['encrypted', 'plain'];
    for (const s of order) {
      const r = runOnce(work, s, arg);
      runs[s].push(r);
      note(`${metric} ${s} #${runs[s].length}: ${r.seconds.toFixed(2)} s, ${r.cpuSeconds.toFixed(2)} s CPU`);
    }
  }
  const first = JSON.stringify(runs.plain[0]?.result);
  const differing = [...runs.plain, ...runs.encrypted].find((r) => JSON.stringify(r.result) !== first);
  if (differing)
    throw new Error(
      `${metric}: the results differ between runs or files: ${first.slice(0, 300)} ≠ ${JSON.stringify(differing.result).slice(0, 300)}`,
    );
  const median = (s: Storage, f: (r: Run) => number): number => percentile(runs[s].map(f), 50);
  const wall = { plain: median('plain', (r) => r.seconds), encrypted: median('encrypted', (r) => r.seconds) };
  const cpu = {
    plain: median('plain', (r) => r.cpuSeconds),
    encrypted: median('encrypted', (r) => r.cpuSeconds),
  };
  const loads = [...runs.plain, ...runs.encrypted].map((r) => r.load);
  const ratio = wall.encrypted / wall.plain;
  const cpuRatio = cpu.encrypted / cpu.plain;
  report('encryption', 'encrypted_vs_plain_ratio', ratio, 'x', {
    of: metric,
    plainSeconds: Number(wall.plain.toFixed(3)),
    encryptedSeconds: Number(wall.encrypted.toFixed(3)),
    plainCpuSeconds: Number(cpu.plain.toFixed(3)),
    encryptedCpuSeconds: Number(cpu.encrypted.toFixed(3)),
    cpuRatio: Number(cpuRatio.toFixed(3)),
    target: TARGET,
    withinTarget: ratio <= TARGET,
    cpuWithinTarget: cpuRatio <= TARGET,
    runs: RUNS,
    resultsEqual: true,
    plainOpenSeconds: Number(median('plain', (r) => r.openSeconds).toFixed(3)),
    encryptedOpenSeconds: Number(median('encrypted', (r) => r.openSeconds).toFixed(3)),
    loadMin: Math.min(...loads),
    loadMax: Math.max(...loads),
    ...extra,
  });
  process.stderr.write(
    `  ${metric}: plain ${wall.plain.toFixed(2)} s (${cpu.plain.toFixed(2)} s CPU), encrypted ${wall.encrypted.toFixed(2)} s (${cpu.encrypted.toFixed(2)} s CPU): ×${ratio.toFixed(2)} wall, ×${cpuRatio.toFixed(2)} CPU (target ≤ ×${TARGET}), load ${Math.min(...loads)}–${Math.max(...loads)}\n`,
  );
}

try {
  const org = await prepare();
  const wrapped = JSON.parse(readFileSync(`${db.encrypted}.wrapped-key`, 'utf8')) as { pageCipher?: string };
  const books = {
    transactions: TRANSACTIONS,
    pageCipher: wrapped.pageCipher ?? 'chacha20',
    plainPageSize: pageSizeOf(db.plain),
    encryptedPageSize: pageSizeOf(db.encrypted),
  };
  const works: [string, string, string, Record<string, unknown>][] = [
    ['balance', 'balance_by_grant_seconds', org, books],
    ['balance-at', 'balance_by_grant_at_date_seconds', org, books],
    ['export', 'export_journal_seconds', org, books],
    ['import-1c', 'import_1c_seconds', join(dir, 'bench-1c.txt'), { documents: ONEC_DOCS }],
    ['import-csv', 'import_csv_seconds', join(dir, 'bench.csv'), { lines: CSV_LINES }],
  ];
  for (const [work, metric, arg, extra] of works) if (measured(work)) compare(work, metric, arg, extra);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
