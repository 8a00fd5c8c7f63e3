// Incidents: import N generated incidents from a CSV file (parse + batched inserts + full-text
// index, in one transaction) in a process of its own, then the latency of searches over them
// (full-text terms in Latin and Cyrillic, filters, both), on SQLite and on PostgreSQL (a fresh
// database on the server CIVIC_BENCH_PG_URL or CIVIC_TEST_PG_URL names).
// Then the whole-database incident summary on a new connection (what a new server process pays for
// the Monitor page): from the maintained counts (summary_cold) and, for comparison, by counting the
// incidents as every request did before (summary_recount).
// Targets (issues 5, 14 and 17, 2-core machine): import of 1,000,000 under 20 s with peak RSS under
// 500 MB; search p95 under 20 ms; the summary cold under 1 s. CIVIC_BENCH_INCIDENTS=N changes the size.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '@civic/core';
import { freshStore, incidentSearchFor } from '@civic/store';
import { generateCsv, organisations, queries, type BenchQuery } from './incidents-data.ts';
import {
  closeContext,
  forgetKeptSearchPages,
  openContext,
  searchIncidents,
  summarizeIncidents,
} from '@civic/app';
import { note, percentile, report, timed } from './lib.ts';

const N = Number(process.env['CIVIC_BENCH_INCIDENTS'] ?? 1_000_000);
const CHILD = fileURLToPath(new URL('./incidents-import-child.ts', import.meta.url));
const CIVIC = fileURLToPath(new URL('../packages/cli/bin/civic.js', import.meta.url));
const USAGE = fileURLToPath(new URL('./usage-on-exit.mjs', import.meta.url));

interface Measured {
  readonly seconds: number;
  readonly cpuSeconds: number;
  /** The writing thread's share of cpuSeconds (the rest: the parsing thread, the collector's helpers). */
  readonly mainThreadCpuSeconds?: number;
  readonly serverCpuSeconds?: number;
  readonly imported: number;
  readonly maxRssMB: number;
}

async function run(
  dialect: string,
  url: string,
  file: string,
  bytes: number,
  qs: readonly BenchQuery[],
): Promise<void> {
  note(`${dialect}: importing ${N} incidents (${(bytes / 1e6).toFixed(0)} MB of CSV)`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, url, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const m = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measured;
  // CPU seconds (user + system of the importing process, and of PostgreSQL's backends) next to
  // wall time and the load: on a shared machine the wall clock also counts the time other
  // processes held the cores.
  const extra = {
    rows: m.imported,
    rowsPerSecond: Math.round(m.imported / m.seconds),
    cpuSeconds: Number(m.cpuSeconds.toFixed(1)),
    ...(m.mainThreadCpuSeconds === undefined
      ? {}
      : { mainThreadCpuSeconds: Number(m.mainThreadCpuSeconds.toFixed(1)) }),
    ...(m.serverCpuSeconds === undefined ? {} : { serverCpuSeconds: m.serverCpuSeconds }),
    load: Number((loadavg()[0] ?? 0).toFixed(1)),
  };
  report('incidents', `import_${dialect}`, m.seconds, 's', { ...extra, target: 20, met: m.seconds <= 20 });
  report('incidents', `import_${dialect}_peak_rss`, m.maxRssMB, 'MB', {
    ...extra,
    target: 500,
    met: m.maxRssMB < 500,
  });
  await summaryCold(dialect, url);
  const ctx = await openContext(url);
  try {
    for (const q of qs.slice(0, 20)) await searchIncidents(ctx, q.input); // warm the caches
    const ms: number[] = [];
    const byKind = new Map<string, number[]>();
    let hits = 0;
    for (const q of qs) {
      // Recent pages are kept while no incident changes: the bench's questions repeat (38
      // words), so each is searched afresh, like for like on both dialects.
      forgetKeptSearchPages(ctx);
      const t0 = performance.now();
      const r = await searchIncidents(ctx, q.input);
      const t = performance.now() - t0;
      ms.push(t);
      byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), t]);
      if (!r.ok) throw new Error(r.error.message);
      hits += r.value.incidents.length;
    }
    for (const [kind, times] of byKind)
      note(
        `${dialect} ${kind}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${times.length})`,
      );
    report('incidents', `search_p50_${dialect}`, percentile(ms, 50), 'ms', { queries: qs.length, rows: N });
    report('incidents', `search_p95_${dialect}`, percentile(ms, 95), 'ms', {
      queries: qs.length,
      rows: N,
      target: 20,
      met: percentile(ms, 95) <= 20,
      meanHits: hits / qs.length,
    });
  } finally {
    await closeContext(ctx);
  }
}

