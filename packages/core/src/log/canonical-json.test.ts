import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonOf, withDerivedMember, type CanonicalValue } from './canonical-json.ts';
import { parseCanonicalJson } from './parse-canonical-json.ts';

describe('canonicalJson (RFC 8785)', () => {
  it('writes the example of RFC 8785 §3.2.2 byte for byte', () => {
    // The input of §3.2.2 as a JS value (JSON.parse of the RFC's text gives exactly this).
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    ) as CanonicalValue;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    // RFC 8785 Appendix B: IEEE 754 value → canonical text
    [0, '0'],
    [-0, '0'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [9007199254740992, '9007199254740992'],
    [-9007199254740992, '-9007199254740992'],
    [295147905179352830000, '295147905179352830000'],
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [0.000001, '0.000001'],
    [333333333.3333333, '333333333.3333333'],
  ])('writes the number %s as %s (RFC 8785 Appendix B)', (n, text) => {
    expect(canonicalJson(n)).toBe(text);
  });

  it('writes bigint amounts as decimal strings and leaves out undefined members', () => {
    expect(canonicalJson({ b: 116680050n, a: undefined, c: [-1n] })).toBe('{"b":"116680050","c":["-1"]}');
  });

  it('refuses what is not JSON', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Infinity)).toThrow();
    expect(() => canonicalJson('\ud800x')).toThrow();
    expect(() => canonicalJson('x\udc00')).toThrow();
  });

  it('agrees with the canonicalize package on arbitrary JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v as CanonicalValue)).toBe(canonicalize(v));
      }),
      { numRuns: 500 },
    );
  });

  it('recognises exactly the canonical texts', () => {
    expect(parseCanonicalJson('{"a":1,"b":[true,null]}')).toEqual({ value: { a: 1, b: [true, null] } });
    for (const bad of [
      '{"b":1,"a":2}',
      '{"a": 1}',
      '{"a":1.0}',
      '{"a":"\\/"}',
      '{"a":1,"a":1}',
      '{"a":1}\n',
      'nope',
      '{"a":"\\u00e9"}',
    ]) {
      expect(parseCanonicalJson(bad), bad).toBeUndefined();
    }
  });

  it('a value with a derived member writes as the same value written afresh, wherever it sits (property)', () => {
    const member = fc.constantFrom('a', 'recordHash', 'zz', '', '\u20ac', 'M');
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { noNullPrototype: true }),
        member,
        (obj, key) => {
          fc.pre(!Object.prototype.hasOwnProperty.call(obj, key));
          let seen = '';
          const line = withDerivedMember(obj, key, (text) => {
            seen = text;
            return `h${String(text.length)}`;
          });
          expect(seen).toBe(canonicalize(obj));
          const fresh = JSON.parse(JSON.stringify(line)) as CanonicalValue;
          expect(canonicalJsonOf([line, { line }])).toBe(canonicalize([fresh, { line: fresh }]));
        },
      ),
      { numRuns: 300 },
    );
  });

  // Values built with their members in canonical order (a filing's records) are written by the
  // engine's JSON.stringify: the same text, and the same refusal of a lone surrogate.
  const sortedDeep = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortedDeep)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sortedDeep((v as Record<string, unknown>)[k])]),
          )
        : v;
  const anyText = fc.jsonValue({ stringUnit: 'binary' });
  const written = (f: () => string): string => {
    try {
      return f();
    } catch {
      return 'refused';
    }
  };
  it('writes values already in canonical order as the general writer does, lone surrogates refused (property)', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const v = sortedDeep(raw);
        const lone = /\\ud[89a-f]/.test(JSON.stringify(v).replace(/\\\\/g, ''));
        expect(written(() => canonicalJson(v as CanonicalValue))).toBe(lone ? 'refused' : canonicalize(v));
      }),
      { numRuns: 500 },
    );
    expect(canonicalJson({ a: '\\ud800' })).toBe('{"a":"\\\\ud800"}');
    expect(() => canonicalJson({ a: 'x\ud800' })).toThrow();
    expect(canonicalJson({ a: '\u{1f600}\n' })).toBe('{"a":"\u{1f600}\\n"}');
  });

  it('a record in canonical order with a derived member: the same text and value as written afresh (property)', () => {
    const member = fc.constantFrom('a', 'recordHash', 'zz', '', '\u20ac', 'M');
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), anyText, { noNullPrototype: true }),
        member,
        (raw, key) => {
          const obj = sortedDeep(raw) as Record<string, unknown>;
          fc.pre(!Object.prototype.hasOwnProperty.call(obj, key));
          let seen = '';
          const line = written(() =>
            canonicalJsonOf([
              withDerivedMember(obj, key, (text) => {
                seen = text;
                return 'h';
              }),
            ]),
          );
          const fresh = { ...obj, [key]: 'h' };
          expect(line).toBe(written(() => canonicalJsonOf([fresh])));
          if (line !== 'refused') expect(seen).toBe(canonicalize(obj));
        },
      ),
      { numRuns: 300 },
    );
    // A member named __proto__ stays a member (found by the property run above, once in ten thousand).
    const proto = JSON.parse('{"__proto__":null}') as Record<string, unknown>;
    expect(canonicalJsonOf([withDerivedMember(proto, 'a', () => 'h')])).toBe('[{"__proto__":null,"a":"h"}]');
    const line = withDerivedMember({ b: 1, d: { y: null, z: 'z' } }, 'c', () => 'h');
    expect(Object.keys(line)).toEqual(['b', 'c', 'd']);
    expect(Object.isFrozen(line.d)).toBe(true);
  });

  it('freezes a value with a derived member, so its kept text cannot go stale', () => {
    const line = withDerivedMember({ id: 'r1', rate: { status: 'official' } }, 'recordHash', () => 'h');
    expect(Object.isFrozen(line) && Object.isFrozen(line.rate)).toBe(true);
    expect(() => withDerivedMember({ recordHash: 'x' }, 'recordHash', () => 'h')).toThrow();
    expect(() => withDerivedMember({ at: new Date(0) }, 'recordHash', () => 'h')).toThrow();
  });
});
