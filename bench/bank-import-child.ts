// One measured import in its own process (bank-import.bench.ts): the file read in chunks, peak
// RSS from process.resourceUsage(), CPU seconds of this process and (PostgreSQL) of the server's
// backends for its database. Arguments: DATABASE_URL FILE [MAPPING.json]. Prints one JSON line.
// CIVIC_BENCH_IMPORT_THREAD=always|auto|never: where the file is read (default: the import's own, on SQLite
// `auto`: on a worker thread from 1 MiB on, on a machine of two cores or more).
import { existsSync, readFileSync } from 'node:fs';
import { closeContext, createOrganisation, fileChunks, importBankStatement, openContext } from '@civic/app';
import { pgServerCpuSeconds } from './pg-server-cpu.ts';

const [url = '', file = '', mappingFile] = process.argv.slice(2);
const ctx = await openContext(url);
const o = await createOrganisation(ctx, { name: 'Bench import' });
if (!o.ok) throw new Error(o.error.message);
const thread = process.env['CIVIC_BENCH_IMPORT_THREAD'];
const csvMapping: unknown = mappingFile ? JSON.parse(readFileSync(mappingFile, 'utf8')) : undefined;
const t0 = performance.now();
const c0 = process.cpuUsage();
const main0 = mainThreadCpu();
const r = await importBankStatement(ctx, {
  source: fileChunks(file),
  fileName: file,
  org: o.value.id,
  ...(csvMapping === undefined ? {} : { csvMapping }),
  ...(thread === 'never' || thread === 'always' || thread === 'auto' ? { thread } : {}),
});
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
// The importing thread's CPU seconds: the rest is the reading worker's (and V8's and libuv's helpers').
const mainThreadCpuSeconds = main0 === null ? undefined : (mainThreadCpu() ?? 0) - main0;
if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
const serverCpuSeconds = await pgServerCpuSeconds(url);
await closeContext(ctx);
process.stdout.write(
  `${JSON.stringify({ seconds, cpuSeconds, mainThreadCpuSeconds, serverCpuSeconds, read: r.value.read, imported: r.value.imported, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);

/** This thread's CPU seconds (Linux: /proc/thread-self/stat, utime + stime in clock ticks of 1/100 s). */
function mainThreadCpu(): number | null {
  if (!existsSync('/proc/thread-self/stat')) return null;
  const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
