import { formatNumber, hasLabel, labelOf, type Locale, type Vocabulary } from '@civic/core';
import { phrase } from './phrase.ts';

/** What the demo seed made, by the summary's keys (seedDemo); an unknown key falls back to a generic word. */
export const DEMO_SUMMARY_LABELS: Vocabulary<string> = {
  organisations: { en: 'organisations', ru: 'организации', kk: 'ұйымдар' },
  accounts: { en: 'accounts', ru: 'учётные записи пользователей', kk: 'пайдаланушы тіркелгілері' },
  memberships: { en: 'memberships', ru: 'членство в организациях', kk: 'ұйымдардағы мүшелік' },
  networks: { en: 'networks', ru: 'сети партнёров', kk: 'серіктестер желілері' },
  officialRates: { en: 'officialRates', ru: 'официальные курсы валют', kk: 'ресми валюта бағамдары' },
  ledgerSources: { en: 'ledgerSources', ru: 'источники финансирования', kk: 'қаржыландыру көздері' },
  ledgerGrants: { en: 'ledgerGrants', ru: 'гранты', kk: 'гранттар' },
  ledgerReceipts: { en: 'ledgerReceipts', ru: 'поступления', kk: 'түсімдер' },
  ledgerExpenditures: { en: 'ledgerExpenditures', ru: 'расходы', kk: 'шығыстар' },
  bankLines: { en: 'bankLines', ru: 'строки банковских выписок', kk: 'банк үзінділерінің жолдары' },
  foreignCandidates: {
    en: 'foreignCandidates',
    ru: 'возможные иностранные поступления',
    kk: 'ықтимал шетелдік түсімдер',
  },
  filings: { en: 'filings', ru: 'отчёты', kk: 'есептер' },
  filingsLate: { en: 'filingsLate', ru: 'отчёты, поданные с опозданием', kk: 'кешігіп тапсырылған есептер' },
  filingsCorrected: { en: 'filingsCorrected', ru: 'исправленные отчёты', kk: 'түзетілген есептер' },
  obligationsMissed: {
    en: 'obligationsMissed',
    ru: 'неисполненные обязанности',
    kk: 'орындалмаған міндеттер',
  },
  cases: { en: 'cases', ru: 'дела', kk: 'істер' },
  caseActions: { en: 'caseActions', ru: 'действия по делам', kk: 'істер бойынша әрекеттер' },
  incidents: { en: 'incidents', ru: 'инциденты', kk: 'оқиғалар' },
};

const OTHER_RECORDS = { en: 'other records', ru: 'прочие записи', kk: 'басқа жазбалар' } as const;

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
      : `  ${hasLabel(DEMO_SUMMARY_LABELS, k) ? labelOf(DEMO_SUMMARY_LABELS, k, lang) : OTHER_RECORDS[lang]}: ${formatNumber(lang, v)}`,
  );
  return `${phrase(WORDS.demoReady, lang, { db })}\n${rows.join('\n')}\n`;
}

/** `civic init --org NAME`: the database made and its organisation. */
export function createdLine(db: string, org: { name: string; id: string }, lang: Locale): string {
  return `${phrase(WORDS.created, lang, { db, name: org.name, id: org.id })}\n`;
}
