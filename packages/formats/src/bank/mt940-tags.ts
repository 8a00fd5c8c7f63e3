import type { Mt940Tag } from './mt940-fields.ts';

/** A tag, or the end of a SWIFT message (`-` or `-}`). */
export type Mt940Token = Mt940Tag | { readonly tag: '-'; readonly value: ''; readonly line: number };

// SWIFT basic, application, user header and trailer blocks (`{1:F01…}`, `{2:O940…}`, `{3:{108:…}}`,
// `{5:{CHK:…}}`): nested one level at most.
const HEADER_BLOCK = /\{[1235]:(?:[^{}]|\{[^{}]*\})*\}/g;

/**
 * Splits MT940/MT942 rows into tags as they come, each with the line it starts on. SWIFT block
 * wrappers (`{1:…}{2:…}{4:` … `-}`) are dropped, and `-` or `-}` ends a message, so that a file of
 * several wrapped messages reads as several statements. A tag is handed on once the row after it
 * shows that it is complete (its continuation lines joined), or at the end.
 */
export class Mt940TagSplitter {
  private current: { tag: string; value: string; line: number } | null = null;
  private lineNo = 0;

  constructor(private readonly onToken: (t: Mt940Token) => void) {}

  /** One row of text without its line break (CR, LF and CRLF all end a row). */
  row(raw: string): void {
    this.lineNo += 1;
    let row = raw.indexOf('{') >= 0 ? raw.replace(HEADER_BLOCK, '') : raw;
    if (row.startsWith('{4:')) {
      this.flush();
      row = row.slice(3);
    }
    const m = row.charCodeAt(0) === 0x3a /* : */ ? /^:(\d{2}[A-Z]?|NS):(.*)$/.exec(row) : null;
    if (m) {
      this.flush();
      this.current = { tag: m[1] ?? '', value: m[2] ?? '', line: this.lineNo };
    } else if (/^-\}?\s*$/.test(row)) {
      this.flush();
      this.onToken({ tag: '-', value: '', line: this.lineNo });
    } else if (/^\{[1-5]:/.test(row) || row.trim() === '}') {
      this.flush();
    } else if (this.current !== null && row.trim() !== '') {
      this.current.value += `\n${row}`;
    }
  }

  /** A line as the line reader hands it (split at LF): a CR inside it ends a row too. */
  line(text: string): void {
    const body = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (body.indexOf('\r') < 0) return this.row(body);
    for (const part of body.split('\r')) this.row(part);
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    const t = this.current;
    this.current = null;
    if (t !== null) this.onToken(t);
  }
}

/** Splits MT940/MT942 text into tags (the splitter over a whole text). */
export function readMt940Tags(text: string): Mt940Token[] {
  const out: Mt940Token[] = [];
  const splitter = new Mt940TagSplitter((t) => out.push(t));
  for (const row of text.split(/\r\n|\r|\n/)) splitter.row(row);
  splitter.end();
  return out;
}
