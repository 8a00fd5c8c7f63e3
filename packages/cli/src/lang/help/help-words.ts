import type { Locale } from '@civic/core';
import { KK_HELP_BOOKS } from './help-kk-books.ts';
import { KK_HELP_WATCH } from './help-kk-watch.ts';
import { RU_HELP_BOOKS } from './help-ru-books.ts';
import { RU_HELP_WATCH } from './help-ru-watch.ts';

/**
 * The help's descriptions in Russian and Kazakh, keyed by the English text the command definitions
 * carry (commands/*.command.ts): an English description changed or added without its translations
 * makes help-words.test.ts fail. English is the key itself.
 */
export const HELP_DESCRIPTIONS: Readonly<Record<'ru' | 'kk', Readonly<Record<string, string>>>> = {
  ru: { ...RU_HELP_BOOKS, ...RU_HELP_WATCH, ...COMMON('ru') },
  kk: { ...KK_HELP_BOOKS, ...KK_HELP_WATCH, ...COMMON('kk') },
};

/** What commander itself writes into every help: the help option and the help command. */
function COMMON(lang: 'ru' | 'kk'): Record<string, string> {
  return lang === 'ru'
    ? {
        'display help for command': 'показать справку по команде',
        'output the version number': 'показать номер версии',
      }
    : {
        'display help for command': 'команда бойынша анықтаманы көрсету',
        'output the version number': 'нұсқа нөмірін көрсету',
      };
}

/** Commander's section titles (and the words of its extra information about an option). */
export const HELP_TITLES: Readonly<Record<'ru' | 'kk', Readonly<Record<string, string>>>> = {
  ru: {
    'Usage:': 'Использование:',
    'Options:': 'Параметры:',
    'Commands:': 'Команды:',
    'Arguments:': 'Аргументы:',
    'Global Options:': 'Общие параметры:',
    default: 'по умолчанию',
    choices: 'варианты',
    env: 'переменная окружения',
    preset: 'без значения',
  },
  kk: {
    'Usage:': 'Қолданылуы:',
    'Options:': 'Параметрлер:',
    'Commands:': 'Командалар:',
    'Arguments:': 'Аргументтер:',
    'Global Options:': 'Ортақ параметрлер:',
    default: 'әдепкі',
    choices: 'нұсқалар',
    env: 'орта айнымалысы',
    preset: 'мәнсіз',
  },
};

/**
 * The words inside the placeholders of the synopsis (`--db <db>`, `<file>`, `[options]`): the
 * option's and the command's NAMES stay as they are (they are the contract), what the person types
 * in their place is named in their language.
 */
export const PLACEHOLDER_WORDS: Readonly<Record<'ru' | 'kk', Readonly<Record<string, string>>>> = {
  ru: {
    options: 'параметры',
    command: 'команда',
    file: 'файл',
    name: 'имя',
    names: 'имена',
    db: 'бд',
    bin: 'бин',
    lang: 'язык',
    var: 'переменная',
    org: 'организация',
    organisation: 'организация',
    date: 'дата',
    id: 'ид',
    days: 'дни',
    format: 'формат',
    form: 'форма',
    filing: 'отчёт',
    channel: 'канал',
    number: 'номер',
    key: 'ключ',
    code: 'код',
    dimension: 'разрез',
    scope: 'охват',
    status: 'статус',
    source: 'источник',
    category: 'категория',
    cc: 'страна',
    grant: 'грант',
    who: 'кто',
    account: 'счёт',
    text: 'текст',
    decimal: 'число',
    amount: 'сумма',
    activity: 'деятельность',
    title: 'заголовок',
    iban: 'иик',
    label: 'метка',
    description: 'описание',
    method: 'способ',
    n: 'н',
    r: 'р',
    url: 'адрес',
    visibility: 'видимость',
    query: 'запрос',
    place: 'место',
    action: 'действие',
    article: 'статья',
    iso: 'период',
    dir: 'папка',
    to: 'кому',
    keyfile: 'файл-ключа',
    pubkey: 'открытый-ключ',
    newdb: 'новая-бд',
    bundle: 'пакет',
  },
  kk: {
    options: 'параметрлер',
    command: 'команда',
    file: 'файл',
    name: 'атау',
    names: 'атаулар',
    db: 'дқ',
    bin: 'бсн',
    lang: 'тіл',
    var: 'айнымалы',
    org: 'ұйым',
    organisation: 'ұйым',
    date: 'күн',
    id: 'ид',
    days: 'күндер',
    format: 'пішім',
    form: 'нысан',
    filing: 'есеп',
    channel: 'арна',
    number: 'нөмір',
    key: 'кілт',
    code: 'код',
    dimension: 'қима',
    scope: 'аумақ',
    status: 'мәртебе',
    source: 'көз',
    category: 'санат',
    cc: 'ел',
    grant: 'грант',
    who: 'кім',
    account: 'шот',
    text: 'мәтін',
    decimal: 'сан',
    amount: 'сома',
    activity: 'қызмет',
    title: 'тақырып',
    iban: 'жск',
    label: 'белгі',
    description: 'сипаттама',
    method: 'тәсіл',
    n: 'н',
    r: 'р',
    url: 'мекенжай',
    visibility: 'көрінуі',
    query: 'сұрау',
    place: 'орын',
    action: 'әрекет',
    article: 'бап',
    iso: 'кезең',
    dir: 'қалта',
    to: 'кімге',
    keyfile: 'кілт-файлы',
    pubkey: 'ашық-кілт',
    newdb: 'жаңа-дқ',
    bundle: 'топтама',
  },
};

/** A help description in the language: the catalogue's text, else the English given. */
export function helpText(lang: Locale, english: string): string {
  if (lang === 'en' || english === '') return english;
  return HELP_DESCRIPTIONS[lang][english] ?? english;
}

/** A section title or an extra-information word in the language. */
export function helpTitle(lang: Locale, english: string): string {
  return lang === 'en' ? english : (HELP_TITLES[lang][english] ?? english);
}

/** A synopsis (`--db <db>`, `[options] <file>`) with the words of its placeholders in the language. */
export function localisePlaceholders(lang: Locale, synopsis: string): string {
  if (lang === 'en') return synopsis;
  const words = PLACEHOLDER_WORDS[lang];
  return synopsis.replace(/([<[])([^>\]]*)([>\]])/g, (_whole, open: string, inner: string, close: string) => {
    const text = inner.replace(/[A-Za-z]+/g, (w) => words[w.toLowerCase()] ?? w);
    return `${open}${text}${close}`;
  });
}
