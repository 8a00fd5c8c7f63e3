// One measured incident import in its own process (incidents.bench.ts): the CSV file read in
// chunks, CPU seconds of this process and (PostgreSQL) of the server's backends for its database,
// peak RSS, and the CPU seconds of this (the writing) thread alone where Linux tells them (the rest
// is mostly the parsing thread's). Arguments: DATABASE_URL FILE. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { closeContext, fileChunks, importIncidents, openContext } from '@civic/app';
import { pgServerCpuSeconds } from './pg-server-cpu.ts';

const [url = '', file = ''] = process.argv.slice(2);
const ctx = await openContext(url);
/** CPU seconds of the calling thread (Linux: /proc/thread-self), or undefined elsewhere. */
function threadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const t0 = performance.now();
const c0 = process.cpuUsage();
const m0 = threadCpuSeconds();
const r = await importIncidents(ctx, { bytes: fileChunks(file), fileName: 'bench.csv' });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const m1 = threadCpuSeconds();
const mainThreadCpuSeconds = m0 === undefined || m1 === undefined ? undefined : m1 - m0;
if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} (line ${String(r.error.line ?? '?')})`);
const serverCpuSeconds = await pgServerCpuSeconds(url);
await closeContext(ctx);
process.stdout.write(
  `${JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, mainThreadCpuSeconds, serverCpuSeconds, imported: r.value.imported, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
