import { dateParts, type CalendarDate } from './calendar-date.ts';
import type { Locale } from './locale.ts';

/** Russian month names in the genitive, as a date prints them («20 декабря 2025 г.»). */
const RU_MONTHS = [
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
];
/** Kazakh month names (nominative, as «2025 жылғы 20 желтоқсан» prints them). */
const KK_MONTHS = [
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
];
const EN_MONTHS = [
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
];

/**
 * A legal day in the language's long form, without the platform's locale data:
 * ru «20 декабря 2025 г.», kk «2025 жылғы 20 желтоқсан», en "20 December 2025". Never throws.
 */
export function formatLongDate(locale: Locale, date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  if (locale === 'ru') return `${day} ${RU_MONTHS[month - 1] ?? ''} ${year} г.`;
  if (locale === 'kk') return `${year} жылғы ${day} ${KK_MONTHS[month - 1] ?? ''}`;
  return `${day} ${EN_MONTHS[month - 1] ?? ''} ${year}`;
}
