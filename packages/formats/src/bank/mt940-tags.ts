import type { Mt940Tag } from './mt940-fields.ts';

/** A tag, or the end of a SWIFT message (`-` or `-}`). */
export type Mt940Token = Mt940Tag | { readonly tag: '-'; readonly value: ''; readonly line: number };

// SWIFT basic, application, user header and trailer blocks (`{1:F01…}`, `{2:O940…}`, `{3:{108:…}}`,
// `{5:{CHK:…}}`): nested one level at most.
const HEADER_BLOCK = /\{[1235]:(?:[^{}]|\{[^{}]*\})*\}/g;

/**
 * Splits MT940/MT942 text into tags, each with the line it starts on. SWIFT block wrappers
 * (`{1:…}{2:…}{4:` … `-}`) are dropped, and `-` or `-}` ends a message, so that a file of several
 * wrapped messages reads as several statements. A missing final line break changes nothing.
 */
export function readMt940Tags(text: string): Mt940Token[] {
  const out: Mt940Token[] = [];
  let current: { tag: string; value: string; line: number } | null = null;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    let row = raw.replace(HEADER_BLOCK, '');
    if (row.startsWith('{4:')) {
      current = null;
      row = row.slice(3);
    }
    const m = /^:(\d{2}[A-Z]?|NS):(.*)$/.exec(row);
    if (m) {
      current = { tag: m[1] ?? '', value: m[2] ?? '', line: i + 1 };
      out.push(current);
    } else if (/^-\}?\s*$/.test(row)) {
      current = null;
      out.push({ tag: '-', value: '', line: i + 1 });
    } else if (/^\{[1-5]:/.test(row) || row.trim() === '}') {
      current = null;
    } else if (current !== null && row.trim() !== '') {
      current.value += `\n${row}`;
    }
  });
  return out;
}
