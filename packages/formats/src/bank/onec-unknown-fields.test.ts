import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeText } from './text-decode.ts';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { onecUnknownFields } from './onec-unknown-fields.ts';
import { parseBankStatement } from './parse-bank-statement.ts';

// The fields of a 1C file the import does not read, also where the file cannot be imported (the
// import page's alias offer, issue 13), from the committed Kazakh fixture with its amount renamed.
const kz = readFileSync(`${FIXTURE_DIR}1c-kz.utf8.txt`, 'utf8');
const renamed = kz
  .replaceAll('СуммаПриход=', 'СуммаЗачисления=')
  .replaceAll('СуммаРасход=', 'СуммаСписания=');
const line = (text: string, prefix: string): number =>
  text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('onecUnknownFields', () => {
  it('names the bank’s own fields of a file the import refuses, each once with its first line', () => {
    const bytes = new TextEncoder().encode(renamed);
    const refused = parseBankStatement(bytes, { fileName: 'kz.txt' });
    expect(refused.ok ? null : refused.error.code).toBe('IMPORT_FIELD_MISSING');
    expect(onecUnknownFields(bytes)).toEqual([
      { name: 'СуммаЗачисления', line: line(renamed, 'СуммаЗачисления='), section: 'document' },
      { name: 'СуммаСписания', line: line(renamed, 'СуммаСписания='), section: 'document' },
    ]);
  });

  it('leaves out aliased fields, reads windows-1251, and lists what it saw before a broken line', () => {
    const aliases = { СуммаЗачисления: 'СуммаПриход', СуммаСписания: 'СуммаРасход' };
    const cp = encodeText(renamed.replace('Кодировка=UTF-8', 'Кодировка=Windows'), 'windows-1251');
    expect(onecUnknownFields(cp, aliases)).toEqual([]);
    expect(parseBankStatement(cp, { fileName: 'kz.txt', aliases }).ok).toBe(true);
    const broken = renamed.replace('СуммаСписания=', 'not a field line\nСуммаСписания=');
    expect(onecUnknownFields(new TextEncoder().encode(broken)).map((u) => u.name)).toEqual([
      'СуммаЗачисления',
    ]);
  });
});
