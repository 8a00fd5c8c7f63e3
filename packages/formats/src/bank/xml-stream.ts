import { SaxesParser } from 'saxes';
import { abort } from './import-error.ts';
import { MAX_XML_DEPTH } from './xml-guard.ts';
import { XML_LINE, type XmlNode } from './xml-tree.ts';

interface Frame {
  readonly name: string;
  readonly node: Record<string | symbol, unknown>;
  text: string;
  shaped: boolean;
}

/** What the streaming tree hands on: an element taken out of the tree as it closes, with its ancestors' names. */
export interface XmlStreamHandlers {
  /** Whether the element at this path (local names from the root) is handed on rather than kept in its parent. */
  readonly detach: (path: readonly string[]) => boolean;
  /** A detached element, complete; `parent` is its parent as built so far (its earlier children). */
  readonly element: (path: readonly string[], node: XmlNode, parent: XmlNode) => void;
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * XML read as it arrives (saxes: strict, no DTD processing), built into the same small trees
 * `parseXml` makes — local names, attributes as `@_name`, text trimmed, the listed names always
 * arrays, each element's line — except that the elements `detach` selects are handed to `element`
 * as they close and never kept: a document of any size is held one entry at a time. A document
 * type declaration (any `<!DOCTYPE`/`<!ENTITY`), nesting deeper than MAX_XML_DEPTH and malformed
 * XML abort with IMPORT_XML_INVALID naming the line.
 */
export class XmlStreamTree {
  private readonly parser = new SaxesParser<{ position: true; xmlns: false }>({
    position: true,
    xmlns: false,
  });
  private readonly stack: Frame[] = [];
  private readonly path: string[] = [];
  private startLine = 1;
  private tail = '';
  private window = '';
  private windowStart = 0;
  private fed = 0;
  private deferred: { readonly message: string; readonly line: number } | null = null;
  readonly root: Record<string | symbol, unknown> = {};

  constructor(
    private readonly file: string,
    private readonly arrays: ReadonlySet<string>,
    private readonly handlers: XmlStreamHandlers,
  ) {
    const p = this.parser;
    p.on('error', (e) => this.fail(e.message));
    p.on('doctype', (d) => this.declaration(p.line - (d.match(/\n/g)?.length ?? 0)));
    p.on('opentagstart', () => {
      this.startLine = p.line;
    });
    p.on('opentag', (t) => this.open(localName(t.name), t.attributes));
    p.on('text', (t) => this.text(t));
    p.on('cdata', (t) => this.text(t));
    p.on('closetag', () => this.close());
  }

  write(text: string): void {
    // What the reader has just been given, with a little of what came before (for `fail`).
    this.window = this.tail + text;
    this.windowStart = this.fed - this.tail.length;
    this.fed += text.length;
    this.parser.write(text);
    this.tail = this.window.slice(-32);
  }

  end(): void {
    this.parser.close();
    this.raise();
  }

  /** Text outside the root is refused at the next element or the end, after any declaration before it. */
  private raise(): void {
    const d = this.deferred;
    if (d !== null) abort('IMPORT_XML_INVALID', `the XML is malformed: ${d.message}`, this.file, d.line);
  }

  private declaration(line: number): never {
    return abort(
      'IMPORT_XML_INVALID',
      'the XML declares a document type or entities (<!DOCTYPE / <!ENTITY>): refused, a statement or rates file never needs one',
      this.file,
      line,
      'DOCTYPE',
    );
  }

  /** saxes's message without its position; a `<!` declaration it stumbled on is named as such. */
  private fail(message: string): void {
    const p = this.parser;
    const upto = p.position - this.windowStart;
    const seen = this.window.slice(Math.max(0, upto - 32), upto + 1);
    const bang = seen.lastIndexOf('<!');
    if (bang >= 0 && /^<![A-Za-z%\s]*$/.test(seen.slice(bang))) this.declaration(p.line);
    const text = message.replace(/^.*?\d+:\d+: /, '');
    // Where a chunk ends decides when the reader notices text outside the root: a declaration
    // after it must still be named as one, however the file was cut.
    if (/outside of root node/.test(text)) {
      this.deferred ??= { message: text, line: p.line };
      return;
    }
    abort('IMPORT_XML_INVALID', `the XML is malformed: ${text}`, this.file, p.line);
  }

  private open(name: string, attributes: Record<string, string>): void {
    this.raise();
    if (this.stack.length >= MAX_XML_DEPTH)
      abort(
        'IMPORT_XML_INVALID',
        `elements are nested more than ${String(MAX_XML_DEPTH)} deep: refused`,
        this.file,
        this.startLine,
      );
    const node: Record<string | symbol, unknown> = { [XML_LINE]: this.startLine };
    let shaped = false;
    for (const [key, value] of Object.entries(attributes)) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      node[`@_${localName(key)}`] = value;
      shaped = true;
    }
    this.stack.push({ name, node, text: '', shaped });
    this.path.push(name);
  }

  private text(t: string): void {
    const top = this.stack[this.stack.length - 1];
    // Whitespace between elements is not kept (a statement's thousands of entries would add up).
    if (top !== undefined && (top.text !== '' || t.trim() !== '')) top.text += t;
  }

  private close(): void {
    this.raise();
    const frame = this.stack.pop();
    if (frame === undefined) return;
    const parentFrame = this.stack[this.stack.length - 1];
    const parent = parentFrame?.node ?? this.root;
    const text = frame.text.trim();
    const value: unknown = frame.shaped
      ? text === ''
        ? frame.node
        : Object.assign(frame.node, { '#text': text })
      : text;
    if (parentFrame) parentFrame.shaped = true;
    if (this.handlers.detach(this.path)) {
      const node: XmlNode =
        typeof value === 'string' ? { '#text': value, [XML_LINE]: frame.node[XML_LINE] } : frame.node;
      this.handlers.element(this.path, node, parent);
    } else {
      const before = parent[frame.name];
      if (before === undefined) parent[frame.name] = this.arrays.has(frame.name) ? [value] : value;
      else if (Array.isArray(before)) before.push(value);
      else parent[frame.name] = [before, value];
    }
    this.path.pop();
  }
}
