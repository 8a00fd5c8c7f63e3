import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeContext, listAudit, openContext } from '@civic/app';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../run-in-process.ts';

// `civic org bin` and `civic org name` (issue 13): an organisation's BIN and name corrected after it
// was opened, audited, refused with the field named; in the user's language. In process, real SQLite.
const dir = mkdtempSync(join(tmpdir(), 'civic-org-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'org.db');

describe('civic org bin', { timeout: 120_000 }, () => {
  it('prints, corrects, refuses a wrong control digit without change, clears, and audits each change', async () => {
    expect((await runInProcess(['init', '--db', db, '--org', 'Echo', '--json'])).code).toBe(0);
    const none = await runInProcess(['org', 'bin', '--db', db, '--lang', 'ru']);
    expect(none.stdout).toBe('Echo: БИН —\n');

    const set = await runInProcess(['org', 'bin', '0709 4000 0014', '--db', db, '--lang', 'ru']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Echo: БИН — → 070940000014');

    const typo = await runInProcess(['org', 'bin', '070940000011', '--db', db, '--json']);
    expect(typo.code).toBe(2);
    expect(JSON.parse(typo.stdout)).toMatchObject({
      error: { code: 'BIN_CHECK_DIGIT_INVALID', field: 'bin' },
    });
    const short = await runInProcess(['org', 'bin', '12345', '--db', db, '--json']);
    expect(JSON.parse(short.stdout)).toMatchObject({ error: { code: 'ORG_BIN_INVALID', field: 'bin' } });

    const json = await runInProcess(['org', 'bin', '--db', db, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ organisation: { name: 'Echo', bin: '070940000014' } });
    // The organisation is found by its new BIN.
    const byBin = await runInProcess(['org', 'bin', '--db', db, '--org', '070940000014', '--lang', 'kk']);
    expect(byBin.stdout).toBe('Echo: БСН 070940000014\n');

    const cleared = await runInProcess(['org', 'bin', '--clear', '--db', db, '--json']);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ organisation: { bin: null }, before: '070940000014' });

    const org = (JSON.parse(cleared.stdout) as { organisation: { id: string } }).organisation.id;
    const ctx = await openContext(db);
    try {
      const updates = (await listAudit(ctx, { organisationId: org })).filter(
        (e) => e.entity === 'organisation' && e.action === 'update',
      );
      expect(updates.map((e) => e.after)).toEqual(
        expect.arrayContaining([{ bin: '070940000014' }, { bin: null }]),
      );
      expect(updates).toHaveLength(2);
      expect(updates[0]).toMatchObject({ channel: 'cli' });
    } finally {
      await closeContext(ctx);
    }
  });

  it('civic org name prints and corrects the name, keeps the old one as an alias, refuses a taken name', async () => {
    expect((await runInProcess(['org', 'name', '--db', db, '--lang', 'ru'])).stdout).toBe('Echo\n');
    const ru = await runInProcess(['org', 'name', 'ОФ «Эхо»', '--db', db, '--lang', 'ru']);
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout).toBe(
      '«Echo» → «ОФ «Эхо»»; прежнее название остаётся среди других названий организации; новое укажут отчёты и возражения, подготовленные с этого момента\n',
    );
    // Still found by its new name; the old one is an alias.
    const json = await runInProcess(['org', 'name', '--db', db, '--org', 'ОФ «Эхо»', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ organisation: { name: 'ОФ «Эхо»', aliases: ['Echo'] } });
    expect((await runInProcess(['init', '--db', db, '--org', 'KIBHR', '--json'])).code).toBe(0);
    const taken = await runInProcess([
      'org',
      'name',
      'kibhr',
      '--db',
      db,
      '--org',
      'ОФ «Эхо»',
      '--lang',
      'kk',
    ]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('Мұндағы басқа ұйымның атауы дәл осындай.');
    const back = await runInProcess(['org', 'name', 'Echo', '--db', db, '--org', 'ОФ «Эхо»', '--json']);
    expect(JSON.parse(back.stdout)).toMatchObject({
      before: 'ОФ «Эхо»',
      organisation: { name: 'Echo', aliases: ['ОФ «Эхо»'] },
    });
  });
});
