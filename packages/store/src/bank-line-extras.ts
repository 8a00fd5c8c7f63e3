import type { StatementLine } from '@civic/core';

/** A line's unknown fields as stored in `bank_line.extras`: a JSON object, or null when there are none. */
export function extrasJson(line: StatementLine): string | null {
  const extras = line.extras;
  if (extras === undefined) return null;
  for (const _ in extras) return JSON.stringify(extras);
  return null;
}

/** `bank_line.extras` read back: name → value as the bank wrote them (empty when none or unreadable). */
export function parseExtras(text: string | null): Record<string, string> {
  if (text === null || text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}
