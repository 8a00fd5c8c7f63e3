import type { Locale } from '../locale.ts';

/** A label in each interface language. */
export type Labels = Readonly<Record<Locale, string>>;

/** One vocabulary: every code it knows, with its ru/kk/en label. */
export type Vocabulary<C extends string> = Readonly<Record<C, Labels>>;

/**
 * The label of a code in a language. A code the vocabulary does not know (a newer server, a
 * hand-edited file) comes back as it is: people then see the code rather than nothing.
 */
export function labelOf<C extends string>(vocabulary: Vocabulary<C>, code: string, locale: Locale): string {
  return Object.hasOwn(vocabulary, code) ? vocabulary[code as C][locale] : code;
}

/** True when the vocabulary knows the code. */
export function hasLabel<C extends string>(vocabulary: Vocabulary<C>, code: string): code is C {
  return Object.hasOwn(vocabulary, code);
}
