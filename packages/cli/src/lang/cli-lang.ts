import { isLocale, type Locale } from '@civic/core';
import { CliError } from '../output.ts';

/** The help text of every command's `--lang` option (the rule is documented in docs/cli.md). */
export const LANG_OPTION_HELP =
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en)';

/** The language of a POSIX locale name: "ru_RU.UTF-8" → ru, "kk_KZ" → kk, "en_GB" → en; else none. */
export function localeOfPosix(name: string | undefined): Locale | undefined {
  if (!name) return undefined;
  const lang = name
    .trim()
    .toLowerCase()
    .split(/[_.@-]/)[0];
  return isLocale(lang) ? lang : undefined;
}

/**
 * The language `civic` prints its human text in: `--lang`, else CIVIC_LANG, else the first of
 * LC_ALL, LC_MESSAGES, LANG that is set (POSIX precedence) when it names ru, kk or en, else en.
 * An unknown `--lang` or CIVIC_LANG is bad input (CLI_OPTION_INVALID naming the option).
 */
export function cliLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  for (const [value, field] of [
    [option, 'lang'],
    [env['CIVIC_LANG'], 'CIVIC_LANG'],
  ] as const) {
    if (value === undefined || value === '') continue;
    const lang = value.trim().toLowerCase();
    if (isLocale(lang)) return lang;
    throw new CliError({
      code: 'CLI_OPTION_INVALID',
      message: `${field === 'lang' ? '--lang' : field} "${value}" is not ru, kk or en`,
      field,
    });
  }
  const posix = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
  return localeOfPosix(posix) ?? 'en';
}
