import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

// Test support: a real server process (the bundle `npm ci` builds) on a port of its own, for the
// tests where several processes share one PostgreSQL database (two-servers, lock-two-servers).
const root = resolve(import.meta.dirname, '../../..');

const freePort = () =>
  new Promise<number>((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });

export interface ServerProcess {
  readonly base: string;
  readonly child: ChildProcess;
  output(): string;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts one server process (WEB_CONCURRENCY=1) on `databaseUrl`; resolves once its output shows `waitFor`. */
export async function startServerProcess(
  databaseUrl: string,
  waitFor: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(root, 'packages/server/dist/bundle/server.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      WEB_CONCURRENCY: '1',
      NOTIFY_INTERVAL_SECONDS: '0',
      // The lines waited for are the English ones (`npm start` speaks CIVIC_LANG, else LANG).
      CIVIC_LANG: 'en',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  await new Promise<void>((res, rej) => {
    const timer = setInterval(() => {
      if (out.includes(waitFor)) {
        clearInterval(timer);
        res();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      rej(new Error(`the server exited with ${String(code)}: ${out}`));
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
