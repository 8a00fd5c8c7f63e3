import { abort } from './import-error.ts';
import { OnecFieldResolver, type OnecSection } from './onec-fields.ts';

/** One section of a 1C file: canonical field → value, with the line of each field. */
export interface OnecBlock {
  /** 1-based line of the section's opening line. */
  readonly line: number;
  /** For documents, the kind after `СекцияДокумент=` (e.g. `Платежное поручение`). */
  readonly kind: string;
  /** By canonical name. The same object as `raw` while every name in the file is canonical. */
  values: Record<string, string>;
  /** Names as written in the file. */
  readonly raw: Record<string, string>;
  /** Canonical names in file order, with their lines (for error messages). */
  readonly fields: string[];
  readonly fieldLines: number[];
}

/** The line of a field in a block (its last occurrence), else the block's first line. */
export function lineOfField(block: OnecBlock, field: string): number {
  const i = block.fields.lastIndexOf(field);
  return i < 0 ? block.line : (block.fieldLines[i] ?? block.line);
}

export interface OnecFile {
  readonly header: OnecBlock;
  /** Every `РасчСчет=` line of the header (a file may list several accounts). */
  readonly headerAccounts: readonly string[];
  readonly balances: readonly OnecBlock[];
  readonly documents: readonly OnecBlock[];
}

const MAGIC = '1CClientBankExchange';

function newBlock(line: number, kind: string): OnecBlock {
  const raw: Record<string, string> = {};
  return { line, kind, values: raw, raw, fields: [], fieldLines: [] };
}

/**
 * Splits 1C text into header, balance blocks and documents, resolving every field name.
 * Aborts with IMPORT_UNKNOWN_FIELD, IMPORT_TRUNCATED or IMPORT_LINE_INVALID naming the line.
 */
export function readOnecText(text: string, file: string, resolver: OnecFieldResolver): OnecFile {
  const header = newBlock(1, 'header');
  const headerAccounts: string[] = [];
  const balances: OnecBlock[] = [];
  const documents: OnecBlock[] = [];
  let section: OnecSection = 'header';
  let current: OnecBlock = header;
  let lineNo = 0;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let sawMagic = false;
  let ended = false;
  const n = text.length;
  while (pos < n && !ended) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const start = pos;
    pos = nl + 1;
    lineNo++;
    // Split at the first "=" without first copying the whole line: this runs for every line.
    let eq = text.indexOf('=', start);
    if (eq >= end) eq = -1;
    let key = eq < 0 ? text.slice(start, end) : text.slice(start, eq);
    if (key.length > 0 && (key.charCodeAt(0) <= 32 || key.charCodeAt(key.length - 1) <= 32)) key = key.trim();
    let value = eq < 0 ? '' : text.slice(eq + 1, end);
    if (value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32))
      value = value.trim();
    if (key === '' && value === '') continue;
    if (!sawMagic) {
      if (key !== MAGIC || eq >= 0)
        abort('IMPORT_LINE_INVALID', `the file does not start with "${MAGIC}"`, file, lineNo);
      sawMagic = true;
      continue;
    }
    switch (key) {
      case 'СекцияРасчСчет':
        if (section !== 'header')
          abort(
            'IMPORT_TRUNCATED',
            `section opened at line ${current.line} is not closed before line ${lineNo}`,
            file,
            current.line,
            section === 'balance' ? 'КонецРасчСчет' : 'КонецДокумента',
          );
        section = 'balance';
        current = newBlock(lineNo, 'РасчСчет');
        balances.push(current);
        continue;
      case 'СекцияДокумент':
        if (section !== 'header')
          abort(
            'IMPORT_TRUNCATED',
            `section opened at line ${current.line} is not closed before line ${lineNo}`,
            file,
            current.line,
            section === 'balance' ? 'КонецРасчСчет' : 'КонецДокумента',
          );
        section = 'document';
        current = newBlock(lineNo, value);
        documents.push(current);
        continue;
      case 'КонецРасчСчет':
      case 'КонецДокумента': {
        const expected = section === 'balance' ? 'КонецРасчСчет' : 'КонецДокумента';
        if (section === 'header' || key !== expected)
          abort('IMPORT_LINE_INVALID', `"${key}" without an open section`, file, lineNo, key);
        section = 'header';
        current = header;
        continue;
      }
      case 'КонецФайла':
        if (section !== 'header')
          abort(
            'IMPORT_TRUNCATED',
            `section opened at line ${current.line} is not closed before the end of the file`,
            file,
            current.line,
            section === 'balance' ? 'КонецРасчСчет' : 'КонецДокумента',
          );
        ended = true;
        continue;
    }
    if (eq < 0) abort('IMPORT_LINE_INVALID', `"${key.slice(0, 60)}" is not a field=value line`, file, lineNo);
    const field = resolver.resolve(section, key);
    if (field === null) {
      abort(
        'IMPORT_UNKNOWN_FIELD',
        `unknown field "${key}" in the ${section === 'header' ? 'file header' : section === 'balance' ? 'СекцияРасчСчет' : 'СекцияДокумент'} section; if your bank writes it for a known field, add an alias to the aliases file (--aliases), e.g. {"${key}": "<known field>"} (see docs/formats.md)`,
        file,
        lineNo,
        key,
      );
    }
    if (section === 'header' && field === 'РасчСчет') headerAccounts.push(value);
    if (field !== key && current.values === current.raw) current.values = { ...current.raw };
    current.values[field] = value;
    current.raw[key] = value;
    current.fields.push(field);
    current.fieldLines.push(lineNo);
  }
  if (!sawMagic) abort('IMPORT_TRUNCATED', `the file is empty: no "${MAGIC}" line`, file, 1);
  if (ended) refuseTrailingContent(text, pos, lineNo, file);
  if (section !== 'header') {
    abort(
      'IMPORT_TRUNCATED',
      `the file ends inside the section opened at line ${current.line}`,
      file,
      current.line,
      section === 'balance' ? 'КонецРасчСчет' : 'КонецДокумента',
    );
  }
  if (!ended)
    abort(
      'IMPORT_TRUNCATED',
      'the file ends without "КонецФайла": it was cut short',
      file,
      lineNo + 1,
      'КонецФайла',
    );
  return { header, headerAccounts, balances, documents };
}

/**
 * Whatever follows `КонецФайла` is refused, not cut: a second statement appended to the file (or
 * a file joined to another) would otherwise be dropped without a word. Blank lines, NUL padding
 * and a DOS end-of-file mark (Ctrl-Z) are all that may follow.
 */
function refuseTrailingContent(text: string, pos: number, lineNo: number, file: string): void {
  let at = pos;
  let line = lineNo + 1;
  for (; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === 10) line++;
    else if (!(c <= 32 || c === 0x1a || c === 0xa0 || c === 0xfeff)) break;
  }
  if (at >= text.length) return;
  abort(
    'IMPORT_LINE_INVALID',
    `the file goes on after "КонецФайла" (line ${String(lineNo)}): a second statement or other text was joined to it; import each statement as its own file`,
    file,
    line,
    'КонецФайла',
  );
}
