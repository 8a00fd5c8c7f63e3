#!/usr/bin/env node
// `npm run bench:table -- FILE.jsonl [FILE.jsonl …]` (or `node scripts/bench-table.mjs …`): the
// JSON lines `npm run bench` prints, as the README's Markdown table — one row per figure, the
// SQLite and PostgreSQL values side by side, its target, and the load average they were measured
// under. A figure's dialect is its `dialect` field, else a `_sqlite` / `_postgres` ending of its
// metric; a figure with neither (the CLI, the web bundle) is shown in the SQLite column, the
// database `npm start` runs on. A figure on an encrypted SQLite file (`storage` "encrypted") has a
// row of its own. Reads standard input when no file is given. Lines that are not
// JSON objects with `bench`, `metric` and `value` are skipped (a bench's notes go to stderr anyway).
import { readFileSync } from 'node:fs';

const DIALECTS = ['sqlite', 'postgres'];
const KEYS_NOT_IN_LABEL = new Set([
  'bench',
  'metric',
  'value',
  'unit',
  'dialect',
  'target',
  'cpuSeconds',
  'loadavg',
  'load',
]);

/** The figures of JSON lines: `{ label, unit, target, values: { sqlite?, postgres? } }` in first-seen order. */
export function figuresOf(text) {
  const rows = new Map();
  const loads = [];
  for (const line of text.split('\n')) {
    let x;
    try {
      x = JSON.parse(line);
    } catch {
      continue;
    }
    if (!x || typeof x !== 'object' || typeof x.bench !== 'string' || typeof x.metric !== 'string') continue;
    if (typeof x.value !== 'number') continue;
    let metric = x.metric;
    let dialect = typeof x.dialect === 'string' ? x.dialect : undefined;
    for (const d of DIALECTS)
      if (metric.endsWith(`_${d}`)) {
        metric = metric.slice(0, -d.length - 1);
        dialect ??= d;
      }
    dialect = DIALECTS.includes(dialect) ? dialect : 'sqlite';
    const extras = Object.entries(x)
      .filter(([k, v]) => !KEYS_NOT_IN_LABEL.has(k) && (typeof v === 'number' || typeof v === 'string'))
      .filter(([k]) => k === 'scale' || k === 'rows' || k === 'receipts' || k === 'transactions')
      // An encrypted SQLite file's figure is a row of its own (a plain file's shares PostgreSQL's).
      .concat(x.storage === 'encrypted' ? [['storage', 'encrypted']] : [])
      .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`);
    const label = `${x.bench}: ${metric.replaceAll('_', ' ')}${extras.length ? ` (${extras.join(', ')})` : ''}`;
    const row = rows.get(label) ?? { label, unit: x.unit ?? '', target: '', values: {}, cpu: {} };
    row.values[dialect] = x.value;
    if (typeof x.cpuSeconds === 'number') row.cpu[dialect] = x.cpuSeconds;
    if (x.target !== undefined) row.target = String(x.target);
    rows.set(label, row);
    const l = Array.isArray(x.loadavg)
      ? x.loadavg[0]
      : Array.isArray(x.load)
        ? x.load[0]
        : typeof x.load === 'number'
          ? x.load
          : undefined;
    if (typeof l === 'number') loads.push(l);
  }
  return { rows: [...rows.values()], loads };
}

function number(v) {
  if (v === undefined) return '–';
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return v.toFixed(digits);
}

const cell = (row, d) =>
  row.values[d] === undefined
    ? '–'
    : `${number(row.values[d])}${row.cpu[d] === undefined ? '' : ` (CPU ${number(row.cpu[d])})`}`;

/** The Markdown table of JSON lines. */
export function benchTable(text) {
  const { rows, loads } = figuresOf(text);
  const out = ['| Figure | Unit | SQLite | PostgreSQL | Target |', '|---|---|---:|---:|---|'];
  for (const r of rows)
    out.push(
      `| ${r.label} | ${r.unit} | ${cell(r, 'sqlite')} | ${cell(r, 'postgres')} | ${r.target || '–'} |`,
    );
  if (loads.length > 0)
    out.push(
      '',
      `Load average (1 min) while measured: ${number(Math.min(...loads))}–${number(Math.max(...loads))}.`,
    );
  return `${out.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  const text = files.length ? files.map((f) => readFileSync(f, 'utf8')).join('\n') : readFileSync(0, 'utf8');
  process.stdout.write(benchTable(text));
}
