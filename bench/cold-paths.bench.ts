// The server's cold paths (issue 17), on SQLite and PostgreSQL side by side in one run: an
// organisation with N receipts (20,000 by default; BENCH_SCALE=1m for 1,000,000) and N/10
// incidents. Each figure is what a new server process pays on its first request: a new
// connection, so no cache of an earlier request helps.
//   obligations_store_all       deriving and storing every obligation once (at the bulk load)
//   obligations_derive_whole    deriving them from the whole ledger (what every process paid before)
//   obligations_first_request   the first page of the list from the stored obligations (target < 1 s)
//   obligations_after_change    the list again after one new receipt (one month derived again)
//   prepare_filing, lint_filing one half-year's report (target < 1 s)
//   incident_summary_cold       the whole-database incident summary (target < 1 s)
// Each line carries its dialect, scale, target, CPU seconds of this process (PostgreSQL's own
// work is not in it) and the load average while measured. PostgreSQL: CIVIC_BENCH_PG_URL (or
// CIVIC_TEST_PG_URL), a server where databases may be created; without one, SQLite only.
// CIVIC_BENCH_PROFILE=DIR writes a V8 CPU profile of each measured figure to
// DIR/<dialect>-<metric>.cpuprofile (read it with bench/cpuprofile-summary.ts);
// CIVIC_BENCH_DIALECTS=sqlite (or postgres) runs one dialect only. CIVIC_BENCH_SEEDS=DIR keeps each
// dialect's seeded database (bench/seed-cache.ts) and starts later runs from a copy of it instead of
// seeding again (minutes at 1m). CIVIC_BENCH_FIGURES=prepare_filing,lint_filing measures only the
// figures named (what they need still runs, unmeasured: storing the obligations, the late receipt).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { seededRandom, type CurrencyCode, type ReceiptContent } from '@civic/core';
import {
  closeContext,
  createOrganisation,
  createSource,
  importIncidents,
  lintStoredFiling,
  listObligations,
  openContext,
  prepareFiling,
  recordReceipt,
  refreshOrganisationObligations,
  summarizeIncidents,
  type AppContext,
} from '@civic/app';
import { freshStore, insertReceipts, inTransaction, type NewReceipt } from '@civic/store';
import { generateCsv, organisations } from './incidents-data.ts';
import { note, report, timed } from './lib.ts';
import { keepSeed, restoreSeed } from './seed-cache.ts';

const SCALE = process.env['BENCH_SCALE'] === '1m' ? 1_000_000 : Number(process.env['BENCH_SCALE'] ?? 20_000);
const pgUrl = process.env['CIVIC_BENCH_PG_URL'] ?? process.env['CIVIC_TEST_PG_URL'];
if (pgUrl && !process.env['CIVIC_TEST_PG_URL']) process.env['CIVIC_TEST_PG_URL'] = pgUrl;
const DIALECTS = (pgUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)).filter(
  (d) => !process.env['CIVIC_BENCH_DIALECTS'] || process.env['CIVIC_BENCH_DIALECTS'].split(',').includes(d),
);
const PROFILE_DIR = process.env['CIVIC_BENCH_PROFILE'];
const SEEDS = process.env['CIVIC_BENCH_SEEDS'];
const FIGURES = process.env['CIVIC_BENCH_FIGURES']?.split(',');
/** Whether a figure is measured in this run (every one unless CIVIC_BENCH_FIGURES names some). */
const wanted = (metric: string): boolean => !FIGURES || FIGURES.includes(metric);
/** Bump when seed() or the incidents it imports change: a kept seed of another version is not used. */
const SEED_VERSION = 1;

