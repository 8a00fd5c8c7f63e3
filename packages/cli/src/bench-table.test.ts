import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/bench-table.mjs, run as the README's author runs it (plain node, no TypeScript), on a
// small sample of what `npm run bench` prints: a dialect in a field, a dialect in the metric's
// name, a figure of no database, plain / encrypted SQLite and PostgreSQL figures of the ledger
// bench (its load average a number), a note line and a line that is not JSON.
const script = resolve(import.meta.dirname, '../../../scripts/bench-table.mjs');
const dir = mkdtempSync(join(tmpdir(), 'bench-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLE = [
  '{"bench":"cold-paths","metric":"obligations_first_request","value":0.0293,"unit":"s","dialect":"sqlite","scale":20000,"target":"< 1","cpuSeconds":0.008,"loadavg":[3.5,2,1]}',
  '{"bench":"cold-paths","metric":"obligations_first_request","value":0.0649,"unit":"s","dialect":"postgres","scale":20000,"target":"< 1","cpuSeconds":0.007,"loadavg":[4.25,2,1]}',
  '{"bench":"incidents","metric":"import_postgres","value":31.5,"unit":"s","rows":1000000,"target":20}',
  '{"bench":"incidents","metric":"import_sqlite","value":18.25,"unit":"s","rows":1000000,"target":20}',
  '{"bench":"ledger","metric":"civic_warm_balance_by_grant_seconds","value":0.002,"unit":"s","storage":"plain","dialect":"sqlite","transactions":50000,"load":2.5}',
  '{"bench":"ledger","metric":"civic_warm_balance_by_grant_seconds","value":0.003,"unit":"s","storage":"encrypted","dialect":"sqlite","transactions":50000,"load":2.5}',
  '{"bench":"ledger","metric":"civic_warm_balance_by_grant_seconds","value":0.004,"unit":"s","storage":"postgres","dialect":"postgres","transactions":50000,"load":5}',
  'not json at all',
  '{"bench":"cli","metric":"version_seconds","value":0.12,"unit":"s"}',
  '{"note":"no bench field"}',
].join('\n');

describe('bench-table', () => {
  it('turns the bench JSON lines into a Markdown table with SQLite and PostgreSQL columns', () => {
    const file = join(dir, 'bench.jsonl');
    writeFileSync(file, SAMPLE);
    const r = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '| Figure | Unit | SQLite | PostgreSQL | Target |',
      '|---|---|---:|---:|---|',
      '| cold-paths: obligations first request (scale 20,000) | s | 0.029 (CPU 0.008) | 0.065 (CPU 0.007) | < 1 |',
      '| incidents: import (rows 1,000,000) | s | 18.3 | 31.5 | 20 |',
      '| ledger: civic warm balance by grant seconds (transactions 50,000) | s | 0.002 | 0.004 | – |',
      '| ledger: civic warm balance by grant seconds (transactions 50,000, storage encrypted) | s | 0.003 | – | – |',
      '| cli: version seconds | s | 0.120 | – | – |',
      '',
      'Load average (1 min) while measured: 2.50–5.00.',
      '',
    ]);
  });

  it('reads standard input when no file is named', () => {
    const r = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      input: SAMPLE.split('\n').find((l) => l.includes('"cli"')),
    });
    expect(r.stdout).toContain('| cli: version seconds | s | 0.120 | – | – |');
  });
});
