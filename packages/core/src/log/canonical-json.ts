/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form of a JSON value that the
 * hash-chained log and the bundles hash.
 *
 * - object members sorted by their names as arrays of UTF-16 code units (RFC 8785 §3.2.3);
 * - no whitespace; strings escaped with the short forms `\b \t \n \f \r \" \\`, other control
 *   characters as `\u00xx` (lower-case hex), everything else as itself (§3.2.2.2);
 * - numbers as ECMAScript `Number.prototype.toString` writes them (§3.2.2.3), `-0` as `0`;
 * - a `bigint` (our money) is written as its decimal string, so amounts survive any reader;
 * - `undefined` members are left out (as JSON.stringify does); `undefined` elsewhere, NaN,
 *   Infinity, lone surrogates and values that are not JSON are bugs and throw.
 */
export type CanonicalValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

/**
 * The same for a value typed `unknown` (parsed JSON, records read back): checked at run time,
 * throwing for anything that is not JSON (a function, a symbol, a Date, a class instance).
 */
export function canonicalJsonOf(value: unknown): string {
  assertJson(value);
  return canonicalJson(value);
}

// The canonical texts of values made by withDerivedMember (frozen, so they cannot change): a
// document holding many of them (a filing's lines) copies each text instead of writing it again.
const KNOWN = new WeakMap<object, string>();

/**
 * `value` with one more member, `key`, whose value `derive` computes from the canonical JSON of
 * `value` without it (a line and the sha256 of its own canonical form): returns the new value,
 * deeply frozen, and keeps its canonical text, which canonicalJson then copies wherever the value
 * appears. The same text as writing the new value afresh; `value` must not already have `key`.
 */
export function withDerivedMember<T extends object, K extends string>(
  value: T,
  key: K,
  derive: (canonicalText: string) => string,
): Readonly<T & Record<K, string>> {
  const made = withDerivedMemberText(value, key, derive);
  const frozen = deepFreeze(made.value);
  KNOWN.set(frozen, made.text);
  return frozen;
}

/**
 * withDerivedMember that hands the canonical text back instead of keeping it (nothing frozen,
 * nothing remembered: a filing's tens of thousands of lines cost the collector less): the new
 * value — its members in canonical order when `value`'s are — and its canonical text.
 */
export function withDerivedMemberText<T extends object, K extends string>(
  value: T,
  key: K,
  derive: (canonicalText: string) => string,
): { value: T & Record<K, string>; text: string } {
  if (Object.prototype.hasOwnProperty.call(value, key))
    throw new Error(`canonicalJson: ${key} is already a member`);
  const fast = inCanonicalOrder(value) ? splitAt(value, key) : undefined;
  if (fast) {
    const derived = derive(`{${joinMembers(fast.before, fast.after)}}`);
    const member = `${canonicalString(key)}:${canonicalString(derived)}`;
    // The members in canonical order, so the value reads as its text does.
    const record = value as Readonly<Record<string, unknown>>;
    const result: Record<string, unknown> = {};
    for (let i = 0; i < fast.at; i++) put(result, fast.names[i] ?? '', record[fast.names[i] ?? '']);
    put(result, key, derived);
    for (let i = fast.at; i < fast.names.length; i++)
      put(result, fast.names[i] ?? '', record[fast.names[i] ?? '']);
    return {
      value: result as T & Record<K, string>,
      text: `{${joinMembers(fast.before, member, fast.after)}}`,
    };
  }
  assertJson(value);
  const record = value as Readonly<Record<string, CanonicalValue | undefined>>;
  const members: string[] = [];
  const names: string[] = [];
  for (const k of Object.keys(record).sort()) {
    const v = record[k];
    if (v === undefined) continue;
    members.push(`${canonicalString(k)}:${textOf(v)}`);
    names.push(k);
  }
  const derived = derive(`{${members.join(',')}}`);
  let at = names.findIndex((k) => k > key);
  if (at < 0) at = names.length;
  members.splice(at, 0, `${canonicalString(key)}:${canonicalString(derived)}`);
  return { value: { ...value, [key]: derived } as T & Record<K, string>, text: `{${members.join(',')}}` };
}

/** Sets an own member, "__proto__" too (an assignment would set the prototype instead). */
function put(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__')
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
}

const joinMembers = (...parts: string[]): string => parts.filter((p) => p !== '').join(',');

/**
 * A record already in canonical order split around `key`: its member names, where `key` goes
 * among them, and the texts of the members before and after it (without braces), written by
 * JSON.stringify — the whole once, the few members after `key` one by one to find where they
 * start; undefined when the text holds an escaped lone surrogate (the general writer refuses it).
 */
function splitAt(
  value: object,
  key: string,
): { names: string[]; at: number; before: string; after: string } | undefined {
  const names = Object.keys(value);
  let at = names.findIndex((k) => k > key);
  if (at < 0) at = names.length;
  const whole = JSON.stringify(value);
  if (hasLoneSurrogateEscape(whole)) return undefined;
  const record = value as Readonly<Record<string, unknown>>;
  const tail: string[] = [];
  for (let i = at; i < names.length; i++) {
    const k = names[i] ?? '';
    if (record[k] !== undefined) tail.push(`${JSON.stringify(k)}:${JSON.stringify(record[k])}`);
  }
  const after = tail.join(',');
  const inner = whole.slice(1, -1);
  const before = after === '' ? inner : inner.slice(0, Math.max(0, inner.length - after.length - 1));
  return { names, at, before, after };
}

