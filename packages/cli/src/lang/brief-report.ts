import type { Locale } from '@civic/core';
import { phrase, utcMoment, type ReportWords } from './report-text.ts';

/**
 * The readable output of `civic brief create|publish|list` in ru/kk/en: what was written or
 * published, when (a moment in words), and each brief's state. A brief's title is its own text
 * (in the brief's language) and stays as written. English keeps the lines it always printed.
 */
const WORDS = {
  written: {
    en: 'brief {id:text} written to {file:text}: {title:text}',
    ru: 'обзор {id:text} записан в файл {file:text}: {title:text}',
    kk: '{id:text} шолуы {file:text} файлына жазылды: {title:text}',
  },
  published: {
    en: 'published {id:text} ({at:text}): {title:text}',
    ru: 'опубликован обзор {id:text} ({at:text}): {title:text}',
    kk: '{id:text} шолуы жарияланды ({at:text}): {title:text}',
  },
  listedPublished: { en: 'published {at:text}', ru: 'опубликован {at:text}', kk: 'жарияланды {at:text}' },
  listedUnpublished: { en: 'unpublished', ru: 'не опубликован', kk: 'жарияланбаған' },
  none: { en: '', ru: 'обзоров нет', kk: 'шолулар жоқ' },
} as const satisfies ReportWords;

interface Brief {
  readonly id: string;
  readonly title: string;
  readonly publishedAt: string | null;
}

/** `civic brief create --out`: the brief stored and the file written. */
export function briefWrittenLine(b: Brief, file: string, lang: Locale): string {
  return `${phrase(WORDS, lang, 'written', { id: b.id, file, title: b.title })}\n`;
}

/** `civic brief publish`: the brief and when it was published. */
export function briefPublishedLine(b: Brief, lang: Locale): string {
  return `${phrase(WORDS, lang, 'published', { id: b.id, at: utcMoment(lang, b.publishedAt ?? ''), title: b.title })}\n`;
}

/** `civic brief list`: one line a brief, newest first; ru/kk say when there is none. */
export function briefListReport(list: readonly Brief[], lang: Locale): string {
  if (list.length === 0) return lang === 'en' ? '' : `${phrase(WORDS, lang, 'none')}\n`;
  return list
    .map((b) => {
      const state = b.publishedAt
        ? phrase(WORDS, lang, 'listedPublished', { at: utcMoment(lang, b.publishedAt) })
        : phrase(WORDS, lang, 'listedUnpublished');
      return `${b.id}  ${state}  ${b.title}\n`;
    })
    .join('');
}
