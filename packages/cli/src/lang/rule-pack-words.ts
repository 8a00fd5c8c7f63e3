import {
  formatDayCount,
  formatIsoPeriod,
  formatNumber,
  formatWeekday,
  localText,
  type DeadlineRule,
  type Locale,
  type RulePack,
  type Vocabulary,
} from '@civic/core';
import { phrase } from './phrase.ts';

/**
 * The words `civic rules show|list|validate` describes a rule pack with in Russian and Kazakh: how
 * a duty arises, how its deadline is counted, what an offence's fine is, the events periods count
 * from. The pack's own texts (titles, citations, offender kinds) come from the pack in the language.
 */
export const RULE_WORDS = {
  valid: { en: 'valid', ru: 'корректен', kk: 'дұрыс' },
  invalid: { en: 'INVALID', ru: 'С ОШИБКАМИ', kk: 'ҚАТЕЛЕРІ БАР' },
  unverified: { en: ' [UNVERIFIED]', ru: ' [НЕ ПРОВЕРЕНО]', kk: ' [ТЕКСЕРІЛМЕГЕН]' },
  heading: {
    en: '{name:text} ({id:text}, {jurisdiction:text}; reviewed {reviewed:text})',
    ru: '{name:text} ({id:text}, {jurisdiction:text}; проверен {reviewed})',
    kk: '{name:text} ({id:text}, {jurisdiction:text}; {reviewed:on} тексерілген)',
  },
  obligations: { en: 'Obligations:', ru: 'Обязанности:', kk: 'Міндеттер:' },
  offences: { en: 'Offences:', ru: 'Правонарушения:', kk: 'Құқық бұзушылықтар:' },
  limitation: { en: 'Limitation:', ru: 'Сроки давности:', kk: 'Ескіру мерзімдері:' },
  appeals: { en: 'Appeals:', ru: 'Обжалование:', kk: 'Шағымдану:' },
  none: { en: '  (none)', ru: '  (нет)', kk: '  (жоқ)' },
  rangeOpen: { en: '', ru: '{from:from}, действует', kk: '{from:from} бастап, қолданыста' },
  rangeClosed: { en: '', ru: '{from:from} по {to}', kk: '{from:from} {to:until}' },
  obligation: {
    en: '',
    ru: '  {title:text} [{range:text}] {trigger:text}, форма {form:text}, срок: {deadline:text}',
    kk: '  {title:text} [{range:text}] {trigger:text}, {form:text} нысаны, мерзімі: {deadline:text}',
  },
  fixedDay: {
    en: '',
    ru: '{day:text}-е число месяца через {months:text} после окончания периода',
    kk: 'кезең аяқталғаннан кейін {months:text} өткен айдың {day:text}-күні',
  },
  lastDay: { en: '', ru: 'последний', kk: 'соңғы' },
  offence: {
    en: '',
    ru: '  {cite:text} [{range:text}] {title:text}',
    kk: '  {cite:text} [{range:text}] {title:text}',
  },
  tier: { en: '', ru: '    {name:text}: штраф — {fine:text}', kk: '    {name:text}: айыппұл — {fine:text}' },
  fineUnknown: { en: '', ru: 'размер не установлен', kk: 'мөлшері белгіленбеген' },
  fineIn: { en: '', ru: ' ({unit:text})', kk: ' ({unit:text})' },
  suspension: {
    en: '',
    ru: ', приостановление деятельности (наибольший срок — {months:text})',
    kk: ', қызметті тоқтата тұру (ең ұзақ мерзімі — {months:text})',
  },
  ban: { en: '', ru: ', запрет деятельности', kk: ', қызметке тыйым салу' },
  repeat: {
    en: '',
    ru: ', повторное правонарушение (срок для повторности — {period})',
    kk: ', қайталанған құқық бұзушылық (қайталану мерзімі — {period})',
  },
  limitationRule: {
    en: '',
    ru: '  {cite:text} [{range:text}] {period} {from:text}{continuing:text}',
    kk: '  {cite:text} [{range:text}] {from:text} {period}{continuing:text}',
  },
  continuing: {
    en: '',
    ru: '; для длящегося — {from:text}',
    kk: '; созылмалы құқық бұзушылық үшін — {from:text}',
  },
  appeal: {
    en: '',
    ru: '  {title:text}: жалоба — {deadline:text} {from:text}',
    kk: '  {title:text}: шағым — {from:text} {deadline:text}',
  },
  fineUnit: {
    en: '',
    ru: 'Единица штрафов: {name:text} ({currency:text}), берётся {appliesAt:text}',
    kk: 'Айыппұл бірлігі: {name:text} ({currency:text}), {appliesAt:text} алынады',
  },
  calendar: {
    en: '',
    ru: 'Календарь (выходные: {weekends:text}):',
    kk: 'Күнтізбе (демалыс күндері: {weekends:text}):',
  },
  year: {
    en: '',
    ru: '  {year:text}: {holidays:text}, {moved:text}, {transfers:text}; {working:text}',
    kk: '  {year:text}: {holidays:text}, {moved:text}, {transfers:text}; {working:text}',
  },
  workingUnknown: { en: '', ru: 'рабочих дней: ?', kk: 'жұмыс күндері: ?' },
  summary: {
    en: '{target:text}: valid ({id:text}: {obligations:text} obligations, {offences:text} offences, calendar {years:text} years, {unverified:text} unverified rules)',
    ru: '{target:text}: корректен ({id:text}: {obligations:text}, {offences:text}, календарь на {years:text}, {unverified:text})',
    kk: '{target:text}: дұрыс ({id:text}: {obligations:text}, {offences:text}, {years:text} күнтізбесі, {unverified:text})',
  },
} as const;