/** fn under the V8 profiler when CIVIC_BENCH_PROFILE names a folder, its profile written there. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function measure<T>(
  dialect: string,
  metric: string,
  target: number | null,
  fn: () => Promise<T>,
): Promise<T> {
  const cpu0 = process.cpuUsage();
  const load = loadavg().map((x) => Number(x.toFixed(2)));
  const { seconds, result } = await timed(() => profiled(`${dialect}-${metric}`, fn));
  const cpu = process.cpuUsage(cpu0);
  report('cold-paths', metric, seconds, 's', {
    dialect,
    scale: SCALE,
    ...(target === null ? {} : { target: `< ${String(target)}` }),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
    // The process's peak so far (an earlier figure's may be the larger).
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    loadavg: load,
  });
  return result;
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** N KZT receipts over 2019–2024 from one foreign organisation, in one transaction. */
async function seed(ctx: AppContext, orgId: string, n: number): Promise<void> {
  const source = must(
    await createSource(ctx, orgId, {
      name: 'Bench Foundation',
      category: 'foreign-organisation',
      country: 'NL',
    }),
  );
  const r = seededRandom(17);
  const start = Date.UTC(2019, 0, 1);
  const now = new Date().toISOString();
  await inTransaction(ctx.store, async (tx) => {
    for (let i = 0; i < n; i += 50_000) {
      const rows: NewReceipt[] = [];
      for (let k = i; k < Math.min(n, i + 50_000); k++) {
        const day = new Date(start + Math.floor((k / n) * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
        const minor = BigInt(100_00 + r.int(5_000_000_00));
        const content: ReceiptContent = { kind: 'money', amount: { minor, currency: 'KZT' as CurrencyCode } };
        rows.push({
          id: `rcp_bench_${String(k).padStart(8, '0')}`,
          organisationId: orgId,
          sourceId: source.id,
          grantId: null,
          accountId: null,
          bankLine: null,
          receivedOn: day,
          content,
          kzt: { status: 'official', kzt: minor, rate: null, note: null },
          description: null,
          createdAt: now,
        });
      }
      await insertReceipts(tx.db, rows);
    }
  });
}

/** A new organisation with SCALE receipts and SCALE/10 incidents in the database at url: its id. */
async function seedDatabase(dialect: string, url: string): Promise<string> {
  const setup = await openContext(url);
  try {
    note(`${dialect}: seeding ${String(SCALE)} receipts and ${String(SCALE / 10)} incidents`);
    const orgId = must(await createOrganisation(setup, { name: 'Bench NGO', bin: null })).id;
    await seed(setup, orgId, SCALE);
    const csv = generateCsv(SCALE / 10, seededRandom(5), organisations(seededRandom(5)));
    must(await importIncidents(setup, { bytes: csv, fileName: 'bench.csv' }));
    return orgId;
  } finally {
    await closeContext(setup);
  }
}

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const store = await freshStore(dialect);
  const url = store.url;
  await store.db.destroy(); // the connection only: freshStore's close would drop the database
  const seedKey = { bench: 'cold-paths', dialect, scale: SCALE, version: SEED_VERSION };
  const kept = SEEDS ? await restoreSeed<{ orgId: string }>(SEEDS, seedKey, url) : undefined;
  if (kept) note(`${dialect}: the kept seed of ${String(SCALE)} receipts (CIVIC_BENCH_SEEDS)`);
  const orgId = kept?.orgId ?? (await seedDatabase(dialect, url));
  if (!kept && SEEDS) await keepSeed(SEEDS, seedKey, url, { orgId });
  // Every figure below from a connection of its own: what a new server process meets.
  const fresh = async <T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> => {
    const ctx = await openContext(url);
    try {
      return await fn(ctx);
    } finally {
      await closeContext(ctx);
    }
  };
  const storeAll = async (ctx: AppContext) => must(await refreshOrganisationObligations(ctx, orgId));
  await fresh((ctx) =>
    wanted('obligations_store_all')
      ? measure(dialect, 'obligations_store_all', null, () => storeAll(ctx))
      : storeAll(ctx),
  );
  if (wanted('obligations_first_request'))
    await fresh((ctx) =>
      measure(dialect, 'obligations_first_request', 1, async () =>
        must(await listObligations(ctx, { org: orgId, limit: 50 })),
      ),
    );
  await fresh(async (ctx) => {
    const s = must(await createSource(ctx, orgId, { name: 'Late donor', category: 'foreign-citizen' }));
    must(
      await recordReceipt(ctx, orgId, {
        sourceId: s.id,
        receivedOn: '2023-03-15',
        currency: 'KZT',
        amount: '1000.00',
      }),
    );
  });
  if (wanted('obligations_after_change'))
    await fresh((ctx) =>
      measure(dialect, 'obligations_after_change', 1, async () =>
        must(await listObligations(ctx, { org: orgId, limit: 50 })),
      ),
    );
  const report2023 = await fresh(async (ctx) => {
    const list = must(await listObligations(ctx, { org: orgId, from: '2023-01-01', to: '2023-06-30' }));
    return list.obligations.find((o) => o.trigger === 'period');
  });
  if (!report2023) throw new Error('no half-year report in 2023');
  const prepare = async (ctx: AppContext) => must(await prepareFiling(ctx, { obligationId: report2023.id }));
  const filing = await fresh((ctx) =>
    wanted('prepare_filing') ? measure(dialect, 'prepare_filing', 1, () => prepare(ctx)) : prepare(ctx),
  );
  if (wanted('lint_filing'))
    await fresh((ctx) =>
      measure(dialect, 'lint_filing', 1, async () => {
        const lint = must(await lintStoredFiling(ctx, { filingId: filing.id }));
        note(
          `${dialect}: ${String(filing.content.receipts.length)} lines, ${String(lint.problems.length)} problems`,
        );
        return lint;
      }),
    );
  if (wanted('incident_summary_cold'))
    await fresh((ctx) =>
      measure(dialect, 'incident_summary_cold', 1, async () =>
        must(await summarizeIncidents(ctx, { viewer: 'all' })),
      ),
    );
  // The old cold path, for comparison: every organisation's list (no --org) is still derived
  // from the whole ledger, which is what one organisation's first request cost before.
  if (wanted('obligations_derive_whole'))
    await fresh((ctx) =>
      measure(dialect, 'obligations_derive_whole', null, async () =>
        must(await listObligations(ctx, { limit: 50 })),
      ),
    );
  await dropDatabase(dialect, url);
}

async function dropDatabase(dialect: string, url: string): Promise<void> {
  if (dialect === 'sqlite') {
    const { rmSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    rmSync(dirname(url), { recursive: true, force: true });
    return;
  }
  const pg = (await import('pg')).default;
  const name = new URL(url).pathname.slice(1);
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name}`);
  await c.end();
}

for (const d of DIALECTS) await run(d);
if (!pgUrl) note('PostgreSQL skipped: set CIVIC_BENCH_PG_URL');
