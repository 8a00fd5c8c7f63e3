import type { Locale } from '../locale.ts';
import { renderMessage, type MessageParam, type MessageTemplates } from './message-template.ts';
import type { Vocabulary } from './vocabulary.ts';

/** The columns of `civic ledger export --format csv`, in order (the English header is these codes). */
export const JOURNAL_CSV_COLUMNS = [
  'date',
  'type',
  'id',
  'source',
  'category',
  'grant',
  'account',
  'amount',
  'currency',
  'kzt',
  'rate_status',
  'rate_date',
  'rate',
  'rate_units',
  'rate_source',
  'description',
  'extras',
  'budget_line',
] as const;
export type JournalCsvColumn = (typeof JOURNAL_CSV_COLUMNS)[number];

/**
 * The CSV header in each language. English keeps the column codes scripts already read; Russian
 * and Kazakh name each column for an accountant opening the file in a spreadsheet.
 */
export const JOURNAL_CSV_COLUMN_LABELS: Vocabulary<JournalCsvColumn> = {
  date: { en: 'date', ru: 'дата', kk: 'күні' },
  type: { en: 'type', ru: 'вид записи', kk: 'жазба түрі' },
  id: { en: 'id', ru: 'идентификатор', kk: 'сәйкестендіргіш' },
  source: { en: 'source', ru: 'иностранный источник', kk: 'шетелдік көз' },
  category: { en: 'category', ru: 'категория источника', kk: 'көз санаты' },
  grant: { en: 'grant', ru: 'грант (договор)', kk: 'грант (шарт)' },
  account: { en: 'account', ru: 'банковский счёт', kk: 'банк шоты' },
  amount: { en: 'amount', ru: 'сумма', kk: 'сома' },
  currency: { en: 'currency', ru: 'валюта', kk: 'валюта' },
  // The equivalent in the pack's currency (tenge for kz, rupees for in-fcra).
  kzt: { en: 'kzt', ru: 'эквивалент в национальной валюте', kk: 'ұлттық валютадағы балама' },
  rate_status: { en: 'rate_status', ru: 'статус курса', kk: 'бағам мәртебесі' },
  rate_date: { en: 'rate_date', ru: 'дата курса', kk: 'бағам күні' },
  rate: { en: 'rate', ru: 'курс', kk: 'бағам' },
  rate_units: { en: 'rate_units', ru: 'единиц валюты', kk: 'валюта бірлігі' },
  rate_source: { en: 'rate_source', ru: 'источник курса', kk: 'бағам көзі' },
  description: { en: 'description', ru: 'описание', kk: 'сипаттама' },
  // The bank's own fields the importer does not read, kept with the line (JSON).
  extras: { en: 'extras', ru: 'прочие поля банка', kk: 'банктің басқа өрістері' },
  // The grant's budget line an expenditure allocation is charged to (last: older readers keep their columns).
  budget_line: { en: 'budget_line', ru: 'статья бюджета', kk: 'бюджет бабы' },
};

/** The `type` column of a journal CSV row (English: the codes). */
export const JOURNAL_ROW_TYPE_LABELS: Vocabulary<'receipt' | 'expenditure' | 'bank-line'> = {
  receipt: { en: 'receipt', ru: 'поступление', kk: 'түсім' },
  expenditure: { en: 'expenditure', ru: 'расход', kk: 'шығыс' },
  'bank-line': { en: 'bank-line', ru: 'банковская операция', kk: 'банк операциясы' },
};

/** The human text of a journal: its heading comment and the notes among its rows. */
export const JOURNAL_WORDS = {
  propertyInKind: { en: 'property in kind: ', ru: 'имущество в натуральной форме: ', kk: 'заттай мүлік: ' },
  headingFunding: {
    en: 'CivicLedger journal (foreign funding), amounts in their own currency, KZT equivalents in the kzt metadata.',
    ru: 'Журнал CivicLedger (иностранное финансирование): суммы в своей валюте, эквиваленты в тенге в метаданных kzt.',
    kk: 'CivicLedger журналы (шетелдік қаржыландыру): сомалар өз валютасында, теңгедегі баламалары kzt метадеректерінде.',
  },
  headingAll: {
    en: 'CivicLedger journal (the whole books: bank lines and foreign funding), amounts in their own currency, KZT equivalents in the kzt metadata.',
    ru: 'Журнал CivicLedger (все книги: банковские операции и иностранное финансирование): суммы в своей валюте, эквиваленты в тенге в метаданных kzt.',
    kk: 'CivicLedger журналы (барлық кітаптар: банк операциялары мен шетелдік қаржыландыру): сомалар өз валютасында, теңгедегі баламалары kzt метадеректерінде.',
  },
  accountsFunding: {
    en: 'Assets:Grants:<agreement> = received - spent per grant; Income:Foreign sources:<source> = received per source;',
    ru: 'Assets:Grants:<договор> = получено минус израсходовано по гранту; Income:Foreign sources:<источник> = получено от источника;',
    kk: 'Assets:Grants:<шарт> = грант бойынша алынғаны минус жұмсалғаны; Income:Foreign sources:<көз> = көзден алынғаны;',
  },
  accountsExpenses: {
    en: 'Expenses:Grants:<source>:<agreement> = spent per grant under its source.',
    ru: 'Expenses:Grants:<источник>:<договор> = израсходовано по гранту этого источника.',
    kk: 'Expenses:Grants:<көз>:<шарт> = осы көздің гранты бойынша жұмсалғаны.',
  },
  accountsBank: {
    en: 'Assets:Bank:<account> = the account balance (bank lines, and receipts and expenditures entered by hand on it),',
    ru: 'Assets:Bank:<счёт> = остаток на счёте (банковские операции, а также поступления и расходы, внесённые вручную),',
    kk: 'Assets:Bank:<шот> = шоттағы қалдық (банк операциялары, сондай-ақ қолмен енгізілген түсімдер мен шығыстар),',
  },
  accountsBankAgainst: {
    en: 'against Income:Bank:... / Expenses:Bank:... The funding and bank views are the same money seen twice; each balances.',
    ru: 'против Income:Bank:... / Expenses:Bank:... Финансирование и банк — одни и те же деньги, показанные дважды; каждая часть сбалансирована.',
    kk: 'Income:Bank:... / Expenses:Bank:... шоттарына қарсы. Қаржыландыру мен банк — екі рет көрсетілген бір ақша; әр бөлігі теңгерілген.',
  },
  propertyUnvalued: {
    en: '{date:text} {source:text}: property in kind without a valuation (receipt {id:text}); nothing to post',
    ru: '{date:text} {source:text}: имущество в натуральной форме без оценки (поступление {id:text}); проводки нет',
    kk: '{date:text} {source:text}: бағаланбаған заттай мүлік (түсім {id:text}); жазба жоқ',
  },
} as const satisfies Record<string, MessageTemplates>;

/** One phrase of a journal in the language (see renderMessage). */
export function journalText(
  locale: Locale,
  key: keyof typeof JOURNAL_WORDS,
  params: Readonly<Record<string, MessageParam>> = {},
): string {
  return renderMessage(JOURNAL_WORDS[key], locale, params);
}
