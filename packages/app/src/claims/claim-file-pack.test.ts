import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate } from '@civic/core';
import { afterAll, describe, expect, it } from 'vitest';
import { rulesDir } from '../rules/rules-dir.ts';
import { checkClaimFile } from './claim-file-check.ts';

// Real parts: the real rules/kz.yaml, a real named pipe (mkfifo) and /etc/passwd on disk.
const dir = mkdtempSync(join(tmpdir(), 'civic-claim-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fifo = join(dir, 'pack.fifo');
execFileSync('mkfifo', [fifo]);

const claim = (pack: string) =>
  JSON.stringify({
    pack,
    offence: { article: '460-1', tier: 'inaccurate-information', committedOn: '2019-04-10' },
    rulingOn: '2021-01-15',
  });
const check = (pack: string, rules?: string) =>
  checkClaimFile(claim(pack), {
    fileName: join(dir, 'claim.json'),
    asOf: calendarDate('2021-02-01'),
    ...(rules ? { rulesDir: rules } : {}),
  });
const failure = async (pack: string, rules?: string) => {
  const r = await check(pack, rules);
  return r.ok ? null : { code: r.error.code, field: r.error.field };
};

describe("a claim file's pack is a pack id, never a path", () => {
  it.each([
    ['a named pipe', fifo],
    ['/etc/passwd', '/etc/passwd'],
    ['a relative path', '../rules/kz.yaml'],
    ['a file name', 'kz.yaml'],
    ['a Windows path', 'C:\\rules\\kz'],
  ])('refuses %s without opening it (field pack)', async (_name, pack) => {
    expect(await failure(pack)).toEqual({ code: 'CLAIM_FIELD_INVALID', field: 'pack' });
  });

  it('reads an id from the rules folder, or from the folder given', async () => {
    expect((await check('kz')).ok).toBe(true);
    const other = join(dir, 'other-rules');
    mkdirSync(other);
    expect(await failure('kz', other)).toEqual({ code: 'CLAIM_PACK_UNKNOWN', field: 'pack' });
    copyFileSync(join(rulesDir(), 'kz.yaml'), join(other, 'kz.yaml'));
    expect((await check('kz', other)).ok).toBe(true);
  });

  it('refuses an id whose file in the rules folder is not a regular file', async () => {
    const odd = join(dir, 'odd-rules');
    mkdirSync(odd);
    execFileSync('mkfifo', [join(odd, 'kz.yaml')]);
    expect(await failure('kz', odd)).toEqual({ code: 'CLAIM_PACK_UNKNOWN', field: 'pack' });
  });
});
