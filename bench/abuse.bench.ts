// The server under abuse (issue 12, defects 9 and 10). Against the real server
// (packages/server/src/main.ts, one process per core as `npm start` runs it, a fresh SQLite file
// seeded with the demo data), while a client reads the health route every 20 ms:
// - oversized bodies, unauthenticated: 24 MB of nested brackets three at once to /api/v1/session,
//   three to a path that is no route, and one more streamed without a Content-Length;
// - a burst of 40 parallel wrong passwords for one account.
// Prints the health route's p50/p99 during the abuse (target p99 < 100 ms), how many of the 40
// passwords were checked (a 401 answer is a checked password, a 429 one refused before the check;
// target ≤ 5), how long the oversized bodies took to be refused, and the server's memory growth.
// `npm run bench -- abuse`. Every line carries the load average (others may be using the machine).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DEMO_ACCOUNTS } from '@civic/app';
import { note, percentile, report } from './lib.ts';

const root = resolve(import.meta.dirname, '..');
const BODY_MB = Number(process.env['CIVIC_BENCH_ABUSE_MB'] ?? 24);
// Which abuse to send: `bodies`, `logins` or both (default), to tell their costs apart.
const PARTS = process.env['CIVIC_BENCH_ABUSE_PARTS'] ?? 'bodies,logins';
// A folder for V8 CPU profiles of the server's processes (`--cpu-prof`), to see where their time goes.
const PROFILE_DIR = process.env['CIVIC_BENCH_ABUSE_PROFILE'];
const load = () => ({ loadavg: loadavg().map((x) => Number(x.toFixed(2))) });
const out = (metric: string, value: number, unit: string, extra: Record<string, unknown> = {}) =>
  report('abuse', metric, value, unit, { ...extra, ...load() });

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

async function startServer(
  databaseUrl: string,
  processes: number,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const profile = PROFILE_DIR
    ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR, '--cpu-prof-interval', '500']
    : [];
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', join(root, 'packages/server/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        WEB_CONCURRENCY: String(processes),
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((res, rej) => {
    let text = '';
    child.stdout?.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('is serving')) res();
    });
    child.once('exit', (code) => rej(new Error(`server exited with ${code}: ${text}`)));
  });
  return { child, port };
}

interface Answer {
  readonly status: number;
  readonly ms: number;
}

/** One request; a body as a string (sent with its length) or a number of 1 MB chunks streamed without one. */
function send(
  port: number,
  method: string,
  path: string,
  body?: string | { chunks: number },
): Promise<Answer> {
  return new Promise((resolve) => {
    const started = performance.now();
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (typeof body === 'string') headers['content-length'] = Buffer.byteLength(body);
    let done = false;
    const finish = (status: number) => {
      if (done) return;
      done = true;
      resolve({ status, ms: performance.now() - started });
    };
    const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => finish(res.statusCode ?? 0));
    });
    // The server may answer and close before the body is all written: that is what it should do.
    req.on('error', () => finish(0));
    if (body === undefined) req.end();
    else if (typeof body === 'string') req.end(body);
    else {
      const chunk = '['.repeat(1024 * 1024);
      let sent = 0;
      const more = (): void => {
        while (sent < body.chunks && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end();
      };
      more();
    }
  });
}

/** Resident memory (MB) of the server: the primary and its worker processes. */
function serverRssMb(pid: number): number {
  const rss = (p: number): number => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    children = [];
  }
  return [pid, ...children].reduce((sum, p) => sum + rss(p), 0);
}

