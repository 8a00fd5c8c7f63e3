import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { parseBankStatement } from './parse-bank-statement.ts';

// Committed malformed 1C files (CRLF, UTF-8): the importer must reject each whole, naming where.
describe('malformed 1C files', () => {
  it.each([
    ['1c-truncated.txt', 'IMPORT_TRUNCATED', 38, 'КонецДокумента'],
    ['1c-bad-amount.txt', 'IMPORT_AMOUNT_INVALID', 43, 'СуммаРасход'],
    ['1c-wrong-balance.txt', 'IMPORT_BALANCE_MISMATCH', 17, 'КонечныйОстаток'],
    ['1c-bad-date.txt', 'IMPORT_DATE_INVALID', 40, 'ДатаДокумента'],
  ])('%s → %s at line %i, field %s', (name, code, line, field) => {
    const r = parseBankStatement(new Uint8Array(readFileSync(`${FIXTURE_DIR}malformed/${name}`)), {
      fileName: name,
    });
    expect(
      r.ok ? null : { code: r.error.code, file: r.error.file, line: r.error.line, field: r.error.field },
    ).toEqual({ code, file: name, line, field });
  });

  it('imports a file with a field the importer does not know, keeping it and warning once', () => {
    const name = '1c-unknown-field.txt';
    const r = parseBankStatement(new Uint8Array(readFileSync(`${FIXTURE_DIR}malformed/${name}`)), {
      fileName: name,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.lines.filter((l) => l.extras?.['ПризнакСрочности'] !== undefined)).toHaveLength(1);
    expect(r.value.warnings.filter((w) => w.code === 'IMPORT_FIELD_EXTRA')).toEqual([
      expect.objectContaining({ line: 55, field: 'ПризнакСрочности' }),
    ]);
  });
});
