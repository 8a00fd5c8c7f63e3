import type { Locale } from '../locale.ts';
import { renderMessage, type MessageParam, type MessageTemplates } from './message-template.ts';
import type { Vocabulary } from './vocabulary.ts';

/** A filing's state. */
export const FILING_STATE_LABELS: Vocabulary<'draft' | 'submitted'> = {
  draft: { en: 'draft', ru: 'черновик', kk: 'жоба' },
  submitted: { en: 'submitted', ru: 'представлен', kk: 'тапсырылды' },
};

/** A foreign-funding candidate's state. */
export const CANDIDATE_STATUS_LABELS: Vocabulary<'proposed' | 'confirmed' | 'rejected'> = {
  proposed: { en: 'proposed', ru: 'предложено', kk: 'ұсынылды' },
  confirmed: { en: 'confirmed', ru: 'подтверждено', kk: 'расталды' },
  rejected: { en: 'rejected', ru: 'отклонено', kk: 'қабылданбады' },
};

/** How an amount's equivalent in the jurisdiction's currency was found. */
export const EQUIVALENT_STATUS_LABELS: Vocabulary<'official' | 'carried-forward' | 'missing'> = {
  official: { en: 'official', ru: 'по официальному курсу', kk: 'ресми бағам бойынша' },
  'carried-forward': {
    en: 'carried-forward',
    ru: 'по последнему известному курсу',
    kk: 'соңғы белгілі бағам бойынша',
  },
  missing: { en: 'missing', ru: 'курса нет', kk: 'бағам жоқ' },
};

/** What a balance is grouped by. */
export const BALANCE_DIMENSION_LABELS: Vocabulary<'grant' | 'source' | 'account'> = {
  grant: { en: 'grant', ru: 'по грантам', kk: 'гранттар бойынша' },
  source: { en: 'source', ru: 'по источникам', kk: 'көздер бойынша' },
  account: { en: 'account', ru: 'по счетам', kk: 'шоттар бойынша' },
};

/**
 * The words of the command line's readable output for records (`filings`, `filing prepare|show|
 * submit|render`, `ledger balance`, `import bank`, `candidates`), in ru/kk/en; the reports of
 * claims and deadlines are in report-words.ts, those of incidents, waves, organisations and backups
 * in admin-words.ts. English keeps the output it always had (ISO dates as `:text`, for scripts);
 * Russian and Kazakh dates and sums go through the core formatter.
 */
export const CLI_WORDS = {
  noFilings: { en: '(no filings)', ru: '(отчётов нет)', kk: '(есептер жоқ)' },
  corrects: { en: '  corrects {id:text}', ru: '  исправляет {id:text}', kk: '  {id:text} есебін түзетеді' },
  preparedCorrects: {
    en: ', corrects {id:text}',
    ru: ', исправляет {id:text}',
    kk: ', {id:text} есебін түзетеді',
  },
  prepared: {
    en: 'prepared {id:text} ({form:text}, {period:text}, {state:text}{corrects:text})',
    ru: 'подготовлен отчёт {id:text} ({form:text}, {period:text}, {state:text}{corrects:text})',
    kk: '{id:text} есебі дайындалды ({form:text}, {period:text}, {state:text}{corrects:text})',
  },
  submitted: {
    en: 'submitted {id:text} on {on:text} ({channel:text}, {number:text})',
    ru: 'отчёт {id:text} представлен {on:on} ({channel:text}, входящий № {number:text})',
    kk: '{id:text} есебі {on:on} тапсырылды ({channel:text}, кіріс № {number:text})',
  },
  wrote: {
    en: 'wrote {file:text} ({bytes:text} bytes)',
    ru: 'записан файл {file:text} ({bytes} байт)',
    kk: '{file:text} файлы жазылды ({bytes} байт)',
  },
  balanceBy: {
    en: 'balance by {by:text}',
    ru: 'остатки {by:text}',
    kk: '{by:text} қалдықтар',
  },
  balanceAt: { en: ' at {at:text}', ru: ' на {at}', kk: ', {at:on}' },
  received: { en: 'received', ru: 'получено', kk: 'түсті' },
  spent: { en: 'spent', ru: 'израсходовано', kk: 'жұмсалды' },
  balance: { en: 'balance', ru: 'остаток', kk: 'қалдық' },
  overspent: { en: '  OVERSPENT', ru: '  ПЕРЕРАСХОД', kk: '  АРТЫҚ ЖҰМСАЛҒАН' },
  nothingRecorded: { en: '  (nothing recorded)', ru: '  (записей нет)', kk: '  (жазбалар жоқ)' },
  importSummary: {
    en: '{file:text}: read {read:text}, imported {imported:text}, duplicates {duplicates:text}, foreign-funding candidates {candidates:text}',
    ru: '{file:text}: прочитано {read}, импортировано {imported}, повторов {duplicates}, возможных иностранных поступлений {candidates}',
    kk: '{file:text}: оқылды {read}, импортталды {imported}, қайталанғандар {duplicates}, ықтимал шетелдік түсімдер {candidates}',
  },
  importAccount: {
    en: '  {account:text} {currency:text}: {imported:text} new of {lines:text} lines',
    ru: '  {account:text} {currency:text}: новых {imported} из {lines} строк',
    kk: '  {account:text} {currency:text}: {lines} жолдың {imported} жаңасы',
  },
  importReview: {
    en: 'review them with `civic candidates list`',
    ru: 'проверьте их: `civic candidates list`',
    kk: 'оларды тексеріңіз: `civic candidates list`',
  },
  importWarning: {
    en: 'civic: warning: {file:text}, line {line:text}{field:text}: {message:text}',
    ru: 'civic: предупреждение: {file:text}, строка {line:text}{field:text}: {message:text}',
    kk: 'civic: ескерту: {file:text}, {line:text}-жол{field:text}: {message:text}',
  },
  importWarningField: { en: ', field {field:text}', ru: ', поле {field:text}', kk: ', {field:text} өрісі' },
  noCandidates: {
    en: 'no candidates',
    ru: 'возможных иностранных поступлений нет',
    kk: 'ықтимал шетелдік түсімдер жоқ',
  },
  candidateConfirmed: {
    en: 'confirmed {id:text}: receipt {receipt:text} (KZT equivalent {equivalent:text})',
    ru: 'подтверждено {id:text}: поступление {receipt:text} (эквивалент в тенге: {equivalent:text})',
    kk: '{id:text} расталды: {receipt:text} түсімі (теңгедегі баламасы: {equivalent:text})',
  },
  candidateRejected: { en: 'rejected {id:text}', ru: 'отклонено {id:text}', kk: '{id:text} қабылданбады' },
} as const satisfies Record<string, MessageTemplates>;

export type CliWord = keyof typeof CLI_WORDS;

/** Stands for an optional part left out (renderMessage reads an empty value as «?»). */
export const NOTHING = '\u0001';

/** The params with each empty optional part (`''`) marked, so that it renders as nothing. */
export function present(params: Readonly<Record<string, MessageParam>>): Record<string, MessageParam> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === '' ? NOTHING : v]));
}

/** One phrase of the CLI's readable output in the language, its params through the core formatter. */
export function cliText(
  locale: Locale,
  key: CliWord,
  params: Readonly<Record<string, MessageParam>> = {},
): string {
  return renderMessage(CLI_WORDS[key], locale, present(params)).replaceAll(NOTHING, '');
}
