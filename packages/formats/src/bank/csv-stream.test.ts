import { readFileSync } from 'node:fs';
import type { StatementLine } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { chunksOf } from './byte-source.ts';
import { parseCsvMapping, type CsvMapping } from './csv-mapping.ts';
import { forEachCsvStatementLine } from './csv-statement.ts';
import { forEachCsvStatementLineStream } from './csv-stream.ts';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { generateBankCsv } from './generate.ts';
import { GENERATED_CSV_MAPPING } from './statement-writer.ts';

const fixture = new Uint8Array(readFileSync(`${FIXTURE_DIR}statement.csv`));
const mappingResult = parseCsvMapping(
  JSON.parse(readFileSync(`${FIXTURE_DIR}statement.mapping.json`, 'utf8')),
);
if (!mappingResult.ok) throw new Error(mappingResult.error.message);
const MAPPING: CsvMapping = mappingResult.value;

async function streamed(bytes: Uint8Array, mapping: CsvMapping, chunk: number) {
  const lines: StatementLine[] = [];
  const r = await forEachCsvStatementLineStream(chunksOf(bytes, chunk), mapping, 's.csv', (l) => {
    lines.push(l);
  });
  return { r, lines };
}

describe('a CSV statement read from chunks', () => {
  it('gives what the whole file gives, quoted fields with line breaks and quotes cut anywhere', async () => {
    const whole: StatementLine[] = [];
    const w = forEachCsvStatementLine(fixture, MAPPING, 's.csv', (l) => whole.push(l));
    if (!w.ok) throw new Error(w.error.message);
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
      const { r, lines } = await streamed(fixture, MAPPING, size);
      if (!r.ok) throw new Error(`${String(size)}: ${r.error.message}`);
      expect([size, lines]).toEqual([size, whole]);
      expect(r.value).toEqual(w.value);
    }
  });

  it('names the line of a bad row in the whole file, not in its chunk', async () => {
    const g = generateBankCsv({ rows: 3000, seed: 4 });
    const text = new TextDecoder().decode(g.bytes).split('\n');
    text[2500] = text[2500]?.replace(/^\d{4}-\d{2}-\d{2}/, '2021-13-45') ?? '';
    const bytes = new TextEncoder().encode(text.join('\n'));
    const whole = forEachCsvStatementLine(bytes, GENERATED_CSV_MAPPING, 's.csv', () => undefined);
    const { r } = await streamed(bytes, GENERATED_CSV_MAPPING, 4096);
    expect(whole.ok ? null : [whole.error.code, whole.error.line]).toEqual(['IMPORT_DATE_INVALID', 2501]);
    expect(r.ok ? null : [r.error.code, r.error.line, r.error.field]).toEqual(
      whole.ok ? null : [whole.error.code, whole.error.line, whole.error.field],
    );
  });

  it('refuses a quote never closed, at the line where its record starts', async () => {
    const bytes = new TextEncoder().encode(`${new TextDecoder().decode(fixture)}02.02.2021;"never closed\n`);
    const { r } = await streamed(bytes, MAPPING, 16);
    expect(r.ok ? null : r.error.code).toBe('IMPORT_TRUNCATED');
  });
});
