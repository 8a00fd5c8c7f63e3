import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../run-in-process.ts';

// Issue 13: `civic import bank --json` names the fields of a 1C file the importer does not read in
// `error.unknownFields`, as the web's preview error does (ledger-import-aliases.routes.test.ts), so
// a script can offer each as an alias. Real parts: the whole `civic` program in this process, a
// SQLite file, the real 1C reader.
const STATEMENT = [
  '1CClientBankExchange',
  'ВерсияФормата=1.03',
  'Кодировка=UTF-8',
  'ДатаНачала=01.03.2024',
  'ДатаКонца=31.03.2024',
  'РасчСчет=KZ52601A871000009876',
  'СекцияДокумент=Платежное поручение',
  'Номер=12',
  'Дата=05.03.2024',
  'СуммаДокумента=250000.00',
  'ПлательщикСчет=DE89370400440532013000',
  'Плательщик=Open Door Fund',
  'ПолучательСчет=KZ52601A871000009876',
  'Получатель=ОФ «Эхо»',
  'ПолучательИНН=070940000014',
  'ВидДокумента=01',
  'НазначениеПлатежа=Грант 2024-3',
  'КонецДокумента',
  'КонецФайла',
  '',
].join('\r\n');

const dir = mkdtempSync(join(tmpdir(), 'civic-unknown-fields-'));
const db = join(dir, 'books.db');
const file = join(dir, 'march.txt');
const aliases = join(dir, 'aliases.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  writeFileSync(file, STATEMENT, 'utf8');
  writeFileSync(aliases, JSON.stringify({ СуммаДокумента: 'Сумма' }), 'utf8');
  const init = await runInProcess(['init', '--db', db, '--org', 'Echo', '--bin', '070940000014', '--json']);
  expect(init.code, init.stderr).toBe(0);
}, 60_000);

describe('civic import bank --json: error.unknownFields', () => {
  it('names each unknown field with its line, as the web does, and imports nothing (exit 2)', async () => {
    const r = await runInProcess(['import', 'bank', file, '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      error: {
        code: 'IMPORT_FIELD_MISSING',
        field: 'Сумма',
        unknownFields: [
          { field: 'СуммаДокумента', line: 10 },
          { field: 'ВидДокумента', line: 16 },
        ],
      },
    });
    const dry = await runInProcess(['import', 'bank', file, '--db', db, '--dry-run', '--json']);
    expect(dry.code).toBe(2);
    expect(
      (JSON.parse(dry.stdout) as { error: { unknownFields: unknown[] } }).error.unknownFields,
    ).toHaveLength(2);
  });

  it('imports once the field is aliased', async () => {
    const r = await runInProcess(['import', 'bank', file, '--db', db, '--aliases', aliases, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 1, imported: 1 });
  });

  it('leaves unknownFields out of an error that is not about a 1C file’s fields', async () => {
    const r = await runInProcess(['import', 'bank', join(dir, 'missing.txt'), '--db', db, '--json']);
    expect(r.code).toBe(2);
    const error = (JSON.parse(r.stdout) as { error: Record<string, unknown> }).error;
    expect(error['code']).toBe('IMPORT_FILE_UNREADABLE');
    expect(error).not.toHaveProperty('unknownFields');
  });
});
