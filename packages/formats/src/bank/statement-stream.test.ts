import { readdirSync, readFileSync } from 'node:fs';
import type { StatementLine } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { CAMT_ARRAYS } from './camt-balances.ts';
import { openCamtStream } from './camt-stream.ts';
import { generateCamt053Statement, generateMt940Statement } from './generate-swift-iso.ts';
import { openMt940Stream } from './mt940-stream.ts';
import { parseBankStatement } from './parse-bank-statement.ts';
import { withStreamChecks } from './statement-stream-checks.ts';
import { parseWithStream, readStatementStream, type OpenStatementStream } from './statement-stream.ts';
import { chunksOf } from './byte-source.ts';
import { catchAbort } from './import-error.ts';
import { XmlStreamTree } from './xml-stream.ts';
import { children, parseXml, type XmlNode } from './xml-tree.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const SEEDS = new URL('../fixtures/seeds/', import.meta.url);
const read = (dir: URL, name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const files = (dir: string, ext: string) =>
  readdirSync(new URL(dir, FIXTURES))
    .filter((f) => f.endsWith(ext))
    .map((f) => [`${dir}${f}`, read(new URL(dir, FIXTURES), f)] as const);

const MT940 = [
  ['mt940.sta', read(FIXTURES, 'mt940.sta')] as const,
  ...files('mt940/', '.sta'),
  ['mt940-duplicated-statement.sta', read(SEEDS, 'mt940-duplicated-statement.sta')] as const,
];
const CAMT = [['camt053.xml', read(FIXTURES, 'camt053.xml')] as const, ...files('camt/', '.xml')];
const open = (name: string): OpenStatementStream =>
  name.endsWith('.xml') ? openCamtStream(name) : openMt940Stream(name);

describe('MT940 and CAMT read as streams', () => {
  it.each([...MT940, ...CAMT])(
    '%s: cut into chunks of 1, 7 and 4093 bytes, reads exactly as whole',
    (name, bytes) => {
      const whole = parseWithStream(bytes, open(name));
      expect(whole.ok).toBe(true);
      for (const size of [1, 7, 4093]) expect(parseWithStream(bytes, open(name), size)).toEqual(whole);
    },
  );

  it.each(CAMT)('%s: each entry is built as the whole-document parser builds it', (name, bytes) => {
    const text = new TextDecoder().decode(bytes);
    const json = (n: unknown) => JSON.parse(JSON.stringify(n)) as unknown;
    const doc = parseXml(text, name, CAMT_ARRAYS);
    const root = Object.values(children(doc, 'Document')[0] ?? {}).find((v) => typeof v === 'object');
    const wanted = Object.values(root ?? {})
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .flatMap((stmt) => children(stmt, 'Ntry'))
      .map(json);
    const got: unknown[] = [];
    const tree = new XmlStreamTree(name, CAMT_ARRAYS, {
      detach: (path) => path[path.length - 1] === 'Ntry',
      element: (_path, node: XmlNode) => got.push(json(node)),
    });
    for (let at = 0; at < text.length; at += 61) tree.write(text.slice(at, at + 61));
    tree.end();
    expect(wanted.length).toBeGreaterThan(0);
    expect(got).toEqual(wanted);
  });

  it('hands on MT940 lines and CAMT entries as they are read, not at the end', () => {
    for (const [name, g] of [
      ['g.sta', generateMt940Statement({ documents: 2000, seed: 7, perDay: 20 })],
      ['g.xml', generateCamt053Statement({ documents: 2000, seed: 7 })],
    ] as const) {
      const seen: StatementLine[] = [];
      const reader = open(name)(g.bytes.subarray(0, 1 << 20), true, (l) => seen.push(l));
      reader.push(g.bytes.subarray(0, g.bytes.length >> 1));
      expect(seen.length).toBeGreaterThan(800);
      reader.push(g.bytes.subarray(g.bytes.length >> 1));
      reader.end();
      expect(seen.length).toBe(2000);
    }
  });

  it('hands on an MT940 page’s lines as they are read, before its closing balance, and holds a page read before', () => {
    const head = ':20:ONE\r\n:25:KZ716010131000012345\r\n:28C:1/1\r\n:60F:C210105KZT100,00\r\n';
    const line = (i: number): string =>
      `:61:2101050105C1,00NTRFD${String(i)}//B${String(i)}\r\n:86:/REMI/Грант ${String(i)}\r\n`;
    const body = Array.from({ length: 50 }, (_, i) => line(i)).join('');
    const page = `${head}${body}:62F:C210105KZT150,00\r\n-\r\n`;
    const seen: StatementLine[] = [];
    const bytes = new TextEncoder().encode(`${page}${page}`);
    const reader = openMt940Stream('p.sta')(bytes.subarray(0, 64), false, (l) => seen.push(l));
    const enc = new TextEncoder();
    reader.push(enc.encode(head + body));
    // All but the last line (its :86: may still go on): handed on with no closing balance read yet.
    expect(seen.length).toBe(49);
    reader.push(enc.encode(':62F:C210105KZT150,00\r\n-\r\n'));
    expect(seen.length).toBe(50);
    // The same page again: held until it closes, then counted as a repeat, not handed on.
    reader.push(enc.encode(head + body));
    expect(seen.length).toBe(50);
    reader.push(enc.encode(':62F:C210105KZT150,00\r\n-\r\n'));
    const summary = reader.end();
    expect(seen.length).toBe(50);
    expect(summary.duplicateLines).toBe(50);
    expect(summary.warnings.map((w) => w.code)).toEqual(['IMPORT_WARN_STATEMENT_REPEATED']);
  });

  it('checks account numbers and periods as a whole-file read does (warnings, in the same order)', async () => {
    const g = generateMt940Statement({ documents: 300, seed: 11, perDay: 30 });
    // One payment booked before every period of the file: warned about; one in another day's page: not.
    const text = new TextDecoder()
      .decode(g.bytes)
      .replace(':61:210102', ':61:201230')
      .replace(':61:210104', ':61:210105');
    const bytes = new TextEncoder().encode(text);
    const whole = parseBankStatement(bytes, { fileName: 'w.sta', balances: 'report' });
    if (!whole.ok) throw new Error(whole.error.message);
    const lines: StatementLine[] = [];
    const streamed = await readStatementStream(
      chunksOf(bytes, 333),
      withStreamChecks(openMt940Stream('w.sta'), 'w.sta'),
      (l) => void lines.push(l),
    );
    if (!streamed.ok) throw new Error(streamed.error.message);
    expect(whole.value.warnings.some((w) => w.code === 'IMPORT_WARN_OUTSIDE_PERIOD')).toBe(true);
    expect(streamed.value.warnings).toEqual(whole.value.warnings);
    expect(streamed.value.balances).toEqual(whole.value.balances);
    expect(lines).toEqual(whole.value.lines);
  });

  it('refuses a DOCTYPE, an entity and deep nesting in a streamed CAMT file, naming the line', () => {
    const r = parseWithStream(read(SEEDS, 'camt053-doctype-entities.xml'), openCamtStream('d.xml'), 5);
    expect(r.ok ? null : [r.error.code, r.error.line, r.error.field]).toEqual([
      'IMPORT_XML_INVALID',
      2,
      'DOCTYPE',
    ]);
    const n = parseWithStream(read(SEEDS, 'camt053-deep-nesting.xml'), openCamtStream('n.xml'), 5);
    expect(n.ok ? null : [n.error.code, n.error.line]).toEqual(['IMPORT_XML_INVALID', 3]);
  });
  it.each([
    ['an internal entity', '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "b">]>\n<r>&a;</r>', 2, 'DOCTYPE'],
    ['an external entity', '<!DOCTYPE r SYSTEM "http://x.invalid/r.dtd">\n<r/>', 1, 'DOCTYPE'],
    ['a bare ENTITY declaration', '<r>\n<!ENTITY % p SYSTEM "file:///etc/passwd">\n</r>', 2, 'DOCTYPE'],
    ['a lower-case doctype after a comment', '<!-- c -->\n\n<!doctype r>\n<r/>', 3, 'DOCTYPE'],
    ['an undefined entity', '<r>\n<a>&nope;</a></r>', 2, undefined],
    ['an unclosed element', '<r>\n<a>\n</r>', 3, undefined],
  ])('the streaming XML reader refuses %s, naming its line', (_name, xml, line, field) => {
    for (const size of [3, 1000]) {
      const r = catchAbort(() => {
        const tree = new XmlStreamTree('x.xml', CAMT_ARRAYS, {
          detach: () => false,
          element: () => undefined,
        });
        for (let at = 0; at < xml.length; at += size) tree.write(xml.slice(at, at + size));
        tree.end();
        return { ok: true as const, value: null };
      });
      expect(r.ok ? null : [r.error.code, r.error.line, r.error.field]).toEqual([
        'IMPORT_XML_INVALID',
        line,
        field,
      ]);
    }
  });
});
