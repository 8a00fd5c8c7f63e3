// The web application (issue 6). With N ledger receipts (one demo organisation, Echo) and N
// incidents in a SQLite database besides the demo data (N = CIVIC_BENCH_WEB_ROWS, default 1,000,000):
// - the main list and search routes under a steady 200 requests/s from autocannon over loopback,
//   against the real server (packages/server/src/main.ts) in its own process: p50/p95/p99, req/s, errors;
// - the gzipped JavaScript the first page loads (from dist/index.html, and as seen by the browser);
// - the load time of the sign-in page and of the dashboard in Debian's Chromium (headless).
// Targets: route p99 < 50 ms at 200 req/s; first page < 1 s; its JS < 300 KB gzipped.
// With each steady run, the CPU time the server's processes spent on it per request (the main
// figure on a shared machine: it does not depend on what else runs); CIVIC_BENCH_WEB_PROFILE=DIR
// also profiles each process during each steady run and prints where the time went.
// Before the first measured route the server serves 3 s of the session route at the same rate,
// unmeasured (a new process's first busy seconds otherwise fell on the first route measured).
// After each steady run stderr shows the server processes' longest event-loop stall and when, and
// on which paths, the requests over 50 ms came.
// Every line carries the load average of the machine (others may be using it).
// The database figures are taken on SQLite and, with CIVIC_BENCH_PG_URL (or CIVIC_TEST_PG_URL), a
// server where databases may be created, again on a new PostgreSQL database with the same data and
// the same routes (every line says its `dialect`); CIVIC_BENCH_DIALECTS=sqlite (or postgres) runs one.
// CIVIC_BENCH_SEEDS=DIR keeps each dialect's seeded database and starts later runs from a copy of it;
// CIVIC_BENCH_WEB_ROUTES=name,… measures only those routes (and skips the page loads).
import { spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import {
  closeContext,
  createSource,
  DEMO_PASSWORD,
  importIncidents,
  openContext,
  organisations as listOrgs,
  refreshOrganisationObligations,
  seedDemo,
  type AppContext,
} from '@civic/app';
import { seededRandom, type CurrencyCode, type ReceiptContent } from '@civic/core';
import { freshStore, insertReceipts, inTransaction, type NewReceipt } from '@civic/store';
import autocannon from 'autocannon';
import { chromium, type Browser } from 'playwright-core';
import { cpuBetween, readLoopDelay, serverCpuSeconds, startServer } from './abuse-server.ts';
import { summariseProfile } from './cpuprofile-summary.ts';
import { generateCsv, organisations as benchOrgs } from './incidents-data.ts';
import { note, percentile, report, timed } from './lib.ts';
import { keepSeed, restoreSeed } from './seed-cache.ts';

const N = Number(process.env['CIVIC_BENCH_WEB_ROWS'] ?? 1_000_000);
const SECONDS = Number(process.env['CIVIC_BENCH_WEB_SECONDS'] ?? 12);
const RATE = 200;
/** The unmeasured steady load on the session route before the first measured route (seconds). */
const WARM_SECONDS = 3;
const CHROMIUM = '/usr/bin/chromium';
/** Only these routes (comma-separated names, e.g. obligations_list), and no page loads. */
const ROUTES = process.env['CIVIC_BENCH_WEB_ROUTES']?.split(',');
/** A folder where each dialect's seeded database is kept between runs (bench/seed-cache.ts). */
const SEEDS = process.env['CIVIC_BENCH_SEEDS'];
/** Bump when the seeding changes: kept seeds of another version are not used. */
const SEED_VERSION = 1;
/** A folder: each server process's CPU profile of each route's steady run, summarised on stderr. */
const PROFILE_DIR = process.env['CIVIC_BENCH_WEB_PROFILE'];
const root = resolve(import.meta.dirname, '..');
const webDir = join(root, 'packages/web');
const dist = join(webDir, 'dist');
const pgUrl = process.env['CIVIC_BENCH_PG_URL'] ?? process.env['CIVIC_TEST_PG_URL'];
if (pgUrl && !process.env['CIVIC_TEST_PG_URL']) process.env['CIVIC_TEST_PG_URL'] = pgUrl;
const DIALECTS = (pgUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)).filter(
  (d) => !process.env['CIVIC_BENCH_DIALECTS'] || process.env['CIVIC_BENCH_DIALECTS'].split(',').includes(d),
);
/** The database the figures being taken are of (none for the JavaScript bundle's size). */
let dialect: 'sqlite' | 'postgres' | undefined;
const load = () => ({ loadavg: loadavg().map((x) => Number(x.toFixed(2))) });
const out = (metric: string, value: number, unit: string, extra: Record<string, unknown> = {}) =>
  report('web', metric, value, unit, { ...(dialect ? { dialect } : {}), ...extra, ...load() });

