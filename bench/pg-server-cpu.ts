// The CPU seconds the PostgreSQL server spent for one database: the user + system time of every
// backend connected to it, read from /proc (the server runs on this machine). An import's cost
// on PostgreSQL is mostly there, not in the importing process. Call it before the client closes.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS = 100; // USER_HZ on Linux

function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Undefined when the URL is not PostgreSQL or the server's processes cannot be read. */
export async function pgServerCpuSeconds(url: string): Promise<number | undefined> {
  if (!/^postgres(ql)?:/.test(url)) return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const total = r.rows.reduce((sum, row) => sum + cpuOf(row.pid), 0);
    return Number.isFinite(total) ? Number(total.toFixed(2)) : undefined;
  } finally {
    await client.end();
  }
}
