import { closeSync, openSync, readFileSync, rmSync, writeSync, ftruncateSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { sniffNotStatement } from './not-statement.ts';
import { parseBankStatement } from './parse-bank-statement.ts';
import { fileChunks, readHead } from './byte-source.ts';
import { SNIFF_BYTES } from './not-statement.ts';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const padded = (head: Uint8Array, size = 2048): Uint8Array => {
  const out = new Uint8Array(size);
  out.set(head);
  for (let i = head.length; i < size; i++) out[i] = (i * 131 + 7) % 256;
  return out;
};

describe('a file that is not a statement', () => {
  it.each([
    ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR')],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF')],
    ['gif', bytes('GIF89a')],
    ['pdf', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['zip', bytes('PK', [3, 4, 20, 0, 0, 0], 'notes.txt')],
    ['office', bytes('PK', [3, 4, 20, 0, 6, 0], '[Content_Types].xml')],
    ['ole', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
    ['gzip', bytes([0x1f, 0x8b, 8, 0])],
    ['executable', bytes([0x7f], 'ELF', [2, 1, 1, 0])],
    ['sqlite', bytes('SQLite format 3', [0])],
  ])('is told from its first bytes: %s', (kind, head) => {
    expect(sniffNotStatement(padded(head))).toBe(kind);
    const r = parseBankStatement(padded(head), { fileName: 'statement.csv' });
    expect(r.ok ? null : [r.error.code, r.error.details?.['kind']]).toEqual(['IMPORT_NOT_STATEMENT', kind]);
  });

  it('names random binary data as such, and says what it looks like in the message', () => {
    const random = padded(new Uint8Array(0), 4096);
    expect(sniffNotStatement(random)).toBe('binary');
    const r = parseBankStatement(padded(bytes('%PDF-1.4')), { fileName: 'x.txt' });
    expect(r.ok ? '' : r.error.message).toBe('not a bank statement (looks like a PDF document)');
  });

  it('lets every real statement fixture through, and a short one padded with NULs', () => {
    for (const name of [
      '1c-kz.utf8.txt',
      '1c-ru.cp866.txt',
      '1c-ru.windows-1251.txt',
      '1c-ru.utf8-bom.txt',
      'camt053.xml',
      'mt940.sta',
      'statement.csv',
    ])
      expect([name, sniffNotStatement(new Uint8Array(readFileSync(`${FIXTURE_DIR}${name}`)))]).toEqual([
        name,
        null,
      ]);
    expect(sniffNotStatement(bytes('1CClientBankExchange\r\nКонецФайла\r\n', [0, 0, 0, 0]))).toBeNull();
  });

  it('refuses a 200 MB file reading only its head', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-sniff-'));
    const path = join(dir, 'scan.png');
    try {
      const fd = openSync(path, 'w');
      writeSync(fd, padded(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 64));
      ftruncateSync(fd, 200 * 1024 * 1024); // sparse: the rest is a hole
      closeSync(fd);
      let read = 0;
      async function* counted() {
        for await (const c of fileChunks(path)) {
          read += c.length;
          yield c;
        }
      }
      const { head, close } = await readHead(counted(), SNIFF_BYTES);
      await close();
      expect(sniffNotStatement(head)).toBe('png');
      expect(read).toBeLessThanOrEqual(1 << 20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
