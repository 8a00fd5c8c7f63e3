import { execFileSync } from 'node:child_process';

// Test and bench support (not exported from the package): the balances ledger-cli, hledger and
// beancount compute from an exported journal, read from their own output, as exact decimals.

/** account → currency → balance as an exact decimal string (zeros dropped). */
export type Balances = Map<string, Map<string, string>>;

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Exact decimal sum of decimal strings (no floats). */
export function add(a: string, b: string): string {
  const scale = Math.max(decimals(a), decimals(b));
  const total = toUnits(a, scale) + toUnits(b, scale);
  return fromUnits(total, scale);
}
function decimals(x: string): number {
  return x.includes('.') ? (x.split('.')[1] ?? '').length : 0;
}
function toUnits(x: string, scale: number): bigint {
  const negative = x.startsWith('-');
  const [i = '0', f = ''] = x.replace(/^-/, '').split('.');
  const v = BigInt(i + f.padEnd(scale, '0'));
  return negative ? -v : v;
}
export function fromUnits(v: bigint, scale: number): string {
  const negative = v < 0n;
  const s = (negative ? -v : v).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  return (negative ? '-' : '') + text;
}
export function normal(x: string): string {
  const scale = decimals(x);
  const v = toUnits(x, scale);
  if (v === 0n) return '0';
  let text = fromUnits(v, scale);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text;
}
export function put(b: Balances, account: string, currency: string, amount: string): void {
  const row = b.get(account) ?? new Map<string, string>();
  row.set(currency, add(row.get(currency) ?? '0', amount));
  b.set(account, row);
}
export function clean(b: Balances): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [account, row] of [...b].sort(([x], [y]) => (x < y ? -1 : 1)))
    for (const [c, v] of row) if (normal(v) !== '0') (out[account] ??= {})[c] = normal(v);
  return out;
}

/** Balances of every account, as each tool computes them. */
export const journalTools: Record<
  'ledger' | 'hledger' | 'beancount',
  (file: string, only?: string) => Balances
> = {
  ledger: (file, only) => {
    const b: Balances = new Map();
    // One line per account and commodity: the amount and the account, tab-separated.
    const text = run('ledger', [
      '-f',
      file,
      'balance',
      '--flat',
      '--no-total',
      '--empty',
      '--format',
      '%(account)\t%(scrub(display_total))\n',
      ...(only ? [`^${only}`] : []),
    ]);
    let account = '';
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const parts = line.split('\t');
      if (parts.length === 2) account = parts[0] ?? '';
      const amount = (parts.length === 2 ? parts[1] : parts[0]) ?? '';
      const m = /^\s*(-?[\d,]*\.?\d*)\s+([A-Z]{3})\s*$/.exec(amount);
      if (m) put(b, account, m[2] ?? '', (m[1] ?? '').replace(/,/g, ''));
    }
    return b;
  },
  hledger: (file, only) => {
    const b: Balances = new Map();
    const text = run('hledger', [
      '-f',
      file,
      'balance',
      '--flat',
      '--no-total',
      '-O',
      'csv',
      '--layout=bare',
      ...(only ? [`^${only}`] : []),
    ]);
    for (const line of text.split('\n').slice(1)) {
      const m = /^"(.*)","(.*)","(.*)"$/.exec(line.trim());
      if (m) put(b, m[1] ?? '', m[2] ?? '', (m[3] ?? '').replace(/,/g, ''));
    }
    return b;
  },
  beancount: (file, only) => {
    run('bean-check', [file]);
    const b: Balances = new Map();
    const text = run('bean-query', [
      '-f',
      'csv',
      file,
      `SELECT account, currency, sum(number) AS n${only ? ` WHERE account ~ '^${only}'` : ''} GROUP BY account, currency`,
    ]);
    for (const line of text.split('\n').slice(1)) {
      const [account, currency, n] = line.split(',').map((f) => f.trim());
      if (account && currency && n) put(b, account, currency, n);
    }
    return b;
  },
};
