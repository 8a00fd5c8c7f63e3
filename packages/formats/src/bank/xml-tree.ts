import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { abort } from './import-error.ts';
import { guardXml } from './xml-guard.ts';

/** A parsed XML element: child elements by local name, text as `#text`, attributes as `@_name`. */
export type XmlNode = { readonly [key: string]: unknown };

const META = XMLParser.getMetaDataSymbol();

/** Where a streamed element starts (`xml-stream.ts` builds nodes with it instead of offsets). */
export const XML_LINE: unique symbol = Symbol('xml line');

/**
 * Parses XML text with every value kept as a string (never a float), namespaces dropped, the
 * given elements always as arrays, and each element's start offset recorded for line numbers.
 * Malformed XML, a document type declaration or nesting deeper than MAX_XML_DEPTH abort with
 * IMPORT_XML_INVALID naming the line (`guardXml`); entities other than the five XML predefines
 * are never expanded.
 */
export function parseXml(text: string, file: string, arrays: ReadonlySet<string>, lineOffset = 0): XmlNode {
  guardXml(text, file, lineOffset);
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    abort('IMPORT_XML_INVALID', `the XML is malformed: ${valid.err.msg}`, file, valid.err.line + lineOffset);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    captureMetaData: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => arrays.has(name),
  });
  const root: unknown = parser.parse(text);
  return isNode(root) ? root : {};
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The child element at a path of local names, or undefined. Arrays on the way take their first item. */
export function child(node: unknown, ...path: string[]): XmlNode | undefined {
  let cur: unknown = node;
  for (const key of path) {
    if (Array.isArray(cur)) cur = cur[0];
    if (!isNode(cur)) return undefined;
    cur = cur[key];
  }
  if (Array.isArray(cur)) cur = cur[0];
  return isNode(cur) ? cur : undefined;
}

/** Every child element under the last name of a path. */
export function children(node: unknown, ...path: string[]): XmlNode[] {
  const parent = path.length > 1 ? child(node, ...path.slice(0, -1)) : isNode(node) ? node : undefined;
  const last = path[path.length - 1];
  if (parent === undefined || last === undefined) return [];
  const v = parent[last];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => (isNode(x) ? x : { '#text': typeof x === 'string' ? x : '' }));
}

/** The text at a path (an element's text or an attribute `@_x`), trimmed; null when absent or empty. */
export function textAt(node: unknown, ...path: string[]): string | null {
  let cur: unknown = node;
  for (const key of path) {
    if (Array.isArray(cur)) cur = cur[0];
    if (!isNode(cur)) return null;
    cur = cur[key];
  }
  if (Array.isArray(cur)) cur = cur[0];
  if (isNode(cur)) cur = cur['#text'];
  if (typeof cur !== 'string' && typeof cur !== 'number') return null;
  const s = String(cur).trim();
  return s === '' ? null : s;
}

/** The 1-based line where an element starts, from the offsets the parser recorded. */
export function lineOf(node: XmlNode | undefined, lineStarts: readonly number[]): number | undefined {
  if (node === undefined) return undefined;
  const line: unknown = (node as Record<symbol, unknown>)[XML_LINE];
  if (typeof line === 'number') return line;
  const meta: unknown = (node as Record<symbol, unknown>)[META as symbol];
  if (!isNode(meta) || typeof meta['startIndex'] !== 'number') return undefined;
  const index = meta['startIndex'];
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= index) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Offsets where each line starts (for `lineOf`). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
