import type { Locale } from '../locale.ts';
import type { StatementWarning } from '../bank-statement.ts';
import { renderMessage, type MessageTemplates } from './message-template.ts';

/**
 * The bank importers' warnings in each language, by code (docs/formats.md says what each means).
 * A warning never stops an import; it tells the accountant what was read in a way the file did not
 * say plainly. Params are the file's own text (`:text`), days and sums.
 */
export const IMPORT_WARNING_MESSAGES = {
  IMPORT_WARN_HISTORIC_CURRENCY: {
    en: 'Line {line}: the currency code {code:text} has been withdrawn from ISO 4217; read as {read:text}.',
    ru: 'Строка {line}: код валюты {code:text} выведен из ISO 4217; прочитан как {read:text}.',
    kk: '{line}-жол: {code:text} валюта коды ISO 4217-ден алынып тасталған; {read:text} ретінде оқылды.',
  },
  IMPORT_WARN_MONTH_END_DATE: {
    en: 'Line {line}: the bank wrote {written:text} for the end of the month; read as {read}.',
    ru: 'Строка {line}: банк указал {written:text} как конец месяца; прочитано как {read}',
    kk: '{line}-жол: банк ай соңын {written:text} деп жазған; {read} ретінде оқылды.',
  },
  IMPORT_WARN_INTERIM_REPORT: {
    en: 'Line {line}: statement {statement:text} is an interim report (MT942): it has no closing balance, so its balance cannot be checked.',
    ru: 'Строка {line}: выписка {statement:text} — промежуточный отчёт (MT942): в ней нет исходящего остатка, поэтому остаток не проверяется.',
    kk: '{line}-жол: {statement:text} үзіндісі — аралық есеп (MT942): шығыс қалдығы жоқ, сондықтан қалдық тексерілмейді.',
  },
  IMPORT_WARN_TAG_IGNORED: {
    en: 'Line {line}: the field :{tag:text}: is not part of MT940 and was ignored.',
    ru: 'Строка {line}: поле :{tag:text}: не входит в MT940 и пропущено.',
    kk: '{line}-жол: :{tag:text}: өрісі MT940-қа кірмейді, өткізіліп жіберілді.',
  },
  IMPORT_WARN_STATEMENT_REPEATED: {
    en: 'Line {line}: statement {statement:text} repeats the one at line {first}; its {lines} lines are counted as duplicates.',
    ru: 'Строка {line}: выписка {statement:text} повторяет выписку на строке {first}; её строки ({lines}) считаются повторами.',
    kk: '{line}-жол: {statement:text} үзіндісі {first}-жолдағыны қайталайды; оның жолдары ({lines}) қайталау болып саналады.',
  },
  IMPORT_WARN_BATCH_KEPT_WHOLE: {
    en: 'Line {line}: the batch entry of {amount:money} lists transactions that add up to {sum:money}; it is kept as one line.',
    ru: 'Строка {line}: пакетная проводка на {amount:money} содержит операции на {sum:money}; она оставлена одной строкой.',
    kk: '{line}-жол: {amount:money} пакеттік жазбасындағы операциялар сомасы {sum:money}; ол бір жол болып қалдырылды.',
  },
  IMPORT_WARN_NO_BOOKED_BALANCE: {
    en: 'Line {line}: the report for account {account:text} gives no opening and closing booked balances; its balance cannot be checked.',
    ru: 'Строка {line}: в отчёте по счёту {account:text} нет входящего и исходящего остатков; остаток не проверяется.',
    kk: '{line}-жол: {account:text} шоты бойынша есепте кіріс және шығыс қалдықтары жоқ; қалдық тексерілмейді.',
  },
  IMPORT_WARN_OUTSIDE_PERIOD: {
    en: 'Line {line}: the payment is booked on {bookedOn}, outside its statement’s period {from} – {to}; it is imported.',
    ru: 'Строка {line}: платёж проведён {bookedOn}, вне периода выписки {from} – {to}; он импортируется.',
    kk: '{line}-жол: төлем {bookedOn} өткізілген, үзінді кезеңінен тыс ({from} – {to}); ол импортталады.',
  },
  IMPORT_WARN_ENTRY_NOT_BOOKED: {
    en: 'Line {line}: the entry has the status {status:text} (not booked) and was left out.',
    ru: 'Строка {line}: проводка в статусе {status:text} (не проведена) пропущена.',
    kk: '{line}-жол: {status:text} мәртебесіндегі (өткізілмеген) жазба өткізіліп жіберілді.',
  },
  IMPORT_WARN_OWNER_BIN_CHECK_DIGIT: {
    en: 'Line {line}: the account owner’s BIN/IIN {bin:text} fails its control digit; check it with the bank. The statement is not matched to an organisation by this number.',
    ru: 'Строка {line}: БИН/ИИН владельца счёта {bin:text} не проходит проверку контрольного разряда; уточните его в банке. По этому номеру выписка не сопоставляется с организацией.',
    kk: '{line}-жол: шот иесінің БСН/ЖСН {bin:text} бақылау разрядының тексеруінен өтпейді; оны банктен нақтылаңыз. Үзінді бұл нөмір бойынша ұйыммен салыстырылмайды.',
  },
} as const satisfies Readonly<Record<string, MessageTemplates>>;

export type ImportWarningCode = keyof typeof IMPORT_WARNING_MESSAGES;

export function isImportWarningCode(code: string): code is ImportWarningCode {
  return Object.hasOwn(IMPORT_WARNING_MESSAGES, code);
}

/** A warning in the language: from its code and params when it has them, else its own text. */
export function importWarningMessage(locale: Locale, w: StatementWarning): string {
  if (w.code === undefined || !isImportWarningCode(w.code)) return w.message;
  return renderMessage(IMPORT_WARNING_MESSAGES[w.code], locale, { line: w.line, ...w.params });
}

/** A statement whose balance does not add up, with its arithmetic, in each language. */
const BALANCE_MISMATCH: MessageTemplates = {
  en: 'Statement {statement:text}, account {account:text}, line {line}: opening {opening:money} + in {totalIn:money} − out {totalOut:money} = {computed:money}, but the closing balance is {closing:money}.',
  ru: 'Выписка {statement:text}, счёт {account:text}, строка {line}: входящий остаток {opening:money} + поступления {totalIn:money} − списания {totalOut:money} = {computed:money}, а исходящий остаток в выписке {closing:money}.',
  kk: '{statement:text} үзіндісі, {account:text} шоты, {line}-жол: кіріс қалдығы {opening:money} + түсімдер {totalIn:money} − шығыстар {totalOut:money} = {computed:money}, ал үзіндідегі шығыс қалдығы {closing:money}.',
};

/** The figures of an unbalanced statement, sums as decimal strings in `currency`. */
export interface BalanceMismatchParams {
  readonly statement: string;
  readonly account: string;
  readonly line: number;
  readonly currency: string;
  readonly opening: string;
  readonly totalIn: string;
  readonly totalOut: string;
  readonly computed: string;
  readonly closing: string;
}

/** «Выписка STMT 1/2, счёт KZ…, строка 12: входящий остаток … = …, а исходящий остаток …». */
export function balanceMismatchMessage(locale: Locale, p: BalanceMismatchParams): string {
  return renderMessage(BALANCE_MISMATCH, locale, { ...p });
}
