import { abort } from './import-error.ts';

/**
 * Called once per record with its fields and the 1-based line where it starts. The `fields`
 * array is reused between calls: copy what you keep.
 */
export type CsvRecordHandler = (fields: string[], line: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Reads RFC 4180 CSV: fields may be quoted, quotes inside are doubled, and quoted fields may hold
 * the delimiter and line breaks; lines end in CRLF or LF. Blank lines are skipped. Records without
 * quotes take a fast path (indexOf scans, one slice per field) so a million lines read in about a
 * second. An unterminated quote aborts with IMPORT_TRUNCATED.
 */
export function readCsvRecords(
  text: string,
  delimiter: string,
  file: string,
  onRecord: CsvRecordHandler,
): void {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  const fields: string[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let nextQuote = text.indexOf('"', pos);
  if (nextQuote < 0) nextQuote = n;
  while (pos < n) {
    const startLine = line;
    fields.length = 0;
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    if (nextQuote < pos) {
      nextQuote = text.indexOf('"', pos);
      if (nextQuote < 0) nextQuote = n;
    }
    if (nextQuote >= nl) {
      let end = nl;
      if (end > pos && text.charCodeAt(end - 1) === CR) end--;
      let start = pos;
      for (;;) {
        const d = text.indexOf(delimiter, start);
        if (d < 0 || d >= end) {
          fields.push(text.slice(start, end));
          break;
        }
        fields.push(text.slice(start, d));
        start = d + 1;
      }
      pos = nl + 1;
      line++;
    } else {
      pos = readQuotedRecord(text, pos, delim, fields, file, line);
      // count the line breaks consumed, including those inside quoted fields
      for (let i = text.lastIndexOf('\n', pos - 1); i >= 0 && i >= nl; i = text.lastIndexOf('\n', i - 1))
        line++;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    onRecord(fields, startLine);
  }
}

/** Reads one record that has a quote somewhere; returns the position after its line break. */
function readQuotedRecord(
  text: string,
  pos: number,
  delim: number,
  fields: string[],
  file: string,
  line: number,
): number {
  const n = text.length;
  let i = pos;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0)
          abort('IMPORT_TRUNCATED', 'a quoted field is not closed before the end of the file', file, line);
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept as written (lenient).
      let j = i;
      while (
        j < n &&
        text.charCodeAt(j) !== delim &&
        text.charCodeAt(j) !== LF &&
        !(text.charCodeAt(j) === CR && text.charCodeAt(j + 1) === LF)
      )
        j++;
      fields.push(value + text.slice(i, j));
      i = j;
    } else {
      let j = i;
      while (j < n && text.charCodeAt(j) !== delim && text.charCodeAt(j) !== LF) j++;
      let end = j;
      if (j < n && text.charCodeAt(j) === LF && end > i && text.charCodeAt(end - 1) === CR) end--;
      fields.push(text.slice(i, end));
      i = j;
    }
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      if (i >= n) {
        fields.push('');
        return n;
      }
      continue;
    }
    if (c === CR) i++;
    return i + 1;
  }
}
