import type { Locale } from '../locale.ts';

/**
 * The calendar's words per language, written out here so that no page, document or e-mail depends
 * on the platform's locale data (browsers and Node builds without full ICU have no Kazakh).
 * Sources: CLDR month and weekday names; domain/glossary.md ("Dates and numbers").
 */
export const MONTH_WORDS: Readonly<
  Record<Locale, { standalone: readonly string[]; genitive: readonly string[] }>
> = {
  en: {
    standalone: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    genitive: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
  },
  ru: {
    standalone: [
      'январь',
      'февраль',
      'март',
      'апрель',
      'май',
      'июнь',
      'июль',
      'август',
      'сентябрь',
      'октябрь',
      'ноябрь',
      'декабрь',
    ],
    // "20 декабря": Russian puts the month in the genitive after the day.
    genitive: [
      'января',
      'февраля',
      'марта',
      'апреля',
      'мая',
      'июня',
      'июля',
      'августа',
      'сентября',
      'октября',
      'ноября',
      'декабря',
    ],
  },
  kk: {
    standalone: [
      'қаңтар',
      'ақпан',
      'наурыз',
      'сәуір',
      'мамыр',
      'маусым',
      'шілде',
      'тамыз',
      'қыркүйек',
      'қазан',
      'қараша',
      'желтоқсан',
    ],
    // "2025 жылғы 20 желтоқсан": Kazakh keeps the nominative.
    genitive: [
      'қаңтар',
      'ақпан',
      'наурыз',
      'сәуір',
      'мамыр',
      'маусым',
      'шілде',
      'тамыз',
      'қыркүйек',
      'қазан',
      'қараша',
      'желтоқсан',
    ],
  },
};

export const MONTH_WORDS_SHORT: Readonly<Record<Locale, readonly string[]>> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  ru: ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
  kk: ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'],
};

/** Monday first (ISO weekday 1 … 7). */
export const WEEKDAY_WORDS: Readonly<Record<Locale, { long: readonly string[]; short: readonly string[] }>> =
  {
    en: {
      long: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
      short: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    },
    ru: {
      long: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
      short: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
    },
    kk: {
      long: ['дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі', 'жексенбі'],
      short: ['дс', 'сс', 'ср', 'бс', 'жм', 'сб', 'жс'],
    },
  };