/**
 * The same import as a user runs it: `civic incidents import FILE --db DB --json`, a fresh process
 * (the built command when it is newer than the sources, else the sources through tsx: `entry`),
 * into a new SQLite file. Wall time, CPU seconds and peak RSS of the whole process.
 */
function runCli(dir: string, file: string): void {
  const db = join(dir, 'incidents-cli.db');
  note(`sqlite: importing ${N} incidents with the civic command`);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', USAGE, CIVIC, 'incidents', 'import', file, '--db', db, '--json'],
    {
      encoding: 'utf8',
      env: { ...process.env, CIVIC_SHOW_ENTRY: '1' },
      maxBuffer: 1 << 24,
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`civic incidents import failed: ${r.stderr}`);
  const usageLine = r.stderr.split('\n').find((l) => l.startsWith('{"usage"')) ?? '{}';
  const { usage } = JSON.parse(usageLine) as { usage?: { cpuSeconds: number; maxRssMB: number } };
  if (usage === undefined) throw new Error('the civic process did not report its usage');
  const imported = (JSON.parse(r.stdout) as { imported: number }).imported;
  const extra = {
    rows: imported,
    rowsPerSecond: Math.round(imported / seconds),
    cpuSeconds: Number(usage.cpuSeconds.toFixed(1)),
    entry: r.stderr.includes('dist/bundle') ? 'bundle' : 'sources',
    load: Number((loadavg()[0] ?? 0).toFixed(1)),
  };
  report('incidents', 'import_sqlite_cli', seconds, 's', { ...extra, target: 20, met: seconds <= 20 });
  report('incidents', 'import_sqlite_cli_peak_rss', usage.maxRssMB, 'MB', {
    ...extra,
    target: 500,
    met: usage.maxRssMB < 500,
  });
  rmSync(db, { force: true });
}

/** The whole-database summary on a new connection: from the maintained counts, then by a recount. */
async function summaryCold(dialect: string, url: string): Promise<void> {
  for (const metric of ['summary_cold', 'summary_recount'] as const) {
    const ctx = await openContext(url);
    try {
      const c0 = process.cpuUsage();
      const { seconds, result } = await timed(async () => {
        if (metric === 'summary_recount')
          return (
            await incidentSearchFor(ctx.store.db, ctx.store.dialect).counts({ viewer: { kind: 'all' } })
          ).count;
        const s = await summarizeIncidents(ctx, { viewer: 'all' });
        if (!s.ok) throw new Error(s.error.message);
        return s.value.count;
      });
      const cpu = process.cpuUsage(c0);
      report('incidents', `${metric}_${dialect}`, seconds, 's', {
        rows: N,
        counted: result,
        cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
        load: Number((loadavg()[0] ?? 0).toFixed(1)),
        ...(metric === 'summary_cold' ? { target: 1, met: seconds < 1 } : {}),
      });
    } finally {
      await closeContext(ctx);
    }
  }
}

const r = seededRandom(20201126);
const orgs = organisations(r);
const dir = mkdtempSync(join(tmpdir(), 'civic-bench-incidents-'));
const file = join(dir, 'incidents.csv');
const { seconds: genSeconds, result: bytes } = await timed(() => {
  const csv = generateCsv(N, r, orgs);
  writeFileSync(file, csv);
  return csv.length;
});
note(`generated ${N} rows in ${genSeconds.toFixed(1)} s`);
const qs = queries(r, orgs);
const pgUrl = process.env['CIVIC_BENCH_PG_URL'] ?? process.env['CIVIC_TEST_PG_URL'];
try {
  await run('sqlite', join(dir, 'incidents.db'), file, bytes, qs);
  runCli(dir, file);
  if (pgUrl) {
    process.env['CIVIC_TEST_PG_URL'] ??= pgUrl;
    const store = await freshStore('postgres');
    try {
      await run('postgres', store.url, file, bytes, qs);
    } finally {
      await store.close();
    }
  } else note('PostgreSQL skipped: set CIVIC_BENCH_PG_URL (or CIVIC_TEST_PG_URL) to a server to run it');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