/** How a duty arises. */
export const TRIGGER_LABELS: Vocabulary<'each-receipt' | 'month' | 'quarter' | 'half-year' | 'year'> = {
  'each-receipt': { en: 'each receipt', ru: 'по каждому поступлению', kk: 'әр түсім бойынша' },
  month: { en: 'month', ru: 'ежемесячно', kk: 'ай сайын' },
  quarter: { en: 'quarter', ru: 'ежеквартально', kk: 'тоқсан сайын' },
  'half-year': { en: 'half-year', ru: 'раз в полугодие', kk: 'жарты жыл сайын' },
  year: { en: 'year', ru: 'ежегодно', kk: 'жыл сайын' },
};

/** The event a limitation period or an appeal deadline counts from. */
export const EVENT_LABELS: Vocabulary<'commission' | 'discovery' | 'service' | 'receipt' | 'ruling'> = {
  commission: { en: 'commission', ru: 'со дня совершения', kk: 'жасалған күннен бастап' },
  discovery: { en: 'discovery', ru: 'со дня обнаружения', kk: 'анықталған күннен бастап' },
  service: { en: 'service', ru: 'со дня вручения постановления', kk: 'қаулы тапсырылған күннен бастап' },
  receipt: { en: 'receipt', ru: 'со дня получения жалобы', kk: 'шағым алынған күннен бастап' },
  ruling: { en: 'ruling', ru: 'со дня вынесения постановления', kk: 'қаулы шығарылған күннен бастап' },
};

/** The day whose fine-unit value a fine takes. */
export const APPLIES_AT_LABELS: Vocabulary<'proceedings-start' | 'offence' | 'ruling'> = {
  'proceedings-start': {
    en: 'proceedings-start',
    ru: 'на день возбуждения производства по делу',
    kk: 'іс бойынша іс жүргізу қозғалған күнгі мәні',
  },
  offence: { en: 'offence', ru: 'на день правонарушения', kk: 'құқық бұзушылық күнгі мәні' },
  ruling: { en: 'ruling', ru: 'на день вынесения постановления', kk: 'қаулы шығарылған күнгі мәні' },
};

/** A rule's days in force: «с 30 марта 2018 г., действует», «2016 жылғы 19 қазаннан 2018 жылғы 29 наурызға дейін». */
export function inForceText(lang: Locale, r: { inForce: { from: string; to: string | null } }): string {
  return r.inForce.to === null
    ? phrase(RULE_WORDS.rangeOpen, lang, { from: r.inForce.from })
    : phrase(RULE_WORDS.rangeClosed, lang, { from: r.inForce.from, to: r.inForce.to });
}

/** How a deadline is counted, in words: «10 рабочих дней», «15-е число месяца через 2 месяца после…». */
export function deadlineText(lang: Locale, d: DeadlineRule): string {
  switch (d.kind) {
    case 'working-days':
    case 'calendar-days':
      return formatDayCount(lang, d.days, d.kind);
    case 'period':
      return formatIsoPeriod(lang, d.period);
    case 'fixed-day':
      return phrase(RULE_WORDS.fixedDay, lang, {
        day: d.day === 'last' ? phrase(RULE_WORDS.lastDay, lang) : String(d.day),
        months: formatIsoPeriod(lang, `P${d.monthOffset}M`),
      });
  }
}

/** An offence tier's fine by kind of offender, in the pack's fine unit; «размер не установлен» when none is known. */
export function fineText(
  lang: Locale,
  pack: RulePack,
  fine: Readonly<Record<string, number | null>>,
): string {
  const known = Object.entries(fine).filter((e): e is [string, number] => e[1] !== null);
  if (known.length === 0) return phrase(RULE_WORDS.fineUnknown, lang);
  const kinds = new Map(pack.offenderKinds.map((k) => [k.id, localText(k.title, lang)]));
  const unit = pack.fineUnit
    ? phrase(RULE_WORDS.fineIn, lang, { unit: localText(pack.fineUnit.name, lang) })
    : '';
  return `${known.map(([kind, n]) => `${kinds.get(kind) ?? kind}: ${formatNumber(lang, n)}`).join('; ')}${unit}`;
}

/** The pack's weekend days by name: «суббота, воскресенье». */
export function weekendsText(lang: Locale, weekends: readonly string[]): string {
  const order = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  return weekends.map((d) => formatWeekday(lang, order.indexOf(d) + 1)).join(', ');
}
