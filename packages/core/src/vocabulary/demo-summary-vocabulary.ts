import type { Vocabulary } from './vocabulary.ts';

/**
 * What the demo seed made, by the keys of its summary (app's seedDemo), as `civic init --demo` and
 * `npm start` print it; a key not listed reads OTHER_RECORDS_LABEL, never the key.
 */
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

/** A kind of record the demo summary names that DEMO_SUMMARY_LABELS does not know (yet). */
export const OTHER_RECORDS_LABEL = {
  en: 'other records',
  ru: 'прочие записи',
  kk: 'басқа жазбалар',
} as const;
