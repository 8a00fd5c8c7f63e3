import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Real parts: the `civic` binary in a child process and a real SQLite file.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-org-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

const CSV =
  'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes\n' +
  '2021-01-15,Эхо,Алматы,,,,fine,ст. 460-1 КоАП,400,3,,,Штраф\n' +
  '2021-01-16,Echo,Almaty,,,,notice,CoAO 460-1,,,,,notice\n';

describe('civic org aliases', { timeout: 300_000 }, () => {
  const db = join(dir, 'org.db');

  it('sets an alias, re-indexes the incidents, and Эхо / Echo then find each other', async () => {
    expect((await civic(['init', '--db', db, '--org', 'Echo', '--json'])).code).toBe(0);
    writeFileSync(join(dir, 'i.csv'), CSV);
    expect((await civic(['incidents', 'import', join(dir, 'i.csv'), '--db', db, '--json'])).code).toBe(0);
    const before = await civic(['incidents', 'search', 'Echo', '--db', db, '--json']);
    expect(JSON.parse(before.stdout)).toMatchObject({ total: 1 });
    const r = await civic(['org', 'aliases', 'Эхо', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      organisation: { name: 'Echo', aliases: ['Эхо'] },
      reindexed: 2,
    });
    for (const q of ['Echo', 'Эхо']) {
      const s = await civic(['incidents', 'search', q, '--db', db, '--json']);
      expect(JSON.parse(s.stdout)).toMatchObject({ total: 2 });
    }
  });

  it('refuses an empty alias with exit 2 and changes nothing', async () => {
    const r = await civic(['org', 'aliases', ' ', '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'ORG_ALIAS_INVALID', field: 'aliases' } });
    const list = await civic(['org', 'aliases', '--db', db, '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject({ organisation: { aliases: ['Эхо'] } });
  });
});
