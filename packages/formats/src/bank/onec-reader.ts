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
  /** Fields the importer does not know, as written (kept with the line, never lost); null when none. */
  extras: Record<string, string> | null;
}

/** The line of a field in a block (its last occurrence), else the block's first line. */
export function lineOfField(block: OnecBlock, field: string): number {
  const i = block.fields.lastIndexOf(field);
  return i < 0 ? block.line : (block.fieldLines[i] ?? block.line);
}

/** What the reader hands on as the file goes by: each section as soon as it is closed. */
export interface OnecSections {
  /** The header, once: when the first section opens (or at the end of a file without sections). */
  header(block: OnecBlock, accounts: readonly string[]): void;
  balance(block: OnecBlock): void;
  document(block: OnecBlock): void;
}

/** An unknown field's first appearance in the file (reported once per file). */
export interface OnecUnknownField {
  readonly name: string;
  readonly line: number;
  readonly section: OnecSection;
}

const MAGIC = '1CClientBankExchange';
/** Distinct unknown field names a file may have before it is refused. */
const MAX_UNKNOWN_FIELDS = 500;
/** Places of a document's fields whose names are predicted from the previous document. */
const MAX_PREDICTED = 64;
const END_OF: Record<OnecSection, string> = {
  header: '',
  balance: 'КонецРасчСчет',
  document: 'КонецДокумента',
};

function newBlock(line: number, kind: string): OnecBlock {
  const raw: Record<string, string> = {};
  return { line, kind, values: raw, raw, fields: [], fieldLines: [], extras: null };
}

/**
 * Reads a 1C "1CClientBankExchange" file line by line (the file is never held whole): splits it
 * into header, balance sections and documents, resolving every field name, and hands each section
 * on as soon as it is closed. A field it does not know is kept in the section's `extras` and
 * listed once in `unknown`. Aborts with IMPORT_TRUNCATED or IMPORT_LINE_INVALID naming the line.
 */
export class OnecLineReader {
  /** Unknown fields, first appearance each, in file order. */
  readonly unknown: OnecUnknownField[] = [];
  private readonly unknownSeen = new Set<string>();
  private readonly header = newBlock(1, 'header');
  private readonly headerAccounts: string[] = [];
  private headerSent = false;
  private section: OnecSection = 'header';
  private current: OnecBlock = this.header;
  private lineNo = 0;
  private sawMagic = false;
  private endedAt = 0;
  /**
   * The previous document's field names in order, with what each resolved to: the next document
   * nearly always repeats them, so a name is compared with the one at its place (a string compare)
   * instead of being hashed for a lookup; the name kept is then also the property key already used.
   */
  private readonly predicted: { readonly name: string; readonly field: string | null }[] = [];
  private fieldAt = 0;

  constructor(
    private readonly file: string,
    private readonly resolver: OnecFieldResolver,
    private readonly sink: OnecSections,
  ) {}

