import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/bench-table.mjs, run as the README's author runs it (plain node, no TypeScript), on a
// small sample of what `npm run bench` prints: a dialect in a field, a dialect in the metric's
// name, a figure of no database, a note line and a line that is not JSON.
const script = resolve(import.meta.dirname, '../../../scripts/bench-table.mjs');
const dir = mkdtempSync(join(tmpdir(), 'bench-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLE = [
  '{"bench":"cold-paths","metric":"obligations_first_request","value":0.0293,"unit":"s","dialect":"sqlite","scale":20000,"target":"< 1","cpuSeconds":0.008,"loadavg":[3.5,2,1]}',
  '{"bench":"cold-paths","metric":"obligations_first_request","value":0.0649,"unit":"s","dialect":"postgres","scale":20000,"target":"< 1","cpuSeconds":0.007,"loadavg":[4.25,2,1]}',
  '{"bench":"incidents","metric":"import_postgres","value":31.5,"unit":"s","rows":1000000,"target":20}',
  '{"bench":"incidents","metric":"import_sqlite","value":18.25,"unit":"s","rows":1000000,"target":20}',
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
      '| cli: version seconds | s | 0.120 | – | – |',
      '',
      'Load average (1 min) while measured: 3.50–4.25.',
      '',
    ]);
  });

  it('reads standard input when no file is named', () => {
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', input: SAMPLE.split('\n')[5] });
    expect(r.stdout).toContain('| cli: version seconds | s | 0.120 | – | – |');
  });
});
