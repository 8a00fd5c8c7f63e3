import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, onecFixtureVariants } from './fixtures/write-fixtures.ts';
import { parseBankStatement } from './parse-bank-statement.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURE_DIR}${name}`));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function parseOk(bytes: Uint8Array, fileName: string, aliases?: Record<string, string>) {
  const r = parseBankStatement(bytes, { fileName, ...(aliases ? { aliases } : {}) });
  if (!r.ok)
    throw new Error(`${r.error.code}: ${r.error.message} (line ${r.error.line}, field ${r.error.field})`);
  return r.value;
}

describe('1C statement, Russian field set', () => {
  it.each([
    ['1c-ru.windows-1251.txt', 'windows-1251'],
    ['1c-ru.cp866.txt', 'cp866'],
    ['1c-ru.utf8-bom.txt', 'utf-8'],
  ])('reads %s as %s with its balance block and both documents', (name, encoding) => {
    const s = parseOk(fixture(name), name);
    expect(s.format).toBe('1c');
    expect(s.encoding).toBe(encoding);
    expect(s.accounts).toEqual([
      {
        account: 'KZ716010131000012345',
        currency: 'KZT',
        from: '2021-02-01',
        to: '2021-02-05',
        opening: 125000000n,
        totalIn: 450000000n,
        totalOut: 116680050n,
        closing: 458319950n,
      },
    ]);
    expect(s.lines.map((l) => [l.direction, l.amount, l.bookedOn, l.documentNumber, l.sourceLine])).toEqual([
      ['in', 450000000n, '2021-02-02', '118', 21],
      ['out', 116680050n, '2021-02-03', '27', 65],
    ]);
    const [grant, print] = s.lines;
    expect(grant?.counterparty.taxId).toBe('990140000116');
    expect(grant?.counterparty.account).toBe('KZ036010111000067890');
    expect(grant?.purpose).toContain('мониторинг выборов');
    expect(print?.counterparty.bankCode).toBe('KCJBKZKX');
    expect(print?.documentDate).toBe('2021-02-03');
  });

  it('keeps the committed binary fixtures in step with their UTF-8 source', () => {
    const variants = onecFixtureVariants(readFileSync(`${FIXTURE_DIR}1c-ru.source.txt`, 'utf8'));
    for (const [name, bytes] of Object.entries(variants)) expect(fixture(name)).toEqual(bytes);
  });

  it('reads names in Windows-1251 bytes as Cyrillic text', () => {
    const s = parseOk(fixture('1c-ru.windows-1251.txt'), 'w.txt');
    expect(s.lines[0]?.counterparty.name).toBe('Представительство фонда «Открытое общество»');
    expect(s.lines[1]?.raw['Получатель1']).toBe('ТОО «Типография Печать»');
  });
});

describe('1C statement, Kazakh field set', () => {
  it('reads СуммаПриход/СуммаРасход, БИН_ИИН, ИИК, КБЕ and КНП, with built-in aliases', () => {
    const s = parseOk(fixture('1c-kz.utf8.txt'), '1c-kz.utf8.txt');
    expect(s.encoding).toBe('utf-8');
    expect(s.accounts[0]?.closing).toBe(240650000n);
    const [grant, rent] = s.lines;
    expect(grant).toMatchObject({
      direction: 'in',
      amount: 223150000n,
      bookedOn: '2021-03-05',
      documentNumber: '301',
      purposeCode: '119',
    });
    expect(grant?.counterparty).toEqual({
      name: 'National Endowment for Democracy',
      taxId: null,
      account: 'US78000000001234567890',
      bankCode: 'CITIUS33',
      sectorCode: '21',
      country: null,
    });
    expect(rent).toMatchObject({
      direction: 'out',
      amount: 7500000n,
      account: 'KZ756010002000123456',
      purposeCode: '859',
    });
    expect(rent?.counterparty.taxId).toBe('850101300124');
    expect(rent?.counterparty.sectorCode).toBe('19');
  });
});