// ---- the first page's JavaScript -------------------------------------------------------------

function newestMtime(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** Builds the web app when it is missing or older than its sources. */
function ensureWebBuild(): void {
  const index = join(dist, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(webDir, 'src'))) return;
  note('building the web app (vite build)');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: webDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('vite build failed');
}

const gzipped = (file: string): number => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** The entry script and its modulepreloads (what index.html makes every first visit load). */
function entryScripts(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((t) => t.startsWith('<script') || /rel="modulepreload"/.test(t));
  return tags.map((t) => /(?:src|href)="\/?([^"]+\.js)"/.exec(t)?.[1] ?? '').filter((f) => f !== '');
}

// ---- the database ---------------------------------------------------------------------------

async function seedReceipts(ctx: AppContext, orgId: string, n: number): Promise<void> {
  const source = await createSource(ctx, orgId, {
    name: 'Bench Foundation',
    category: 'foreign-organisation',
    country: 'NL',
  });
  if (!source.ok) throw new Error(source.error.message);
  const r = seededRandom(6);
  const start = Date.UTC(2012, 0, 1);
  const now = new Date().toISOString();
  await inTransaction(ctx.store, async (tx) => {
    const chunk = 50_000;
    for (let i = 0; i < n; i += chunk) {
      const rows: NewReceipt[] = [];
      for (let k = i; k < Math.min(n, i + chunk); k++) {
        const day = new Date(start + Math.floor((k / n) * 12 * 365) * 86_400_000).toISOString().slice(0, 10);
        const minor = BigInt(100_00 + r.int(5_000_000_00));
        const content: ReceiptContent = { kind: 'money', amount: { minor, currency: 'KZT' as CurrencyCode } };
        rows.push({
          id: `rcp_bench_${k}`,
          organisationId: orgId,
          sourceId: source.value.id,
          grantId: null,
          accountId: null,
          bankLine: null,
          receivedOn: day,
          content,
          kzt: { status: 'official', kzt: minor, rate: null, note: null },
          description: `bench receipt ${k}`,
          createdAt: now,
        });
      }
      await insertReceipts(tx.db, rows);
    }
  });
}

// ---- the server -----------------------------------------------------------------------------

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** The paced run's requests over the target (50 ms): seconds into the run, latency, path. */
  slow?: { at: number; ms: number; path: string }[];
  /** When the paced run began (wall clock, to set beside the database's log). */
  startedAt?: Date;
}

