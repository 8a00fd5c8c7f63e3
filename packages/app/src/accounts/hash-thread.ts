import { createRequire } from 'node:module';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * The niceness of the thread that computes password hashes (issue 12, the server under abuse).
 * An argon2id check takes tens of milliseconds of a core; at the event loop's own priority a burst
 * of sign-ins competes with every request for the cores (on a 2-core machine, the health route's
 * p99 rose past 100 ms). At 19 the kernel runs a hash only when nothing at normal priority wants the
 * core: requests are answered first, a sign-in waits (and the queue in front of it is short:
 * PasswordQueue answers AUTH_BUSY beyond it).
 */
export const HASH_THREAD_NICE = 19;

// The thread's code: CommonJS evaluated in the worker (the bundle has no file for it); argon2 is
// required from the absolute path resolved here. The thread lowers its own priority: on Linux a
// thread's niceness is its own, set through its thread id (/proc/thread-self).
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { readlinkSync } = require('node:fs');
const os = require('node:os');
const argon2 = require(workerData.argon2);
let tid = null;
let nice = null;
try {
  tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  os.setPriority(tid, workerData.nice);
  nice = os.getPriority(tid);
} catch {}
let running = 0;
let maxRunning = 0;
parentPort.on('message', (m) => {
  if (m.op === 'info') return parentPort.postMessage({ id: m.id, ok: true, value: { tid, nice, maxRunning } });
  running += 1;
  maxRunning = Math.max(maxRunning, running);
  try {
    const value = m.op === 'hash' ? argon2.hashSync(m.password) : argon2.verifySync(m.hash, m.password);
    parentPort.postMessage({ id: m.id, ok: true, value });
  } catch (e) {
    parentPort.postMessage({ id: m.id, ok: false, error: String((e && e.message) || e) });
  } finally {
    running -= 1;
  }
});
`;

type Request =
  { op: 'hash'; password: string } | { op: 'verify'; hash: string; password: string } | { op: 'info' };

/** What the hashing thread says of itself (tests read it). */
export interface HashThreadInfo {
  /** Its Linux thread id (null where /proc/thread-self is missing). */
  readonly tid: number | null;
  /** Its niceness as the kernel reports it (null where it could not be read). */
  readonly nice: number | null;
  /** The most hashes it ever computed at once: one, as it computes them one after another. */
  readonly maxRunning: number;
}

/**
 * One worker thread per process that computes every argon2id hash and verification, one at a
 * time, at {@link HASH_THREAD_NICE}. Started on first use; it holds the process open only while a
 * request is pending (a CLI command ends as soon as its work is done). A thread that dies fails
 * what was pending and is started again on the next request.
 */
class HashThread {
  private worker: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private start(): Worker {
    const argon2 = createRequire(import.meta.url).resolve('@node-rs/argon2');
    const worker = new Worker(THREAD, { eval: true, workerData: { argon2, nice: HASH_THREAD_NICE } });
    worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(m.error ?? 'hashing failed'));
    });
    const fail = (e: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the hashing thread ended (${code})`)));
    worker.unref();
    return worker;
  }

  request(r: Request): Promise<unknown> {
    this.worker ??= this.start();
    const worker = this.worker;
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...r, id });
    });
  }
}

const thread = new HashThread();

/** An argon2id PHC hash with the library's defaults, computed on the hashing thread. */
export async function hashOnThread(password: string): Promise<string> {
  return String(await thread.request({ op: 'hash', password }));
}

/** Whether `password` matches the PHC hash `hash`, computed on the hashing thread (a malformed hash: false). */
export async function verifyOnThread(hash: string, password: string): Promise<boolean> {
  return (await thread.request({ op: 'verify', hash, password }).catch(() => false)) === true;
}

/** The hashing thread's id, niceness and concurrency so far (starts it if needed). */
export async function hashThreadInfo(): Promise<HashThreadInfo> {
  return (await thread.request({ op: 'info' })) as HashThreadInfo;
}

/** This process's main thread's niceness, to compare with the hashing thread's. */
export const mainThreadNice = (): number => getPriority();
