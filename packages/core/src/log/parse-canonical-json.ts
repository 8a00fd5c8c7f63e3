import { canonicalJson, type CanonicalValue } from './canonical-json.ts';

/**
 * Whether `text` is exactly the canonical form of the JSON it holds: parses it and writes it
 * again. Returns the parsed value when it is, `undefined` when the text is not JSON or not
 * canonical (extra whitespace, unsorted members, `1.0`, an escaped `/`, …).
 */
export function parseCanonicalJson(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  try {
    return canonicalJson(value as CanonicalValue) === text ? { value } : undefined;
  } catch {
    return undefined;
  }
}
