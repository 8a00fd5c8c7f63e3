import type { Locale } from '../locale.ts';
import { renderMessage, type MessageParam, type MessageTemplates } from './message-template.ts';

/**
 * The words of the command line's readable reports (`civic claim check`, `case check`, `filing
 * lint`, `deadline`, `deadlines`, `obligations`), in ru/kk/en. Finding, lint and deadline messages
 * come from their own vocabularies; these are only the report's frame. English keeps ISO dates
 * (`:text`) for scripts that read it; Russian and Kazakh dates, periods and sums go through the
 * core formatter.
 */
export const REPORT_WORDS = {
  offence: {
    en: 'Offence: article {article:text}, tier {tier:text}',
    ru: 'Правонарушение: ст. {article:text}, {tier:text}',
    kk: 'Құқық бұзушылық: {article:text}-бап, {tier:text}',
  },
  tierUnverified: { en: ' (tier unverified)', ru: ' (санкция не сверена)', kk: ' (санкция тексерілмеген)' },
  limitation: {
    en: 'Limitation: {state:text}: {period:text} from {startsOn:text} ends {expiresOn:text}; evaluated on {evaluatedOn:text} ({event:text})',
    ru: 'Давность: {state:text}: {period} с {startsOn} по {expiresOn}; проверено на {evaluatedOn}',
    kk: 'Ескіру: {state:text}: {startsOn} бастап {period}, {expiresOn} дейін; {evaluatedOn} күнге тексерілді',
  },
  expired: { en: 'EXPIRED', ru: 'ИСТЕКЛА', kk: 'ӨТТІ' },
  running: { en: 'running', ru: 'не истекла', kk: 'өтпеді' },
  limitationMissing: {
    en: 'Limitation: no rule in the pack',
    ru: 'Давность: в пакете правил нет нормы',
    kk: 'Ескіру: ережелер пакетінде норма жоқ',
  },
  alternative: {
    en: '  if counted from {reading:text} on {startsOn:text}: ends {expiresOn:text}, {state:text}',
    ru: '  если считать со дня {reading:text} ({startsOn}): истекает {expiresOn}, {state:text}',
    kk: '  {reading:text} күнінен ({startsOn}) есептесе: {expiresOn} өтеді, {state:text}',
  },
  commission: { en: 'commission', ru: 'совершения', kk: 'жасалған' },
  discovery: { en: 'discovery', ru: 'обнаружения', kk: 'анықталған' },
  unverified: { en: ' [unverified]', ru: ' [не сверено]', kk: ' [тексерілмеген]' },
  penalty: {
    en: 'Penalty: MCI {mciYear:text} = {mciValue:text}; expected {expected:text} {currency:text}; imposed {imposed:text}: {verdict:text}; suspension {suspension:text}',
    ru: 'Взыскание: МРП {mciYear:text} года = {mciValue:money}; положено {expected:money}; наложено {imposed:money}: {verdict:text}; приостановление {suspension:text}',
    kk: 'Жаза: {mciYear:text} жылғы АЕК = {mciValue:money}; тиесілі {expected:money}; салынды {imposed:money}: {verdict:text}; тоқтата тұру {suspension:text}',
  },
  noAmount: { en: 'no amount given', ru: 'сумма не указана', kk: 'сома көрсетілмеген' },
  matches: { en: 'matches', ru: 'совпадает', kk: 'сәйкес' },
  mismatch: { en: 'DOES NOT MATCH', ru: 'НЕ СОВПАДАЕТ', kk: 'СӘЙКЕС ЕМЕС' },
  lawful: { en: 'lawful', ru: 'законно', kk: 'заңды' },
  unlawful: { en: 'NOT LAWFUL', ru: 'НЕЗАКОННО', kk: 'ЗАҢСЫЗ' },
  penaltyNone: { en: 'Penalty: none given', ru: 'Взыскание: не указано', kk: 'Жаза: көрсетілмеген' },
  appeal: {
    en: 'Appeal: complaint due by {deadline:text}',
    ru: 'Обжалование: жалобу подать не позднее {deadline}',
    kk: 'Шағымдану: шағымды {deadline} дейін беру керек',
  },
  ruleUnverified: { en: ' [rule unverified]', ru: ' [норма не сверена]', kk: ' [норма тексерілмеген]' },
  appealNone: {
    en: 'Appeal: no ruling or service date',
    ru: 'Обжалование: нет даты постановления или вручения',
    kk: 'Шағымдану: қаулы немесе тапсыру күні жоқ',
  },
  findings: {
    en: 'Findings ({count:text}):',
    ru: 'Выводы ({count:text}):',
    kk: 'Қорытындылар ({count:text}):',
  },
  favoursDefence: { en: ' (favours the defence)', ru: ' (в пользу защиты)', kk: ' (қорғау пайдасына)' },
  basis: { en: 'basis: {citation:text}', ru: 'основание: {citation:text}', kk: 'негіз: {citation:text}' },
  notVerifiedOfficial: {
    en: ' — not verified against the official text',
    ru: ' — не сверено с официальным текстом',
    kk: ' — ресми мәтінмен салыстырылмаған',
  },
  caseChecked: {
    en: '{title:text} ({id:text}), checked as of {asOf:text}',
    ru: '{title:text} ({id:text}), проверено на {asOf}',
    kk: '{title:text} ({id:text}), {asOf} күнге тексерілді',
  },
  exhibit: { en: '  exhibit: {text:text}', ru: '  приложение: {text:text}', kk: '  қосымша: {text:text}' },
  exhibitFiling: {
    en: '  exhibit: the {form:text} filing for {from:text} — {to:text}, submitted {submittedOn:text}',
    ru: '  приложение: отчёт по форме {form:text} за период {from} — {to}, подан {submittedOn}',
    kk: '  қосымша: {form:text} нысанындағы есеп, кезеңі {from} — {to}, {submittedOn} тапсырылды',
  },
  incomingNumber: { en: ', incoming no. {n:text}', ru: ', вх. № {n:text}', kk: ', кіріс № {n:text}' },
  lintSummary: {
    en: '{id:text}: {errors:text} error(s), {warnings:text} warning(s) as of {asOf:text}',
    ru: '{id:text}: ошибок — {errors:text}, предупреждений — {warnings:text} на {asOf}',
    kk: '{id:text}: қате — {errors:text}, ескерту — {warnings:text}, {asOf} күнге',
  },
  due: { en: 'due: {due:text}', ru: 'срок: {due}', kk: 'мерзімі: {due}' },
  unverifiedLoud: { en: '  (UNVERIFIED)', ru: '  (НЕ СВЕРЕНО)', kk: '  (ТЕКСЕРІЛМЕГЕН)' },
  from: {
    en: 'from: {from:text} ({kind:text})',
    ru: 'от: {from} ({kind:text})',
    kk: 'бастап: {from} ({kind:text})',
  },
  rolledForward: {
    en: '; moved from {date:text}, a day off',
    ru: '; перенесено с {date}, выходного дня',
    kk: '; {date} демалыс күнінен ауыстырылды',
  },
  counted: { en: 'counted: {days:text}', ru: 'засчитаны: {days:text}', kk: 'есептелді: {days:text}' },
  skipped: {
    en: 'skipped {date:text}: {reason:text}',
    ru: 'пропущено {date}: {reason:text}',
    kk: 'өткізілді {date}: {reason:text}',
  },
  citation: {
    en: 'citation: {citation:text}',
    ru: 'основание: {citation:text}',
    kk: 'негіз: {citation:text}',
  },
  note: { en: 'note: {text:text}', ru: 'примечание: {text:text}', kk: 'ескертпе: {text:text}' },
  workingDays: { en: 'working days', ru: 'рабочие дни', kk: 'жұмыс күндері' },
  calendarDays: { en: 'calendar days', ru: 'календарные дни', kk: 'күнтізбелік күндер' },
  months: { en: 'months', ru: 'месяцы', kk: 'айлар' },
  period: { en: 'period', ru: 'период', kk: 'кезең' },
  noDeadlines: { en: 'no open deadlines', ru: 'открытых сроков нет', kk: 'ашық мерзімдер жоқ' },
  passed: { en: ' (passed)', ru: ' (прошёл)', kk: ' (өтіп кетті)' },
  moot: { en: ' (moot)', ru: ' (неактуален)', kk: ' (өзектілігін жойды)' },
  obligationsAsOf: {
    en: 'obligations as of {asOf:text}',
    ru: 'обязательства на {asOf}',
    kk: '{asOf} күнгі міндеттер',
  },
  filing: { en: '  filing {id:text}', ru: '  отчёт {id:text}', kk: '  есеп {id:text}' },
  obligation: { en: 'obligation', ru: 'обязательство', kk: 'міндеттеме' },
  dayOff: { en: 'day off', ru: 'нерабочий день', kk: 'жұмыс емес күн' },
  movedDayOff: {
    en: 'moved day off ({holiday:text})',
    ru: 'перенесённый выходной день ({holiday:text})',
    kk: 'ауыстырылған демалыс күні ({holiday:text})',
  },
  icsBasis: { en: 'Basis: {citation:text}', ru: 'Основание: {citation:text}', kk: 'Негіз: {citation:text}' },
  icsDeadlines: {
    en: 'CivicLedger case deadlines',
    ru: 'CivicLedger: сроки по делам',
    kk: 'CivicLedger: істер бойынша мерзімдер',
  },
  icsObligations: {
    en: 'CivicLedger obligations',
    ru: 'CivicLedger: обязательства',
    kk: 'CivicLedger: міндеттер',
  },
  icsStatus: {
    en: 'Status on {asOf:text}: {status:text}',
    ru: 'Статус на {asOf}: {status:text}',
    kk: '{asOf} күнгі мәртебесі: {status:text}',
  },
  icsPeriod: {
    en: 'Period: {from:text} — {to:text}',
    ru: 'Период: {from} — {to}',
    kk: 'Кезең: {from} — {to}',
  },
  icsLegalBasis: {
    en: 'Legal basis: {citation:text}',
    ru: 'Правовое основание: {citation:text}',
    kk: 'Құқықтық негіз: {citation:text}',
  },
  icsUnverified: {
    en: ' (UNVERIFIED: check against the official text)',
    ru: ' (НЕ СВЕРЕНО: сверьте с официальным текстом)',
    kk: ' (ТЕКСЕРІЛМЕГЕН: ресми мәтінмен салыстырыңыз)',
  },
  icsUnverifiedCategory: { en: 'unverified', ru: 'не сверено', kk: 'тексерілмеген' },
  icsReceipts: {
    en: 'Receipts: {count:text}',
    ru: 'Поступлений: {count:text}',
    kk: 'Түсімдер саны: {count:text}',
  },
  icsSubmitted: { en: 'Submitted {date:text}', ru: 'Подано {date}', kk: '{date} тапсырылды' },
  caseLine: {
    en: '{id:text}  {status:text}  {org:text} — {title:text} ({actions:text} actions{last:text})',
    ru: '{id:text}  {status:text}  {org:text} — {title:text} (действий: {actions:text}{last:text})',
    kk: '{id:text}  {status:text}  {org:text} — {title:text} (әрекеттер: {actions:text}{last:text})',
  },
  caseLast: {
    en: ', last: {kind:text} {date:text}',
    ru: ', последнее: {kind:text} {date}',
    kk: ', соңғысы: {kind:text} {date}',
  },
  noCases: { en: 'no cases', ru: 'дел нет', kk: 'істер жоқ' },
  caseOpen: { en: 'open', ru: 'открыто', kk: 'ашық' },
  caseClosed: { en: 'closed', ru: 'закрыто', kk: 'жабық' },
  caseHeading: {
    en: '{title:text} ({id:text}) — {org:text}, {status:text}',
    ru: '{title:text} ({id:text}) — {org:text}, {status:text}',
    kk: '{title:text} ({id:text}) — {org:text}, {status:text}',
  },
  partlyIllustrative: {
    en: ', partly illustrative',
    ru: ', частично иллюстративно',
    kk: ', ішінара иллюстрациялық',
  },
  actionBy: { en: ' by {authority:text}', ru: ': {authority:text}', kk: ': {authority:text}' },
  actionUnder: {
    en: ' under {article:text}',
    ru: ' по ст. {article:text}',
    kk: ' {article:text}-бап бойынша',
  },
  actionPenalty: { en: ' — {mci:text} MCI', ru: ' — {mci:text} МРП', kk: ' — {mci:text} АЕК' },
  actionAmount: { en: ' = {amount:text} {currency:text}', ru: ' = {amount:money}', kk: ' = {amount:money}' },
  actionSuspension: {
    en: ', suspension {months:text} months',
    ru: ', приостановление на {months:text} мес.',
    kk: ', {months:text} айға тоқтата тұру',
  },
  none: { en: '  (none)', ru: '  (нет)', kk: '  (жоқ)' },
} as const satisfies Record<string, MessageTemplates>;

export type ReportWord = keyof typeof REPORT_WORDS;

/** One report phrase in the language, its params through the core formatter (see renderMessage). */
export function reportText(
  locale: Locale,
  key: ReportWord,
  params: Readonly<Record<string, MessageParam>> = {},
): string {
  return renderMessage(REPORT_WORDS[key], locale, params);
}
