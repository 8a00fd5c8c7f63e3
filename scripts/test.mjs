#!/usr/bin/env node
// `npm test`: everything the tests need, started here, then every test.
//  1. installs missing Debian packages the tests use (PostgreSQL server, poppler-utils for
//     pdftotext, Chromium for the browser journeys), saying what it installed;
//  2. starts a throwaway PostgreSQL cluster on a free loopback port (removed afterwards);
//  3. runs the formatter check (prettier), the type check, the linter, the unit/store/HTTP tests (Vitest) and the browser journeys.
// Prints a closing line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages } from './lib/system.mjs';

const say = (m) => console.log(`[npm test] ${m}`);
const root = new URL('..', import.meta.url).pathname;

function run(cmd, args, opts = {}) {
  say(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd: root,
    ...opts,
    env: { ...process.env, ...(opts.env ?? {}) },
  });
  return r.status ?? 1;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function pgBin(name) {
  const dirs = existsSync('/usr/lib/postgresql') ? readdir('/usr/lib/postgresql') : [];
  for (const v of dirs.sort().reverse()) {
    const p = `/usr/lib/postgresql/${v}/bin/${name}`;
    if (existsSync(p)) return p;
  }
  return name;
}
function readdir(d) {
  const r = spawnSync('ls', [d], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

async function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'civic-pg-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const wrap = (args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0], args.slice(1)]);
  if (asRoot) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const [c1, a1] = wrap([
    pgBin('initdb'),
    '-D',
    join(dir, 'data'),
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  let r = spawnSync(c1, a1, { stdio: 'pipe', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr}`);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const [c2, a2] = wrap([
    pgBin('pg_ctl'),
    '-D',
    join(dir, 'data'),
    '-o',
    opts,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  r = spawnSync(c2, a2, { stdio: 'pipe', encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(
      `pg_ctl start failed: ${r.stderr}\n${existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : ''}`,
    );
  say(`started a throwaway PostgreSQL server on 127.0.0.1:${port} (data in ${dir}, removed at the end)`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      const [c3, a3] = wrap([pgBin('pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      spawnSync(c3, a3, { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
      say('stopped PostgreSQL and removed its data');
    },
  };
}
function uidOf(user) {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}
function gidOf(user) {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}

async function main() {
  ensureDebianPackages(
    [
      { bin: pgBin('initdb'), pkg: 'postgresql', why: 'a real PostgreSQL server for the store tests' },
      { bin: 'pdftotext', pkg: 'poppler-utils', why: 'pdftotext reads the PDFs the tests render' },
      { bin: '/usr/bin/chromium', pkg: 'chromium', why: 'Chromium for the browser journeys' },
      { bin: 'ledger', pkg: 'ledger', why: 'ledger-cli, which checks the exported journal balances' },
      { bin: 'hledger', pkg: 'hledger', why: 'hledger, which checks the exported journal balances' },
      {
        bin: 'bean-check',
        pkg: 'beancount',
        why: "beancount's checker, which checks the exported journal balances",
      },
    ],
    say,
  );
  const pgServer = await startPostgres();
  const env = { CIVIC_TEST_PG_URL: pgServer.url, CIVIC_TEST_DIALECTS: 'sqlite,postgres' };
  const results = { passed: 0, failed: 0 };
  let status = 0;
  try {
    status |= run('npx', ['prettier', '--check', '.', '--log-level=warn']);
    status |= run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
    status |= run('npx', ['eslint', '.', '--max-warnings=0']);
    const report = join(tmpdir(), `civic-vitest-${process.pid}.json`);
    status |= run(
      'npx',
      ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      { env },
    );
    count(report, results);
    if (existsSync(join(root, 'e2e', 'vitest.config.ts'))) {
      const e2eReport = join(tmpdir(), `civic-e2e-${process.pid}.json`);
      status |= run(
        'npx',
        [
          'vitest',
          'run',
          '-c',
          'e2e/vitest.config.ts',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${e2eReport}`,
        ],
        { env },
      );
      count(e2eReport, results);
    }
  } finally {
    pgServer.stop();
  }
  if (status !== 0 && results.failed === 0)
    say('a check other than the tests failed (type check, lint or a test file that did not load): see above');
  console.log(`tests: ${results.passed} passed, ${results.failed} failed`);
  process.exit(status === 0 ? 0 : 1);
}

function count(file, results) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  results.passed += j.numPassedTests ?? 0;
  // A failed test counts once; a test file counts only when it failed with no failed test in it
  // (it did not load). Vitest's numFailedTestSuites also counts each describe block around a
  // failed test, which would count one failure three times.
  const unloaded = (j.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  results.failed += (j.numFailedTests ?? 0) + unloaded;
  rmSync(file, { force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