/** How many of the slow requests fell in each second of the run. */
const perSecond = (slow: readonly { at: number }[]): number[] => {
  const counts = Array.from({ length: Math.max(1, Math.ceil(SECONDS)) }, () => 0);
  for (const x of slow) {
    const k = Math.min(counts.length - 1, Math.max(0, Math.floor(x.at)));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
};

/** How many of the slow requests asked each path, most first. */
const byPath = (slow: readonly { path: string }[]): string => {
  const counts = new Map<string, number>();
  for (const x of slow) counts.set(x.path, (counts.get(x.path) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([path, n]) => `${path} ${String(n)}`)
    .join(', ');
};

/** A steady RATE requests/s for SECONDS over the given paths in turn. */
async function latency(baseUrl: string, cookie: string, paths: readonly string[]): Promise<Latency> {
  let i = 0;
  const times: number[] = [];
  const instance = autocannon({
    url: baseUrl,
    connections: 20,
    overallRate: RATE,
    duration: SECONDS,
    headers: { cookie, accept: 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? '/' }) }],
  });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  const p = (q: number) => Number(percentile(times, q).toFixed(2));
  return {
    p50: p(50),
    p95: p(95),
    p99: p(99),
    max: Number(Math.max(0, ...times).toFixed(2)),
    rps: Number((result.requests.total / SECONDS).toFixed(1)),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * An open-loop load of exactly RATE requests/s, evenly spaced (one every 1000/RATE ms) for SECONDS,
 * over keep-alive sockets; each latency counts from the moment the request was due, so a server
 * (or client) falling behind shows in the figures. autocannon's `overallRate` instead releases each
 * second's requests at once from every connection (a burst of RATE at each tick), which measures
 * how fast a burst drains rather than latency at a steady rate: both are reported.
 */
async function pacedLatency(
  baseUrl: string,
  cookie: string,
  paths: readonly string[],
  seconds = SECONDS,
): Promise<Latency> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(RATE * seconds);
  const times: number[] = [];
  const slow: { at: number; ms: number; path: string }[] = [];
  let errors = 0;
  let non2xx = 0;
  const start = performance.now() + 50;
  const startedAt = new Date(Date.now() + 50);
  const one = (i: number) =>
    new Promise<void>((done) => {
      const due = start + (i * 1000) / RATE;
      const path = paths[i % paths.length] ?? '/';
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path,
          agent,
          headers: { cookie, accept: 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const ms = performance.now() - due;
            times.push(ms);
            if (ms > 50) slow.push({ at: (due - start) / 1000, ms, path });
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx++;
            done();
          });
        },
      );
      req.on('error', () => {
        errors++;
        done();
      });
      req.end();
    });
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / RATE - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(one(i));
  }
  await Promise.all(pending);
  agent.destroy();
  const p = (q: number) => Number(percentile(times, q).toFixed(2));
  return {
    p50: p(50),
    p95: p(95),
    p99: p(99),
    max: Number(Math.max(0, ...times).toFixed(2)),
    rps: Number((total / seconds).toFixed(1)),
    requests: total,
    errors,
    non2xx,
    slow,
    startedAt,
  };
}

/** Waits until the server answers a small request quickly again (the previous load has drained). */
async function untilIdle(baseUrl: string, cookie: string): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    try {
      await (
        await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) })
      ).text();
    } catch {
      note('the server does not answer (it may have stopped)');
      return;
    }
    if (performance.now() - t0 < 100) return;
  }
  note('the server is still busy after 120 s');
}

// ---- the browser ----------------------------------------------------------------------------

interface PageLoad {
  wallMs: number;
  loadEventMs: number;
  fcpMs: number;
  js: Set<string>;
}

async function loadPage(
  browser: Browser,
  url: string,
  visible: string,
  cookies: { name: string; value: string }[],
  baseUrl: string,
): Promise<PageLoad> {
  const context = await browser.newContext();
  if (cookies.length > 0) await context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })));
  const page = await context.newPage();
  const js = new Set<string>();
  page.on('response', (r) => {
    const m = /\/(assets\/[^?]+\.js)$/.exec(r.url());
    if (m?.[1]) js.add(m[1]);
  });
  try {
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.locator(visible).first().waitFor({ state: 'visible', timeout: 120_000 });
    const wallMs = performance.now() - t0;
    const timing = await page.evaluate(() => {
      const nav = window.performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      const fcp = window.performance.getEntriesByName('first-contentful-paint')[0];
      return { load: nav ? nav.loadEventEnd - nav.startTime : -1, fcp: fcp ? fcp.startTime : -1 };
    });
    return { wallMs, loadEventMs: timing.load, fcpMs: timing.fcp, js };
  } finally {
    await context.close();
  }
}

