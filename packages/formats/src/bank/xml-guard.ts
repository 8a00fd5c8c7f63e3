import { abort } from './import-error.ts';

/** Deeper than any bank statement or rates file nests (CAMT.053 reaches about 12). */
export const MAX_XML_DEPTH = 100;

function lineAt(text: string, offset: number, lineOffset: number): number {
  let line = 1 + lineOffset;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Refuses XML that no statement or rates file needs and that an attacker can use: any document
 * type declaration (`<!DOCTYPE`, `<!ENTITY`, internal, external or parameter entities — billion
 * laughs, file reads) and elements nested deeper than MAX_XML_DEPTH (50,000 nested elements
 * overflowed the parser's stack). One linear pass, no recursion, before any parser sees the text;
 * aborts with IMPORT_XML_INVALID naming the line.
 */
export function guardXml(text: string, file: string, lineOffset = 0): void {
  let depth = 0;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next === 0x3f /* ? */) {
      const end = text.indexOf('?>', at + 2);
      if (end < 0) return; // unclosed: the validator names it
      at = end + 1;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', at)) {
        const end = text.indexOf('-->', at + 4);
        if (end < 0) return;
        at = end + 2;
        continue;
      }
      if (text.startsWith('<![CDATA[', at)) {
        const end = text.indexOf(']]>', at + 9);
        if (end < 0) return;
        at = end + 2;
        continue;
      }
      // <!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST, <!NOTATION: declarations have no place here.
      abort(
        'IMPORT_XML_INVALID',
        'the XML declares a document type or entities (<!DOCTYPE / <!ENTITY>): refused, a statement or rates file never needs one',
        file,
        lineAt(text, at, lineOffset),
        'DOCTYPE',
      );
    }
    if (next === 0x2f /* / */) {
      depth--;
      continue;
    }
    const close = text.indexOf('>', at + 1);
    if (close < 0) return;
    if (text.charCodeAt(close - 1) !== 0x2f /* self-closing */) {
      depth++;
      if (depth > MAX_XML_DEPTH)
        abort(
          'IMPORT_XML_INVALID',
          `elements are nested more than ${String(MAX_XML_DEPTH)} deep: refused`,
          file,
          lineAt(text, at, lineOffset),
        );
    }
    at = close;
  }
}
