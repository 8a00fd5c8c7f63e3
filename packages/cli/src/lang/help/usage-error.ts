import type { Locale } from '@civic/core';
import { localisePlaceholders } from './help-words.ts';

type Pieces = { readonly quoted: readonly string[]; readonly numbers: readonly number[] };

/** Commander's usage errors by code, in Russian and Kazakh; `q` the names it quotes, `n` its numbers. */
const TEMPLATES: Readonly<Record<'ru' | 'kk', Readonly<Record<string, (p: Pieces) => string>>>> = {
  ru: {
    'commander.unknownOption': ({ quoted }) => `ошибка: неизвестный параметр «${quoted[0]}»`,
    'commander.unknownCommand': ({ quoted }) => `ошибка: неизвестная команда «${quoted[0]}»`,
    'commander.missingArgument': ({ quoted }) => `ошибка: не указан обязательный аргумент «${quoted[0]}»`,
    'commander.optionMissingArgument': ({ quoted }) => `ошибка: у параметра «${quoted[0]}» нет значения`,
    'commander.missingMandatoryOptionValue': ({ quoted }) =>
      `ошибка: не указан обязательный параметр «${quoted[0]}»`,
    'commander.excessArguments': ({ quoted, numbers }) =>
      `ошибка: слишком много аргументов${quoted[0] ? ` у команды «${quoted[0]}»` : ''}: ожидалось ${numbers[0] ?? '?'}, получено ${numbers[1] ?? '?'}`,
    'commander.conflictingOption': ({ quoted }) =>
      `ошибка: параметр «${quoted[0]}» нельзя указывать вместе с «${quoted[1]}»`,
    'commander.invalidArgument': ({ quoted }) =>
      `ошибка: недопустимое значение «${quoted[1] ?? ''}»${quoted[0] ? ` у «${quoted[0]}»` : ''}`,
  },
  kk: {
    'commander.unknownOption': ({ quoted }) => `қате: «${quoted[0]}» параметрі белгісіз`,
    'commander.unknownCommand': ({ quoted }) => `қате: «${quoted[0]}» командасы белгісіз`,
    'commander.missingArgument': ({ quoted }) => `қате: міндетті «${quoted[0]}» аргументі көрсетілмеген`,
    'commander.optionMissingArgument': ({ quoted }) => `қате: «${quoted[0]}» параметрінің мәні жоқ`,
    'commander.missingMandatoryOptionValue': ({ quoted }) =>
      `қате: міндетті «${quoted[0]}» параметрі көрсетілмеген`,
    'commander.excessArguments': ({ quoted, numbers }) =>
      `қате: ${quoted[0] ? `«${quoted[0]}» командасының ` : ''}аргументтері тым көп: ${numbers[0] ?? '?'} күтілді, ${numbers[1] ?? '?'} берілді`,
    'commander.conflictingOption': ({ quoted }) =>
      `қате: «${quoted[0]}» параметрін «${quoted[1]}» параметрімен бірге көрсетуге болмайды`,
    'commander.invalidArgument': ({ quoted }) =>
      `қате: ${quoted[0] ? `«${quoted[0]}» үшін ` : ''}«${quoted[1] ?? ''}» мәні жарамсыз`,
  },
};

const DID_YOU_MEAN: Readonly<Record<'ru' | 'kk', (names: string) => string>> = {
  ru: (names) => `(Возможно, имелось в виду: ${names}?)`,
  kk: (names) => `(Мүмкін, мұны айтқыңыз келді: ${names}?)`,
};

/**
 * The names a message quotes in a fixed order: an argument's name as its placeholder word; for an
 * invalid value, [whose, value] (commander quotes the value first when it is an argument's).
 */
function namedPieces(
  code: string,
  first: string,
  quoted: readonly string[],
  lang: Locale,
): readonly string[] {
  const asArgument = (q: string) => localisePlaceholders(lang, `<${q}>`).slice(1, -1);
  if (code === 'commander.missingArgument') return quoted.map(asArgument);
  if (code === 'commander.invalidArgument' && !first.includes("option '"))
    return [asArgument(quoted[1] ?? ''), quoted[0] ?? ''];
  return quoted;
}

/**
 * Commander's usage error (its message as commander wrote it, in English) in the person's
 * language, chosen by commander's error code; the names it quotes (options, commands, arguments)
 * stay as typed, the words of placeholders are translated. A code without a template keeps
 * commander's own message.
 */
export function localiseUsageError(message: string, code: string | undefined, lang: Locale): string {
  if (lang === 'en' || code === undefined) return message;
  const template = TEMPLATES[lang][code];
  if (template === undefined) return message;
  const [first = '', ...rest] = message.split('\n');
  const quoted = [...first.matchAll(/'([^']*)'/g)].map((m) => localisePlaceholders(lang, m[1] ?? ''));
  const numbers = [...first.matchAll(/\b(\d+)\b/g)].map((m) => Number(m[1]));
  const named = namedPieces(code, first, quoted, lang);
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(rest.join('\n'));
  const lines = [template({ quoted: named, numbers })];
  if (suggestion?.[1]) lines.push(DID_YOU_MEAN[lang](suggestion[1]));
  return lines.join('\n');
}
