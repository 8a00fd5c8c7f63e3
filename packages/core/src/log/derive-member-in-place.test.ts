import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, withDerivedMemberText, type CanonicalValue } from './canonical-json.ts';
import { DERIVED_PENDING, deriveMemberInPlace } from './derive-member-in-place.ts';

/** A record of `members` in that order (own members, "__proto__" too). */
function recordOf(members: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, value] of members)
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const sortedDeep = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortedDeep)
    : v !== null && typeof v === 'object'
      ? recordOf(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortedDeep((v as Record<string, unknown>)[k])]),
        )
      : v;

/** What derive saw and gave, or 'refused' when it threw. */
function outcome(f: (derive: (text: string) => string) => string | undefined): string {
  let seen = '';
  try {
    const got = f((text) => {
      seen = text;
      return `h${String(text.length)}`;
    });
    return `${seen} -> ${String(got)}`;
  } catch {
    return 'refused';
  }
}

describe('deriveMemberInPlace', () => {
  // Records in canonical order or not, with text the engine writes otherwise (lone surrogates,
  // escapes), and the placeholder itself in the data: the member derived from the same text as
  // withDerivedMemberText derives it (the reference), and the record then writes as that one does.
  it('derives the member withDerivedMemberText adds, from the same text (property)', () => {
    const key = fc.constantFrom('a', 'recordHash', 'zz', '', '\u20ac', 'M', '__proto__');
    const value = fc.oneof(
      fc.jsonValue({ stringUnit: 'binary' }),
      fc.constant(DERIVED_PENDING),
      fc.constant({ recordHash: DERIVED_PENDING }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), value, { noNullPrototype: true }),
        key,
        fc.boolean(),
        (raw, k, sorted) => {
          const obj = sortedDeep(raw) as Record<string, unknown>;
          fc.pre(!Object.prototype.hasOwnProperty.call(obj, k));
          const members = Object.entries(obj);
          const at = sorted ? members.filter(([name]) => name < k).length : members.length;
          members.splice(at, 0, [k, DERIVED_PENDING]);
          const built = recordOf(members);
          let text = '';
          const ours = outcome((derive) => {
            deriveMemberInPlace(built as Record<string, string>, k as string, derive);
            text = canonicalJson(built as CanonicalValue);
            return String(built[k]);
          });
          let reference = '';
          const theirs = outcome((derive) => {
            const made = withDerivedMemberText(obj, k, derive);
            reference = made.text;
            return made.value[k];
          });
          expect(ours).toBe(theirs);
          expect(text).toBe(reference);
        },
      ),
      { numRuns: 1000, seed: 17 },
    );
  });

  it('hashes a line without its pending member, and keeps its member order', () => {
    const line = { a: 1, h: DERIVED_PENDING, z: { h: 'x' } };
    deriveMemberInPlace(line, 'h', (text) => `#${text}`);
    expect(line).toEqual({ a: 1, h: '#{"a":1,"z":{"h":"x"}}', z: { h: 'x' } });
    expect(Object.keys(line)).toEqual(['a', 'h', 'z']);
    const first = { h: DERIVED_PENDING };
    deriveMemberInPlace(first, 'h', (text) => text);
    expect(first.h).toBe('{}');
    // The placeholder in the data too: found twice, so derived the general way, from the same text.
    const twice = { a: { h: DERIVED_PENDING }, h: DERIVED_PENDING };
    deriveMemberInPlace(twice, 'h', (text) => text);
    expect(twice.h).toBe(`{"a":{"h":"${DERIVED_PENDING}"}}`);
    expect(() => deriveMemberInPlace({ h: 'x' }, 'h', (text) => text)).toThrow();
    const lone = { a: 'x\ud800', h: DERIVED_PENDING };
    expect(() => deriveMemberInPlace(lone, 'h', (text) => text)).toThrow();
  });
});
