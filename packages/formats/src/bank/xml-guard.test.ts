import { describe, expect, it } from 'vitest';
import { catchAbort } from './import-error.ts';
import { guardXml, MAX_XML_DEPTH } from './xml-guard.ts';

const check = (xml: string, lineOffset = 0) =>
  catchAbort(() => {
    guardXml(xml, 'g.xml', lineOffset);
    return { ok: true as const, value: null };
  });
const nested = (depth: number) => `<r>\n${'<a>'.repeat(depth - 1)}${'</a>'.repeat(depth - 1)}</r>`;

describe('guardXml', () => {
  it.each([
    ['an internal entity', '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "b">]>\n<r>&a;</r>', 2],
    ['an external entity', '<!DOCTYPE r SYSTEM "http://x.invalid/r.dtd">\n<r/>', 1],
    ['a bare ENTITY declaration', '<r>\n<!ENTITY % p SYSTEM "file:///etc/passwd">\n</r>', 2],
    ['a lower-case doctype after a comment', '<!-- c -->\n\n<!doctype r>\n<r/>', 3],
  ])('refuses %s, naming its line', (_name, xml, line) => {
    const r = check(xml);
    expect(r.ok ? null : [r.error.code, r.error.line, r.error.field]).toEqual([
      'IMPORT_XML_INVALID',
      line,
      'DOCTYPE',
    ]);
  });

  it('refuses nesting deeper than the cap and accepts it at the cap', () => {
    expect(check(nested(MAX_XML_DEPTH)).ok).toBe(true);
    const r = check(nested(MAX_XML_DEPTH + 1), 10);
    expect(r.ok ? null : [r.error.code, r.error.line]).toEqual(['IMPORT_XML_INVALID', 12]);
    expect(check(nested(50_000)).ok).toBe(false);
  });

  it('lets comments, CDATA, processing instructions and self-closing elements through', () => {
    const xml = `<?xml version="1.0"?><r><!-- <!DOCTYPE x> --><a><![CDATA[<!DOCTYPE <b><b>]]></a>${'<e/>'.repeat(500)}</r>`;
    expect(check(xml).ok).toBe(true);
  });
});
