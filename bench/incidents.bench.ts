// Incidents: import N generated incidents from CSV (parse + batched inserts + full-text index, in
// one transaction), then the latency of searches over them (full-text terms in Latin and
// Cyrillic, filters, both), on SQLite and — when CIVIC_BENCH_PG_URL is set — PostgreSQL.
// Targets (issue 5, 2-core machine): import of 1,000,000 under 20 s; search p95 under 20 ms.
// CIVIC_BENCH_INCIDENTS=N changes the size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '@civic/core';
import { generateCsv, organisations, queries, type BenchQuery } from './incidents-data.ts';
import { closeContext, importIncidents, openContext, searchIncidents } from '@civic/app';
import { note, percentile, report, timed } from './lib.ts';

const N = Number(process.env['CIVIC_BENCH_INCIDENTS'] ?? 1_000_000);

async function run(dialect: string, url: string, csv: Uint8Array, qs: readonly BenchQuery[]): Promise<void> {
  const ctx = await openContext(url);
  try {
    note(`${dialect}: importing ${N} incidents (${(csv.length / 1e6).toFixed(0)} MB of CSV)`);
    const cpu0 = process.cpuUsage();
    const { seconds, result } = await timed(() =>
      importIncidents(ctx, { bytes: csv, fileName: 'bench.csv' }),
    );
    const cpu = process.cpuUsage(cpu0);
    if (!result.ok)
      throw new Error(`${result.error.code}: ${result.error.message} (line ${result.error.line ?? '?'})`);
    // CPU seconds (user + system, this process) next to wall time: on a shared machine the wall
    // clock also counts the time other processes held the cores.
    report('incidents', `import_${dialect}`, seconds, 's', {
      rows: result.value.imported,
      rowsPerSecond: Math.round(result.value.imported / seconds),
      cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      target: 20,
    });
    for (const q of qs.slice(0, 20)) await searchIncidents(ctx, q.input); // warm the caches
    const ms: number[] = [];
    const byKind = new Map<string, number[]>();
    let hits = 0;
    for (const q of qs) {
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
      meanHits: hits / qs.length,
    });
  } finally {
    await closeContext(ctx);
  }
}

const r = seededRandom(20201126);
const orgs = organisations(r);
const { seconds: genSeconds, result: csv } = await timed(() => generateCsv(N, r, orgs));
note(`generated ${N} rows in ${genSeconds.toFixed(1)} s`);
const qs = queries(r, orgs);
const dir = mkdtempSync(join(tmpdir(), 'civic-bench-incidents-'));
try {
  await run('sqlite', join(dir, 'incidents.db'), csv, qs);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const pg = process.env['CIVIC_BENCH_PG_URL'];
if (pg) await run('postgres', pg, csv, qs);
else note('PostgreSQL skipped: set CIVIC_BENCH_PG_URL to a scratch database to run it');
