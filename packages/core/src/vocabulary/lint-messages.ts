import type { LintCode, LintProblem } from '../filings/lint-problem.ts';
import type { Locale } from '../locale.ts';
import { renderMessage, type MessageParam, type MessageTemplates } from './message-template.ts';

/**
 * The message of each filing lint problem in ru and kk, built from the problem's params (the
 * record's day, the period, a due day — dates through the core formatter). The records involved
 * travel beside the message; no internal id reaches it. English is the lint's own sentence.
 */
export const LINT_MESSAGES: Readonly<Record<LintCode, Omit<MessageTemplates, 'en'>>> = {
  LINT_SOURCE_CATEGORY_MISSING: {
    ru: 'Запись от {on}: не указана категория источника (иностранное государство, международная организация, иностранная организация, иностранный гражданин или лицо без гражданства).',
    kk: '{on} жазбасы: көз санаты көрсетілмеген (шет мемлекет, халықаралық ұйым, шетелдік ұйым, шетел азаматы немесе азаматтығы жоқ адам).',
  },
  LINT_SOURCE_COUNTRY_MISSING: {
    ru: 'Запись от {on}: не указана страна источника.',
    kk: '{on} жазбасы: көздің елі көрсетілмеген.',
  },
  LINT_RATE_MISSING: {
    ru: 'Запись от {on}: нет эквивалента в валюте отчёта по официальному курсу.',
    kk: '{on} жазбасы: есеп валютасында ресми бағам бойынша балама жоқ.',
  },
  LINT_RATE_NOT_OFFICIAL: {
    ru: 'Запись от {on}: эквивалент рассчитан не по официальному курсу на эту дату.',
    kk: '{on} жазбасы: балама осы күнгі ресми бағам бойынша есептелмеген.',
  },
  LINT_RATE_CARRIED_FORWARD: {
    ru: 'Запись от {on}: в этот день курс не публиковался, использован курс предыдущего дня.',
    kk: '{on} жазбасы: бұл күні бағам жарияланбаған, алдыңғы күннің бағамы алынды.',
  },
  LINT_PROPERTY_VALUATION_MISSING: {
    ru: 'Запись от {on}: имущество, полученное в натуральной форме, не оценено.',
    kk: '{on} жазбасы: заттай алынған мүлік бағаланбаған.',
  },
  LINT_AMOUNT_NOT_POSITIVE: {
    ru: 'Запись от {on}: сумма или её часть, отнесённая на грант, не больше нуля.',
    kk: '{on} жазбасы: сома немесе грантқа жатқызылған бөлігі нөлден артық емес.',
  },
  LINT_ALLOCATION_MISMATCH: {
    ru: 'Расход от {on}: суммы, отнесённые на гранты, не равны сумме расхода.',
    kk: '{on} шығысы: гранттарға жатқызылған сомалар шығыс сомасына тең емес.',
  },
  LINT_EXPENSE_EXCEEDS_GRANT: {
    ru: 'Расходы по гранту превысили полученное или предусмотренное договором.',
    kk: 'Грант бойынша шығыстар алынғаннан немесе шартта көзделгеннен асып кетті.',
  },
  LINT_EXPENSE_BEFORE_GRANT_START: {
    ru: 'Расход от {on} отнесён на грант, срок которого ещё не начался.',
    kk: '{on} шығысы мерзімі әлі басталмаған грантқа жатқызылған.',
  },
  LINT_EXPENSE_AFTER_GRANT_END: {
    ru: 'Расход от {on} отнесён на грант, срок которого уже истёк.',
    kk: '{on} шығысы мерзімі өтіп кеткен грантқа жатқызылған.',
  },
  LINT_RECEIPT_OUTSIDE_PERIOD: {
    ru: 'Поступление от {on} вне отчётного периода с {periodFrom} по {periodTo}.',
    kk: '{on} түсімі {periodFrom} – {periodTo} есепті кезеңінен тыс.',
  },
  LINT_EXPENSE_OUTSIDE_PERIOD: {
    ru: 'Расход от {on} вне отчётного периода с {periodFrom} по {periodTo}.',
    kk: '{on} шығысы {periodFrom} – {periodTo} есепті кезеңінен тыс.',
  },
  LINT_RECEIPT_WITHOUT_GRANT: {
    ru: 'Поступление от {on} не привязано к договору гранта.',
    kk: '{on} түсімі грант шартына байланбаған.',
  },
  LINT_DUPLICATE_RECEIPT: {
    ru: 'Два поступления от одного источника в один день на одну сумму: проверьте, не внесено ли одно дважды.',
    kk: 'Бір көзден бір күні бірдей сомаға екі түсім: біреуі екі рет енгізілмегенін тексеріңіз.',
  },
  LINT_TOTALS_MISMATCH: {
    ru: 'Итоги отчёта не сходятся с его строками или с тем, что учёт относит к этой обязанности.',
    kk: 'Есептің қорытындылары оның жолдарымен немесе есепте осы міндетке жатқызылғанмен сәйкес емес.',
  },
  LINT_RECORD_NOT_IN_LEDGER: {
    ru: 'Запись отчёта больше не существует в учёте.',
    kk: 'Есептегі жазба бухгалтерлік есепте енді жоқ.',
  },
  LINT_RECORD_CHANGED: {
    ru: 'Запись изменилась в учёте после подготовки отчёта: подготовьте его заново.',
    kk: 'Есеп дайындалғаннан кейін жазба өзгерді: есепті қайта дайындаңыз.',
  },
  LINT_NOTIFICATION_MISSING: {
    ru: 'Уведомление о поступлении от {on} (срок {dueOn}) так и не подано.',
    kk: '{on:of} түсім туралы хабарлама ({dueOn:until}) тапсырылмаған.',
  },
  LINT_NOTIFICATION_LATE: {
    ru: 'Уведомление о поступлении от {on} подано с опозданием: {submittedOn} при сроке {dueOn}.',
    kk: '{on} түсімі туралы хабарлама кешігіп тапсырылды: мерзімі {dueOn}, тапсырылғаны {submittedOn}.',
  },
  LINT_NOTIFICATION_PENDING: {
    ru: 'Уведомление о поступлении от {on} ещё не подано (срок {dueOn}).',
    kk: '{on} түсімі туралы хабарлама әлі тапсырылмаған (мерзімі {dueOn}).',
  },
  LINT_FILING_OVERDUE: {
    ru: 'Срок подачи {dueOn} прошёл: подача сейчас будет с опозданием.',
    kk: '{dueOn} тапсыру мерзімі өтті: қазір тапсыру кешігу болады.',
  },
  LINT_CORRECTION_UNCHANGED: {
    ru: 'Это исправление ничего не меняет в исправляемом отчёте.',
    kk: 'Бұл түзету түзетілетін есептегі ештеңені өзгертпейді.',
  },
  LINT_RULE_UNVERIFIED: {
    ru: 'Обязанность или её срок опираются на норму, не сверенную с официальным текстом: проверьте её.',
    kk: 'Міндет немесе оның мерзімі ресми мәтінмен салыстырылмаған нормаға сүйенеді: оны тексеріңіз.',
  },
  LINT_FILING_EMPTY: {
    ru: 'В отчёте нет ни одного поступления и ни одного расхода (нулевой отчёт).',
    kk: 'Есепте бірде-бір түсім де, шығыс та жоқ (нөлдік есеп).',
  },
};

/** A lint problem's message in the language: English is the lint's own sentence; ru and kk come from the table. */
export function lintMessage(
  p: Pick<LintProblem, 'code' | 'message'> & {
    readonly params?: Readonly<Record<string, MessageParam>> | undefined;
  },
  locale: Locale,
): string {
  if (locale === 'en' || !Object.hasOwn(LINT_MESSAGES, p.code)) return p.message;
  return renderMessage({ en: p.message, ...LINT_MESSAGES[p.code] }, locale, p.params ?? {});
}
