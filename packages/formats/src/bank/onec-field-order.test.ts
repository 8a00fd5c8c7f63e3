import type { StatementLine } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { chunksOf } from './byte-source.ts';
import { generate1CStatement } from './generate.ts';
import { readOnecStatement } from './onec-statement.ts';

// The reader predicts a document's field names from the previous document's (a compare instead of
// a lookup, issue 14). Documents whose fields come in another order, with a name in other case or
// a bank's own field at a different place each time, must read exactly as the same documents
// written in one order.
const text = new TextDecoder().decode(
  generate1CStatement({ documents: 40, seed: 21, encoding: 'utf-8', perDay: 5 }).bytes,
);

/** Rewrites each document's field lines with `f(fields, k)` (k: the document's index). */
function eachDocument(f: (fields: string[], k: number) => string[]): string {
  let k = 0;
  return text.replace(
    /(СекцияДокумент=[^\r\n]*\r?\n)([\s\S]*?)(КонецДокумента)/g,
    (_m, open: string, body: string, end: string) => {
      const fields = body.split(/\r?\n/).filter((l) => l !== '');
      return `${open}${f(fields, k++).join('\r\n')}\r\n${end}`;
    },
  );
}

async function read(file: string): Promise<Omit<StatementLine, 'sourceLine' | 'raw'>[]> {
  const lines: StatementLine[] = [];
  const r = await readOnecStatement(
    chunksOf(new TextEncoder().encode(file), 4096),
    { fileName: 'x.txt' },
    (l) => {
      lines.push(l);
    },
  );
  if (!r.ok) throw new Error(r.error.message);
  return lines.map(({ sourceLine: _s, raw: _r, ...rest }) => rest);
}

describe('1C documents whose fields vary from one document to the next', () => {
  it('read as the same documents written in one order', async () => {
    const plain = eachDocument((fields, k) => [...fields, `ВидДокумента=Вид ${String(k % 3)}`]);
    const varied = eachDocument((fields, k) => {
      const at = k % fields.length;
      const turned = [...fields.slice(at), ...fields.slice(0, at)];
      // Every third document spells one known name in lower case (names are read without case).
      if (k % 3 === 1) turned[0] = turned[0]?.replace(/^[^=]+/, (name) => name.toLowerCase()) ?? '';
      turned.splice(k % (turned.length + 1), 0, `ВидДокумента=Вид ${String(k % 3)}`);
      return turned;
    });
    expect(varied).not.toBe(plain);
    const expected = await read(plain);
    expect(expected).toHaveLength(40);
    expect(expected.every((l) => l.extras?.['ВидДокумента'] !== undefined)).toBe(true);
    expect(await read(varied)).toEqual(expected);
  });
});
