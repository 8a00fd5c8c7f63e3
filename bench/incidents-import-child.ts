// One measured incident import in its own process (incidents.bench.ts): the CSV file read in
// chunks, CPU seconds of this process and (PostgreSQL) of the server's backends for its database,
// peak RSS. Arguments: DATABASE_URL FILE. Prints one JSON line.
import { closeContext, fileChunks, importIncidents, openContext } from '@civic/app';
import { pgServerCpuSeconds } from './pg-server-cpu.ts';

const [url = '', file = ''] = process.argv.slice(2);
const ctx = await openContext(url);
const t0 = performance.now();
const c0 = process.cpuUsage();
const r = await importIncidents(ctx, { bytes: fileChunks(file), fileName: 'bench.csv' });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} (line ${String(r.error.line ?? '?')})`);
const serverCpuSeconds = await pgServerCpuSeconds(url);
await closeContext(ctx);
process.stdout.write(
  `${JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, serverCpuSeconds, imported: r.value.imported, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
