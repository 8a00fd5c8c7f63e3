import {
  DEMO_SUMMARY_LABELS,
  formatNumber,
  OTHER_RECORDS_LABEL,
  hasLabel,
  labelOf,
  type Locale,
} from '@civic/core';
import { phrase } from './phrase.ts';

const WORDS = {
  demoReady: {
    en: 'demo database ready at {db:text}',
    ru: 'демонстрационная база данных готова: {db:text}',
    kk: 'демонстрациялық дерекқор дайын: {db:text}',
  },
  created: {
    en: 'created {db:text} with organisation "{name:text}" ({id:text})',
    ru: 'создана база данных {db:text} с организацией «{name:text}» ({id:text})',
    kk: '{db:text} дерекқоры «{name:text}» ұйымымен құрылды ({id:text})',
  },
} as const;

/** `civic init --demo`: where the demo database is, then what the seed made, one line a kind. */
export function demoReport(db: string, summary: Readonly<Record<string, number>>, lang: Locale): string {
  const rows = Object.entries(summary).map(([k, v]) =>
    lang === 'en'
      ? `  ${k}: ${String(v)}`
      : `  ${hasLabel(DEMO_SUMMARY_LABELS, k) ? labelOf(DEMO_SUMMARY_LABELS, k, lang) : OTHER_RECORDS_LABEL[lang]}: ${formatNumber(lang, v)}`,
  );
  return `${phrase(WORDS.demoReady, lang, { db })}\n${rows.join('\n')}\n`;
}

/** `civic init --org NAME`: the database made and its organisation. */
export function createdLine(db: string, org: { name: string; id: string }, lang: Locale): string {
  return `${phrase(WORDS.created, lang, { db, name: org.name, id: org.id })}\n`;
}