const KZ_SOURCE = readFileSync(`${FIXTURE_DIR}1c-kz.utf8.txt`, 'utf8');
const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.startsWith(needle)) + 1;
const SECOND_DOC = KZ_SOURCE.split('\n').findLastIndex((l) => l.startsWith('СекцияДокумент')) + 1;

describe('1C statement, field spellings', () => {
  it('reads document-level КОд/КБе as sector codes, apart from the Russian Код (UIN), and dates without leading zeros', () => {
    const text = KZ_SOURCE.replace('ПлательщикКБЕ=21\n', 'КОд=21\nКБе=18\nКод=0\n').replace(
      'ДатаДокумента=05.03.2021',
      'ДатаДокумента=5.3.2021',
    );
    const s = parseOk(utf8(text), 'codes.txt');
    expect(s.lines[0]?.counterparty.sectorCode).toBe('21');
    expect(s.lines[0]?.documentDate).toBe('2021-03-05');
    expect(s.lines[0]?.raw).toMatchObject({ КОд: '21', КБе: '18', Код: '0' });
  });

  it('matches field names without regard to case', () => {
    const text = KZ_SOURCE.replace('ПлательщикНаименование=', 'плательщикнаименование=').replace(
      'СуммаПриход=',
      'СУММАПРИХОД=',
    );
    const s = parseOk(utf8(text), 'case.txt');
    expect(s.lines[0]).toMatchObject({
      direction: 'in',
      amount: 223150000n,
      counterparty: { name: 'National Endowment for Democracy' },
    });
  });
});

