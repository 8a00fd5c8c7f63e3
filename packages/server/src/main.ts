import cluster, { type Worker } from 'node:cluster';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  atRestStatus,
  clearLockOnStart,
  closeContext,
  DEMO_ACCOUNTS,
  firstStartKey,
  OpenContextError,
  type AppContext,
  DEMO_PASSWORD,
  findUserByEmailView,
  openContext,
  organisations,
  parseBackupSchedule,
  parsePgPoolSize,
  parseSessionPolicy,
  passwordQueue,
  runScheduledBackup,
  seedDemo,
  tsaFromEnv,
} from '@civic/app';
import { buildServer } from './build-server.ts';
import { gatheredLog } from './http/gathered-log.ts';
import { HashSlots, servePrimarySlots, workerSlotGate, type SlotPeer } from './http/hash-slots.ts';
import { notifyIntervalSeconds, notifyWavesEnabled, startNotifyScheduler } from './notify-scheduler.ts';
import { parseTrustProxy } from './http/trust-proxy.ts';
import {
  keyAnnouncement,
  noWebLine,
  plainWarning,
  seededLine,
  seedingLine,
  servingLines,
  startLang,
  unlockedLine,
} from './start-report.ts';

// `npm start`: migrate, seed the demo data on first start, serve the API and the web app.
// PORT (default 8080), HOST (default 0.0.0.0) and DATABASE_URL (a SQLite file, default
// ./data/civicledger.db, or postgres://…) configure it; TRUST_PROXY=1 behind one TLS reverse proxy
// (the number of proxies, or their addresses: http/trust-proxy.ts).
// WEB_CONCURRENCY (default: the number of cores) is how many server processes share the port:
// one Node process uses one core. Every per-process cache checks the database before it answers
// (see docs/security.md) and the login throttle counts in the database, so they agree.
const port = Number(process.env['PORT'] ?? 8080);
const host = process.env['HOST'] ?? '0.0.0.0';
const root = repositoryRoot(import.meta.dirname);
const databaseUrl = process.env['DATABASE_URL'] ?? resolve(root, 'data/civicledger.db');
const processes = Math.max(
  1,
  Math.floor(Number(process.env['WEB_CONCURRENCY'] ?? availableParallelism())) || 1,
);
const webRoot = resolve(root, 'packages/web/dist');
const trustProxy = parseTrustProxy(process.env['TRUST_PROXY']);
const say = (line: string): boolean => process.stdout.write(`${line}\n`);
/** The language of the console text (start-report.ts): CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en. */
const lang = startLang(process.env);

/** Set once the instance is locked ("lock now"): no more scheduled work, no server process replaced. */
let instanceLocked = false;
let stopNotify: () => void = () => {};

/**
 * The instance was locked: forget the key this process was started with (a JS string cannot be
 * overwritten, but it is no longer reachable), stop the schedules, and tell the primary process.
 */
function onLocked(): void {
  instanceLocked = true;
  delete process.env['CIVIC_DB_KEY'];
  delete process.env['CIVIC_DB_KEY_FILE'];
  stopNotify();
  if (cluster.isWorker) process.send?.({ civic: 'locked' });
  process.stderr.write('CivicLedger is locked: restart it with the key to serve again.\n');
}

/** Serves on the port from this process until SIGINT/SIGTERM. */
async function serve(migrate: boolean): Promise<void> {
  if (cluster.isWorker)
    passwordQueue.setGate(
      workerSlotGate({
        send: (m) => process.send?.(m),
        on: (event, listener) => process.on(event, listener),
      }),
    );
  // SESSION_IDLE_MINUTES (default 30) and SESSION_MAX_HOURS (default 12): docs/security.md.
  const sessions = parseSessionPolicy(process.env);
  if (!sessions.ok) {
    process.stderr.write(`${sessions.error.code}: ${sessions.error.message}\n`);
    process.exit(2);
  }
  // PG_POOL_SIZE (default 4): the PostgreSQL connections this process opens at its start and keeps.
  const pool = parsePgPoolSize(process.env);
  if (!pool.ok) {
    process.stderr.write(`${pool.error.code}: ${pool.error.message}\n`);
    process.exit(2);
  }
  const ctx = await openContext(databaseUrl, { migrate, sessions: sessions.value, pool: pool.value });
  const app = await buildServer(ctx, {
    webRoot,
    // One JSON line per request and each unexpected error with its stack, on standard output
    // (gathered: a few writes a second, not one per request).
    logger: { level: process.env['LOG_LEVEL'] ?? 'info', stream: gatheredLog() },
    trustProxy,
    backupDir: process.env['BACKUP_DIR'],
    mail: {
      smtpUrl: process.env['SMTP_URL'],
      appUrl: process.env['APP_URL'],
      from: process.env['MAIL_FROM'],
    },
    tsa: tsaFromEnv(process.env),
    onLocked,
  });
  await app.listen({ port, host });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      void app
        .close()
        .then(() => closeContext(ctx))
        .then(() => process.exit(0));
    });
  }
}

/**
 * Scheduled backups (BACKUP_DIR and BACKUP_RECIPIENTS set; BACKUP_INTERVAL, BACKUP_KEEP): run by the
 * primary process only, so the server processes of one `npm start` make one backup between them;
 * a backup is made when the newest in BACKUP_DIR is older than the interval (checked every 10 min).
 */
