// The like-for-like comparison of issue 17: the balance as a user gets it from a fresh `civic`
// process, warm in a running process (as the server answers it), and from ledger-cli and hledger
// on the exported journal — each a fresh process over the same books, with every balance compared
// (the bench fails if any tool disagrees with civic, or a PostgreSQL run with SQLite's). Each time carries its CPU seconds (the
// child's, from /proc) and the load average; the ratios carry `cpuRatio` beside the wall one.
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { exportLedgerJournal, ledgerBalance, ledgerBalanceJson, type AppContext } from '@civic/app';
import { journalAccountPart } from '@civic/formats';
import { clean, journalTools, normal } from '../packages/app/src/ledger/journal-tool-balances.ts';
import { note, percentile, report } from './lib.ts';

const root = new URL('..', import.meta.url).pathname;

/** CPU seconds of this process's waited-for children (Linux /proc: cutime + cstime, 100 Hz ticks). */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) / 100;
}

/** Wall and CPU seconds of a child process run by `fn` (spawnSync). */
function seconds(fn: () => void): { wall: number; cpu: number } {
  const c0 = childrenCpu();
  const t0 = performance.now();
  fn();
  return {
    wall: (performance.now() - t0) / 1000,
    cpu: Number((childrenCpu() - c0).toFixed(2)),
  };
}

const load = () => Number((loadavg()[0] ?? 0).toFixed(1));

type Rows = Record<string, Record<string, string>>;

/** The warm balances of each `by`, as compared (account → currency → amount). */
export type BalancesBy = Partial<Record<'grant' | 'account', Rows>>;

function civicRows(view: Record<string, unknown>, prefix: string): Rows {
  const out: Rows = {};
  for (const r of view['balances'] as {
    name: string;
    currency: string;
    balance: string;
    grantId?: string | null;
  }[]) {
    const name = r.grantId === null ? 'No grant' : r.name;
    if (normal(r.balance) !== '0')
      (out[`${prefix}:${journalAccountPart(name)}`] ??= {})[r.currency] = normal(r.balance);
  }
  return out;
}

function same(a: Rows, b: Rows): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

/**
 * For each `by` (grant, account): time a fresh `civic ledger balance` process (its answer checked
 * against the warm one), the warm query (median of five), and `ledger bal` / `hledger bal` on the
 * journal exported with the scope that holds that balance; report each with the ratios.
 */
export async function compareWithJournalTools(
  ctx: AppContext,
  o: {
    db: string;
    env: Record<string, string>;
    dir: string;
    storage: string;
    dialect: 'sqlite' | 'postgres';
    /** Balances an earlier run took on the same books (the other dialect): these must equal them. */
    reference: BalancesBy | undefined;
    cases: { by: 'grant' | 'account'; org: string; transactions: number }[];
  },
): Promise<BalancesBy> {
  const balances: BalancesBy = {};
  for (const c of o.cases) {
    const prefix = c.by === 'grant' ? 'Assets:Grants' : 'Assets:Bank';
    const file = join(o.dir, `compare-${c.by}.journal`);
    const out = createWriteStream(file);
    const write = (chunk: string) =>
      new Promise<void>((resolve) => (out.write(chunk) ? resolve() : out.once('drain', () => resolve())));
    const exported = await exportLedgerJournal(ctx, {
      org: c.org,
      format: 'ledger',
      scope: c.by === 'grant' ? 'funding' : 'all',
      write,
    });
    await new Promise<void>((resolve) => out.end(() => resolve()));
    if (!exported.ok) throw new Error(exported.error.message);

    const warmTimes: number[] = [];
    const warmCpu: number[] = [];
    let warm: Rows = {};
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = await ledgerBalance(ctx, { org: c.org, by: c.by });
      const cpu = process.cpuUsage(c0);
      warmTimes.push((performance.now() - t0) / 1000);
      warmCpu.push((cpu.user + cpu.system) / 1e6);
      if (!r.ok) throw new Error(r.error.message);
      warm = civicRows(ledgerBalanceJson(r.value), prefix);
    }
    let fresh: Rows = {};
    const civic = seconds(() => {
      const r = spawnSync(
        process.execPath,
        [
          join(root, 'packages/cli/bin/civic.js'),
          'ledger',
          'balance',
          '--db',
          o.db,
          '--org',
          c.org,
          '--by',
          c.by,
          '--json',
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, ...o.env },
          maxBuffer: 1 << 26,
        },
      );
      if (r.status !== 0) throw new Error(`civic ledger balance failed: ${r.stderr}`);
      fresh = civicRows(JSON.parse(r.stdout) as Record<string, unknown>, prefix);
    });
    note(`running ledger and hledger on ${exported.value.entries.toLocaleString('en')} entries`);
    let ledger: Rows = {};
    const led = seconds(() => (ledger = clean(journalTools.ledger(file, prefix))));
    let hledger: Rows = {};
    const hled = seconds(() => (hledger = clean(journalTools.hledger(file, prefix))));
    const [civicSeconds, ledgerSeconds, hledgerSeconds] = [civic.wall, led.wall, hled.wall];
    balances[c.by] = warm;
    const earlier = o.reference?.[c.by];
    const agreed =
      same(warm, fresh) && same(warm, ledger) && same(warm, hledger) && (!earlier || same(warm, earlier));
    const extra = {
      by: c.by,
      transactions: c.transactions,
      entries: exported.value.entries,
      storage: o.storage,
      dialect: o.dialect,
      agreed,
      ...(earlier ? { agreedWithSqlite: same(warm, earlier) } : {}),
    };
    const warmSeconds = percentile(warmTimes, 50);
    report('ledger', `civic_process_balance_by_${c.by}_seconds`, civicSeconds, 's', {
      ...extra,
      cpuSeconds: civic.cpu,
      load: load(),
    });
    report('ledger', `civic_warm_balance_by_${c.by}_seconds`, warmSeconds, 's', {
      ...extra,
      runs: 5,
      cpuSeconds: Number(percentile(warmCpu, 50).toFixed(4)),
      load: load(),
    });
    report('ledger', `ledger_bal_by_${c.by}_seconds`, ledgerSeconds, 's', {
      ...extra,
      cpuSeconds: led.cpu,
      load: load(),
    });
    report('ledger', `hledger_bal_by_${c.by}_seconds`, hledgerSeconds, 's', {
      ...extra,
      cpuSeconds: hled.cpu,
      load: load(),
    });
    // The CPU ratios beside the wall ones: on a shared machine the wall time swings with the load.
    const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toFixed(1)) : null);
    const warmCpuSeconds = percentile(warmCpu, 50);
    report('ledger', `ledger_vs_civic_process_by_${c.by}_ratio`, ledgerSeconds / civicSeconds, 'x', {
      ...extra,
      cpuRatio: ratio(led.cpu, civic.cpu),
      target: 10,
    });
    report('ledger', `ledger_vs_civic_warm_by_${c.by}_ratio`, ledgerSeconds / warmSeconds, 'x', {
      ...extra,
      cpuRatio: ratio(led.cpu, warmCpuSeconds),
      target: 100,
    });
    if (!agreed) {
      note(`civic: ${JSON.stringify(warm).slice(0, 400)}`);
      note(`ledger: ${JSON.stringify(ledger).slice(0, 400)}`);
      note(`hledger: ${JSON.stringify(hledger).slice(0, 400)}`);
      if (earlier) note(`civic (first storage): ${JSON.stringify(earlier).slice(0, 400)}`);
      throw new Error(`balances by ${c.by} differ between civic (${o.storage}), ledger, hledger or SQLite`);
    }
  }
  return balances;
}
