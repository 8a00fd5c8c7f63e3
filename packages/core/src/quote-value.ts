/** The most characters of a bad value an error message repeats. */
export const QUOTE_LIMIT = 80;

/**
 * A bad value as an error message quotes it: at most 80 characters (counted in code points, so a
 * Cyrillic or emoji value is never cut inside a character), then `…` and the full length. A 2 MB
 * field gives a message of about a hundred characters, not 2 MB. Control characters are shown
 * as `\uXXXX` so a message stays on one line. Never throws.
 *
 * @example quoteValue('x'.repeat(100)) // 'xxxx…xxxx… (100 characters)' with 80 x's
 */
export function quoteValue(value: string, limit = QUOTE_LIMIT): string {
  const chars = Array.from(value.length > limit * 2 + 8 ? value.slice(0, limit * 2 + 8) : value);
  const total = chars.length < limit + 1 ? chars.length : Array.from(value).length;
  const shown = chars
    .slice(0, limit)
    .map((c) => (isControl(c) ? `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}` : c))
    .join('');
  return total > limit ? `${shown}… (${total} characters)` : shown;
}

function isControl(c: string): boolean {
  const n = c.codePointAt(0) ?? 0;
  return n < 0x20 || (n >= 0x7f && n <= 0x9f) || n === 0x2028 || n === 0x2029;
}

/** How `quoteValue` ends a value it cut: capping twice leaves it as it is. */
const CUT = /… \(\d+ characters\)$/;

/** Longer than any message that quotes its values through `quoteValue`. */
const MESSAGE_LIMIT = 1000;

/**
 * An error message with every quoted value (`"…"`, `«…»`) longer than 80 characters cut by
 * `quoteValue`, and the whole message capped at 1,000 characters: the net under messages built
 * before their value went through `quoteValue`. Short messages come back as they are; capping a
 * capped message changes nothing.
 */
export function capMessage(message: string): string {
  if (message.length <= QUOTE_LIMIT + 2) return message;
  const cap = (v: string): string => (CUT.test(v) ? v : quoteValue(v));
  // Quoted runs are taken pair by pair from the left, so the text between two short values is
  // never mistaken for a long one; only runs over 80 characters change.
  const quoted = message.replace(/"([^"]*)"|«([^»]*)»/g, (whole, a?: string, b?: string) =>
    a !== undefined && a.length > QUOTE_LIMIT
      ? `"${cap(a)}"`
      : b !== undefined && b.length > QUOTE_LIMIT
        ? `«${cap(b)}»`
        : whole,
  );
  return quoted.length <= MESSAGE_LIMIT ? quoted : quoteValue(quoted, MESSAGE_LIMIT);
}