// The health probe runs in its own thread, so that this process writing 24 MB bodies (which
// blocks its own event loop) does not count as the server's latency.
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const ms = []; let failed = 0; let running = true;
parentPort.on('message', () => { running = false; });
const once = () => new Promise((resolve) => {
  const t0 = performance.now();
  const req = http.get({ host: '127.0.0.1', port: workerData.port, path: '/api/v1/health', agent: false }, (res) => {
    res.resume();
    res.on('end', () => { if (res.statusCode === 200) ms.push(performance.now() - t0); else failed++; resolve(); });
  });
  req.on('error', () => { failed++; resolve(); });
});
(async () => {
  while (running) { await once(); await new Promise((r) => setTimeout(r, 20)); }
  parentPort.postMessage({ ms, failed });
})();
`;

/** Reads the health route every 20 ms (in a worker thread) until `stop` resolves; latencies in ms and failures. */
async function probeHealth(port: number, stop: Promise<unknown>): Promise<{ ms: number[]; failed: number }> {
  const worker = new Worker(PROBE, { eval: true, workerData: { port } });
  const result = new Promise<{ ms: number[]; failed: number }>((res) =>
    worker.once('message', (m: { ms: number[]; failed: number }) => res(m)),
  );
  await stop;
  worker.postMessage('stop');
  const r = await result;
  await worker.terminate();
  return r;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'civic-abuse-'));
  const processes = Math.max(1, Math.min(2, availableParallelism()));
  note(`starting the server (${processes} processes) on a fresh demo database`);
  const { child, port } = await startServer(join(dir, 'abuse.db'), processes);
  try {
    // Warm every process (a first request compiles the routes' schemas).
    for (let i = 0; i < 20; i++) await send(port, 'GET', '/api/v1/health');
    // …and the sign-in path (its first run in a process loads what it needs): 4 wrong passwords
    // for another account, well under the address limit.
    for (let i = 0; i < 4; i++)
      await send(
        port,
        'POST',
        '/api/v1/session',
        JSON.stringify({ email: 'warm-up@bench.test', password: 'wrong password' }),
      );
    const quiet = await probeHealth(port, new Promise((r) => setTimeout(r, 3000)));
    out('health_p99_quiet_ms', percentile(quiet.ms, 99), 'ms', { requests: quiet.ms.length });

    const pid = child.pid ?? 0;
    const rssBefore = serverRssMb(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, serverRssMb(pid))), 50);
    const brackets = '['.repeat(BODY_MB * 1024 * 1024);
    const email = DEMO_ACCOUNTS[0].email;
    note(`abusing: 6 × ${BODY_MB} MB bodies, 1 streamed, 40 parallel wrong passwords for ${email}`);
    const abuse = (async () => {
      const bodies = Promise.all(
        !PARTS.includes('bodies')
          ? []
          : [
              ...[0, 1, 2].map(() => send(port, 'POST', '/api/v1/session', brackets)),
              ...[0, 1, 2].map(() => send(port, 'POST', '/api/v1/no-such-route', brackets)),
              send(port, 'POST', '/api/v1/session', { chunks: BODY_MB }),
            ],
      );
      const logins = Promise.all(
        Array.from({ length: PARTS.includes('logins') ? 40 : 0 }, (_, i) =>
          send(port, 'POST', '/api/v1/session', JSON.stringify({ email, password: `wrong password ${i}` })),
        ),
      );
      return { bodies: await bodies, logins: await logins };
    })();
    const health = probeHealth(
      port,
      abuse.then(() => new Promise((r) => setTimeout(r, 500))),
    );
    const { bodies, logins } = await abuse;
    const during = await health;
    clearInterval(sampler);

    out('health_p50_under_abuse_ms', percentile(during.ms, 50), 'ms', { requests: during.ms.length });
    out('health_p99_under_abuse_ms', percentile(during.ms, 99), 'ms', {
      target: '< 100',
      requests: during.ms.length,
      failed: during.failed,
      max: Number(Math.max(...during.ms).toFixed(1)),
    });
    const checked = logins.filter((a) => a.status === 401).length;
    out('wrong_passwords_checked', checked, 'of 40', {
      target: '<= 5',
      refused429: logins.filter((a) => a.status === 429).length,
      other: logins.filter((a) => a.status !== 401 && a.status !== 429).map((a) => a.status),
    });
    out('oversized_body_answer_max_ms', Math.max(...bodies.map((b) => b.ms)), 'ms', {
      bodies: bodies.length,
      megabytes: BODY_MB,
      // 0: the server closed the connection while the body was still being sent (refused unread).
      statuses: bodies.map((b) => b.status),
    });
    out('server_rss_growth_mb', rssPeak - rssBefore, 'MB', { before: Number(rssBefore.toFixed(1)) });
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
