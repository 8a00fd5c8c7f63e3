// The abuse bench's view of the server it attacks (bench/abuse.bench.ts): starting it, its
// processes' memory, their event-loop delay (bench/loop-delay-preload.ts) and the health probe
// running in a process of its own (bench/health-probe.mjs).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

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

export interface BenchServer {
  readonly child: ChildProcess;
  readonly port: number;
  /** Where the processes write their event-loop readings. */
  readonly loopDir: string;
}

/**
 * `npm start`'s entry point with `processes` processes, each measuring its event loop, on the given
 * database (default: a fresh SQLite file in `dir`).
 */
export async function startServer(
  dir: string,
  processes: number,
  profileDir?: string,
  databaseUrl = join(dir, 'abuse.db'),
): Promise<BenchServer> {
  const port = await freePort();
  const loopDir = join(dir, 'loop');
  mkdirSync(loopDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      // The V8 flags `npm start` gives the server.
      ...(JSON.parse(readFileSync(join(root, 'scripts/server-node-flags.json'), 'utf8')) as string[]),
      '--import',
      'tsx',
      '--import',
      join(root, 'bench/loop-delay-preload.ts'),
      join(root, 'packages/server/src/main.ts'),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        // The line waited for is the English one (start-report.ts).
        CIVIC_LANG: 'en',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        WEB_CONCURRENCY: String(processes),
        NODE_ENV: 'production',
        CIVIC_BENCH_LOOP_DIR: loopDir,
        ...(profileDir ? { CIVIC_BENCH_ABUSE_PROFILE: profileDir } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((res, rej) => {
    let text = '';
    const onData = (d: Buffer): void => {
      text += d.toString();
      if (!text.includes('is serving')) return;
      // From here on the server logs a line per request: drop them unread. Kept, the text grew by
      // every line and was searched again on each chunk, so this process (which shares the cores
      // with the server) cost more CPU the longer a run went on.
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      res();
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => rej(new Error(`server exited with ${code}: ${text}`)));
  });
  return { child, port, loopDir };
}

/** The server's processes: the primary and its children. */
export function serverPids(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return [pid, ...children];
  } catch {
    return [pid];
  }
}

/** Resident memory (MB) of the server: the primary and its worker processes. */
export function serverRssMb(pid: number): number {
  const rss = (p: number): number => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  return serverPids(pid).reduce((sum, p) => sum + rss(p), 0);
}

/**
 * CPU seconds (user + system, every thread) each server process has used so far, from
 * /proc/PID/stat (clock ticks of 10 ms).
 */
export function serverCpuSeconds(pid: number): { pid: number; seconds: number }[] {
  return serverPids(pid).map((p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return { pid: p, seconds: (Number(fields[11]) + Number(fields[12])) / 100 };
    } catch {
      return { pid: p, seconds: 0 };
    }
  });
}

/** The CPU seconds used between two readings of {@link serverCpuSeconds}, per process and in all. */
export function cpuBetween(
  before: { pid: number; seconds: number }[],
  after: { pid: number; seconds: number }[],
): { total: number; processes: number[] } {
  const processes = after.map((a) => {
    const b = before.find((x) => x.pid === a.pid)?.seconds ?? 0;
    return Number((a.seconds - b).toFixed(2));
  });
  return { total: Number(processes.reduce((x, y) => x + y, 0).toFixed(2)), processes };
}

export interface LoopReading {
  readonly pid: number;
  readonly role: 'primary' | 'server';
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly samples: number;
}

/**
 * Each server process's event-loop delay since the previous reading (the first reading covers the
 * start): asks every process (SIGUSR2) and waits for their answers.
 */
export async function readLoopDelay(server: BenchServer, reading: number): Promise<LoopReading[]> {
  const pids = serverPids(server.child.pid ?? 0);
  for (const p of pids) process.kill(p, 'SIGUSR2');
  const files = pids.map((p) => join(server.loopDir, `${p}-${reading}.json`));
  for (let waited = 0; waited < 5000 && !files.every((f) => existsSync(f)); waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  const readings: LoopReading[] = [];
  for (const f of files) {
    try {
      readings.push(JSON.parse(readFileSync(f, 'utf8')) as LoopReading);
    } catch {
      // a process that did not answer (still writing, or ended): no reading from it
    }
  }
  return readings;
}

/**
 * Starts reading the health route every 20 ms from a process of its own; resolves once it reads.
 * `stop()` ends it: the latencies (ms) of its 200 answers and how many failed.
 */
export async function startHealthProbe(
  port: number,
): Promise<{ stop(): Promise<{ ms: number[]; failed: number }> }> {
  const probe = spawn(process.execPath, [join(root, 'bench/health-probe.mjs'), String(port)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: unknown[] = [];
  let wake: () => void = () => {};
  probe.on('message', (m) => {
    messages.push(m);
    wake();
  });
  const next = async (): Promise<unknown> => {
    while (messages.length === 0) await new Promise<void>((r) => (wake = r));
    return messages.shift();
  };
  await next(); // "ready"
  return {
    async stop() {
      probe.send('stop');
      const result = (await next()) as { ms: number[]; failed: number };
      await new Promise((r) => (probe.exitCode !== null ? r(null) : probe.once('exit', r)));
      return result;
    },
  };
}