function scheduleBackups(): void {
  const parsed = parseBackupSchedule(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error.code}: ${parsed.error.message} (${parsed.error.field ?? ''})\n`);
    process.exit(2);
  }
  const schedule = parsed.value;
  if (!schedule) return;
  const run = (): void => {
    if (instanceLocked) return;
    void runScheduledBackup(schedule, databaseUrl, new Date())
      .then((r) => {
        if (!r.ok) process.stderr.write(`scheduled backup failed: ${r.error.code}: ${r.error.message}\n`);
        else if (r.value) say(`backup written: ${r.value.file} (${r.value.bytes} bytes), verified`);
      })
      .catch((e: unknown) => process.stderr.write(`scheduled backup failed: ${String(e)}\n`));
  };
  run();
  setInterval(run, Math.min(schedule.intervalMs, 600_000)).unref();
}

/** The context of the primary process; an encrypted database without its key stops here, clearly. */
async function openPrimary(): Promise<AppContext> {
  try {
    return await openContext(databaseUrl);
  } catch (e) {
    if (!(e instanceof OpenContextError)) throw e;
    process.stderr.write(
      `CivicLedger cannot open ${databaseUrl}: ${e.error.message}.\n` +
        'It is encrypted with the key printed at its first start. Start with CIVIC_DB_KEY=… npm start ' +
        '(or CIVIC_DB_KEY_FILE=/path/to/keyfile). A new database is never made over an existing one.\n',
    );
    process.exit(2);
  }
}

if (cluster.isPrimary) {
  // A fresh machine gets an encrypted database under a generated key; the server processes forked
  // below inherit it from this process's environment (memory only).
  const generatedKey = firstStartKey(databaseUrl, process.env);
  if (generatedKey) process.env['CIVIC_DB_KEY'] = generatedKey;
  // Migrations and the demo seed run once, here, before any server process starts.
  const ctx = await openPrimary();
  if (generatedKey) for (const line of keyAnnouncement(generatedKey, lang)) say(line);
  // A start with the key unlocks an instance that was locked ("lock now", docs/security.md).
  const wasLocked = await clearLockOnStart(ctx);
  if (wasLocked) say(unlockedLine(wasLocked.lockedAt, lang));
  if ((await organisations(ctx)).length === 0) {
    say(seedingLine(lang));
    say(seededLine(await seedDemo(ctx), lang));
  }
  scheduleBackups();
  const demo = (await findUserByEmailView(ctx, DEMO_ACCOUNTS[0].email)) !== undefined;
  const where = `${ctx.store.dialect} (${ctx.store.location})`;
  const plain = atRestStatus(ctx).encryptionWarning;
  const announce = () => {
    const login = { email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS };
    for (const line of servingLines({ port, where, processes, demo: demo ? login : null }, lang)) say(line);
    if (!existsSync(webRoot)) say(noWebLine(lang));
    if (plain) say(plainWarning(ctx.store.dialect, lang));
  };
  // Reminders and alerts: the primary process runs the schedule every NOTIFY_INTERVAL seconds.
  const notifyEvery = notifyIntervalSeconds(
    process.env['NOTIFY_INTERVAL'],
    process.env['VITEST'] !== undefined,
  );
  const startNotify = async () => {
    if (notifyEvery === 0) return;
    const notifyCtx = await openContext(databaseUrl, { migrate: false });
    stopNotify = startNotifyScheduler(notifyCtx, {
      intervalSeconds: notifyEvery,
      smtpUrl: process.env['SMTP_URL'],
      appUrl: process.env['APP_URL'],
      from: process.env['MAIL_FROM'],
      waves: notifyWavesEnabled(process.env['NOTIFY_WAVES']),
      log: (line) => process.stderr.write(`${line}\n`),
    });
  };
  if (processes === 1) {
    await closeContext(ctx);
    await serve(false);
    announce();
    await startNotify();
  } else {
    await closeContext(ctx);
    await startNotify();
    let listening = 0;
    let stopping = false;
    cluster.on('listening', () => {
      if (++listening === processes) announce();
    });
    // One password hash at a time between the server processes (one fewer than the cores, at least one).
    const slots = servePrimarySlots(new HashSlots(Math.max(1, availableParallelism() - 1), processes));
    const peerOf = (w: Worker): SlotPeer => ({ id: String(w.id), send: (m) => w.send(m) });
    cluster.on('message', (worker, message: unknown) => {
      if ((message as { civic?: unknown } | null)?.civic === 'locked' && !instanceLocked) onLocked();
      slots.onMessage(peerOf(worker), message);
    });
    cluster.on('exit', (worker) => {
      slots.peerEnded(String(worker.id), (id) => {
        const w = cluster.workers?.[id];
        return w ? peerOf(w) : undefined;
      });
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping || instanceLocked) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
        return;
      }
      // A server process that dies is replaced; one that cannot start (e.g. the port is taken) stops the rest.
      if (listening < processes) {
        process.stderr.write(`a server process could not start (exit ${code ?? signal ?? '?'})\n`);
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
        process.exitCode = 1;
        return;
      }
      process.stderr.write(
        `server process ${worker.process.pid ?? '?'} ended (${code ?? signal ?? '?'}): starting another\n`,
      );
      cluster.fork();
    });
    // Each server process accepts its own connections (the kernel hands each to a process waiting
    // in accept) instead of Node's default on Linux, where the primary accepts every connection and
    // passes it over IPC: under load that put a second process's scheduling on every request's path
    // (issue 12, the health route under abuse). NODE_CLUSTER_SCHED_POLICY=rr restores the default.
    if (process.env['NODE_CLUSTER_SCHED_POLICY'] === undefined) cluster.schedulingPolicy = cluster.SCHED_NONE;
    for (let i = 0; i < processes; i++) cluster.fork();
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.on(sig, () => {
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      });
    }
  }
} else {
  await serve(false);
}

/** The repository's root, found upwards (the sources and the build in dist/ sit at different depths). */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'rules')) && existsSync(join(dir, 'packages'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '../../..');
  }
}