describe('1C statement errors name file, line and field', () => {
  it.each([
    [
      'truncated: no КонецФайла',
      KZ_SOURCE.replace('КонецФайла\n', ''),
      'IMPORT_TRUNCATED',
      KZ_SOURCE.split('\n').length - 1,
      'КонецФайла',
    ],
    [
      'truncated inside a document',
      KZ_SOURCE.slice(0, KZ_SOURCE.indexOf('КодНазначенияПлатежа=859')),
      'IMPORT_TRUNCATED',
      SECOND_DOC,
      'КонецДокумента',
    ],
    [
      'a bad amount',
      KZ_SOURCE.replace('СуммаРасход=75000,00', 'СуммаРасход=75 000,0O'),
      'IMPORT_AMOUNT_INVALID',
      lineOf(KZ_SOURCE, 'СуммаРасход=75000,00'),
      'СуммаРасход',
    ],
    [
      'a bad date',
      KZ_SOURCE.replace('ДатаДокумента=20.03.2021', 'ДатаДокумента=31.02.2021'),
      'IMPORT_DATE_INVALID',
      lineOf(KZ_SOURCE, 'ДатаДокумента=20.03.2021'),
      'ДатаДокумента',
    ],
    [
      'a wrong closing balance',
      KZ_SOURCE.replace('КонечныйОстаток=2406500,00', 'КонечныйОстаток=2406500,01'),
      'IMPORT_BALANCE_MISMATCH',
      lineOf(KZ_SOURCE, 'КонечныйОстаток'),
      'КонечныйОстаток',
    ],
    [
      'totals the documents do not make',
      KZ_SOURCE.replace('ВсегоСписано=75000,00', 'ВсегоСписано=70000,00').replace(
        'КонечныйОстаток=2406500,00',
        'КонечныйОстаток=2411500,00',
      ),
      'IMPORT_BALANCE_MISMATCH',
      lineOf(KZ_SOURCE, 'ВсегоСписано'),
      'ВсегоСписано',
    ],
    [
      'a document without an amount',
      KZ_SOURCE.replace('СуммаРасход=75000,00\n', ''),
      'IMPORT_FIELD_MISSING',
      SECOND_DOC,
      'Сумма',
    ],
  ])('%s', (_name, text, code, line, field) => {
    const r = parseBankStatement(utf8(text), { fileName: 'bad.txt' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code, file: 'bad.txt', line, field });
  });

  it('refuses a file that goes on after КонецФайла instead of cutting it there (seed)', () => {
    const seed = readFileSync(new URL('../fixtures/seeds/1c-after-end.txt', import.meta.url), 'utf8');
    const r = parseBankStatement(utf8(seed), { fileName: 'joined.txt' });
    expect(r.ok ? null : [r.error.code, r.error.line, r.error.field]).toEqual([
      'IMPORT_LINE_INVALID',
      KZ_SOURCE.split('\n').length,
      'КонецФайла',
    ]);
    const note = parseBankStatement(utf8(`${KZ_SOURCE}\n\nпримечание\n`), { fileName: 'note.txt' });
    expect(note.ok ? null : note.error.line).toBe(KZ_SOURCE.split('\n').length + 2);
    // Blank lines, spaces and a DOS end-of-file mark are not content.
    expect(parseBankStatement(utf8(`${KZ_SOURCE}\r\n  \n\u001a`), { fileName: 'pad.txt' }).ok).toBe(true);
  });

  it('keeps an unknown field with its line, warns once naming it and its first line, and maps it once aliased', () => {
    const text = KZ_SOURCE.replace('КодНазначенияПлатежа=859', 'КНП_Код=859')
      .replace('КодНазначенияПлатежа=119', 'КодНазначенияПлатежа=119\nВидДокумента=Входящий')
      .replace('КНП_Код=859', 'КНП_Код=859\nВидДокумента=Исходящий');
    const s = parseOk(utf8(text), 'a.txt');
    expect(s.lines.map((l) => l.extras)).toEqual([
      { ВидДокумента: 'Входящий' },
      { КНП_Код: '859', ВидДокумента: 'Исходящий' },
    ]);
    expect(s.lines[1]?.purposeCode).toBeNull();
    const first = lineOf(text, 'ВидДокумента=');
    expect(s.warnings.filter((w) => w.code === 'IMPORT_FIELD_EXTRA')).toEqual([
      expect.objectContaining({
        line: first,
        field: 'ВидДокумента',
        params: { field: 'ВидДокумента', line: first },
      }),
      expect.objectContaining({ line: lineOf(text, 'КНП_Код='), field: 'КНП_Код' }),
    ]);
    const aliased = parseOk(utf8(text), 'a.txt', { КНП_Код: 'КодНазначенияПлатежа' });
    expect(aliased.lines[1]?.purposeCode).toBe('859');
    expect(aliased.lines[1]?.raw['КНП_Код']).toBe('859');
    expect(aliased.lines[1]?.extras).toEqual({ ВидДокумента: 'Исходящий' });
    expect(aliased.warnings.map((w) => w.field)).not.toContain('КНП_Код');
  });

  it('refuses a file with hundreds of different unknown fields rather than keeping them all', () => {
    const junk = Array.from({ length: 501 }, (_, i) => `Поле${String(i)}=x`).join('\n');
    const text = KZ_SOURCE.replace('КодНазначенияПлатежа=859', `КодНазначенияПлатежа=859\n${junk}`);
    const r = parseBankStatement(utf8(text), { fileName: 'junk.txt' });
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual(['IMPORT_LINE_INVALID', 'Поле500']);
  });

  it('still refuses a known field whose value is needed and invalid, even beside extras', () => {
    const text = KZ_SOURCE.replace('СуммаРасход=75000,00', 'СуммаРасход=75 000,0x\nВидДокумента=1');
    const r = parseBankStatement(utf8(text), { fileName: 'bad.txt' });
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual(['IMPORT_AMOUNT_INVALID', 'СуммаРасход']);
  });

  it('rejects an alias whose target is no known field', () => {
    const r = parseBankStatement(utf8(KZ_SOURCE), { fileName: 'a.txt', aliases: { X: 'НетТакогоПоля' } });
    expect(r.ok ? null : r.error.code).toBe('IMPORT_ALIAS_INVALID');
  });
});
