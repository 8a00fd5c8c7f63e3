import { z } from 'zod';
import { LOCALES, type Locale } from '../locale.ts';

/**
 * A text a user reads, as the pack writes it: one string (read as English), or one string per
 * language `{ en, ru, kk }`. A pack that declares `languages: [en, ru, kk]` must give every such text
 * in all three (rule-pack.checks.ts holds it to that).
 */
export type LocalText = string | LocalizedText;
export type LocalizedText = { readonly [L in Locale]?: string | undefined };

const localizedSchema = z
  .strictObject({
    en: z.string().min(1).optional(),
    ru: z.string().min(1).optional(),
    kk: z.string().min(1).optional(),
  })
  .refine((m) => LOCALES.some((l) => m[l] !== undefined), {
    message: 'a localized text needs at least one language',
  });

export const localTextSchema = z.union([z.string().min(1), localizedSchema]);

/**
 * The text in `lang`: the language's own text, else English, else the first language given. The one
 * accessor every consumer of pack words uses (documents, pages, CLI). Never throws.
 *
 *   localText({ en: 'Fine', ru: 'Штраф' }, 'ru') === 'Штраф'
 *   localText('Fine', 'kk') === 'Fine'
 */
export function localText(text: LocalText, lang: Locale): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? LOCALES.map((l) => text[l]).find((t) => t !== undefined) ?? '';
}

/** The same, for an optional text: undefined stays undefined. */
export function localTextOrUndefined(text: LocalText | undefined, lang: Locale): string | undefined {
  return text === undefined ? undefined : localText(text, lang);
}

/** The languages a text is written in (a plain string counts as English). */
export function languagesOf(text: LocalText): readonly Locale[] {
  return typeof text === 'string' ? ['en'] : LOCALES.filter((l) => text[l] !== undefined);
}
