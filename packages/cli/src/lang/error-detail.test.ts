import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build1CStatement } from '../../../../e2e/support/statements.ts';
import { runInProcess } from '../run-in-process.ts';

// Real parts: the whole `civic` program run in this process on a SQLite file made by `civic init`,
// 1C statements written to disk and imported by `civic import bank`, the shared error table.
const NO_LANG = { CIVIC_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
const civic = (args: string[], env: Record<string, string | undefined> = {}) =>
  runInProcess(args, { ...NO_LANG, ...env });
const NBSP = '\u00a0';

const dir = mkdtempSync(join(tmpdir(), 'civic-error-detail-'));
const db = join(dir, 'org.db');

/** A 1C statement of one incoming payment, changed by `edit` (a bad amount, a wrong closing balance). */
function statement(name: string, edit: (text: string) => string): string {
  const file = join(dir, name);
  const text = build1CStatement({
    account: 'KZ86125KZT5004100100',
    holder: 'Echo',
    holderBin: '070940000014',
    from: '01.11.2021',
    to: '30.11.2021',
    opening: '1000.00',
    incoming: {
      number: '77',
      date: '15.11.2021',
      amount: '500000.00',
      payer: 'Open Door Fund (Germany)',
      payerAccount: 'DE89370400440532013000',
      payerSector: '21',
      purpose: 'Grant 2021-7',
    },
  });
  writeFileSync(file, edit(text));
  return file;
}

beforeAll(async () => {
  const made = await civic(['init', '--db', db, '--org', 'Echo', '--bin', '070940000014', '--json']);
  expect(made.code, made.stderr).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an error line in ru and kk carries the detail the English one has', () => {
  it('a bad amount in a 1C file: the value as the file had it, the line and the field', async () => {
    const file = statement('bad-amount.txt', (t) => t.replace('Сумма=500000.00', 'Сумма=500000.00.5'));
    const en = await civic(['import', 'bank', file, '--db', db]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('"500000.00.5"');
    const ru = await civic(['import', 'bank', file, '--db', db, '--lang', 'ru']);
    expect(ru.code).toBe(en.code);
    expect(ru.stderr).toMatch(/^civic: IMPORT_AMOUNT_INVALID: Сумма «500000\.00\.5» в файле указана неверно/);
    expect(ru.stderr).toMatch(/строка \d+, поле «Сумма»\)\n$/);
    const kk = await civic(['import', 'bank', file, '--db', db], { CIVIC_LANG: 'kk' });
    expect(kk.stderr).toContain('Файлдағы «500000.00.5» сомасы қате көрсетілген');
  });

  it('a statement that does not add up: its arithmetic in the language', async () => {
    const file = statement('unbalanced.txt', (t) =>
      t.replace('КонечныйОстаток=501000.00', 'КонечныйОстаток=501500.00'),
    );
    const ru = await civic(['import', 'bank', file, '--db', db, '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('civic: IMPORT_BALANCE_MISMATCH: ');
    expect(ru.stderr).toContain(`501${NBSP}000,00`);
    expect(ru.stderr).toContain(`501${NBSP}500,00`);
    const kk = await civic(['import', 'bank', file, '--db', db, '--lang', 'kk']);
    expect(kk.stderr).toContain(`501${NBSP}500,00`);
    expect(kk.stderr).not.toBe(ru.stderr);
  });

  it('a grant the organisation does not have: named as typed', async () => {
    const args = ['receipt', 'add', '--db', db, '--source', 'Nobody', '--date', '2021-11-15'];
    const more = ['--amount', '100.00', '--currency', 'USD', '--grant', 'G-404'];
    const ru = await civic([...args, ...more, '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toMatch(/«Nobody»|«G-404»/);
  });
});
