import type { LintCode } from '../filings/lint-problem.ts';
import type { Vocabulary } from './vocabulary.ts';

/** What each filing lint problem is, in a few words (the code's full message is in docs/errors.md). */
export const LINT_CODE_LABELS: Vocabulary<LintCode> = {
  LINT_SOURCE_CATEGORY_MISSING: {
    en: 'Source category not set',
    ru: 'Не указана категория источника',
    kk: 'Көз санаты көрсетілмеген',
  },
  LINT_SOURCE_COUNTRY_MISSING: {
    en: 'Source country not set',
    ru: 'Не указана страна источника',
    kk: 'Көздің елі көрсетілмеген',
  },
  LINT_RATE_MISSING: { en: 'No exchange rate', ru: 'Нет курса валюты', kk: 'Валюта бағамы жоқ' },
  LINT_RATE_NOT_OFFICIAL: {
    en: 'Equivalent not at the official rate',
    ru: 'Эквивалент не по официальному курсу',
    kk: 'Балама ресми бағам бойынша емес',
  },
  LINT_RATE_CARRIED_FORWARD: {
    en: 'Rate of an earlier day',
    ru: 'Курс предыдущего дня',
    kk: 'Алдыңғы күннің бағамы',
  },
  LINT_PROPERTY_VALUATION_MISSING: {
    en: 'Property not valued',
    ru: 'Имущество не оценено',
    kk: 'Мүлік бағаланбаған',
  },
  LINT_AMOUNT_NOT_POSITIVE: {
    en: 'Amount not positive',
    ru: 'Сумма не больше нуля',
    kk: 'Сома нөлден артық емес',
  },
  LINT_ALLOCATION_MISMATCH: {
    en: 'Allocations do not add up to the expense',
    ru: 'Распределение не равно сумме расхода',
    kk: 'Бөлу шығыс сомасына тең емес',
  },
  LINT_EXPENSE_EXCEEDS_GRANT: {
    en: 'Expense beyond the grant balance',
    ru: 'Расход превышает остаток гранта',
    kk: 'Шығыс грант қалдығынан асады',
  },
  LINT_EXPENSE_BEFORE_GRANT_START: {
    en: 'Expense before the grant starts',
    ru: 'Расход до начала гранта',
    kk: 'Шығыс грант басталғанға дейін',
  },
  LINT_EXPENSE_AFTER_GRANT_END: {
    en: 'Expense after the grant ends',
    ru: 'Расход после окончания гранта',
    kk: 'Шығыс грант аяқталғаннан кейін',
  },
  LINT_RECEIPT_OUTSIDE_PERIOD: {
    en: 'Receipt outside the reporting period',
    ru: 'Поступление вне отчётного периода',
    kk: 'Түсім есепті кезеңнен тыс',
  },
  LINT_EXPENSE_OUTSIDE_PERIOD: {
    en: 'Expense outside the reporting period',
    ru: 'Расход вне отчётного периода',
    kk: 'Шығыс есепті кезеңнен тыс',
  },
  LINT_RECEIPT_WITHOUT_GRANT: {
    en: 'Receipt not linked to a grant',
    ru: 'Поступление не привязано к гранту',
    kk: 'Түсім грантқа байланыстырылмаған',
  },
  LINT_DUPLICATE_RECEIPT: {
    en: 'Possible duplicate receipt',
    ru: 'Возможно повторное поступление',
    kk: 'Түсім қайталануы мүмкін',
  },
  LINT_TOTALS_MISMATCH: {
    en: 'Totals do not reconcile',
    ru: 'Итоги не сходятся',
    kk: 'Қорытындылар сәйкес келмейді',
  },
  LINT_RECORD_NOT_IN_LEDGER: {
    en: 'Record no longer in the ledger',
    ru: 'Записи больше нет в учёте',
    kk: 'Жазба есепте енді жоқ',
  },
  LINT_RECORD_CHANGED: {
    en: 'Record changed since preparation',
    ru: 'Запись изменилась после подготовки',
    kk: 'Жазба дайындалғаннан кейін өзгерді',
  },
  LINT_NOTIFICATION_MISSING: {
    en: 'Receipt with no notification',
    ru: 'Поступление без уведомления',
    kk: 'Хабарламасыз түсім',
  },
  LINT_NOTIFICATION_LATE: {
    en: 'Notification late',
    ru: 'Уведомление подано с опозданием',
    kk: 'Хабарлама кешіктіріліп берілді',
  },
  LINT_NOTIFICATION_PENDING: {
    en: 'Notification not yet submitted',
    ru: 'Уведомление ещё не подано',
    kk: 'Хабарлама әлі берілмеген',
  },
  LINT_FILING_OVERDUE: {
    en: 'Filing overdue',
    ru: 'Срок подачи пропущен',
    kk: 'Тапсыру мерзімі өтіп кетті',
  },
  LINT_CORRECTION_UNCHANGED: {
    en: 'Correction changes nothing',
    ru: 'Исправление ничего не меняет',
    kk: 'Түзету ештеңені өзгертпейді',
  },
  LINT_RULE_UNVERIFIED: {
    en: 'Rule not verified against the official text',
    ru: 'Норма не сверена с официальным текстом',
    kk: 'Норма ресми мәтінмен салыстырылмаған',
  },
  LINT_FILING_EMPTY: {
    en: 'Nothing to report in the period',
    ru: 'За период нечего отражать',
    kk: 'Кезеңде көрсететін ештеңе жоқ',
  },
};
