import fc from 'fast-check';
import iconv from 'iconv-lite';

/**
 * Byte-level mutations of a real file, the damage files suffer on their way from a bank or a
 * colleague: bits flipped, the end cut off, lines doubled or lost, NUL bytes, the wrong encoding,
 * a huge field, and the XML attacks (deep nesting, entity expansion, external entities). Each is a
 * plain value (so fast-check can print and shrink it) applied by `applyMutation`.
 */
export type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly mask: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate-line'; readonly line: number }
  | { readonly kind: 'remove-line'; readonly line: number }
  | { readonly kind: 'swap-lines'; readonly line: number }
  | { readonly kind: 'nul'; readonly at: number; readonly count: number }
  | { readonly kind: 'reencode'; readonly to: 'windows-1251' | 'cp866' | 'utf-16le' }
  | { readonly kind: 'huge-field'; readonly line: number; readonly size: number; readonly fill: string }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'deep-xml'; readonly depth: number }
  | { readonly kind: 'entity-expansion' }
  | { readonly kind: 'external-entity'; readonly target: string };

const position = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });
const toIndex = (fraction: number, length: number): number =>
  Math.min(length, Math.max(0, Math.floor(fraction * length)));

/** Text that parsers meet in the wild: separators, quotes, tags, digits, Cyrillic, control bytes. */
const noisyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '\r\n',
    '\n\n',
    ';',
    ',',
    '"',
    '""',
    '=',
    ':61:',
    ':86:',
    '-}',
    '{4:',
    '</Ntry>',
    '<Ntry>',
    '<![CDATA[',
    ']]>',
    '&amp;',
    '&#0;',
    '&unknown;',
    'СекцияДокумент=',
    'КонецДокумента',
    'Сумма=-1e309',
    '99999999999999999999999.999',
    '2021-02-30',
    '\uFEFF',
    '\u0000',
    '\uFFFD',
    '\\',
  ),
);

/** Mutations that make sense for any file. */
export const byteMutation: fc.Arbitrary<Mutation> = fc
  .oneof(
    fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: position }),
    fc.record({ kind: fc.constant('duplicate-line' as const), line: position }),
    fc.record({ kind: fc.constant('remove-line' as const), line: position }),
    fc.record({ kind: fc.constant('swap-lines' as const), line: position }),
    fc.record({ kind: fc.constant('nul' as const), at: position, count: fc.integer({ min: 1, max: 16 }) }),
    fc.record({
      kind: fc.constant('reencode' as const),
      to: fc.constantFrom('windows-1251' as const, 'cp866' as const, 'utf-16le' as const),
    }),
    fc.record({
      kind: fc.constant('huge-field' as const),
      line: position,
      size: fc.constantFrom(70_000, 300_000, 1_100_000),
      fill: fc.constantFrom('A', '9', 'Я', ';', '"', ' '),
    }),
    fc.record({ kind: fc.constant('insert' as const), at: position, text: noisyText }),
  )
  .map((m) => m as Mutation);

/** The XML attacks, for the readers of XML (CAMT, NBK rates). */
export const xmlMutation: fc.Arbitrary<Mutation> = fc
  .oneof(
    fc.record({ kind: fc.constant('deep-xml' as const), depth: fc.constantFrom(200, 5_000, 60_000) }),
    fc.constant({ kind: 'entity-expansion' as const }),
    fc.record({
      kind: fc.constant('external-entity' as const),
      target: fc.constantFrom('file:///etc/passwd', 'http://127.0.0.1:9/x.dtd', 'expect://id'),
    }),
  )
  .map((m) => m as Mutation);

/** One to three mutations in a row; the XML attacks joined for XML readers. */
export function mutations(xml: boolean): fc.Arbitrary<Mutation[]> {
  const one = xml
    ? fc.oneof({ weight: 4, arbitrary: byteMutation }, { weight: 1, arbitrary: xmlMutation })
    : byteMutation;
  return fc.array(one, { minLength: 1, maxLength: 3 });
}

