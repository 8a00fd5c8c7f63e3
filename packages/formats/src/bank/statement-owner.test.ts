import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvMapping } from './csv-mapping.ts';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { parseBankStatement, type ParseBankStatementOptions } from './parse-bank-statement.ts';
import { statementOwnerTaxId } from './statement-owner.ts';

// The statement owner's BIN/IIN (issue 13: "this statement is for BIN …, not for Echo"), read from
// the committed fixtures of each format by the real parsers.
const text = (name: string): string => readFileSync(`${FIXTURE_DIR}${name}`, 'utf8');
const utf8 = (t: string): Uint8Array => new TextEncoder().encode(t);

function ownerOf(t: string, options: ParseBankStatementOptions): string | null {
  const r = parseBankStatement(utf8(t), options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return statementOwnerTaxId(r.value, options.aliases ?? {});
}

describe('the statement owner’s BIN/IIN', () => {
  it('1C: the recipient’s БИН_ИИН on money in, the payer’s (under a built-in alias) on money out', () => {
    expect(ownerOf(text('1c-kz.utf8.txt'), { fileName: '1c-kz.txt' })).toBe('030440002223');
  });

  it('1C: the Russian ПолучательИНН, and a field the organisation aliased to it', () => {
    const ru = text('1c-ru.source.txt');
    expect(ownerOf(ru, { fileName: 'ru.txt' })).toBe('050540001232');
    const aliased = text('1c-kz.utf8.txt')
      .replace('ПолучательБИН_ИИН=030440002223', 'БИНПолучателяСчета=990440001115')
      .replace('ПлательщикБИНИИН=030440002223', 'ПлательщикБИНИИН=');
    // Unaliased, the renamed field is an extra and the file names no owner.
    expect(ownerOf(aliased, { fileName: 'a.txt' })).toBeNull();
    expect(
      ownerOf(aliased, { fileName: 'a.txt', aliases: { БИНПолучателяСчета: 'ПолучательБИН_ИИН' } }),
    ).toBe('990440001115');
  });

  it('CAMT: Acct/Ownr/Id/OrgId/Othr/Id; none without an owner', () => {
    const camt = text('camt053.xml');
    expect(ownerOf(camt, { fileName: 'camt.xml' })).toBeNull();
    const owned = camt.replace(
      '<Ccy>USD</Ccy>',
      '<Ccy>USD</Ccy><Ownr><Nm>ОФ Эхо</Nm><Id><OrgId><Othr><Id>070 940 000 014</Id></Othr></OrgId></Id></Ownr>',
    );
    expect(ownerOf(owned, { fileName: 'camt.xml' })).toBe('070940000014');
  });

  it('CSV: a column named for the owner; the counterparty’s BIN/ИИН column is not the owner', () => {
    const csv = text('statement.csv');
    const parsed = parseCsvMapping(JSON.parse(text('statement.mapping.json')));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const mapping = parsed.value;
    expect(ownerOf(csv, { fileName: 's.csv', csvMapping: mapping })).toBeNull();
    const lines = csv.split('\n');
    const withOwner = lines
      .map((l, i) =>
        i === 0 ? `${l.replace(/\r$/, '')};БИН владельца` : /^\d\d\./.test(l) ? `${l};070940000014` : l,
      )
      .join('\n');
    expect(ownerOf(withOwner, { fileName: 's.csv', csvMapping: mapping })).toBe('070940000014');
  });
});
