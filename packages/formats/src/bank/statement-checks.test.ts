import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasValidIbanCheckDigits } from './account-number.ts';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { parseBankStatement } from './parse-bank-statement.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const MT940 = readFileSync(`${FIXTURE_DIR}mt940.sta`, 'utf8');
const csv = (rows: string) =>
  parseBankStatement(utf8(`date,amount,currency,account,counterparty account\n${rows}`), {
    fileName: 's.csv',
  });
const failure = (r: ReturnType<typeof parseBankStatement>) =>
  r.ok ? null : { code: r.error.code, line: r.error.line, field: r.error.field };

describe('amounts and account numbers a statement may not hold', () => {
  it.each(['-0', '-0.00', '-0,0', ' -0 '])('refuses the amount %j', (amount) => {
    expect(failure(csv(`2021-03-01,"${amount}",KZT,KZ86125KZT5004100100,\n`))).toMatchObject({
      code: 'IMPORT_AMOUNT_INVALID',
      line: 2,
    });
  });

  it.each([
    ['a control character', 'KZ86125KZT500\u00014100100', 'account'],
    ['a zero-width space', 'KZ86125KZT5004100\u200b100', 'account'],
    ['a Cyrillic К in the country code', '\u041aZ86125KZT5004100100', 'account'],
    ['a Cyrillic letter in a foreign IBAN', 'DE89370400440532013\u04000', 'counterparty account'],
  ])('refuses an account number with %s', (_name, number, field) => {
    const row =
      field === 'account'
        ? `2021-03-01,10.00,KZT,${number},\n`
        : `2021-03-01,10.00,KZT,KZ86125KZT5004100100,${number}\n`;
    expect(failure(csv(row))).toEqual({ code: 'IMPORT_ACCOUNT_INVALID', line: 2, field });
  });

  it.each([
    ['a Kazakh IBAN', 'KZ87125KZT5004100100', 'account'],
    ['a foreign IBAN', 'DE88370400440532013000', 'counterparty account'],
    ['a lower-case foreign IBAN with spaces', 'gb34 bukb 2020 1555 5555 55', 'counterparty account'],
  ])('refuses %s with wrong check digits, naming the line and field', (_name, number, field) => {
    for (const good of ['KZ86125KZT5004100100', 'DE89370400440532013000', 'GB33BUKB20201555555555'])
      expect(hasValidIbanCheckDigits(good)).toBe(true);
    expect(hasValidIbanCheckDigits(number.replace(/ /g, ''))).toBe(false);
    const row =
      field === 'account'
        ? `2021-03-01,10.00,KZT,${number},\n`
        : `2021-03-01,10.00,KZT,KZ86125KZT5004100100,${number}\n`;
    const r = csv(`2021-03-01,5.00,KZT,KZ86125KZT5004100100,\n${row}`);
    expect(failure(r)).toEqual({ code: 'IMPORT_ACCOUNT_INVALID', line: 3, field });
    expect(r.ok ? '' : r.error.message).toContain('check digits');
  });

  it('does not check account numbers that are not IBANs (Russian 20-digit, local, US numbers)', () => {
    // A country prefix outside the IBAN registry (US, CN) does not make a number an IBAN.
    for (const plain of ['40702810900000012345', '123456789', 'KZT-001-77', 'US33000000001234567890'])
      expect(csv(`2021-03-01,10.00,KZT,${plain},${plain}\n`)).toMatchObject({
        ok: true,
        value: { warnings: [] },
      });
  });

  it('warns about a line booked outside its statement period, and imports it', () => {
    const text = MT940.replace(':61:210204D249,25', ':61:210214D249,25');
    const r = parseBankStatement(utf8(text), { fileName: 'p.sta' });
    if (!r.ok) throw new Error(r.error.message);
    const line = text.split('\n').findIndex((l) => l.startsWith(':61:210214')) + 1;
    expect(r.value.warnings).toContainEqual({
      line,
      field: 'bookedOn',
      code: 'IMPORT_WARN_OUTSIDE_PERIOD',
      params: { bookedOn: '2021-02-14', from: expect.any(String), to: expect.any(String) },
      message: expect.stringContaining('2021-02-14'),
    });
    expect(r.value.lines).toHaveLength(4);
  });
});
