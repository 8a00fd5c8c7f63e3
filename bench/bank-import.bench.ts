// Bank files at any size (issue 14): a 1C statement of 100,000 and 1,000,000 documents and a CSV
// of 1,000,000 lines, each imported from its file (read in chunks) by a fresh process on SQLite and
// on PostgreSQL (when CIVIC_TEST_PG_URL or CIVIC_BENCH_PG_URL names a server), with peak RSS.
// Targets on the 2-core machine: 1C ≥ 50,000 documents/s, the CSV ≤ 15 s, peak RSS < 500 MB.
// MT940 and CAMT files of 100,000 lines/entries likewise (CIVIC_BENCH_IMPORT_SWIFT).
// CIVIC_BENCH_IMPORT_1C (sizes, comma-separated), CIVIC_BENCH_IMPORT_CSV and
// CIVIC_BENCH_IMPORT_DIALECTS (sqlite,postgres) change what runs. The file is read as an import
// reads it by default: on SQLite on a worker thread (the built one: `npm run bench` builds first)
// from 1 MiB on, on PostgreSQL on the importing thread; CIVIC_BENCH_IMPORT_THREAD=never reads it on the importing thread, for comparison
// (mainThreadCpuSeconds: the importing thread's share of cpuSeconds).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  generateBankCsv,
  generateCamt053Statement,
  generateMt940Statement,
  GENERATED_CSV_MAPPING,
} from '@civic/formats';
import { freshStore } from '@civic/store';
import { write1CFile } from './bank-import-file.ts';
import { note, report } from './lib.ts';

const ONEC = (process.env['CIVIC_BENCH_IMPORT_1C'] ?? '100000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const CSV = Number(process.env['CIVIC_BENCH_IMPORT_CSV'] ?? 1_000_000);
// MT940 lines and CAMT entries (streamed like 1C and CSV): one run of each, 100,000 unless given.
const SWIFT = Number(process.env['CIVIC_BENCH_IMPORT_SWIFT'] ?? 100_000);
const pgUrl = process.env['CIVIC_BENCH_PG_URL'] ?? process.env['CIVIC_TEST_PG_URL'];
const DIALECTS = (process.env['CIVIC_BENCH_IMPORT_DIALECTS'] ?? 'sqlite,postgres')
  .split(',')
  .filter((d): d is 'sqlite' | 'postgres' => d === 'sqlite' || (d === 'postgres' && pgUrl !== undefined));
const CHILD = fileURLToPath(new URL('./bank-import-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'civic-bench-import-'));

interface Measured {
  readonly seconds: number;
  /** CPU seconds of the importing process: what the figure would be on an idle machine, roughly. */
  readonly cpuSeconds?: number;
  /** CPU seconds of its importing thread (the rest: the reading worker's, and V8's helpers'). */
  readonly mainThreadCpuSeconds?: number;
  /** PostgreSQL: CPU seconds of the server's backends for the import's database. */
  readonly serverCpuSeconds?: number;
  readonly read: number;
  readonly imported: number;
  readonly maxRssMB: number;
}

async function measure(dialect: 'sqlite' | 'postgres', file: string, mapping?: string): Promise<Measured> {
  if (dialect === 'postgres' && process.env['CIVIC_TEST_PG_URL'] === undefined && pgUrl)
    process.env['CIVIC_TEST_PG_URL'] = pgUrl;
  const store = await freshStore(dialect);
  try {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', CHILD, store.url, file, ...(mapping ? [mapping] : [])],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measured;
  } finally {
    await store.close();
  }
}

try {
  for (const documents of ONEC) {
    const file = join(dir, `statement-${String(documents)}.txt`);
    const bytes = write1CFile(file, documents);
    note(`1C: ${documents.toLocaleString('en')} documents, ${(bytes / 1e6).toFixed(0)} MB`);
    for (const dialect of DIALECTS) {
      const m = await measure(dialect, file);
      const extra = {
        dialect,
        documents,
        megabytes: Math.round(bytes / 1e6),
        imported: m.imported,
        cpuSeconds: m.cpuSeconds,
        mainThreadCpuSeconds: m.mainThreadCpuSeconds,
        ...(m.serverCpuSeconds === undefined ? {} : { serverCpuSeconds: m.serverCpuSeconds }),
        load: Number((loadavg()[0] ?? 0).toFixed(1)),
      };
      report('bank-import', `import_1c_${String(documents)}_seconds`, m.seconds, 's', extra);
      report(
        'bank-import',
        `import_1c_${String(documents)}_documents_per_second`,
        m.read / m.seconds,
        'ops/s',
        { ...extra, target: 50_000, met: m.read / m.seconds >= 50_000 },
      );
      report('bank-import', `import_1c_${String(documents)}_peak_rss`, m.maxRssMB, 'MB', {
        ...extra,
        target: 500,
        met: m.maxRssMB < 500,
      });
    }
    rmSync(file, { force: true });
  }
  if (CSV > 0) {
    const csv = generateBankCsv({ rows: CSV, seed: 12 });
    const file = join(dir, 'statement.csv');
    writeFileSync(file, csv.bytes);
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify(GENERATED_CSV_MAPPING));
    note(`CSV: ${CSV.toLocaleString('en')} lines, ${(csv.bytes.length / 1e6).toFixed(0)} MB`);
    for (const dialect of DIALECTS) {
      const m = await measure(dialect, file, mapping);
      const extra = {
        dialect,
        lines: CSV,
        imported: m.imported,
        cpuSeconds: m.cpuSeconds,
        mainThreadCpuSeconds: m.mainThreadCpuSeconds,
        ...(m.serverCpuSeconds === undefined ? {} : { serverCpuSeconds: m.serverCpuSeconds }),
        load: Number((loadavg()[0] ?? 0).toFixed(1)),
      };
      report('bank-import', `import_csv_${String(CSV)}_seconds`, m.seconds, 's', {
        ...extra,
        target: 15,
        met: m.seconds <= 15,
      });
      report('bank-import', `import_csv_${String(CSV)}_peak_rss`, m.maxRssMB, 'MB', {
        ...extra,
        target: 500,
        met: m.maxRssMB < 500,
      });
    }
  }
  if (SWIFT > 0) {
    for (const [kind, g] of [
      ['mt940', generateMt940Statement({ documents: SWIFT, seed: 14, perDay: 50 })],
      ['camt', generateCamt053Statement({ documents: SWIFT, seed: 14 })],
    ] as const) {
      const file = join(dir, `statement-${kind}.${kind === 'mt940' ? 'sta' : 'xml'}`);
      writeFileSync(file, g.bytes);
      note(`${kind}: ${SWIFT.toLocaleString('en')} lines, ${(g.bytes.length / 1e6).toFixed(0)} MB`);
      for (const dialect of DIALECTS) {
        const m = await measure(dialect, file);
        const extra = {
          dialect,
          lines: SWIFT,
          megabytes: Math.round(g.bytes.length / 1e6),
          imported: m.imported,
          cpuSeconds: m.cpuSeconds,
          mainThreadCpuSeconds: m.mainThreadCpuSeconds,
          load: Number((loadavg()[0] ?? 0).toFixed(1)),
        };
        report('bank-import', `import_${kind}_${String(SWIFT)}_seconds`, m.seconds, 's', extra);
        report('bank-import', `import_${kind}_${String(SWIFT)}_peak_rss`, m.maxRssMB, 'MB', {
          ...extra,
          target: 500,
        });
      }
      rmSync(file, { force: true });
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