  /** One line of the file, without its line break (a trailing CR is dropped here). */
  line(text: string): void {
    this.lineNo++;
    const lineNo = this.lineNo;
    let end = text.length;
    if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
    if (this.endedAt > 0) return this.afterEnd(text, end);
    let start = lineNo === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (start > end) start = end;
    // Split at the first "=" without first copying the whole line: this runs for every line.
    let eq = text.indexOf('=', start);
    if (eq >= end) eq = -1;
    let key = eq < 0 ? text.slice(start, end) : text.slice(start, eq);
    if (key.length > 0 && (key.charCodeAt(0) <= 32 || key.charCodeAt(key.length - 1) <= 32)) key = key.trim();
    let value = eq < 0 ? '' : text.slice(eq + 1, end);
    if (value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32))
      value = value.trim();
    if (key === '' && value === '') return;
    if (!this.sawMagic) {
      if (key !== MAGIC || eq >= 0)
        abort('IMPORT_LINE_INVALID', `the file does not start with "${MAGIC}"`, this.file, lineNo);
      this.sawMagic = true;
      return;
    }
    switch (key) {
      case 'СекцияРасчСчет':
      case 'СекцияДокумент':
        return this.open(key === 'СекцияРасчСчет' ? 'balance' : 'document', value);
      case 'КонецРасчСчет':
      case 'КонецДокумента':
        return this.close(key);
      case 'КонецФайла':
        if (this.section !== 'header') this.unclosed(`before the end of the file`);
        this.endedAt = lineNo;
        return;
    }
    if (eq < 0)
      abort('IMPORT_LINE_INVALID', `"${key.slice(0, 60)}" is not a field=value line`, this.file, lineNo);
    this.field(key, value, lineNo);
  }

  /** The end of the input: checks the file was whole and hands on a header not yet sent. */
  end(): void {
    if (!this.sawMagic) abort('IMPORT_TRUNCATED', `the file is empty: no "${MAGIC}" line`, this.file, 1);
    if (this.section !== 'header')
      abort(
        'IMPORT_TRUNCATED',
        `the file ends inside the section opened at line ${String(this.current.line)}`,
        this.file,
        this.current.line,
        END_OF[this.section],
      );
    if (this.endedAt === 0)
      abort(
        'IMPORT_TRUNCATED',
        'the file ends without "КонецФайла": it was cut short',
        this.file,
        this.lineNo + 1,
        'КонецФайла',
      );
    this.sendHeader();
  }

  private field(written: string, value: string, lineNo: number): void {
    const current = this.current;
    let key = written;
    let field: string | null;
    const p = this.section === 'document' ? this.predicted[this.fieldAt] : undefined;
    if (p !== undefined && p.name === written) {
      key = p.name;
      field = p.field;
    } else {
      field = this.resolver.resolve(this.section, written);
      if (this.section === 'document' && this.fieldAt < MAX_PREDICTED)
        this.predicted[this.fieldAt] = { name: written, field };
    }
    this.fieldAt++;
    if (field === null) {
      // A bank's own field: kept with its section as written, reported once per file.
      (current.extras ??= {})[key] = value;
      current.raw[key] = value;
      if (!this.unknownSeen.has(key)) {
        // A bank adds a handful of its own fields; thousands of names are not a statement.
        if (this.unknownSeen.size >= MAX_UNKNOWN_FIELDS)
          abort(
            'IMPORT_LINE_INVALID',
            `more than ${String(MAX_UNKNOWN_FIELDS)} different fields the importer does not know: this is not a 1C statement`,
            this.file,
            lineNo,
            key.slice(0, 60),
          );
        this.unknownSeen.add(key);
        this.unknown.push({ name: key, line: lineNo, section: this.section });
      }
      return;
    }
    if (this.section === 'header' && field === 'РасчСчет') this.headerAccounts.push(value);
    if (field !== key && current.values === current.raw) current.values = { ...current.raw };
    current.values[field] = value;
    if (current.values !== current.raw) current.raw[key] = value;
    current.fields.push(field);
    current.fieldLines.push(lineNo);
  }

  private open(section: 'balance' | 'document', value: string): void {
    if (this.section !== 'header') this.unclosed(`before line ${String(this.lineNo)}`);
    this.sendHeader();
    this.section = section;
    this.fieldAt = 0;
    this.current = newBlock(this.lineNo, section === 'balance' ? 'РасчСчет' : value);
  }

  private close(key: string): void {
    if (this.section === 'header' || key !== END_OF[this.section])
      abort('IMPORT_LINE_INVALID', `"${key}" without an open section`, this.file, this.lineNo, key);
    const block = this.current;
    const section = this.section;
    this.section = 'header';
    this.current = this.header;
    if (section === 'balance') this.sink.balance(block);
    else this.sink.document(block);
  }

  private sendHeader(): void {
    if (this.headerSent) return;
    this.headerSent = true;
    this.sink.header(this.header, this.headerAccounts);
  }

  private unclosed(where: string): never {
    abort(
      'IMPORT_TRUNCATED',
      `section opened at line ${String(this.current.line)} is not closed ${where}`,
      this.file,
      this.current.line,
      END_OF[this.section],
    );
  }

  /**
   * Whatever follows `КонецФайла` is refused, not cut: a second statement appended to the file (or
   * a file joined to another) would otherwise be dropped without a word. Blank lines, NUL padding
   * and a DOS end-of-file mark (Ctrl-Z) are all that may follow.
   */
  private afterEnd(text: string, end: number): void {
    for (let at = 0; at < end; at++) {
      const c = text.charCodeAt(at);
      if (c <= 32 || c === 0x1a || c === 0xa0 || c === 0xfeff) continue;
      abort(
        'IMPORT_LINE_INVALID',
        `the file goes on after "КонецФайла" (line ${String(this.endedAt)}): a second statement or other text was joined to it; import each statement as its own file`,
        this.file,
        this.lineNo,
        'КонецФайла',
      );
    }
  }
}
