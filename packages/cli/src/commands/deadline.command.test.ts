import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Real parts: the `civic` binary in a child process and the real rules/*.yaml.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const rules = new URL('../../../../rules/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'civic-deadline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 200_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

// One process at a time: each starts the TypeScript sources through tsx, and the machine is shared.
describe('civic deadline', { timeout: 240_000 }, () => {
  it('prints the contract JSON for the Nauryz 2021 example (legal-brief §4.3)', async () => {
    const r = await civic([
      'deadline',
      '--pack',
      'kz',
      '--from',
      '2021-03-17',
      '--working-days',
      '10',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['citation', 'counted', 'due', 'notes', 'skipped', 'verified']);
    expect(out).toMatchObject({ due: '2021-04-05', verified: true });
    expect(out['counted']).toEqual([
      '2021-03-18',
      '2021-03-19',
      '2021-03-25',
      '2021-03-26',
      '2021-03-29',
      '2021-03-30',
      '2021-03-31',
      '2021-04-01',
      '2021-04-02',
      '2021-04-05',
    ]);
    expect(out['skipped']).toContainEqual({
      date: '2021-03-24',
      reason: 'moved day off for 2021-03-21 (Sunday)',
    });
    expect(typeof out['citation']).toBe('string');
  });

  it('moves a month period that ends on a day off, and says the move is unverified', async () => {
    const r = await civic(['deadline', '--pack', 'kz', '--from', '2021-01-31', '--months', '1', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      due: '2021-03-01',
      verified: false,
      skipped: [{ date: '2021-02-28', reason: 'Sunday' }],
    });
  });

  it('exits 2 naming the field for a bad date or a bad count', async () => {
    const bad = await civic([
      'deadline',
      '--pack',
      'kz',
      '--from',
      '2021-02-30',
      '--working-days',
      '10',
      '--json',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('DATE_INVALID');
    expect(bad.stderr).toContain('field from');
    const count = await civic(['deadline', '--pack', 'kz', '--from', '2021-03-17', '--working-days', 'ten']);
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('working-days');
  });

  it('exits 2 outside the calendar, and counts weekends only when asked', async () => {
    const r = await civic([
      'deadline',
      '--pack',
      'kz',
      '--from',
      '2030-01-05',
      '--working-days',
      '3',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'RULE_CALENDAR_NOT_COVERED' } });
    const w = await civic([
      'deadline',
      '--pack',
      'kz',
      '--from',
      '2030-01-05',
      '--working-days',
      '3',
      '--weekends-only',
      '--json',
    ]);
    expect(JSON.parse(w.stdout)).toMatchObject({ due: '2030-01-09', verified: false });
  });

  it('evaluates the India pack with the same code', async () => {
    const r = await civic([
      'deadline',
      '--pack',
      'in-fcra',
      '--from',
      '2021-03-31',
      '--obligation',
      'fc4-annual-return',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ due: '2021-12-31', verified: true });
  });
});

describe('civic rules', { timeout: 240_000 }, () => {
  it('validates every pack', async () => {
    const all = await civic(['rules', 'validate', '--json']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toMatchObject({
      valid: true,
      packs: expect.arrayContaining([expect.objectContaining({ id: 'kz', valid: true })]),
    });
  });

  it('exits 2 with the YAML path and line of an invalid pack', async () => {
    const text = readFileSync(new URL('kz.yaml', rules), 'utf8').replace('period: P2M', 'period: two months');
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, text);
    const r = await civic(['rules', 'validate', file, '--json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { error: { code: string; field: string; line: number } };
    expect(out.error).toMatchObject({ code: 'RULE_PACK_INVALID', field: 'limitations[0].period' });
    expect(text.split('\n')[out.error.line - 1]).toContain('two months');
    expect(r.stderr).toContain('limitations[0].period');
  });
});