const encoder = new TextEncoder();
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The byte offsets where each line starts (after a LF), the file's start included. */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && i + 1 < bytes.length) starts.push(i + 1);
  return starts;
}

function lineAt(bytes: Uint8Array, fraction: number): { start: number; end: number } {
  const starts = lineStarts(bytes);
  const i = Math.min(starts.length - 1, Math.floor(fraction * starts.length));
  return { start: starts[i] ?? 0, end: starts[i + 1] ?? bytes.length };
}

/** Where the root element's content starts: after the XML declaration and the root's start tag. */
function afterRootStart(text: string): number {
  const root = /<[A-Za-z_][^>]*>/.exec(text.replace(/^<\?xml[^>]*\?>/, (m) => ' '.repeat(m.length)));
  return root ? root.index + root[0].length : 0;
}

export function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      const i = Math.min(out.length - 1, toIndex(m.at, out.length));
      out[i] = (out[i] ?? 0) ^ m.mask;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, toIndex(m.at, bytes.length));
    case 'duplicate-line': {
      const { start, end } = lineAt(bytes, m.line);
      return concat(bytes.slice(0, end), bytes.slice(start, end), bytes.slice(end));
    }
    case 'remove-line': {
      const { start, end } = lineAt(bytes, m.line);
      return concat(bytes.slice(0, start), bytes.slice(end));
    }
    case 'swap-lines': {
      const a = lineAt(bytes, m.line);
      const b = { start: a.end, end: lineStarts(bytes).find((s) => s > a.end) ?? bytes.length };
      if (b.start >= bytes.length) return bytes;
      return concat(
        bytes.slice(0, a.start),
        bytes.slice(b.start, b.end),
        bytes.slice(a.start, a.end),
        bytes.slice(b.end),
      );
    }
    case 'nul': {
      const i = toIndex(m.at, bytes.length);
      return concat(bytes.slice(0, i), new Uint8Array(m.count), bytes.slice(i));
    }
    case 'reencode': {
      const text = new TextDecoder('utf-8').decode(bytes);
      return new Uint8Array(iconv.encode(text, m.to));
    }
    case 'huge-field': {
      const { end } = lineAt(bytes, m.line);
      const at = end > 0 && bytes[end - 1] === 0x0a ? end - (bytes[end - 2] === 0x0d ? 2 : 1) : end;
      return concat(bytes.slice(0, at), encoder.encode(m.fill.repeat(m.size)), bytes.slice(at));
    }
    case 'insert': {
      const i = toIndex(m.at, bytes.length);
      return concat(bytes.slice(0, i), encoder.encode(m.text), bytes.slice(i));
    }
    case 'deep-xml': {
      const text = new TextDecoder('utf-8').decode(bytes);
      const at = afterRootStart(text);
      return encoder.encode(
        text.slice(0, at) + '<a>'.repeat(m.depth) + '</a>'.repeat(m.depth) + text.slice(at),
      );
    }
    case 'entity-expansion': {
      const dtd =
        '<!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">' +
        '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>';
      return withDoctype(bytes, dtd, '&f;');
    }
    case 'external-entity':
      return withDoctype(bytes, `<!DOCTYPE Document [<!ENTITY x SYSTEM "${m.target}">]>`, '&x;');
  }
}

/** Puts a DOCTYPE after the XML declaration and a reference to its entity inside the root. */
function withDoctype(bytes: Uint8Array, doctype: string, reference: string): Uint8Array {
  const text = new TextDecoder('utf-8').decode(bytes);
  const decl = /^\uFEFF?<\?xml[^>]*\?>/.exec(text);
  const head = decl ? decl[0] : '';
  const rest = text.slice(head.length);
  const at = afterRootStart(rest);
  return encoder.encode(`${head}\n${doctype}${rest.slice(0, at)}${reference}${rest.slice(at)}`);
}

export function applyMutations(bytes: Uint8Array, list: readonly Mutation[]): Uint8Array {
  return list.reduce(applyMutation, bytes);
}
