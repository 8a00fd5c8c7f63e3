import { setBounded } from './bounded-map.ts';

/**
 * A pure function of one text, with its answers kept for the last `max` distinct texts (the least
 * recently used forgotten first). For the vocabulary functions a list route calls on every row:
 * the same few hundred authority names and legal bases recur across a million incidents, and each
 * call otherwise runs every spelling's regular expressions again. The answers must be immutable
 * values (strings, codes, null): every caller shares them.
 */
export function memoiseText<T>(fn: (text: string) => T, max = 4096): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    const value = kept.has(text) ? (kept.get(text) as T) : fn(text);
    // Most recently used last, so that the oldest is the one dropped.
    setBounded(kept, text, value, max);
    return value;
  };
}