async function browserLoads(
  baseUrl: string,
  cookies: { name: string; value: string }[],
  dashboardPath: string,
): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const pages = [
      { name: 'login', url: `${baseUrl}/login`, visible: 'input[name=email]', cookies: [] },
      { name: 'dashboard', url: `${baseUrl}${dashboardPath}`, visible: '[data-testid=page-title]', cookies },
    ];
    for (const p of pages) {
      const runs: PageLoad[] = [];
      for (let k = 0; k < 6; k++) {
        const l = await loadPage(browser, p.url, p.visible, p.cookies, baseUrl);
        if (k > 0) runs.push(l); // the first load warms the browser itself
      }
      const med = (f: (l: PageLoad) => number) => Number(percentile(runs.map(f), 50).toFixed(1));
      const files = [...(runs[0]?.js ?? [])].sort();
      const jsBytes = files.reduce((s, f) => s + gzipped(f), 0);
      note(
        `${p.name}: load event ${med((l) => l.loadEventMs)} ms, first paint ${med((l) => l.fcpMs)} ms, content visible ${med((l) => l.wallMs)} ms; JS ${(jsBytes / 1024).toFixed(1)} KB gzipped in ${files.length} files`,
      );
      out(
        `${p.name}_page_load_event`,
        med((l) => l.loadEventMs),
        'ms',
        { runs: runs.length, stat: 'median', target: 1000 },
      );
      out(
        `${p.name}_page_first_contentful_paint`,
        med((l) => l.fcpMs),
        'ms',
        { runs: runs.length, stat: 'median', target: 1000 },
      );
      out(
        `${p.name}_page_content_visible`,
        med((l) => l.wallMs),
        'ms',
        { runs: runs.length, stat: 'median', selector: p.visible, target: 1000 },
      );
      out(`${p.name}_page_js_gzip_loaded`, jsBytes / 1024, 'KB', { files, target: 300 });
    }
  } finally {
    await browser.close();
  }
}

