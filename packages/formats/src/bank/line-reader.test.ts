import { readFileSync } from 'node:fs';
import type { StatementLine } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { chunksOf } from './byte-source.ts';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { lines } from './line-reader.ts';
import { parseOnecStatement, readOnecStatement } from './onec-statement.ts';
import { encodeText, type TextEncoding } from './text-decode.ts';

const TEXT = 'Первая строка\r\nҚазақша: әңғүұқөһі\n€ and 𝄞 (four bytes)\r\nlast without break';

async function collect(source: AsyncIterable<Uint8Array>, encoding: TextEncoding): Promise<string[]> {
  const out: string[] = [];
  for await (const l of lines(source, encoding)) out.push(l);
  return out;
}

describe('lines(source, encoding)', () => {
  it('never breaks a UTF-8 character cut between two chunks, wherever the cut falls (BOM or not)', async () => {
    const expected = TEXT.split('\n');
    for (const bom of [false, true]) {
      const bytes = encodeText(TEXT, 'utf-8', bom);
      for (let size = 1; size <= 7; size++)
        expect([bom, size, await collect(chunksOf(bytes, size), 'utf-8')]).toEqual([bom, size, expected]);
    }
  });

  it.each(['windows-1251', 'cp866'] as const)('decodes %s chunk by chunk', async (encoding) => {
    const text = 'СекцияДокумент=Платежное поручение\r\nНазначениеПлатежа=Оплата «аренды»\r\n'.replace(
      /[«»]/g,
      '"',
    );
    const bytes = encodeText(text, encoding);
    expect(await collect(chunksOf(bytes, 3), encoding)).toEqual(text.split('\n').slice(0, -1));
  });
});

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURE_DIR}${name}`));

describe('a 1C statement read as a stream', () => {
  it.each([
    '1c-ru.windows-1251.txt',
    '1c-ru.cp866.txt',
    '1c-ru.utf8-bom.txt',
    '1c-kz.utf8.txt',
    'dialects/kaspi-2.00.utf8.txt',
    'dialects/bereke-1.03.usd.utf8-bom.txt',
  ])('%s in chunks of 5 bytes gives what the whole file gives', async (name) => {
    const bytes = fixture(name);
    const whole = parseOnecStatement(bytes, { fileName: name });
    if (!whole.ok) throw new Error(whole.error.message);
    const streamed: StatementLine[] = [];
    const r = await readOnecStatement(chunksOf(bytes, 5), { fileName: name }, (l) => {
      streamed.push(l);
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(streamed).toEqual(whole.value.lines);
    expect(r.value.accounts).toEqual(whole.value.accounts);
    expect(r.value.encoding).toBe(whole.value.encoding);
    expect(r.value.lines).toBe(whole.value.lines.length);
  });

  it('returns the error of a document near the end after handing on the lines before it', async () => {
    const text = new TextDecoder()
      .decode(fixture('1c-kz.utf8.txt'))
      .replace('СуммаРасход=75000,00', 'СуммаРасход=7x');
    let seen = 0;
    const r = await readOnecStatement(
      chunksOf(new TextEncoder().encode(text), 64),
      { fileName: 'k.txt' },
      () => {
        seen += 1;
      },
    );
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual(['IMPORT_AMOUNT_INVALID', 'СуммаРасход']);
    expect(seen).toBe(1);
  });

  it('refuses a line longer than a MiB instead of holding it', async () => {
    const big = new Uint8Array((1 << 20) + 100).fill(0x41);
    const head = new TextEncoder().encode('1CClientBankExchange\nВерсияФормата=1.03\nКодировка=UTF-8\n');
    const bytes = new Uint8Array(head.length + big.length);
    bytes.set(head);
    bytes.set(big, head.length);
    const r = await readOnecStatement(chunksOf(bytes, 1 << 16), { fileName: 'long.txt' }, () => undefined);
    expect(r.ok ? null : [r.error.code, r.error.line]).toEqual(['IMPORT_LINE_INVALID', 4]);
  });
});
