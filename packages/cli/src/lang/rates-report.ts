import type { Locale } from '@civic/core';
import { listDay } from './deadline-report.ts';
import { countOf, numberParam, phrase, type ReportWords } from './report-text.ts';

/**
 * The readable output of `civic import rates` in ru/kk/en: how many rates were read (the noun in
 * the right plural form), for which currencies and days, what was new, kept or replaced, and how
 * many equivalents were computed again. English keeps the line it always printed.
 */
const WORDS = {
  read: {
    en: '{file:text}: read {read:text} rates ({currencies:text}, {from:text} to {to:text}), imported {imported:text}, already stored {duplicates:text}, updated {updated:text}; {which:text} recomputed: {recomputed:text}',
    ru: '{file:text}: прочитано {rates:text} ({currencies:text}, {span:text}): новых {imported}, уже были {duplicates}, обновлено {updated}; пересчитано {recomputed:text}',
    kk: '{file:text}: {rates:text} оқылды ({currencies:text}, {span:text}): жаңасы {imported}, бұрыннан бары {duplicates}, жаңартылғаны {updated}; {recomputed:text} қайта есептелді',
  },
  noCurrency: { en: 'none', ru: 'валют нет', kk: 'валюта жоқ' },
} as const satisfies ReportWords;

const RATES = { ru: ['курс', 'курса', 'курсов'], kk: 'бағам', en: ['rate', 'rates'] } as const;
const EQUIVALENTS = {
  ru: ['эквивалент', 'эквивалента', 'эквивалентов'],
  kk: 'балама',
  en: ['equivalent', 'equivalents'],
} as const;

/** What an import of rates read, stored and recomputed. */
export interface RatesImported {
  readonly read: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly updated: number;
  readonly currencies: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
  readonly recomputed: number;
}

/** `civic import rates`: one line. `withPack`: the rates are a pack's reference rates. */
export function ratesReport(file: string, r: RatesImported, withPack: boolean, lang: Locale): string {
  if (lang === 'en')
    return `${phrase(WORDS, lang, 'read', {
      file,
      read: String(r.read),
      currencies: r.currencies.join(', '),
      from: r.from ?? '',
      to: r.to ?? '',
      imported: String(r.imported),
      duplicates: String(r.duplicates),
      updated: String(r.updated),
      which: withPack ? 'equivalents' : 'KZT equivalents',
      recomputed: String(r.recomputed),
    })}\n`;
  const span = r.from === null || r.to === null ? '' : `${listDay(lang, r.from)}–${listDay(lang, r.to)}`;
  return `${phrase(WORDS, lang, 'read', {
    file,
    rates: countOf(lang, r.read, RATES),
    currencies: r.currencies.length ? r.currencies.join(', ') : phrase(WORDS, lang, 'noCurrency'),
    span: span || '—',
    imported: numberParam(lang, r.imported),
    duplicates: numberParam(lang, r.duplicates),
    updated: numberParam(lang, r.updated),
    recomputed: countOf(lang, r.recomputed, EQUIVALENTS),
  })}\n`;
}