/** Where each server process's time went in a window (when profiling). */
async function printProfiles(
  windows: readonly { pid: number; role: string }[],
  reading: number,
): Promise<void> {
  if (!PROFILE_DIR) return;
  for (const w of windows) {
    if (w.role !== 'server') continue;
    const file = join(PROFILE_DIR, `${w.pid}-${reading}.cpuprofile`);
    // The profile is written just after the reading that stopped it.
    for (let waited = 0; waited < 5000 && !existsSync(file); waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    try {
      const s = summariseProfile(file, 15);
      note(`  profile of ${w.pid}: ${s.totalMs} ms`);
      note(`    by place: ${s.places.map((p) => `${p.name} ${p.ms}`).join(', ')}`);
      note(`    by function: ${s.functions.map((p) => `${p.name} ${p.ms}`).join(', ')}`);
    } catch {
      note(`  no profile from ${w.pid} for window ${reading}`);
    }
  }
}

// ---- the run --------------------------------------------------------------------------------

ensureWebBuild();
const entry = entryScripts();
const entryBytes = entry.reduce((s, f) => s + gzipped(f), 0);
for (const f of entry) note(`${f}: ${(gzipped(f) / 1024).toFixed(1)} KB gzipped`);
out('first_page_js_gzip', entryBytes / 1024, 'KB', {
  files: entry,
  source: 'index.html script + modulepreload',
  target: 300,
});

if (!pgUrl) note('PostgreSQL skipped: set CIVIC_BENCH_PG_URL');
for (const d of DIALECTS) {
  dialect = d;
  note(`dialect: ${d}`);
  await run(d);
}

/** Every database figure on one dialect: its own new database, seeded the same way, and its own server. */
async function run(d: 'sqlite' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'civic-web-bench-'));
  // PostgreSQL: a new database (migrated), dropped at the end; its connection closed at once.
  const pgStore = d === 'postgres' ? await freshStore('postgres') : undefined;
  if (pgStore) await pgStore.db.destroy();
  const dbFile = pgStore ? pgStore.url : join(dir, 'bench.db');
  let server: ChildProcess | undefined;
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  try {
    const seedKey = { bench: 'web', dialect: d, scale: N, version: SEED_VERSION };
    const kept = SEEDS
      ? await restoreSeed<{ echo: string; other: string }>(SEEDS, seedKey, dbFile)
      : undefined;
    if (kept) note(`${d}: the kept seed of ${String(N)} receipts and incidents (CIVIC_BENCH_SEEDS)`);
    const { echo, other } = kept ?? (await seedDatabase(dbFile));
    if (!kept && SEEDS) await keepSeed(SEEDS, seedKey, dbFile, { echo, other });

    // As `npm start` runs by default: one process per core.
    const started = await startServer(dir, availableParallelism(), PROFILE_DIR, dbFile);
    server = started.child;
    const baseUrl = `http://127.0.0.1:${started.port}`;
    let reading = 0;
    await readLoopDelay(started, ++reading); // starts the first profiles (when profiling)
    const login = await fetch(`${baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.civicledger.org', password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const cookies = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .filter((c) => c.includes('='))
      .map((c) => ({ name: c.slice(0, c.indexOf('=')), value: c.slice(c.indexOf('=') + 1) }));
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');

    const weeks = Array.from({ length: 50 }, (_, k) =>
      new Date(Date.UTC(2013, 0, 7) + k * 7 * 86_400_000 * 11).toISOString().slice(0, 10),
    );
    const plusDays = (d: string, n: number) =>
      new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);
    const org = `/api/v1/orgs/${echo}`;
    // Each process keeps the last 64 search pages while no incident changes (both dialects): each
    // search below is asked with 20 page sizes around 50 (41–60), so its 80 or 160 distinct
    // questions, asked in turn, never find a kept page. The figures are the search itself.
    const missingLimits = Array.from({ length: 20 }, (_, k) => 41 + k);
    const routes: Record<string, string[]> = {
      ledger_receipts_first_page: [`${org}/ledger/receipts?limit=50`],
      ledger_receipts_week: weeks.map(
        (d) => `${org}/ledger/receipts?from=${d}&to=${plusDays(d, 6)}&limit=50`,
      ),
      incidents_first_page: ['/api/v1/incidents?limit=50'],
      incidents_search: [
        'grant',
        'protocol',
        'отчёт',
        'мониторинг',
        'election',
        'журналист',
        'audit',
        'жалоба',
      ].flatMap((q) => missingLimits.map((n) => `/api/v1/incidents?q=${encodeURIComponent(q)}&limit=${n}`)),
      incidents_filter: ['fine', 'notice', 'inspection', 'protocol'].map(
        (a) => `/api/v1/incidents?action=${a}&from=2018-01-01&to=2021-12-31&limit=50`,
      ),
      incidents_search_and_filter: ['grant', 'отчёт', 'audit', 'журналист'].flatMap((q) =>
        missingLimits.map(
          (n) =>
            `/api/v1/incidents?q=${encodeURIComponent(q)}&place=Almaty&from=2015-01-01&to=2024-12-31&limit=${n}`,
        ),
      ),
      cases_list: [`${org}/cases`, '/api/v1/cases'],
      obligations_list_demo_ledger: [`/api/v1/orgs/${other}/obligations`],
      // Echo's obligations are stored once after the seed (as an import does), then read from the
      // stored rows (the first request, reported apart), and from a cache until the ledger changes.
      obligations_list: [
        `${org}/obligations?limit=50`,
        `${org}/obligations?status=missed&limit=50&offset=5000`,
        `${org}/obligations?status=due,missed&limit=8`,
        `${org}/obligations?dueFrom=2020-11-01&dueTo=2020-11-30&limit=1000&fields=calendar`,
      ],
    };
    const measureRoutes = async (routes: Record<string, string[]>) => {
      for (const [name, paths] of Object.entries(routes)) {
        await untilIdle(baseUrl, cookie);
        const first = performance.now();
        const cold = await fetch(`${baseUrl}${paths[0] ?? '/'}`, {
          headers: { cookie },
          signal: AbortSignal.timeout(300_000),
        }).then(
          async (r) => (await r.text(), r.status),
          () => 0,
        );
        const coldMs = performance.now() - first;
        note(`${name}: first request ${coldMs.toFixed(0)} ms (status ${cold})`);
        out(`${name}_first_request`, Number(coldMs.toFixed(1)), 'ms', {
          rows: N,
          status: cold,
          note: 'the first request after the server starts (caches cold)',
        });
        // The server runs one process per core, each with its own caches: warm every process on
        // every path (requests go round-robin) before timing single requests.
        for (let k = 0; k < 4; k++) {
          for (const p of paths) {
            await fetch(`${baseUrl}${p}`, { headers: { cookie }, signal: AbortSignal.timeout(300_000) }).then(
              (r) => r.text(),
              () => '',
            );
          }
        }
        const single: number[] = [];
        for (const p of paths.slice(0, 4)) {
          const t0 = performance.now();
          try {
            const r = await fetch(`${baseUrl}${p}`, {
              headers: { cookie },
              signal: AbortSignal.timeout(60_000),
            }); // warm up, and check the route answers
            const body = await r.text();
            single.push(performance.now() - t0);
            if (r.status !== 200) note(`${name}: ${p} answered ${r.status}: ${body.slice(0, 200)}`);
          } catch {
            single.push(performance.now() - t0);
            note(`${name}: ${p} gave no answer within 60 s`);
            break;
          }
        }
        note(`${name}: alone ${single.map((t) => t.toFixed(0)).join(', ')} ms`);
        if (SECONDS <= 0) continue;
        const alone = Math.max(...single);
        if (alone > 2000) {
          // At 200 req/s the queue would grow for minutes: report the single request, not a load run.
          note(`${name}: skipped the load run, one request alone takes ${alone.toFixed(0)} ms`);
          out(`${name}_p99`, alone, 'ms', {
            rate: RATE,
            rows: N,
            skipped: 'one request alone exceeds 2000 ms; no load run',
            target: 50,
          });
          continue;
        }
        await readLoopDelay(started, ++reading); // a profile of this run alone
        const cpuBefore = serverCpuSeconds(started.child.pid ?? 0);
        const paced = await pacedLatency(baseUrl, cookie, paths);
        const cpu = cpuBetween(cpuBefore, serverCpuSeconds(started.child.pid ?? 0));
        const windows = await readLoopDelay(started, ++reading);
        const cpuMs = Number(((cpu.total * 1000) / paced.requests).toFixed(2));
        note(`${name}: server CPU ${cpu.total} s (${cpu.processes.join(' + ')}), ${cpuMs} ms per request`);
        out(`${name}_server_cpu_per_request`, cpuMs, 'ms', {
          rate: RATE,
          seconds: SECONDS,
          rows: N,
          requests: paced.requests,
          cpuSeconds: cpu.total,
          processes: cpu.processes,
          note: "user + system time of the server's processes during the steady run",
        });
        await printProfiles(windows, reading);
        note(
          `${name}: steady ${RATE}/s: p50 ${paced.p50} ms, p95 ${paced.p95} ms, p99 ${paced.p99} ms, ${paced.requests} requests, ${paced.non2xx} non-2xx, ${paced.errors} errors`,
        );
        // Where a high p99 comes from: the server processes' longest event-loop stall in the run,
        // and when the slow requests came (a burst at one moment is a stall, not a slow route).
        note(
          `${name}: event-loop delay max ${windows.map((w) => `${w.role} ${w.max} ms`).join(', ')}; ${String(paced.slow?.length ?? 0)} requests over 50 ms in the run from ${paced.startedAt?.toISOString().slice(11, 23) ?? '?'}${(
            paced.slow ?? []
          )
            .slice(0, 6)
            .map((x) => ` · ${x.at.toFixed(2)} s ${x.ms.toFixed(0)} ms`)
            .join(
              '',
            )}; by second ${perSecond(paced.slow ?? []).join(' ')}; by path ${byPath(paced.slow ?? [])}`,
        );
        out(`${name}_p99`, paced.p99, 'ms', {
          rate: RATE,
          seconds: SECONDS,
          rows: N,
          load: 'steady (one request every 5 ms, open loop)',
          p50: paced.p50,
          p95: paced.p95,
          max: paced.max,
          requests: paced.requests,
          non2xx: paced.non2xx,
          errors: paced.errors,
          target: 50,
        });
        await untilIdle(baseUrl, cookie);
        const l = await latency(baseUrl, cookie, paths);
        note(
          `${name}: autocannon bursts: p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, ${l.rps} req/s, ${l.requests} requests, ${l.non2xx} non-2xx, ${l.errors} errors`,
        );
        out(`${name}_autocannon_p99`, l.p99, 'ms', {
          load: "autocannon overallRate (each second's requests released at once over 20 connections)",
          rate: RATE,
          seconds: SECONDS,
          rows: N,
          p50: l.p50,
          p95: l.p95,
          max: l.max,
          reqPerSecond: l.rps,
          requests: l.requests,
          non2xx: l.non2xx,
          errors: l.errors,
          target: 50,
        });
      }
    };
    // A new server process's first busy seconds (its request path compiled, its connections'
    // first statements) fell on whichever route was measured first: the process serves 3 s of
    // the session route (`/api/v1/me`, read by every request) at the same rate first, unmeasured.
    // No measured route is asked, so each route's first request is still its first.
    if (SECONDS > 0) await pacedLatency(baseUrl, cookie, ['/api/v1/me'], WARM_SECONDS);
    await measureRoutes(
      ROUTES ? Object.fromEntries(Object.entries(routes).filter(([name]) => ROUTES.includes(name))) : routes,
    );
    await untilIdle(baseUrl, cookie);
    // The dashboard of Echo, whose ledger holds the million receipts (and the monitor's incidents).
    if (ROUTES) note('page loads skipped: CIVIC_BENCH_WEB_ROUTES names the routes to measure');
    else if (existsSync(CHROMIUM))
      await browserLoads(baseUrl, cookies, `/orgs/${encodeURIComponent(echo)}/dashboard`);
    else note(`page loads skipped: no browser at ${CHROMIUM}`);
  } finally {
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((res) => server?.once('exit', res));
    rmSync(dir, { recursive: true, force: true });
    if (pgStore) await dropDatabase(pgStore.url);
  }
}

/** Seeds a new database: the demo data, N receipts for Echo (its obligations stored), N incidents. */
async function seedDatabase(dbFile: string): Promise<{ echo: string; other: string }> {
  const ctx = await openContext(dbFile);
  let echo = '';
  let other = '';
  try {
    await seedDemo(ctx);
    echo = (await listOrgs(ctx)).find((o) => o.name === 'Echo')?.id ?? '';
    other = (await listOrgs(ctx)).find((o) => o.id !== echo)?.id ?? '';
    if (!echo || !other) throw new Error('no demo organisation Echo');
    note(`inserting ${N} receipts for Echo`);
    const rec = await timed(() => seedReceipts(ctx, echo, N));
    note(`  ${rec.seconds.toFixed(1)} s`);
    // What an import does after it commits: the organisation's obligations derived and stored once.
    const stored = await timed(() => refreshOrganisationObligations(ctx, echo));
    if (!stored.result.ok) throw new Error(stored.result.error.message);
    note(`  obligations stored in ${stored.seconds.toFixed(1)} s`);
    note(`generating and importing ${N} incidents`);
    const csv = generateCsv(N, seededRandom(5), benchOrgs(seededRandom(5)));
    const inc = await timed(() => importIncidents(ctx, { bytes: csv, fileName: 'bench.csv' }));
    if (!inc.result.ok) throw new Error(inc.result.error.message);
    note(`  ${inc.seconds.toFixed(1)} s`);
    out('setup_rows', N, 'rows', {
      receiptsSeconds: Number(rec.seconds.toFixed(1)),
      incidentsSeconds: Number(inc.seconds.toFixed(1)),
    });
  } finally {
    await closeContext(ctx);
  }
  return { echo, other };
}

async function dropDatabase(url: string): Promise<void> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)}`);
  await c.end();
}
