import { localiseError } from '@civic/app';
import { capMessage, type DomainError, type Locale } from '@civic/core';
import { describeError } from '../output.ts';
import { cliLang } from './cli-lang.ts';

/**
 * The language an error is printed in: the command's `--lang` read from the raw arguments (the
 * error may come before commander has parsed them), else the environment, as `cliLang` decides;
 * an unusable `--lang` gives the environment's language, and an unusable environment English.
 */
export function errorLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  let option: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--lang') option = argv[i + 1];
    else if (a.startsWith('--lang=')) option = a.slice('--lang='.length);
  }
  for (const [o, e] of [
    [option, env],
    [undefined, env],
    [undefined, {}],
  ] as const) {
    try {
      return cliLang(o, e);
    } catch {
      // the next, less specific, choice
    }
  }
  return 'en';
}

const WHERE: Readonly<Record<'ru' | 'kk', (e: DomainError) => string[]>> = {
  ru: (e) => [
    e.file ? `файл ${e.file}` : '',
    e.line !== undefined ? `строка ${e.line}` : '',
    e.field ? `поле «${e.field}»` : '',
  ],
  kk: (e) => [
    e.file ? `${e.file} файлы` : '',
    e.line !== undefined ? `${e.line}-жол` : '',
    e.field ? `«${e.field}» өрісі` : '',
  ],
};

/**
 * The line `civic` prints on stderr for an expected error: its code, then the message in the
 * person's language from the shared error table, then where (file, line, field). English keeps the
 * error's own message, which names the value at fault.
 */
export function describeErrorIn(e: DomainError, lang: Locale): string {
  if (lang === 'en') return describeError(e);
  const where = WHERE[lang](e).filter(Boolean).join(', ');
  return `${e.code}: ${capMessage(localiseError(e, lang))}${where ? ` (${where})` : ''}`;
}