// JSON.stringify writes a lone surrogate as \udXXX (lower-case hex), where the canonical form
// refuses it; any other string it escapes exactly as RFC 8785 §3.2.2.2 does. A text without this
// sequence is written the same by both (with it — perhaps an escaped backslash before "ud8…" —
// the general writer decides).
const LONE_SURROGATE_ESCAPE = /\\ud[89a-f]/;

/**
 * Whether an engine-written text holds an escaped lone surrogate (LONE_SURROGATE_ESCAPE). Looked
 * for as a plain substring first: a regular expression run over a text of two-byte characters
 * (a filing's 42 MB document with a Cyrillic name in it) allocated a copy as large as the text,
 * where the substring search allocates nothing, and almost no text holds a `\ud` at all.
 */
export const hasLoneSurrogateEscape = (text: string): boolean =>
  text.includes('\\ud') && LONE_SURROGATE_ESCAPE.test(text);

/**
 * Whether JSON.stringify writes `value`'s canonical text: every object (at any depth) a plain one
 * with its members already in canonical order (a record built in that order), and only strings,
 * finite numbers, booleans and null at the leaves. A value holding a text already known (a line
 * of a filing) is not: the general writer copies that text instead of writing it again.
 */
export function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (item === undefined || !inCanonicalOrder(item)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype || KNOWN.has(value)) return false;
  let last: string | undefined;
  for (const k in value) {
    if (last !== undefined && !(last < k)) return false;
    last = k;
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined && !inCanonicalOrder(v)) return false;
  }
  return true;
}

/** The canonical text of one value: a primitive's directly, a structure's through write. */
function textOf(v: CanonicalValue): string {
  if (typeof v === 'string') return canonicalString(v);
  if (v === null || typeof v !== 'object') {
    const out: string[] = [];
    write(v, out);
    return out[0] ?? '';
  }
  const known = KNOWN.get(v);
  if (known !== undefined) return known;
  const out: string[] = [];
  write(v, out);
  return out.join('');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function assertJson(value: unknown): asserts value is CanonicalValue {
  if (
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'string'
  )
    return;
  if (Array.isArray(value)) {
    for (const item of value) assertJson(item);
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    if (KNOWN.has(value)) return;
    for (const v of Object.values(value)) if (v !== undefined) assertJson(v);
    return;
  }
  throw new Error(`canonicalJson: ${Object.prototype.toString.call(value)} is not JSON`);
}

// Appends the pieces of the text to `out`, joined once at the end: concatenating a document of
// tens of megabytes piece by piece left the collector most of the work.
function write(value: CanonicalValue | undefined, out: string[]): void {
  if (value === null) out.push('null');
  else if (value === true) out.push('true');
  else if (value === false) out.push('false');
  else if (typeof value === 'number') out.push(canonicalNumber(value));
  else if (typeof value === 'bigint') out.push(`"${value.toString()}"`);
  else if (typeof value === 'string') out.push(canonicalString(value));
  else if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      const item: CanonicalValue | undefined = value[i];
      if (item === undefined) throw new Error('canonicalJson: undefined in an array');
      if (i > 0) out.push(',');
      write(item, out);
    }
    out.push(']');
  } else if (typeof value === 'object') {
    const known = KNOWN.get(value);
    if (known !== undefined) {
      out.push(known);
      return;
    }
    if (inCanonicalOrder(value)) {
      const text = JSON.stringify(value);
      if (!hasLoneSurrogateEscape(text)) {
        out.push(text);
        return;
      }
    }
    const record = value as Readonly<Record<string, CanonicalValue | undefined>>;
    // The default sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 asks for.
    const keys = Object.keys(record).sort();
    let first = true;
    out.push('{');
    for (const k of keys) {
      const v = record[k];
      if (v === undefined) continue;
      out.push(first ? `${canonicalString(k)}:` : `,${canonicalString(k)}:`);
      first = false;
      write(v, out);
    }
    out.push('}');
  } else throw new Error(`canonicalJson: ${typeof value} is not JSON`);
}

/** Orders strings by UTF-16 code units, as RFC 8785 §3.2.3 requires (not by code points or locale). */
export function compareUtf16(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function canonicalNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`canonicalJson: ${n} is not a JSON number`);
  // ECMAScript Number::toString is the RFC 8785 number form; it prints -0 as "0".
  return String(n);
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

// Characters that need escaping or a surrogate check; most strings have none and are copied whole.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_CARE = /[\u0000-\u001f"\\\ud800-\udfff]/;

export function canonicalString(s: string): string {
  if (!NEEDS_CARE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) out += short;
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) throw new Error('canonicalJson: lone high surrogate');
      out += s[i] ?? '';
      out += s[i + 1] ?? '';
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) throw new Error('canonicalJson: lone low surrogate');
    else out += s[i] ?? '';
  }
  return `${out}"`;
}
